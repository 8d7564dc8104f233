#include "unfinished_prints.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "console_text.h"
#include "gradphoto/common/error.h"
#include "gradphoto/store/masking.h"
#include "photo_printer.h"

namespace gradphoto::console {

std::vector<UnfinishedPrint> loadUnfinishedPrints(store::Database& db, int limit) {
    auto s = db.prepare(
        "SELECT p.id, COALESCE(p.capture_id, 0), COALESCE(c.student_no, ''),"
        " COALESCE(st.name, ''), p.kind, p.paper, p.copies, p.booth_id, p.staff_no, p.error,"
        " p.printed_at"
        " FROM print_jobs p"
        " LEFT JOIN captures c ON c.id = p.capture_id"
        " LEFT JOIN students st ON st.student_no = c.student_no"
        " WHERE p.ok = 0 AND p.error IN (?1, ?2)"
        " AND NOT EXISTS (SELECT 1 FROM print_jobs later WHERE later.capture_id = p.capture_id"
        " AND later.ok = 1 AND later.id > p.id)"
        " ORDER BY p.printed_at DESC, p.id DESC LIMIT ?3");
    s.bind(1, print::PhotoPrinter::kUnfinished)
        .bind(2, print::PhotoPrinter::kInterrupted)
        .bind(3, limit);
    std::vector<UnfinishedPrint> rows;
    while (s.step()) {
        UnfinishedPrint row;
        row.id = s.integer(0);
        row.captureId = s.integer(1);
        row.studentNo = s.text(2);
        row.studentName = s.text(3);
        row.kind = s.text(4);
        row.paper = s.text(5);
        row.copies = s.integer(6);
        row.boothId = s.text(7);
        row.staffNo = s.text(8);
        row.state = s.text(9);
        row.printedAt = s.integer(10);
        rows.push_back(std::move(row));
    }
    return rows;
}

UnfinishedPrintsList::UnfinishedPrintsList(QWidget* parent)
    : QGroupBox(tr("未完成的打印"), parent),
      table_(new QTableWidget(0, 6, this)),
      reprintButton_(new QPushButton(tr("打开该学生补打"), this)),
      summaryLabel_(new QLabel(this)) {
    setObjectName("unfinishedPrints");
    table_->setObjectName("unfinishedPrintsTable");
    reprintButton_->setObjectName("reprintButton");
    table_->setHorizontalHeaderLabels(
        {tr("开始打印"), tr("学号"), tr("姓名"), tr("内容"), tr("自助机"), tr("状态")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMinimumHeight(140);
    summaryLabel_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(summaryLabel_, 1);
    buttons->addWidget(reprintButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addLayout(buttons);
    reprintButton_->setEnabled(false);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = table_->currentRow();
        reprintButton_->setEnabled(row >= 0 && row < static_cast<int>(prints_.size()) &&
                                   !prints_[static_cast<std::size_t>(row)].studentNo.empty());
    });
    connect(reprintButton_, &QPushButton::clicked, this, &UnfinishedPrintsList::requestReprint);
    connect(table_, &QTableWidget::cellDoubleClicked, this, &UnfinishedPrintsList::requestReprint);
}

QString UnfinishedPrintsList::stateText(const std::string& state) {
    if (state == print::PhotoPrinter::kInterrupted)
        return tr("中断：打印机未应答时自助机已关闭，请确认是否已打出");
    return tr("未完成：打印机尚未应答，可能仍在打印");
}

void UnfinishedPrintsList::reload(store::Database& db) {
    table_->clearSelection();
    table_->setRowCount(0);
    prints_.clear();
    try {
        prints_ = loadUnfinishedPrints(db);
    } catch (const Error& e) {
        summaryLabel_->setText(problemText(e.problem()));
        reprintButton_->setEnabled(false);
        return;
    }
    table_->setRowCount(static_cast<int>(prints_.size()));
    for (int r = 0; r < static_cast<int>(prints_.size()); ++r) {
        const UnfinishedPrint& p = prints_[static_cast<std::size_t>(r)];
        const QString what =
            (p.kind == "standard" ? tr("标准照") : tr("排版照 %1 张").arg(p.copies)) +
            (p.paper.empty() ? QString() : QStringLiteral(" · ") + QString::fromStdString(p.paper));
        const QStringList cells = {
            QDateTime::fromSecsSinceEpoch(p.printedAt).toString("yyyy-MM-dd HH:mm"),
            QString::fromStdString(p.studentNo),
            QString::fromStdString(store::maskName(p.studentName)),
            what,
            QString::fromStdString(p.boothId),
            stateText(p.state)};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
    summaryLabel_->setText(prints_.empty()
                               ? tr("没有未完成的打印")
                               : tr("%1 次打印未确认完成：请查看打印机是否已打出，没有打出的请补打")
                                     .arg(prints_.size()));
    reprintButton_->setEnabled(false);
}

void UnfinishedPrintsList::requestReprint() {
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(prints_.size())) return;
    const UnfinishedPrint& p = prints_[static_cast<std::size_t>(row)];
    if (!p.studentNo.empty()) emit reprintRequested(QString::fromStdString(p.studentNo));
}

}  // namespace gradphoto::console
