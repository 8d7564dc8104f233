// Printing a layout sheet and a standard photo to a PDF printer (QPrinter::PdfFormat) under
// offscreen Qt: the file, its page size (/MediaBox), the photo's physical size, the print_jobs
// record, printer problems, and the print preview.

#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QRegularExpression>
#include <fstream>
#include <opencv2/imgproc.hpp>

#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/layout/layout_sheet.h"
#include "photo_printer.h"
#include "store/store_fixture.h"

namespace gradphoto::print {
namespace {

namespace fs = std::filesystem;

QImage toQImage(const cv::Mat& bgr) {
    return QImage(bgr.data, bgr.cols, bgr.rows, static_cast<int>(bgr.step), QImage::Format_BGR888)
        .copy();
}

cv::Mat photoMat() {
    cv::Mat img(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    cv::circle(img, {240, 260}, 110, cv::Scalar(60, 80, 120), cv::FILLED);
    return img;
}

struct PdfFacts {
    std::vector<std::pair<double, double>> mediaBoxes;  // width, height in points
    std::string text;
};

PdfFacts readPdf(const fs::path& file) {
    PdfFacts facts;
    facts.text = gradphoto::test::readText(file);
    static const QRegularExpression box(
        R"(/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])");
    auto it = box.globalMatch(
        QString::fromLatin1(facts.text.data(), static_cast<qsizetype>(facts.text.size())));
    while (it.hasNext()) {
        const auto m = it.next();
        facts.mediaBoxes.emplace_back(m.captured(3).toDouble() - m.captured(1).toDouble(),
                                      m.captured(4).toDouble() - m.captured(2).toDouble());
    }
    return facts;
}

class PhotoPrinterTest : public store::testing::StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        settings = layout::LayoutSettings::load();
        capture = submitNew("2020001", "a");
        queue->approve(capture.id, reviewer);
    }

    PrintJob sheetJob(const std::string& paper) {
        const auto jpeg = encodeJpeg(photoMat(), 90, 300);
        const auto sheet = layout::makeLayoutSheet(jpeg, {paper, std::nullopt, true, ""}, settings);
        PrintJob job;
        job.kind = PrintKind::kSheet;
        job.image = toQImage(sheet.image);
        job.paper = *settings.findPaper(paper);
        job.turned = sheet.plan.turned;
        job.captureId = capture.id;
        job.boothId = "A1";
        job.staffNo = "S001";
        return job;
    }

    struct JobRow {
        std::optional<std::int64_t> captureId;
        std::string kind, paper, printer, booth, staff, error;
        std::int64_t copies = 0, ok = 0;
    };
    std::vector<JobRow> printJobs() {
        std::vector<JobRow> rows;
        auto q = store->database().prepare(
            "SELECT capture_id, kind, paper, copies, printer, booth_id, staff_no, ok, error "
            "FROM print_jobs ORDER BY id");
        while (q.step())
            rows.push_back({q.optionalInteger(0), q.text(1), q.text(2), q.text(4), q.text(5),
                            q.text(6), q.text(8), q.integer(3), q.integer(7)});
        return rows;
    }

    layout::LayoutSettings settings;
    store::Capture capture;
};

TEST_F(PhotoPrinterTest, ASheetPrintsToAPdfOfItsPaperSize) {
    PhotoPrinter printer(&store->database());
    // 6in: 4×6 in = 288×432 pt, used in landscape for CHSI copies (4 in a row).
    for (const auto& [paper, shortPt, longPt] :
         std::vector<std::tuple<std::string, double, double>>{
             {"6in", 288.0, 432.0}, {"5in", 252.0, 360.0}, {"a4", 595.3, 841.9}}) {
        SCOPED_TRACE(paper);
        const auto job = sheetJob(paper);
        const fs::path pdf = dir / (paper + ".pdf");
        QPrinter qprinter(QPrinter::HighResolution);
        qprinter.setOutputFormat(QPrinter::PdfFormat);
        qprinter.setOutputFileName(QString::fromStdString(pdf.string()));
        const auto outcome = printer.print(qprinter, job);
        ASSERT_TRUE(outcome.ok) << outcome.problem.message_en;
        EXPECT_GT(outcome.recordId, 0);
        ASSERT_TRUE(fs::exists(pdf));
        const auto facts = readPdf(pdf);
        EXPECT_EQ(facts.text.rfind("%PDF-", 0), 0u);
        ASSERT_EQ(facts.mediaBoxes.size(), 1u) << "one page";
        auto [w, h] = facts.mediaBoxes.front();
        const bool landscape = job.image.width() > job.image.height();
        EXPECT_EQ(w > h, landscape);
        EXPECT_NEAR(std::min(w, h), shortPt, 1.0);
        EXPECT_NEAR(std::max(w, h), longPt, 1.0);
        EXPECT_NE(facts.text.find("/Image"), std::string::npos);
    }
    const auto rows = printJobs();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].captureId, capture.id);
    EXPECT_EQ(rows[0].kind, "sheet");
    EXPECT_EQ(rows[0].paper, "6in");
    EXPECT_EQ(rows[0].copies, 1);
    EXPECT_EQ(rows[0].ok, 1);
    EXPECT_EQ(rows[0].booth, "A1");
    EXPECT_EQ(rows[0].staff, "S001");
    EXPECT_EQ(rows[0].printer.rfind("pdf:", 0), 0u);
    EXPECT_EQ(rows[2].paper, "a4");
}

TEST_F(PhotoPrinterTest, AStandardPhotoPrintsAtItsPhysicalSize) {
    PhotoPrinter printer(&store->database());
    PrintJob job;
    job.kind = PrintKind::kStandard;
    job.image = toQImage(photoMat());
    job.paper = *settings.findPaper("6in");
    job.photoMm = layout::printSizeOf(480, 640, 300, settings).mm;  // 33×48 mm
    job.captureId = capture.id;
    const fs::path pdf = dir / "standard.pdf";
    QPrinter qprinter(QPrinter::HighResolution);
    qprinter.setOutputFormat(QPrinter::PdfFormat);
    qprinter.setOutputFileName(QString::fromStdString(pdf.string()));
    PhotoPrinter::setUp(qprinter, job);
    const QRectF rect = PhotoPrinter::standardPhotoRect(qprinter, job);
    const double perMm = qprinter.resolution() / 25.4;
    EXPECT_NEAR(rect.width() / perMm, 33.0, 0.01);
    EXPECT_NEAR(rect.height() / perMm, 48.0, 0.01);
    const QRectF page = qprinter.pageLayout().fullRectPixels(qprinter.resolution());
    EXPECT_TRUE(page.contains(rect));
    const auto outcome = printer.print(qprinter, job);
    ASSERT_TRUE(outcome.ok) << outcome.problem.message_en;
    const auto facts = readPdf(pdf);
    ASSERT_EQ(facts.mediaBoxes.size(), 1u);
    EXPECT_NEAR(facts.mediaBoxes.front().first, 288.0, 1.0);  // portrait 4×6 in
    EXPECT_NEAR(facts.mediaBoxes.front().second, 432.0, 1.0);
    const auto rows = printJobs();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].kind, "standard");
    EXPECT_EQ(rows[0].ok, 1);
}

TEST_F(PhotoPrinterTest, PrinterProblemsAreReportedAndRecorded) {
    PhotoPrinter printer(&store->database());
    auto job = sheetJob("6in");
    // A PDF into a folder that does not exist: the printer cannot start.
    QPrinter unwritable(QPrinter::HighResolution);
    unwritable.setOutputFormat(QPrinter::PdfFormat);
    unwritable.setOutputFileName(QString::fromStdString((dir / "no/such/dir/x.pdf").string()));
    auto outcome = printer.print(unwritable, job);
    EXPECT_FALSE(outcome.ok);
    EXPECT_FALSE(outcome.problem.code.empty());
    EXPECT_FALSE(outcome.problem.message_zh.empty());
    EXPECT_FALSE(outcome.problem.message_en.empty());
    // A CUPS printer that does not exist is not valid.
    QPrinter missing(QPrinter::HighResolution);
    missing.setPrinterName("gradphoto-no-such-printer");
    if (!missing.isValid() || missing.printerName() != "gradphoto-no-such-printer") {
        outcome = printer.print(missing, job);
        EXPECT_FALSE(outcome.ok);
        EXPECT_TRUE(outcome.problem.code == "printer_unavailable" ||
                    outcome.problem.code == "print_failed")
            << outcome.problem.code;
    }
    // Nothing to print.
    QPrinter pdf(QPrinter::HighResolution);
    pdf.setOutputFormat(QPrinter::PdfFormat);
    pdf.setOutputFileName(QString::fromStdString((dir / "empty.pdf").string()));
    job.image = QImage();
    outcome = printer.print(pdf, job);
    EXPECT_EQ(outcome.problem.code, "print_nothing");
    const auto rows = printJobs();
    ASSERT_GE(rows.size(), 2u);
    for (const auto& row : rows) {
        EXPECT_EQ(row.ok, 0);
        EXPECT_FALSE(row.error.empty());
    }
}

TEST_F(PhotoPrinterTest, MarkingInterruptedPrintsLeavesOtherBoothsRowsAlone) {
    // Two kiosks share the data folder, each with its own connection: A1 starts again after it
    // closed while its printer hung; A2 is printing right now.
    auto a2Connection = store::Database::open(store->database().file());
    PhotoPrinter a1(&store->database());
    PhotoPrinter a2(&a2Connection);
    auto a1Job = sheetJob("6in");
    auto a2Job = a1Job;
    a2Job.boothId = "A2";
    const auto a1Hung = a1.begin(a1Job);
    const auto a2Printing = a2.begin(a2Job);
    ASSERT_GT(a1Hung, 0);
    ASSERT_GT(a2Printing, 0);

    EXPECT_EQ(PhotoPrinter::markInterrupted(store->database(), "A1"),
              std::vector<std::int64_t>{a1Hung});
    EXPECT_TRUE(PhotoPrinter::markInterrupted(store->database(), "A1").empty());  // once
    auto rows = printJobs();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].booth, "A1");
    EXPECT_EQ(rows[0].error, PhotoPrinter::kInterrupted);
    EXPECT_EQ(rows[1].booth, "A2");
    EXPECT_EQ(rows[1].error, PhotoPrinter::kUnfinished);  // still printing, not flagged

    // A2's printer answers: its row is settled as printed.
    QPrinter qprinter(QPrinter::HighResolution);
    qprinter.setOutputFormat(QPrinter::PdfFormat);
    qprinter.setOutputFileName(QString::fromStdString((dir / "a2.pdf").string()));
    const auto outcome = a2.print(qprinter, a2Job, a2Printing);
    EXPECT_TRUE(outcome.ok) << outcome.problem.message_en;
    rows = printJobs();
    EXPECT_EQ(rows[1].ok, 1);
    EXPECT_EQ(rows[1].error, "");
    EXPECT_EQ(rows[0].error, PhotoPrinter::kInterrupted);
}

TEST_F(PhotoPrinterTest, APrintTheStoreCannotSettleKeepsThePrintersOutcome) {
    // The print thread's connection (a short busy time-out) begins the row; another connection
    // then holds the write lock while the printer prints, so settling the row fails (db_locked).
    auto printing = store::Database::open(store->database().file(), {.busyTimeoutMs = 200});
    PhotoPrinter printer(&printing);
    const auto job = sheetJob("6in");
    const auto begun = printer.begin(job);
    ASSERT_GT(begun, 0);
    store->database().exec("BEGIN EXCLUSIVE");
    const fs::path pdf = dir / "locked.pdf";
    QPrinter qprinter(QPrinter::HighResolution);
    qprinter.setOutputFormat(QPrinter::PdfFormat);
    qprinter.setOutputFileName(QString::fromStdString(pdf.string()));
    PrintOutcome outcome;
    EXPECT_NO_THROW(outcome = printer.print(qprinter, job, begun));
    store->database().exec("ROLLBACK");

    EXPECT_TRUE(outcome.ok) << outcome.problem.message_en;  // the sheet came out
    EXPECT_TRUE(outcome.problem.code.empty()) << outcome.problem.code;
    EXPECT_EQ(outcome.recordId, begun);
    ASSERT_TRUE(outcome.unrecorded.has_value());
    EXPECT_EQ(outcome.unrecorded->code, "db_locked");
    EXPECT_GT(fs::file_size(pdf), 1000u);
    // The row stays begun and unfinished (not failed): the next start marks it interrupted.
    const auto rows = printJobs();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].ok, 0);
    EXPECT_EQ(rows[0].error, PhotoPrinter::kUnfinished);
    EXPECT_EQ(PhotoPrinter::markInterrupted(store->database(), "A1"),
              std::vector<std::int64_t>{begun});
}

TEST_F(PhotoPrinterTest, ThePreviewShowsOnePageOfTheJob) {
    PhotoPrinter printer(&store->database());
    const auto job = sheetJob("6in");
    QPrinter qprinter(QPrinter::HighResolution);
    qprinter.setOutputFormat(QPrinter::PdfFormat);
    qprinter.setOutputFileName(QString::fromStdString((dir / "preview.pdf").string()));
    auto dialog = printer.previewDialog(qprinter, job, nullptr);
    ASSERT_TRUE(dialog);
    auto* widget = dialog->findChild<QPrintPreviewWidget*>();
    ASSERT_NE(widget, nullptr);
    widget->updatePreview();
    EXPECT_EQ(widget->pageCount(), 1);
    EXPECT_EQ(qprinter.pageLayout().orientation(), QPageLayout::Landscape);
    // Closing the preview prints nothing and records nothing.
    EXPECT_TRUE(printJobs().empty());
}

}  // namespace
}  // namespace gradphoto::print
