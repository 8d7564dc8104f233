#include "stats_page.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHeaderView>
#include <QVBoxLayout>
#include <map>

#include "console_text.h"
#include "gradphoto/common/atomic_file.h"
#include "gradphoto/stats/statistics_table.h"

namespace gradphoto::console {

namespace {

QString yuan(std::int64_t fen) {
    return QString::number(static_cast<double>(fen) / 100.0, 'f', 2);
}

QTableWidgetItem* number(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

StatsPage::StatsPage(ConsoleContext& context, QWidget* parent) : ConsolePage(context, parent) {
    ui_.setupUi(this);
    chart_ = new stats_gui::StatisticsChart(context_.queue.reasons(), ui_.chartHost);
    auto* host = new QVBoxLayout(ui_.chartHost);
    host->setContentsMargins(0, 0, 0, 0);
    host->addWidget(chart_);
    ui_.dayTable->verticalHeader()->hide();
    ui_.dayTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    connect(ui_.refreshButton, &QPushButton::clicked, this, &StatsPage::refresh);
    connect(ui_.exportCsvButton, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getSaveFileName(this, tr("导出统计 CSV"),
                                         QStringLiteral("statistics-%1-%2.csv")
                                             .arg(ui_.fromDate->date().toString("yyyyMMdd"),
                                                  ui_.toDate->date().toString("yyyyMMdd")),
                                         tr("CSV 文件 (*.csv)"));
        if (!file.isEmpty()) exportCsv(file);
    });
}

void StatsPage::refresh() {
    if (!rangeSet_) {  // the last seven days up to today, the first time the page is shown
        const QDate today = QDateTime::fromSecsSinceEpoch(context_.clock()).date();
        ui_.fromDate->setDate(today.addDays(-6));
        ui_.toDate->setDate(today);
        rangeSet_ = true;
    }
    QDate from = ui_.fromDate->date();
    QDate to = ui_.toDate->date();
    if (to < from) std::swap(from, to);
    stats::StatisticsQuery query;
    query.from = from.startOfDay().toSecsSinceEpoch();
    query.to = to.addDays(1).startOfDay().toSecsSinceEpoch();
    try {
        report_ = stats::collectStatistics(context_.store.database(), query);
    } catch (const Error& e) {
        ui_.messageLabel->setText(problemText(e.problem()));
        return;
    }
    chart_->setReport(report_);

    // One row per day, all booths together, then the total.
    std::map<std::string, stats::BoothDay> days;
    for (const auto& row : report_.rows) {
        auto& day = days[row.day];
        day.day = row.day;
        day.add(row);
    }
    ui_.dayTable->setRowCount(static_cast<int>(days.size()) + 1);
    int r = 0;
    auto put = [&](const QString& label, const stats::BoothDay& d) {
        ui_.dayTable->setItem(r, 0, new QTableWidgetItem(label));
        ui_.dayTable->setItem(r, 1, number(QString::number(d.sessions)));
        ui_.dayTable->setItem(r, 2, number(QString::number(d.paid.orders)));
        ui_.dayTable->setItem(r, 3, number(yuan(d.paid.fen)));
        ui_.dayTable->setItem(r, 4, number(QString::number(d.submissions)));
        ui_.dayTable->setItem(r, 5, number(QString::number(d.approvals)));
        ui_.dayTable->setItem(r, 6, number(QString::number(d.rejections)));
        const auto rate = d.firstPassRate();
        ui_.dayTable->setItem(
            r, 7,
            number(rate ? QString::number(*rate * 100.0, 'f', 1) + "%" : QStringLiteral("—")));
        ui_.dayTable->setItem(r, 8, number(QString::number(d.prints)));
        ++r;
    };
    for (const auto& [day, d] : days) put(QString::fromStdString(day), d);
    put(tr("合计"), report_.total);
    QFont bold = ui_.dayTable->font();
    bold.setBold(true);
    for (int c = 0; c < ui_.dayTable->columnCount(); ++c)
        ui_.dayTable->item(r - 1, c)->setFont(bold);
    ui_.messageLabel->setText(
        days.empty()
            ? tr("%1 至 %2 没有记录").arg(from.toString("yyyy-MM-dd"), to.toString("yyyy-MM-dd"))
            : QString{});
}

bool StatsPage::exportCsv(const QString& file) {
    try {
        writeFileAtomically(file.toStdString(), stats::statisticsCsv(report_));
    } catch (const Error& e) {
        ui_.messageLabel->setText(problemText(e.problem()));
        emit status(problemText(e.problem()), true);
        return false;
    }
    const QString text = tr("统计已导出到 %1").arg(file);
    ui_.messageLabel->setText(text);
    emit status(text, false);
    return true;
}

}  // namespace gradphoto::console
