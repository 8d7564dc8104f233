// 未完成的打印 on the console's print page, over a real SQLite store: the kiosk's print thread
// writes a print_jobs row before it touches the printer (print_unfinished) and the next kiosk
// start marks rows never settled as print_interrupted (print::PhotoPrinter). The rows here are
// written by a PhotoPrinter over a second connection to the same store file, as the kiosk would;
// the finished prints go to real PDF files.

#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QTableWidget>
#include <array>
#include <filesystem>
#include <functional>

#include "console_window.h"
#include "gradphoto/layout/layout_settings.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "photo_printer.h"
#include "print_page.h"
#include "staffed_console_test.h"
#include "test_support.h"
#include "unfinished_prints.h"

namespace {

namespace fs = std::filesystem;
using namespace gradphoto;
using console::ConsoleSetup;
using console::ConsoleWindow;

std::vector<std::uint8_t> jpeg(QColor colour) {
    return test::consoleJpeg(480, 640, colour);
}

class UnfinishedPrintsTest : public test::StaffedConsoleTest {
  protected:
    UnfinishedPrintsTest() : StaffedConsoleTest("console-unfinished-prints") {}

    // A student whose photo the staff approved; returns the capture.
    std::int64_t addApproved(const std::string& no, const std::string& name, QColor colour) {
        store_->students().upsert(exports::testing::student(
            no, name, exports::testing::idNumber("44010619900101" + no.substr(no.size() - 3))));
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        const auto photo = jpeg(colour);
        const auto id =
            queue
                .recordAndSubmit({no, photo, photo, R"({"ok":true,"preset":"chsi-blue"})", "kiosk"})
                .id;
        queue.approve(id, staff_);
        return id;
    }

    // A kiosk's print job of the capture (a blank sheet image is enough for the record).
    static print::PrintJob kioskJob(std::int64_t captureId, const std::string& booth) {
        const auto settings = layout::LayoutSettings::load();
        print::PrintJob job;
        job.kind = print::PrintKind::kSheet;
        job.paper = *settings.findPaper(settings.defaultPaper);
        job.image = QImage(600, 400, QImage::Format_RGB888);
        job.image.fill(Qt::white);
        job.captureId = captureId;
        job.boothId = booth;
        return job;
    }

    QPrinter* pdfPrinter(const std::string& name) {
        printers_.push_back(std::make_unique<QPrinter>(QPrinter::HighResolution));
        printers_.back()->setOutputFormat(QPrinter::PdfFormat);
        printers_.back()->setOutputFileName(QString::fromStdString((dir_ / name).string()));
        return printers_.back().get();
    }

    std::unique_ptr<ConsoleWindow> signedIn(const QString& language = "zh") {
        return StaffedConsoleTest::signedIn("S001", "135790", language);
    }

    console::PrintPage& printPage(ConsoleWindow& window) {
        return page<console::PrintPage>(window, "print");
    }

    // The kiosk's prints, over its own connection to the store file: an interrupted one (the
    // kiosk closed while the printer hung; the next start marked it), one still unfinished, one
    // that came out, one that failed plainly. Returns {interrupted, unfinished, finished, failed}
    // captures.
    std::array<std::int64_t, 4> kioskPrints() {
        const auto interrupted = addApproved("2020001", "张三丰", QColor(60, 110, 190));
        const auto unfinished = addApproved("2020002", "李四光", QColor(61, 110, 190));
        const auto finished = addApproved("2020003", "王五一", QColor(62, 110, 190));
        const auto failed = addApproved("2020004", "赵六二", QColor(63, 110, 190));
        auto kiosk = store::SqliteRecordStore::open(dir_.path());
        print::PhotoPrinter printer(&kiosk->database());
        EXPECT_GT(printer.begin(kioskJob(interrupted, "B1")), 0);
        EXPECT_EQ(print::PhotoPrinter::markInterrupted(kiosk->database(), "B1").size(), 1u);
        EXPECT_GT(printer.begin(kioskJob(unfinished, "B3")), 0);
        const auto begun = printer.begin(kioskJob(finished, "B1"));
        EXPECT_TRUE(printer.print(*pdfPrinter("finished.pdf"), kioskJob(finished, "B1"), begun).ok);
        QPrinter* broken = pdfPrinter("no/such/dir/failed.pdf");
        const auto begunFailed = printer.begin(kioskJob(failed, "B1"));
        EXPECT_FALSE(printer.print(*broken, kioskJob(failed, "B1"), begunFailed).ok);
        return {interrupted, unfinished, finished, failed};
    }

    std::vector<std::unique_ptr<QPrinter>> printers_;
};

TEST_F(UnfinishedPrintsTest, TheUnfinishedAndInterruptedPrintsAreListedWithTheirState) {
    const auto [interrupted, unfinished, finished, failed] = kioskPrints();
    auto window = signedIn();
    auto& page = printPage(*window);
    auto& list = page.unfinishedPrints();

    ASSERT_EQ(list.prints().size(), 2u);
    EXPECT_EQ(list.prints()[0].captureId, unfinished);  // newest first
    EXPECT_EQ(list.prints()[0].state, print::PhotoPrinter::kUnfinished);
    EXPECT_EQ(list.prints()[1].captureId, interrupted);
    EXPECT_EQ(list.prints()[1].state, print::PhotoPrinter::kInterrupted);
    for (const auto& p : list.prints()) {
        EXPECT_NE(p.captureId, finished);  // came out: not unfinished
        EXPECT_NE(p.captureId, failed);    // failed plainly: the printer said so at the time
    }

    QTableWidget* table = list.table();
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 1)->text(), "2020002");
    EXPECT_EQ(table->item(0, 2)->text(), "李*光");
    EXPECT_TRUE(table->item(0, 5)->text().startsWith("未完成"))
        << table->item(0, 5)->text().toStdString();
    EXPECT_EQ(table->item(0, 4)->text(), "B3");
    EXPECT_EQ(table->item(1, 1)->text(), "2020001");
    EXPECT_EQ(table->item(1, 2)->text(), "张*丰");
    EXPECT_TRUE(table->item(1, 5)->text().startsWith("中断"))
        << table->item(1, 5)->text().toStdString();
    for (int r = 0; r < table->rowCount(); ++r)
        for (int c = 0; c < table->columnCount(); ++c)
            for (const char* name : {"张三丰", "李四光", "王五一", "赵六二"})
                EXPECT_FALSE(table->item(r, c)->text().contains(QString::fromUtf8(name)));
}

TEST_F(UnfinishedPrintsTest, ReprintingAnInterruptedPrintTakesItOffTheList) {
    const auto captures = kioskPrints();
    auto window = signedIn();
    auto& page = printPage(*window);
    auto& list = page.unfinishedPrints();
    ASSERT_EQ(list.table()->rowCount(), 2);
    EXPECT_FALSE(list.reprintButton()->isEnabled());  // nothing chosen yet

    list.table()->selectRow(1);  // the interrupted print of 2020001
    ASSERT_TRUE(list.reprintButton()->isEnabled());
    list.reprintButton()->click();
    EXPECT_EQ(page.ui().studentNoEdit->text(), "2020001");
    ASSERT_TRUE(page.ui().printGroup->isEnabled()) << page.message().toStdString();
    EXPECT_TRUE(page.ui().studentLabel->text().contains("张*丰"));
    // docs/screenshots/console-print.png: the page with both unfinished prints listed and the
    // interrupted one's student opened for printing again.
    screenshot(*window, "print");

    const auto outcome = page.printTo(*pdfPrinter("reprint.pdf"));
    ASSERT_TRUE(outcome.ok) << outcome.problem.message_en;
    ASSERT_EQ(list.prints().size(), 1u);
    EXPECT_EQ(list.prints()[0].studentNo, "2020002");
    EXPECT_NE(list.prints()[0].captureId, captures[0]);

    // The kiosk settles the unfinished one at last (the printer answered): the list is empty
    // the next time the page is shown.
    {
        auto kiosk = store::SqliteRecordStore::open(dir_.path());
        auto settle = kiosk->database().prepare(
            "UPDATE print_jobs SET ok = 1, error = '' WHERE error = 'print_unfinished'");
        settle.run();
    }
    window->showPage("today");
    QApplication::processEvents();
    printPage(*window);
    EXPECT_TRUE(list.prints().empty());
    EXPECT_EQ(list.table()->rowCount(), 0);
}

TEST_F(UnfinishedPrintsTest, TheStateComesInEnglishFromTheCompiledTranslation) {
    kioskPrints();
    auto window = signedIn("en");
    auto& list = printPage(*window).unfinishedPrints();
    ASSERT_EQ(list.table()->rowCount(), 2);
    EXPECT_EQ(list.title(), "Unfinished prints");
    EXPECT_TRUE(list.table()->item(0, 5)->text().startsWith("Unfinished"))
        << list.table()->item(0, 5)->text().toStdString();
    EXPECT_TRUE(list.table()->item(1, 5)->text().startsWith("Interrupted"))
        << list.table()->item(1, 5)->text().toStdString();
}

}  // namespace
