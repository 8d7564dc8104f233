// 工作人员确认提交 off the GUI thread: the kiosk window over a real SQLite record store on disk,
// its worker ports (storeWorkerPorts: their own connections) and a staff member whose PIN is
// hashed with the production PBKDF2 iterations. Pressing 确认提交 returns at once, the result page
// says it is checking and takes no second submission, the screen's timers go on; the outcome is
// today's: one capture with one capture.staff_submit entry, or a wrong PIN's message and nothing
// stored. A student leaving, or the kiosk closing, while the check runs: the late answer is
// dropped, closing is bounded, and the store holds the capture with its audit entry or neither.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTimer>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "audit_search.h"
#include "demo_roster.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/store/database.h"
#include "gradphoto/store/pin.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "kiosk_runtime.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "staff_settlement_dialog.h"

namespace gradphoto::kiosk {
namespace {

using flow::FlowState;
using gradphoto::test::waitFor;

constexpr const char* kStaffNo = "S001";
// Long enough that no order number, hash or timestamp in the audit log contains it by chance.
constexpr const char* kStaffPin = "86420135";
constexpr const char* kStudentNo = "2022010001";

class StaffSubmissionTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        dataDir = QDir(dir.path()).filePath("data");
        store = store::SqliteRecordStore::open(dataDir.toStdString());
        store->students().importAll(gui_test::demoRosterStudents());
        sink = std::make_unique<flow::ReviewQueueSubmissionSink>(
            *store, store::RejectReasons::load(), "A1");
        camera = std::make_unique<ReplayCamera>(gui_test::plainReplayFolder(dir.path()), 50, 2);
        settingsFile = QDir(dir.path()).filePath("settings.json");
        std::ofstream(settingsFile.toStdString()) << R"({"payment": {"provider": "demo"}})";
    }
    void TearDown() override { window.reset(); }

    // The staff member S001, the PIN hashed with `iterations` PBKDF2 rounds (the production count
    // unless a test needs the check to take longer than the GUI's work around it, whatever the
    // machine).
    void addStaff(int iterations = store::kPinIterations) {
        store::StaffAccess access(*store);
        access.setPinIterations(iterations);
        access.addFirstAdmin(kStaffNo, "值班员", kStaffPin);
        pinIterations = iterations;
    }

    // The kiosk as the runtime wires it without --demo: lookups, payment and 工作人员确认提交
    // made outside, each worker over its own store connection.
    void build() {
        KioskParts parts;
        parts.settings = KioskSettings::load(settingsFile, nullptr);
        parts.ports = {nullptr, nullptr, sink.get(), nullptr, true};
        parts.slowPorts = storeWorkerPorts(dataDir, parts.settings, settingsFile);
        parts.camera = camera.get();
        // A compliant photo whose eyes_open check failed: 提交 needs a staff member.
        parts.processor = std::make_shared<gui_test::CheckedProcessor>(std::vector<CheckResult>{
            {"face_count", CheckStatus::kPass, nullptr, nullptr, "一张人脸", "one"},
            {"eyes_open", CheckStatus::kFail, nullptr, nullptr, "眼睛没有睁开",
             "eyes are not open"}});
        for (const auto& s : flow::DemoStudentLookup::defaultRoster())
            parts.demoCodes << QString::fromStdString(s.payload);
        window = std::make_unique<KioskWindow>(parts);
        window->allowClose();
        window->resize(1280, 800);
        window->show();
    }

    QAbstractButton* button(FlowState state, const char* name) {
        return gui_test::buttonOn(*window, state, name);
    }
    void press(FlowState state, const char* name) {
        ASSERT_TRUE(gui_test::press(*window, state, name));
    }
    bool reach(FlowState state, int timeoutMs = 15000) {
        return gui_test::reach(*window, state, timeoutMs);
    }

    // Welcome → 扫码 → 核对身份 → 服务说明 (cash confirmed by the staff member) → 拍照须知 →
    // capture → the result page of a photo whose eyes_open check failed.
    void toResult() {
        press(FlowState::kWelcome, "startButton");
        ASSERT_TRUE(reach(FlowState::kScanCode));
        press(FlowState::kScanCode, "demoCode1");
        ASSERT_TRUE(reach(FlowState::kVerifyStudent));
        ASSERT_TRUE(gui_test::enterLastFour(*window));
        ASSERT_TRUE(reach(FlowState::kServiceInfo));
        press(FlowState::kServiceInfo, "staffButton");
        ASSERT_TRUE(waitFor([&] { return window->staffDialog() != nullptr; }));
        auto& ui = window->staffDialog()->ui();
        ui.staffNoEdit->setText(kStaffNo);
        ui.pinEdit->setText(kStaffPin);
        ui.reasonEdit->setText("现金");
        ui.confirmButton->click();
        ASSERT_TRUE(reach(FlowState::kPhotoGuide));
        press(FlowState::kPhotoGuide, "readButton");
        ASSERT_TRUE(reach(FlowState::kCapture));
        ASSERT_TRUE(gui_test::shootAndUpload(*window));
        ASSERT_TRUE(button(FlowState::kResult, "staffSubmitButton")->isVisible());
    }

    // Opens 工作人员确认提交, fills in the staff number and `pin` and presses 确认提交; returns how
    // long the press took on the GUI thread.
    qint64 staffConfirms(const QString& pin) {
        press(FlowState::kResult, "staffSubmitButton");
        EXPECT_TRUE(waitFor([&] { return window->staffDialog() != nullptr; }));
        if (!window->staffDialog()) return -1;
        StaffSettlementDialog* dialog = window->staffDialog();
        EXPECT_EQ(dialog->purpose(), StaffSettlementDialog::Purpose::kSubmission);
        dialog->ui().staffNoEdit->setText(kStaffNo);
        dialog->ui().pinEdit->setText(pin);
        QElapsedTimer pressed;
        pressed.start();
        dialog->ui().confirmButton->click();
        return pressed.elapsed();
    }

    std::int64_t captures() {
        std::int64_t n = 0;
        for (const auto& [status, count] : store->captures().countByStatus()) n += count;
        return n;
    }
    std::vector<store::AuditEntry> auditOf(const std::string& action) {
        return test::auditEntries(*store, action);
    }
    QString notice() { return gui_test::labelOn(*window, FlowState::kResult, "noticeLabel"); }
    bool pinLogged() {
        for (const QString& line : log.lines())
            if (line.contains(kStaffPin)) return true;
        return false;
    }

    QTemporaryDir dir;
    QString dataDir;
    QString settingsFile;
    std::unique_ptr<store::SqliteRecordStore> store;
    std::unique_ptr<flow::ReviewQueueSubmissionSink> sink;
    std::unique_ptr<ReplayCamera> camera;
    std::unique_ptr<KioskWindow> window;
    // The staff log while the test runs: the PIN must not be in any of its lines.
    gui_test::CapturedMessages log;
    int pinIterations = store::kPinIterations;
};

TEST_F(StaffSubmissionTest, ARealPbkdf2CheckLeavesTheScreenResponsiveAndSubmitsOnce) {
    // Ten times the production hash: a check of about half a second even on a fast machine.
    addStaff(10 * store::kPinIterations);
    build();
    toResult();
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start();

    // What one PIN check costs here (the sink's sign-in runs one).
    QElapsedTimer hashing;
    hashing.start();
    store::hashPin(kStaffPin, pinIterations);
    const qint64 pbkdf2Ms = hashing.elapsed();

    const qint64 pressMs = staffConfirms(kStaffPin);
    // Back in the event loop at once: still the result page, waiting, saying it is checking.
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    EXPECT_EQ(window->flow().waitingFor(), flow::PortCall::Kind::kStaffSubmit);
    EXPECT_LT(pressMs, pbkdf2Ms / 2)
        << "the press waited for the check (one PBKDF2: " << pbkdf2Ms << " ms)";
    auto* staffButton = button(FlowState::kResult, "staffSubmitButton");
    EXPECT_EQ(staffButton->text(), "正在核对并提交…");
    EXPECT_FALSE(staffButton->isEnabled());
    EXPECT_FALSE(button(FlowState::kResult, "submitButton")->isEnabled());
    EXPECT_FALSE(button(FlowState::kResult, "retakeButton")->isEnabled());
    EXPECT_TRUE(notice().contains("正在核对")) << notice().toStdString();
    window->setLanguage("en");  // the compiled translation
    QApplication::processEvents();
    ASSERT_TRUE(window->flow().waiting()) << "the check ended within a language switch";
    EXPECT_EQ(staffButton->text(), "Checking and submitting…");
    EXPECT_TRUE(notice().contains("Checking the staff member")) << notice().toStdString();
    window->setLanguage("zh");
    // A second submission, however it is asked for, starts nothing (the first dialog gone, so
    // that the flow's wait is what stops the second).
    ASSERT_TRUE(waitFor([&] { return !window->staffDialog(); }, 2000));
    ASSERT_TRUE(window->flow().waiting()) << "the check ended before the second press";
    window->openStaffSubmission();
    EXPECT_FALSE(window->staffDialog() && window->staffDialog()->isVisible());
    window->send(flow::events::StaffSubmit{kStaffNo, kStaffPin});
    window->send(flow::events::Retake{});
    EXPECT_EQ(window->flow().state(), FlowState::kResult);

    ASSERT_TRUE(reach(FlowState::kSubmitted));
    ticker.stop();
    EXPECT_GT(ticks, 20) << "the GUI thread's timer stood still during the PBKDF2 check";
    const QString queue = gui_test::labelOn(*window, FlowState::kSubmitted, "queueLabel");
    const auto current = store->captures().currentFor(kStudentNo);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->status, store::CaptureStatus::kSubmitted);
    EXPECT_TRUE(queue.contains(QString::fromStdString(sink->queueNumberOf(current->id))))
        << queue.toStdString();
    EXPECT_EQ(captures(), 1);
    const auto audits = auditOf("capture.staff_submit");
    ASSERT_EQ(audits.size(), 1u);
    EXPECT_EQ(audits[0].actor, kStaffNo);
    EXPECT_EQ(audits[0].subject, "capture:" + std::to_string(current->id));
    EXPECT_FALSE(test::auditMentions(*store, kStaffPin));
    EXPECT_FALSE(pinLogged());
}

TEST_F(StaffSubmissionTest, AWrongPinShowsTodaysMessageAndStoresNothing) {
    addStaff();
    build();
    toResult();
    staffConfirms("0000");
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    ASSERT_TRUE(waitFor([&] { return window->flow().notice().code == "staff_refused"; }));
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    // The store's own refusal (store::StaffAccess), as before the check moved off the GUI thread.
    EXPECT_EQ(notice().toStdString(), window->flow().notice().message_zh);
    EXPECT_TRUE(notice().contains("PIN")) << notice().toStdString();
    EXPECT_EQ(captures(), 0);
    EXPECT_TRUE(auditOf("capture.staff_submit").empty());
    EXPECT_EQ(auditOf("staff.sign_in_failed").size(), 1u);
    auto* staffButton = button(FlowState::kResult, "staffSubmitButton");
    EXPECT_TRUE(staffButton->isEnabled());
    EXPECT_EQ(staffButton->text(), "工作人员确认提交");
    EXPECT_TRUE(button(FlowState::kResult, "retakeButton")->isEnabled());
    EXPECT_FALSE(pinLogged());
}

// 取消 during the check would tell the student their data was cleared while the photo is being
// submitted: the button is disabled, the flow ignores it, and the answer shows the queue number.
TEST_F(StaffSubmissionTest, CancelDuringTheCheckWaitsForTheAnswer) {
    addStaff();
    build();
    toResult();
    staffConfirms(kStaffPin);
    ASSERT_EQ(window->flow().waitingFor(), flow::PortCall::Kind::kStaffSubmit);
    auto* cancel = window->findChild<QAbstractButton*>("cancelButton");
    ASSERT_TRUE(cancel);
    QApplication::processEvents();
    EXPECT_FALSE(cancel->isEnabled());
    window->send(flow::events::Cancel{});  // as if 取消 were pressed anyway
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    ASSERT_TRUE(reach(FlowState::kSubmitted));
    const auto current = store->captures().currentFor(kStudentNo);
    ASSERT_TRUE(current);
    EXPECT_TRUE(gui_test::labelOn(*window, FlowState::kSubmitted, "queueLabel")
                    .contains(QString::fromStdString(sink->queueNumberOf(current->id))));
    EXPECT_EQ(captures(), 1);
    EXPECT_EQ(auditOf("capture.staff_submit").size(), 1u);
    EXPECT_TRUE(cancel->isEnabled());
    EXPECT_FALSE(pinLogged());
}

TEST_F(StaffSubmissionTest, ClosingDuringTheCheckIsBoundedAndTheStoreStaysConsistent) {
    addStaff();
    build();
    toResult();
    staffConfirms(kStaffPin);
    ASSERT_EQ(window->flow().waitingFor(), flow::PortCall::Kind::kStaffSubmit);
    QElapsedTimer closing;
    closing.start();
    window.reset();
    EXPECT_LT(closing.elapsed(), kHungDeviceWait.count() + 1000);
    QApplication::processEvents();
    // Either the capture with its audit entry, or neither (the check finished here in time).
    const std::int64_t stored = captures();
    EXPECT_LE(stored, 1);
    EXPECT_EQ(auditOf("capture.staff_submit").size(), static_cast<std::size_t>(stored));
    EXPECT_FALSE(pinLogged());
}

// Another program holds the store's write lock: the submission waits in SQLite's busy handler
// (5 s) on its own thread. The screen goes on; closing leaves it behind after kHungDeviceWait; once
// the lock is released it finishes by itself, capture and audit entry together.
TEST_F(StaffSubmissionTest, ClosingWhileTheStoreIsBusyLeavesTheSubmissionBehindWithinTheBound) {
    addStaff();
    build();
    toResult();
    store::Database blocker = store::Database::open(store->database().file());
    blocker.exec("BEGIN IMMEDIATE");
    staffConfirms(kStaffPin);
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start();
    QElapsedTimer waited;
    waited.start();
    // The PIN checked, the sign-in's transaction waits for the write lock, up to the store's busy
    // time-out (5 s): this wait is kept short so that press, wait and the bounded close end well
    // within it on a loaded machine.
    waitFor([&] { return waited.elapsed() >= 200; }, 1000);
    ticker.stop();
    EXPECT_GT(ticks, 5);
    EXPECT_EQ(window->flow().waitingFor(), flow::PortCall::Kind::kStaffSubmit);
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    EXPECT_EQ(captures(), 0);

    QElapsedTimer closing;
    closing.start();
    window.reset();
    const qint64 closedMs = closing.elapsed();
    EXPECT_GE(closedMs, kHungDeviceWait.count() - 100);  // it really waited, then left it
    EXPECT_LT(closedMs, kHungDeviceWait.count() + 1000);
    EXPECT_TRUE(log.lines().join('\n').contains("left to finish"))
        << log.lines().join('\n').toStdString();
    blocker.exec("COMMIT");  // within the busy time-out: the submission goes through
    EXPECT_TRUE(waitFor([&] { return !auditOf("capture.staff_submit").empty(); }, 10000));
    EXPECT_EQ(captures(), 1);
    EXPECT_EQ(auditOf("capture.staff_submit").size(), 1u);
    // The thread left behind ends right after its commit (its answer is dropped).
    waited.restart();
    waitFor([&] { return waited.elapsed() >= 300; }, 1000);
    EXPECT_FALSE(pinLogged());
}

}  // namespace
}  // namespace gradphoto::kiosk
