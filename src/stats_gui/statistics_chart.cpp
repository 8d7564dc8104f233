#include "statistics_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <map>

namespace gradphoto::stats_gui {

namespace {

QChartView* makeView(QWidget* parent) {
    auto* view = new QChartView(new QChart(), parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 280);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
}

QString percentText(const std::optional<double>& rate) {
    return rate ? QString::number(*rate * 100, 'f', 1) + "%" : QStringLiteral("—");
}

}  // namespace

StatisticsChart::StatisticsChart(store::RejectReasons reasons, QWidget* parent)
    : QWidget(parent), reasons_(std::move(reasons)) {
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(this);
    summary_->setObjectName("statisticsSummary");
    layout->addWidget(summary_);
    auto* charts = new QHBoxLayout();
    daysView_ = makeView(this);
    daysView_->setObjectName("statisticsByDay");
    reasonsView_ = makeView(this);
    reasonsView_->setObjectName("statisticsReasons");
    charts->addWidget(daysView_, 3);
    charts->addWidget(reasonsView_, 2);
    layout->addLayout(charts, 1);
    setReport({});
}

std::string StatisticsChart::reasonLabel(const std::string& code) const {
    if (const auto* reason = reasons_.find(code)) return reason->zh;
    return code.empty() ? std::string("未注明") : code;
}

void StatisticsChart::setReport(const stats::StatisticsReport& report) {
    // Per day, all booths together.
    std::map<std::string, stats::BoothDay> days;
    for (const auto& row : report.rows) days[row.day].add(row);
    dayCount_ = static_cast<int>(days.size());

    auto* dayChart = new QChart();
    dayChart->setTitle(QStringLiteral("每日提交、通过与退回"));
    dayChart->legend()->setAlignment(Qt::AlignBottom);
    auto* submitted = new QBarSet(QStringLiteral("提交"));
    auto* approved = new QBarSet(QStringLiteral("通过"));
    auto* rejected = new QBarSet(QStringLiteral("退回"));
    submitted->setColor(QColor(0x3d, 0x7e, 0xd6));
    approved->setColor(QColor(0x3c, 0xa5, 0x5c));
    rejected->setColor(QColor(0xd9, 0x53, 0x4f));
    QStringList categories;
    std::int64_t highest = 0;
    for (const auto& [day, row] : days) {
        categories << QString::fromStdString(day.size() == 10 ? day.substr(5) : day);
        *submitted << static_cast<qreal>(row.submissions);
        *approved << static_cast<qreal>(row.approvals);
        *rejected << static_cast<qreal>(row.rejections);
        highest = std::max({highest, row.submissions, row.approvals, row.rejections});
    }
    auto* bars = new QBarSeries();
    bars->append(submitted);
    bars->append(approved);
    bars->append(rejected);
    dayChart->addSeries(bars);
    auto* axisX = new QBarCategoryAxis();
    axisX->append(categories);
    dayChart->addAxis(axisX, Qt::AlignBottom);
    bars->attachAxis(axisX);
    auto* axisY = new QValueAxis();
    axisY->setRange(0, static_cast<qreal>(std::max<std::int64_t>(1, highest)));
    axisY->setLabelFormat("%d");
    axisY->applyNiceNumbers();
    dayChart->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisY);
    QChart* oldDays = daysView_->chart();
    daysView_->setChart(dayChart);
    delete oldDays;

    auto* reasonChart = new QChart();
    reasonChart->setTitle(QStringLiteral("退回原因"));
    reasonChart->legend()->setAlignment(Qt::AlignBottom);
    auto* pie = new QPieSeries();
    for (const auto& [code, n] : report.total.rejectionsByReason) {
        auto* slice =
            pie->append(QString::fromStdString(reasonLabel(code)) + QStringLiteral("（%1）").arg(n),
                        static_cast<qreal>(n));
        slice->setLabelVisible(false);
    }
    reasonCount_ = static_cast<int>(pie->count());
    if (pie->count() == 0) reasonChart->setTitle(QStringLiteral("退回原因：无"));
    reasonChart->addSeries(pie);
    QChart* oldReasons = reasonsView_->chart();
    reasonsView_->setChart(reasonChart);
    delete oldReasons;

    const auto& t = report.total;
    summary_->setText(QStringLiteral("会话 %1 · 付费 %2 笔 %3 元 · 提交 %4 · 通过 %5 · 退回 %6 · "
                                     "首次通过率 %7 · 打印 %8 张")
                          .arg(t.sessions)
                          .arg(t.paid.orders)
                          .arg(QString::number(static_cast<double>(t.paid.fen) / 100.0, 'f', 2))
                          .arg(t.submissions)
                          .arg(t.approvals)
                          .arg(t.rejections)
                          .arg(percentText(t.firstPassRate()))
                          .arg(t.prints));
}

}  // namespace gradphoto::stats_gui
