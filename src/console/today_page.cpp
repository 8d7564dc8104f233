#include "today_page.h"

#include <QDateTime>
#include <QHeaderView>
#include <QKeyEvent>
#include <algorithm>
#include <vector>

#include "console_text.h"

namespace gradphoto::console {

namespace {

QString yuan(std::int64_t fen) {
    return QString::number(static_cast<double>(fen) / 100.0, 'f', 2);
}

QString card(const QString& title, const QString& number, const QString& detail) {
    return QStringLiteral(
               "<div style='font-size:15px;color:#5f6368'>%1</div>"
               "<div style='font-size:34px;font-weight:bold;color:#1a3c6e'>%2</div>"
               "<div style='font-size:15px;color:#3c4043'>%3</div>")
        .arg(title, number, detail);
}

}  // namespace

TodayPage::TodayPage(ConsoleContext& context, QWidget* parent) : ConsolePage(context, parent) {
    ui_.setupUi(this);
    for (QLabel* figure :
         {ui_.sessionsFigure, ui_.paymentsFigure, ui_.submittedFigure, ui_.decisionsFigure}) {
        figure->setTextFormat(Qt::RichText);
        figure->setFrameShape(QFrame::StyledPanel);
        figure->setMargin(16);
        figure->setMinimumHeight(130);
        figure->setStyleSheet(
            "background: #ffffff; border: 1px solid #dadce0; border-radius: 8px;");
    }
    ui_.reasonsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui_.reasonsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ui_.reasonsTable->verticalHeader()->hide();
    connect(ui_.refreshButton, &QPushButton::clicked, this, &TodayPage::refresh);
}

void TodayPage::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_F5) {
        refresh();
        return;
    }
    ConsolePage::keyPressEvent(event);
}

void TodayPage::refresh() {
    const QDateTime now = QDateTime::fromSecsSinceEpoch(context_.clock());
    const QDateTime start = now.date().startOfDay();
    const QDateTime end = now.date().addDays(1).startOfDay();
    ui_.dateLabel->setText(
        tr("<b>%1</b> · 更新于 %2").arg(now.date().toString("yyyy-MM-dd"), now.toString("HH:mm")));
    try {
        figures_ =
            loadTodayFigures(context_.store, start.toSecsSinceEpoch(), end.toSecsSinceEpoch());
        ui_.messageLabel->clear();
    } catch (const Error& e) {
        ui_.messageLabel->setText(problemText(e.problem()));
        return;
    }
    const auto& f = figures_;
    auto outcome = [&](const char* key) {
        const auto it = f.sessionsByOutcome.find(key);
        return it == f.sessionsByOutcome.end() ? std::int64_t{0} : it->second;
    };
    ui_.sessionsFigure->setText(card(tr("自助机会话"), QString::number(f.sessions),
                                     tr("提交 %1 · 取消 %2 · 超时 %3 · 查询 %4 · 出错 %5")
                                         .arg(outcome("submitted"))
                                         .arg(outcome("cancelled"))
                                         .arg(outcome("idle"))
                                         .arg(outcome("status_checked"))
                                         .arg(outcome("failed"))));
    ui_.paymentsFigure->setText(card(tr("缴费"),
                                     tr("%1 笔 · %2 元").arg(f.paidOrders).arg(yuan(f.paidFen)),
                                     tr("其中现金 %1 笔 %2 元 · 免费 %3 笔")
                                         .arg(f.cashOrders)
                                         .arg(yuan(f.cashFen))
                                         .arg(f.waivers)));
    ui_.submittedFigure->setText(
        card(tr("提交审核"), QString::number(f.activity.submitted), tr("含重拍后再次提交")));
    ui_.decisionsFigure->setText(
        card(tr("审核"), tr("通过 %1 · 退回 %2").arg(f.activity.approved).arg(f.activity.rejected),
             tr("退回含撤销通过")));
    // The most frequent reason first.
    std::vector<std::pair<std::string, std::int64_t>> reasons(f.activity.rejectedByReason.begin(),
                                                              f.activity.rejectedByReason.end());
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    ui_.reasonsTable->setRowCount(static_cast<int>(reasons.size()));
    int row = 0;
    for (const auto& [code, count] : reasons) {
        const auto* reason = context_.queue.reasons().find(code);
        ui_.reasonsTable->setItem(row, 0,
                                  new QTableWidgetItem(reason ? localized(reason->zh, reason->en)
                                                              : QString::fromStdString(code)));
        auto* number = new QTableWidgetItem(QString::number(count));
        number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        ui_.reasonsTable->setItem(row, 1, number);
        ++row;
    }
    ui_.reasonsTitle->setText(f.activity.rejectedByReason.empty() ? tr("今日没有退回的照片")
                                                                  : tr("今日退回原因"));
}

}  // namespace gradphoto::console
