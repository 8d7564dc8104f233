#include "photo_printer.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <algorithm>
#include <ctime>
#include <exception>

namespace gradphoto::print {

namespace {

constexpr int kResolution = 300;

Problem notValid(const QString& name) {
    const std::string printer = name.isEmpty() ? std::string("(none)") : name.toStdString();
    return {"printer_unavailable",
            "找不到可用的打印机 " + printer + "，请检查打印机是否已连接并开机",
            "printer " + printer + " is not available: check that it is connected and on"};
}

Problem printerError(const QString& name) {
    const std::string printer = name.toStdString();
    return {"printer_error",
            "打印机 " + printer + " 报告错误（可能缺纸、卡纸或离线），请工作人员检查",
            "printer " + printer + " reports an error (out of paper, paper jam or offline?)"};
}

Problem aborted(const QString& name) {
    const std::string printer = name.toStdString();
    return {"print_aborted", "打印已取消（" + printer + "）", "printing was aborted on " + printer};
}

Problem startFailed(const QString& name) {
    const std::string printer = name.isEmpty() ? std::string("(none)") : name.toStdString();
    return {"print_failed", "无法开始打印（" + printer + "），请重试或联系工作人员",
            "cannot start printing on " + printer};
}

QString printerLabel(const QPrinter& printer) {
    if (printer.outputFormat() == QPrinter::PdfFormat) return "pdf:" + printer.outputFileName();
    return printer.printerName();
}

// After the pages went to the printer: what it says about the job.
void settle(const QPrinter& printer, PrintOutcome& outcome) {
    if (printer.printerState() == QPrinter::Error)
        outcome.problem = printerError(printerLabel(printer));
    else if (printer.printerState() == QPrinter::Aborted)
        outcome.problem = aborted(printerLabel(printer));
    else
        outcome.ok = true;
}

}  // namespace

PhotoPrinter::PhotoPrinter(store::Database* db) : db_(db) {}

void PhotoPrinter::setUp(QPrinter& printer, const PrintJob& job) {
    // The paper in portrait (short side first); a sheet wider than tall prints in landscape.
    const double shortMm = std::min(job.paper.widthMm, job.paper.heightMm);
    const double longMm = std::max(job.paper.widthMm, job.paper.heightMm);
    const QPageSize size(QSizeF(shortMm, longMm), QPageSize::Millimeter,
                         QString::fromStdString(job.paper.titleEn), QPageSize::ExactMatch);
    bool landscape = false;
    if (job.kind == PrintKind::kSheet && !job.image.isNull())
        landscape = job.image.width() > job.image.height();
    printer.setResolution(kResolution);
    printer.setFullPage(true);
    printer.setPageLayout(QPageLayout(size,
                                      landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    printer.setDocName(job.kind == PrintKind::kSheet ? "排版照" : "标准照");
}

QRectF PhotoPrinter::standardPhotoRect(QPrinter& printer, const PrintJob& job) {
    const QRectF page = printer.pageLayout().fullRectPixels(printer.resolution());
    const double perMm = printer.resolution() / 25.4;
    const QSizeF size(job.photoMm.width * perMm, job.photoMm.height * perMm);
    return {page.center().x() - size.width() / 2, page.center().y() - size.height() / 2,
            size.width(), size.height()};
}

void PhotoPrinter::paint(QPainter& painter, QPrinter& printer, const PrintJob& job) {
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    if (job.kind == PrintKind::kSheet) {
        // The sheet already is the paper at 300 dpi: it fills the page.
        const QRectF page = printer.pageLayout().fullRectPixels(printer.resolution());
        painter.drawImage(page, job.image);
    } else {
        painter.drawImage(standardPhotoRect(printer, job), job.image);
    }
}

std::optional<Problem> PhotoPrinter::readiness(const QPrinter& printer) {
    if (!printer.isValid()) return notValid(printer.printerName());
    if (printer.outputFormat() == QPrinter::NativeFormat) {
        const QPrinterInfo info(printer);
        if (info.isNull()) return notValid(printer.printerName());
        if (info.state() == QPrinter::Error) return printerError(printer.printerName());
    }
    return std::nullopt;
}

PrintOutcome PhotoPrinter::print(QPrinter& printer, const PrintJob& job, std::int64_t begun) {
    PrintOutcome outcome;
    if (const auto problem = readiness(printer)) {
        outcome.problem = *problem;
    } else if (job.image.isNull()) {
        outcome.problem = {"print_nothing", "没有可打印的照片", "there is no photo to print"};
    } else {
        setUp(printer, job);
        QPainter painter;
        if (!painter.begin(&printer)) {
            outcome.problem = startFailed(printerLabel(printer));
        } else {
            paint(painter, printer, job);
            painter.end();
            settle(printer, outcome);
        }
    }
    if (begun != 0 && db_) {
        outcome.recordId = begun;
        try {
            settleRow(begun, printer, outcome);
        } catch (const Error& e) {
            outcome.unrecorded = e.problem();
        } catch (const std::exception& e) {
            outcome.unrecorded = Problem{"db_error", e.what(), e.what()};
        }
    } else {
        outcome.recordId = record(printer, job, outcome);
    }
    return outcome;
}

std::unique_ptr<QPrintPreviewDialog> PhotoPrinter::previewDialog(QPrinter& printer,
                                                                 const PrintJob& job,
                                                                 QWidget* parent) {
    setUp(printer, job);
    auto dialog = std::make_unique<QPrintPreviewDialog>(&printer, parent);
    dialog->setWindowTitle(job.kind == PrintKind::kSheet ? QStringLiteral("打印预览：排版照")
                                                         : QStringLiteral("打印预览：标准照"));
    QObject::connect(dialog.get(), &QPrintPreviewDialog::paintRequested, dialog.get(),
                     [job](QPrinter* target) {
                         QPainter painter(target);
                         paint(painter, *target, job);
                     });
    return dialog;
}

PrintOutcome PhotoPrinter::preview(QPrinter& printer, const PrintJob& job, QWidget* parent) {
    PrintOutcome outcome;
    if (const auto problem = readiness(printer)) {
        outcome.problem = *problem;
        outcome.recordId = record(printer, job, outcome);
        return outcome;
    }
    auto dialog = previewDialog(printer, job, parent);
    if (dialog->exec() != QDialog::Accepted) {
        outcome.problem = {"print_cancelled", "已关闭打印预览，未打印",
                           "the preview was closed without printing"};
        return outcome;  // nothing was printed: nothing to record
    }
    settle(printer, outcome);
    outcome.recordId = record(printer, job, outcome);
    return outcome;
}

std::int64_t PhotoPrinter::begin(const PrintJob& job) {
    if (!db_) return 0;
    return insertRow(job, 1, {}, false, kUnfinished);
}

void PhotoPrinter::settleRow(std::int64_t row, const QPrinter& printer,
                             const PrintOutcome& outcome) {
    auto update = db_->prepare(
        "UPDATE print_jobs SET copies = ?, printer = ?, ok = ?, error = ?, printed_at = ? "
        "WHERE id = ?");
    update.bind(1, std::max(1, printer.copyCount()));
    update.bind(2, printerLabel(printer).toStdString());
    update.bind(3, outcome.ok ? 1 : 0);
    update.bind(4, outcome.problem.code);
    update.bind(5, static_cast<std::int64_t>(std::time(nullptr)));
    update.bind(6, row);
    update.run();
}

void PhotoPrinter::fail(std::int64_t begun, const Problem& problem) {
    if (!db_ || begun == 0) return;
    auto update =
        db_->prepare("UPDATE print_jobs SET ok = 0, error = ?, printed_at = ? WHERE id = ?");
    update.bind(1, problem.code.empty() ? std::string("print_failed") : problem.code);
    update.bind(2, static_cast<std::int64_t>(std::time(nullptr)));
    update.bind(3, begun);
    update.run();
}

std::vector<std::int64_t> PhotoPrinter::markInterrupted(store::Database& db,
                                                        const std::string& boothId) {
    std::vector<std::int64_t> rows;
    auto update =
        db.prepare("UPDATE print_jobs SET error = ? WHERE error = ? AND booth_id = ? RETURNING id");
    update.bind(1, kInterrupted);
    update.bind(2, kUnfinished);
    update.bind(3, boothId);
    while (update.step()) rows.push_back(update.integer(0));
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::int64_t PhotoPrinter::record(const QPrinter& printer, const PrintJob& job,
                                  const PrintOutcome& outcome) {
    if (!db_) return 0;
    return insertRow(job, std::max(1, printer.copyCount()), printerLabel(printer).toStdString(),
                     outcome.ok, outcome.problem.code);
}

std::int64_t PhotoPrinter::insertRow(const PrintJob& job, int copies, const std::string& printer,
                                     bool ok, const std::string& error) {
    auto insert = db_->prepare(
        "INSERT INTO print_jobs (capture_id, kind, paper, copies, printer, booth_id, staff_no, "
        "ok, error, printed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, job.captureId);
    insert.bind(2, job.kind == PrintKind::kSheet ? "sheet" : "standard");
    insert.bind(3, job.paper.name);
    insert.bind(4, copies);
    insert.bind(5, printer);
    insert.bind(6, job.boothId);
    insert.bind(7, job.staffNo);
    insert.bind(8, ok ? 1 : 0);
    insert.bind(9, error);
    insert.bind(10, static_cast<std::int64_t>(std::time(nullptr)));
    insert.run();
    return db_->lastInsertRowId();
}

}  // namespace gradphoto::print
