// The console's admin pages under offscreen Qt, over a real SQLite store and real JPEGs: the
// export (worker thread, cancel), statistics, printing to a PDF printer, staff accounts.

#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QKeyEvent>
#include <QPainter>
#include <QPrinter>
#include <fstream>
#include <functional>

#include "console_window.h"
#include "export_page.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "print_page.h"
#include "qt_wait.h"
#include "review_page.h"
#include "staff_page.h"
#include "staffed_console_test.h"
#include "stats_page.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace gradphoto;
using console::ConsoleSetup;
using console::ConsoleWindow;

// Longer than the shared default: these pages wait for real work on worker threads.
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 60000) {
    return gradphoto::test::waitFor(condition, timeoutMs);
}

std::vector<std::uint8_t> jpeg(int width, int height, QColor colour, const QString& label) {
    return test::consoleJpeg(width, height, colour, label);
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class AdminPagesTest : public test::StaffedConsoleTest {
  protected:
    AdminPagesTest() : StaffedConsoleTest("console-admin") {}

    // A student (with a valid ID number) whose photo `photo` was submitted; approved or
    // rejected by the staff member at the fixture's clock.
    std::int64_t addSubmitted(const std::string& no, const std::string& name,
                              const std::vector<std::uint8_t>& photo) {
        store_->students().upsert(exports::testing::student(
            no, name, exports::testing::idNumber("44010619900101" + no.substr(no.size() - 3))));
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        const auto raw = jpeg(1600, 1200, QColor(40, 80, 150), QString::fromStdString("RAW " + no));
        return queue
            .recordAndSubmit({no, raw, photo, R"({"ok":true,"preset":"chsi-blue"})", "kiosk"})
            .id;
    }
    void approve(std::int64_t captureId) {
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        queue.approve(captureId, staff_);
    }
    void reject(std::int64_t captureId, const std::string& reason) {
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        queue.reject(captureId, staff_, reason, "");
    }
};

TEST_F(AdminPagesTest, OnlyAdminsSeeTheAdminPages) {
    auto window = signedIn("S001", "135790");
    ASSERT_TRUE(window->isSignedIn());
    for (const char* id : {"export", "stats", "staff"})
        EXPECT_FALSE(window->pageVisibleInSidebar(id)) << id;
    EXPECT_TRUE(window->pageVisibleInSidebar("print"));
    window->signOut();
    signIn(*window, "A001", "246810");
    for (const char* id : {"export", "stats", "staff", "print"})
        EXPECT_TRUE(window->pageVisibleInSidebar(id)) << id;
}

TEST_F(AdminPagesTest, ExportRunsOnAWorkerThreadAndWritesPhotosManifestAndZip) {
    const auto& photo = exports::testing::compliantPhoto();
    if (photo.empty()) GTEST_SKIP() << "test data (portraits corpus) not available";
    for (int i = 1; i <= 3; ++i) {
        const std::string no = "202000" + std::to_string(i);
        approve(
            addSubmitted(no, "学生" + std::to_string(i), exports::testing::withComment(photo, no)));
    }
    auto window = signedIn("A001", "246810");
    auto& exportPage = page<console::ExportPage>(*window, "export");
    EXPECT_EQ(exportPage.ui().batchNameEdit->text(), "chsi-20260601");
    const fs::path out = dir_ / "usb";
    exportPage.ui().outDirEdit->setText(QString::fromStdString(out.string()));
    exportPage.ui().batchNameEdit->setText("CHSI-20260601");
    exportPage.ui().zipCheck->setChecked(true);
    ASSERT_TRUE(exportPage.start());
    EXPECT_TRUE(exportPage.running());
    EXPECT_FALSE(exportPage.ui().startButton->isEnabled());
    EXPECT_TRUE(exportPage.ui().cancelButton->isEnabled());
    EXPECT_FALSE(exportPage.start());  // one at a time
    // The GUI thread keeps handling events while the worker exports.
    ASSERT_TRUE(waitFor([&] { return !exportPage.running(); }));
    ASSERT_TRUE(exportPage.lastSummary().has_value());
    const auto& summary = *exportPage.lastSummary();
    EXPECT_FALSE(summary.cancelled);
    EXPECT_EQ(summary.exported.size(), 3u);
    EXPECT_TRUE(summary.refused.empty());
    const fs::path batch = out / "CHSI-20260601";
    for (const auto& item : summary.exported) EXPECT_TRUE(fs::exists(batch / item.fileName));
    EXPECT_TRUE(fs::exists(batch / "manifest.csv"));
    EXPECT_TRUE(fs::exists(batch / "manifest.json"));
    EXPECT_TRUE(fs::exists(out / "CHSI-20260601.zip"));
    EXPECT_NE(readAll(batch / "manifest.csv").find("2020002"), std::string::npos);
    EXPECT_TRUE(exportPage.ui().summaryText->toPlainText().contains("本次导出 3 张"))
        << exportPage.ui().summaryText->toPlainText().toStdString();
    ASSERT_EQ(exportPage.ui().batchesTable->rowCount(), 1);
    EXPECT_EQ(exportPage.ui().batchesTable->item(0, 0)->text(), "CHSI-20260601");
    EXPECT_EQ(exportPage.ui().batchesTable->item(0, 1)->text(), "3");
    EXPECT_EQ(exportPage.ui().batchesTable->item(0, 2)->text(), "完成");
    screenshot(*window, "export");

    // Again: everything is already in the batch.
    ASSERT_TRUE(exportPage.start());
    ASSERT_TRUE(waitFor([&] { return !exportPage.running(); }));
    EXPECT_EQ(exportPage.lastSummary()->exported.size(), 0u);
    EXPECT_EQ(exportPage.lastSummary()->alreadyInBatch, 3);
}

TEST_F(AdminPagesTest, CancelLeavesNoPartialZipAndALaterRunFinishes) {
    const auto& photo = exports::testing::compliantPhoto();
    if (photo.empty()) GTEST_SKIP() << "test data (portraits corpus) not available";
    for (int i = 1; i <= 8; ++i) {
        const std::string no = "202001" + std::to_string(i);
        approve(
            addSubmitted(no, "学生" + std::to_string(i), exports::testing::withComment(photo, no)));
    }
    auto window = signedIn("A001", "246810");
    auto& exportPage = page<console::ExportPage>(*window, "export");
    const fs::path out = dir_ / "usb";
    exportPage.ui().outDirEdit->setText(QString::fromStdString(out.string()));
    exportPage.ui().batchNameEdit->setText("june");
    exportPage.ui().zipCheck->setChecked(true);
    ASSERT_TRUE(exportPage.start());
    exportPage.ui().cancelButton->click();
    ASSERT_TRUE(waitFor([&] { return !exportPage.running(); }));
    ASSERT_TRUE(exportPage.lastSummary().has_value());
    EXPECT_TRUE(exportPage.lastSummary()->cancelled);
    EXPECT_LT(exportPage.lastSummary()->exported.size(), 8u);
    EXPECT_FALSE(fs::exists(out / "june.zip"));
    EXPECT_FALSE(fs::exists(out / "june.zip.part"));
    EXPECT_TRUE(exportPage.ui().summaryText->toPlainText().contains("已取消"));
    EXPECT_EQ(exportPage.ui().batchesTable->item(0, 2)->text(), "未完成");

    ASSERT_TRUE(exportPage.start());
    ASSERT_TRUE(waitFor([&] { return !exportPage.running(); }));
    EXPECT_FALSE(exportPage.lastSummary()->cancelled);
    EXPECT_EQ(exportPage.lastSummary()->totalInBatch, 8);
    EXPECT_TRUE(fs::exists(out / "june.zip"));
}

TEST_F(AdminPagesTest, AnExportIntoAnUnwritableFolderIsReported) {
    approve(addSubmitted("2020001", "张三", jpeg(480, 640, QColor(60, 110, 190), "1")));
    const fs::path blocker = dir_ / "a-file";
    std::ofstream(blocker) << "not a folder";
    auto window = signedIn("A001", "246810");
    auto& exportPage = page<console::ExportPage>(*window, "export");
    exportPage.ui().outDirEdit->setText(QString::fromStdString((blocker / "out").string()));
    ASSERT_TRUE(exportPage.start());
    ASSERT_TRUE(waitFor([&] { return !exportPage.running(); }));
    EXPECT_FALSE(exportPage.lastSummary().has_value());
    EXPECT_EQ(exportPage.ui().progressLabel->text(), "导出失败");
    EXPECT_FALSE(exportPage.ui().summaryText->toPlainText().isEmpty());
    EXPECT_TRUE(exportPage.ui().startButton->isEnabled());
}

TEST_F(AdminPagesTest, StatisticsShowTheNumbersOfARealStore) {
    const auto photo = jpeg(480, 640, QColor(60, 110, 190), "p");
    approve(addSubmitted("2020001", "张三", photo));
    approve(addSubmitted("2020002", "李四", jpeg(480, 640, QColor(61, 110, 190), "q")));
    reject(addSubmitted("2020003", "王五", jpeg(480, 640, QColor(62, 110, 190), "r")),
           store::RejectReasons::load().all().front().code);
    now_ += 24 * 3600;  // the next day: one more approval
    approve(addSubmitted("2020004", "赵六", jpeg(480, 640, QColor(63, 110, 190), "s")));
    {
        auto st = store_->database().prepare(
            "INSERT INTO payments (order_no, student_no, provider, amount_fen, state, created_at, "
            "updated_at, paid_at) VALUES ('GP1', '2020001', 'wechat', 2000, 'paid', ?1, ?1, ?1)");
        st.bind(1, now_);
        st.run();
    }
    auto window = signedIn("A001", "246810");
    auto& stats = page<console::StatsPage>(*window, "stats");
    const auto& total = stats.report().total;
    EXPECT_EQ(total.submissions, 4);
    EXPECT_EQ(total.approvals, 3);
    EXPECT_EQ(total.rejections, 1);
    EXPECT_EQ(total.paid.orders, 1);
    EXPECT_EQ(stats.chart().dayCount(), 2);
    EXPECT_EQ(stats.chart().reasonCount(), 1);
    auto& table = *stats.ui().dayTable;
    ASSERT_EQ(table.rowCount(), 3);  // two days and the total
    EXPECT_EQ(table.item(2, 0)->text(), "合计");
    EXPECT_EQ(table.item(2, 4)->text(), "4");
    EXPECT_EQ(table.item(2, 5)->text(), "3");
    EXPECT_EQ(table.item(2, 3)->text(), "20.00");
    EXPECT_EQ(table.item(0, 5)->text().toInt() + table.item(1, 5)->text().toInt(), 3);
    screenshot(*window, "stats");

    const fs::path csv = dir_ / "stats.csv";
    ASSERT_TRUE(stats.exportCsv(QString::fromStdString(csv.string())));
    const std::string text = readAll(csv);
    EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u);  // UTF-8 BOM for Excel
    EXPECT_NE(text.find("total"), std::string::npos);
    EXPECT_FALSE(stats.exportCsv(QString::fromStdString((dir_ / "no/such/dir/x.csv").string())));

    // A range without records.
    stats.ui().fromDate->setDate(QDate(2020, 1, 1));
    stats.ui().toDate->setDate(QDate(2020, 1, 2));
    stats.refresh();
    EXPECT_EQ(stats.report().total.submissions, 0);
    EXPECT_TRUE(stats.ui().messageLabel->text().contains("没有记录"));
}

TEST_F(AdminPagesTest, PrintingAnApprovedPhotoToAPdfRecordsAPrintJob) {
    const auto approved =
        addSubmitted("2020001", "张三丰", jpeg(480, 640, QColor(60, 110, 190), "1"));
    approve(approved);
    addSubmitted("2020002", "李四", jpeg(480, 640, QColor(61, 110, 190), "2"));  // pending
    auto window = signedIn("S001", "135790");
    auto& print = page<console::PrintPage>(*window, "print");
    EXPECT_FALSE(print.find("2020002"));
    EXPECT_TRUE(print.message().contains("尚未通过审核")) << print.message().toStdString();
    EXPECT_FALSE(print.ui().printGroup->isEnabled());
    EXPECT_FALSE(print.find("2099999"));
    EXPECT_TRUE(print.message().contains("没有学号"));

    print.ui().studentNoEdit->setText("2020001");
    print.ui().findButton->click();
    ASSERT_TRUE(print.ui().printGroup->isEnabled()) << print.message().toStdString();
    EXPECT_TRUE(print.ui().studentLabel->text().contains("张*丰"));
    EXPECT_FALSE(print.ui().studentLabel->text().contains("张三丰"));
    print.ui().paperCombo->setCurrentIndex(print.ui().paperCombo->findData("6in"));
    print.ui().copiesSpin->setValue(4);
    print.ui().cutLinesCheck->setChecked(true);
    // (console-print.png itself, with unfinished prints listed, comes from UnfinishedPrintsTest.)
    screenshot(*window, "print-found");

    const fs::path sheetPdf = dir_ / "sheet.pdf";
    QPrinter sheetPrinter(QPrinter::HighResolution);
    sheetPrinter.setOutputFormat(QPrinter::PdfFormat);
    sheetPrinter.setOutputFileName(QString::fromStdString(sheetPdf.string()));
    const auto sheet = print.printTo(sheetPrinter);
    ASSERT_TRUE(sheet.ok) << sheet.problem.message_en;
    EXPECT_EQ(readAll(sheetPdf).rfind("%PDF-", 0), 0u);

    print.ui().kindCombo->setCurrentIndex(print.ui().kindCombo->findData("standard"));
    const fs::path standardPdf = dir_ / "standard.pdf";
    QPrinter standardPrinter(QPrinter::HighResolution);
    standardPrinter.setOutputFormat(QPrinter::PdfFormat);
    standardPrinter.setOutputFileName(QString::fromStdString(standardPdf.string()));
    ASSERT_TRUE(print.printTo(standardPrinter).ok);

    // A printer that cannot write: the problem is shown and the failed attempt recorded.
    QPrinter broken(QPrinter::HighResolution);
    broken.setOutputFormat(QPrinter::PdfFormat);
    broken.setOutputFileName(QString::fromStdString((dir_ / "no/such/dir/x.pdf").string()));
    EXPECT_FALSE(print.printTo(broken).ok);
    EXPECT_TRUE(print.message().contains("打印失败")) << print.message().toStdString();

    auto q = store_->database().prepare(
        "SELECT capture_id, kind, paper, booth_id, staff_no, ok FROM print_jobs ORDER BY id");
    std::vector<
        std::tuple<std::int64_t, std::string, std::string, std::string, std::string, std::int64_t>>
        rows;
    while (q.step())
        rows.emplace_back(q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], std::make_tuple(approved, std::string("sheet"), std::string("6in"),
                                       std::string("B2"), std::string("S001"), std::int64_t{1}));
    EXPECT_EQ(std::get<1>(rows[1]), "standard");
    EXPECT_EQ(std::get<5>(rows[1]), 1);
    EXPECT_EQ(std::get<5>(rows[2]), 0);
}

TEST_F(AdminPagesTest, AnAdminAddsStaffWhoCanSignInAndLocksAndUnlocksThem) {
    auto window = signedIn("A001", "246810");
    auto& staff = page<console::StaffPage>(*window, "staff");
    EXPECT_EQ(staff.ui().staffTable->rowCount(), 2);
    auto& ui = staff.ui();
    ui.staffNoEdit->setText("S002");
    ui.nameEdit->setText("赵老师");
    ui.pinEdit->setText("112233");
    ui.pinAgainEdit->setText("112234");
    ui.addButton->click();
    EXPECT_TRUE(staff.message().contains("不一致")) << staff.message().toStdString();
    EXPECT_FALSE(store_->staff().find("S002").has_value());

    ui.pinAgainEdit->setText("112233");
    ui.addButton->click();
    ASSERT_TRUE(store_->staff().find("S002").has_value()) << staff.message().toStdString();
    EXPECT_EQ(store_->staff().find("S002")->role, store::StaffRole::kStaff);
    EXPECT_EQ(ui.staffTable->rowCount(), 3);
    screenshot(*window, "staff");

    // A duplicate is refused with the store's reason.
    ui.staffNoEdit->setText("S002");
    ui.nameEdit->setText("别人");
    ui.pinEdit->setText("445566");
    ui.pinAgainEdit->setText("445566");
    ui.addButton->click();
    EXPECT_EQ(store_->staff().find("S002")->name, "赵老师");
    EXPECT_FALSE(staff.message().isEmpty());

    ui.pinEdit->setText("999999");
    window->signOut();
    EXPECT_TRUE(ui.pinEdit->text().isEmpty());  // no PIN left in the form
    signIn(*window, "S002", "112233");
    ASSERT_TRUE(window->isSignedIn());
    window->signOut();

    signIn(*window, "A001", "246810");
    auto& again = page<console::StaffPage>(*window, "staff");
    ASSERT_TRUE(again.selectStaff("S002"));
    again.ui().lockButton->click();
    EXPECT_TRUE(again.message().contains("已锁定")) << again.message().toStdString();
    window->signOut();
    signIn(*window, "S002", "112233");
    EXPECT_FALSE(window->isSignedIn());

    signIn(*window, "A001", "246810");
    auto& third = page<console::StaffPage>(*window, "staff");
    ASSERT_TRUE(third.selectStaff("S002"));
    third.ui().newPinEdit->setText("778899");
    third.ui().newPinAgainEdit->setText("778899");
    third.ui().resetPinButton->click();
    third.ui().unlockButton->click();
    EXPECT_TRUE(third.message().contains("已解锁"));
    window->signOut();
    signIn(*window, "S002", "778899");
    EXPECT_TRUE(window->isSignedIn());

    // Every change is in the audit log, by the admin.
    int byAdmin = 0;
    for (const auto& e : store_->audit().forSubject("staff:S002")) byAdmin += e.actor == "A001";
    EXPECT_GE(byAdmin, 4);  // add, lock, PIN reset, unlock
}

TEST_F(AdminPagesTest, AnAdminRenamesAndPromotesStaffButTheLastAdminStays) {
    auto window = signedIn("A001", "246810");
    auto& staff = page<console::StaffPage>(*window, "staff");
    auto& ui = staff.ui();
    EXPECT_FALSE(ui.saveAccountButton->isEnabled());  // nothing selected
    ASSERT_TRUE(staff.selectStaff("S001"));
    EXPECT_EQ(ui.editNameEdit->text(), QString::fromStdString(store_->staff().find("S001")->name));
    EXPECT_EQ(ui.editRoleCombo->currentData().toString(), "staff");

    ui.editNameEdit->setText("  ");
    ui.saveAccountButton->click();
    EXPECT_TRUE(staff.message().contains("姓名")) << staff.message().toStdString();

    ui.editNameEdit->setText("钱组长");
    ui.editRoleCombo->setCurrentIndex(ui.editRoleCombo->findData("admin"));
    ui.saveAccountButton->click();
    EXPECT_TRUE(staff.message().contains("已保存")) << staff.message().toStdString();
    EXPECT_EQ(store_->staff().find("S001")->name, "钱组长");
    EXPECT_EQ(store_->staff().find("S001")->role, store::StaffRole::kAdmin);
    ASSERT_TRUE(staff.selectStaff("S001"));
    EXPECT_EQ(ui.editNameEdit->text(), "钱组长");
    EXPECT_EQ(ui.editRoleCombo->currentData().toString(), "admin");
    screenshot(*window, "staff-edit");
    window->signOut();

    // S001 is an admin now; once A001 steps down, S001 is the last one and cannot.
    signIn(*window, "S001", "135790");
    ASSERT_TRUE(window->isSignedIn());
    auto& mine = page<console::StaffPage>(*window, "staff");
    ASSERT_TRUE(mine.selectStaff("A001"));
    mine.ui().editRoleCombo->setCurrentIndex(mine.ui().editRoleCombo->findData("staff"));
    mine.ui().saveAccountButton->click();
    EXPECT_EQ(store_->staff().find("A001")->role, store::StaffRole::kStaff);
    ASSERT_TRUE(mine.selectStaff("S001"));
    mine.ui().editRoleCombo->setCurrentIndex(mine.ui().editRoleCombo->findData("staff"));
    mine.ui().saveAccountButton->click();
    EXPECT_TRUE(mine.message().contains("最后")) << mine.message().toStdString();
    EXPECT_EQ(store_->staff().find("S001")->role, store::StaffRole::kAdmin);
    // The form shows the stored role again, not the refused choice.
    EXPECT_EQ(mine.ui().editRoleCombo->currentData().toString(), "admin");
}

TEST_F(AdminPagesTest, TheAdminPagesComeInEnglishFromTheCompiledTranslation) {
    {
        auto window = signedIn("A001", "246810", "en");
        ASSERT_TRUE(window->isSignedIn());
        EXPECT_EQ(window->page("export")->title(), "Export");
        EXPECT_EQ(window->page("stats")->title(), "Statistics");
        EXPECT_EQ(window->page("staff")->title(), "Staff accounts");
        EXPECT_EQ(window->page("print")->title(), "Student photo");
        auto& exportPage = page<console::ExportPage>(*window, "export");
        EXPECT_EQ(exportPage.ui().startButton->text(), "Start export");
        auto& staff = page<console::StaffPage>(*window, "staff");
        EXPECT_EQ(staff.ui().lockButton->text(), "Lock");
        auto& print = page<console::PrintPage>(*window, "print");
        EXPECT_EQ(print.ui().copiesLabel->text(), "Copies");
    }
    auto chinese = signedIn("A001", "246810", "zh");
    EXPECT_EQ(chinese->page("export")->title(), "导出");
}

TEST_F(AdminPagesTest, POnAnApprovedQueueEntryOpensItsPhotoForPrinting) {
    const auto approved =
        addSubmitted("2020001", "张三丰", jpeg(480, 640, QColor(60, 110, 190), "1"));
    approve(approved);
    auto window = signedIn("S001", "135790");
    auto& review = page<console::ReviewPage>(*window, "review");
    auto& filter = *review.ui().filterCombo;
    filter.setCurrentIndex(filter.findData(static_cast<int>(store::CaptureStatus::kApproved)));
    QApplication::processEvents();
    auto* list = review.ui().queueList;
    list->setCurrentIndex(review.model().index(0));
    QApplication::processEvents();
    ASSERT_EQ(review.currentCaptureId(), approved);
    EXPECT_TRUE(review.ui().printButton->isEnabled());
    QKeyEvent press(QEvent::KeyPress, Qt::Key_P, Qt::NoModifier, "p");
    QApplication::sendEvent(list, &press);
    QApplication::processEvents();
    ASSERT_EQ(window->currentPage()->pageId(), "print");
    auto* print = qobject_cast<console::PrintPage*>(window->currentPage());
    EXPECT_EQ(print->ui().studentNoEdit->text(), "2020001");
    EXPECT_TRUE(print->ui().printGroup->isEnabled()) << print->message().toStdString();
}

}  // namespace
