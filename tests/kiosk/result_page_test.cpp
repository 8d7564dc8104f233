// The 照片标准化 result page when compliance checks fail, warn or cannot tell: a failing check
// disables 提交 and puts 重拍 first; 工作人员确认提交 checks the staff PIN through the record store
// (store::StaffAccess) and leaves an audit entry; warnings alone submit as before. The kiosk runs
// over a real record store on disk; one test standardizes a real portrait rotated by 12°.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "audit_search.h"
#include "demo_roster.h"
#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/flow/roster_student_lookup.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "staff_settlement_dialog.h"
#include "test_support.h"

namespace gradphoto::kiosk {
namespace {

using flow::FlowState;
using gradphoto::test::waitFor;

constexpr const char* kStaffNo = "S001";
constexpr const char* kStaffPin = "4321";

CheckResult check(const std::string& id, CheckStatus status, const std::string& zh,
                  const std::string& en) {
    return {id, status, nullptr, nullptr, zh, en};
}

class ResultPageTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        store = store::SqliteRecordStore::open(QDir(dir.path()).filePath("store").toStdString());
        store->students().importAll(kiosk::gui_test::demoRosterStudents());
        store::StaffAccess access(*store);
        access.setPinIterations(1000);
        access.addFirstAdmin(kStaffNo, "值班员", kStaffPin);
        students = std::make_unique<flow::RosterStudentLookup>(*store);
        sink = std::make_unique<flow::ReviewQueueSubmissionSink>(
            *store, store::RejectReasons::load(), "A1");
        replay = QDir(dir.path()).filePath("replay");
        QDir().mkpath(replay);
    }
    void TearDown() override { window.reset(); }

    void build(std::shared_ptr<const flow::PhotoProcessor> processor, QImage frame = {}) {
        if (frame.isNull()) {
            frame = QImage(640, 800, QImage::Format_RGB888);
            frame.fill(QColor(200, 200, 200));
        }
        frame.save(QDir(replay).filePath("frame.png"));
        camera = std::make_unique<ReplayCamera>(replay, 50, 2);
        KioskParts parts;
        parts.settings.flow.paymentPollMs = 200;
        parts.ports = {students.get(), &payments, sink.get()};
        parts.camera = camera.get();
        parts.processor = std::move(processor);
        for (const auto& s : flow::DemoStudentLookup::defaultRoster())
            parts.demoCodes << QString::fromStdString(s.payload);
        parts.demo = true;
        window = std::make_unique<KioskWindow>(parts);
        window->allowClose();
        window->resize(1280, 800);
        window->show();
    }

    QAbstractButton* button(const char* name) {
        return window->page(FlowState::kResult)->findChild<QAbstractButton*>(name);
    }
    QString summary() {
        return window->page(FlowState::kResult)->findChild<QLabel*>("summaryLabel")->text();
    }
    QStringList listed() {
        QStringList items;
        auto* list = window->page(FlowState::kResult)->findChild<QListWidget*>("checksList");
        for (int i = 0; i < list->count(); ++i) items << list->item(i)->text();
        return items;
    }
    bool reach(FlowState state, int timeoutMs = 15000) {
        return gui_test::reach(*window, state, timeoutMs);
    }
    void press(FlowState state, const char* name) {
        ASSERT_TRUE(gui_test::press(*window, state, name));
    }
    // Welcome → … → the result page of the first demo student's capture.
    void toResult(int timeoutMs = 15000) {
        ASSERT_TRUE(gui_test::walkToCapture(*window));
        ASSERT_TRUE(gui_test::shootAndUpload(*window, timeoutMs));
    }
    // Fills in and confirms the staff dialog opened by 工作人员确认提交.
    void staffConfirms(const QString& pin) {
        press(FlowState::kResult, "staffSubmitButton");
        ASSERT_TRUE(waitFor([&] { return window->staffDialog() != nullptr; }));
        StaffSettlementDialog* dialog = window->staffDialog();
        EXPECT_EQ(dialog->purpose(), StaffSettlementDialog::Purpose::kSubmission);
        EXPECT_FALSE(dialog->ui().reasonEdit->isVisible());
        dialog->ui().staffNoEdit->setText(kStaffNo);
        dialog->ui().pinEdit->setText(pin);
        ASSERT_TRUE(dialog->ui().confirmButton->isEnabled());
        dialog->ui().confirmButton->click();
    }
    std::vector<store::AuditEntry> auditOf(const std::string& action) {
        return test::auditEntries(*store, action);
    }
    // Saves the window as a PNG: into GRADPHOTO_TEST_SHOTS when set (docs/screenshots), else
    // scratch.
    void screenshot(const QString& name) {
        QString folder = qEnvironmentVariable("GRADPHOTO_TEST_SHOTS");
        if (folder.isEmpty()) folder = dir.path();
        QApplication::processEvents();
        EXPECT_TRUE(window->grab().save(QDir(folder).filePath(name)));
    }

    QTemporaryDir dir;
    QString replay;
    std::unique_ptr<store::SqliteRecordStore> store;
    std::unique_ptr<flow::RosterStudentLookup> students;
    std::unique_ptr<flow::ReviewQueueSubmissionSink> sink;
    flow::DemoPaymentGateway payments{2};
    std::unique_ptr<ReplayCamera> camera;
    std::unique_ptr<KioskWindow> window;
};

std::shared_ptr<const flow::PhotoProcessor> eyesClosedProcessor() {
    return std::make_shared<gui_test::CheckedProcessor>(std::vector<CheckResult>{
        check("face_count", CheckStatus::kPass, "一张人脸", "one face"),
        check("background_uniform", CheckStatus::kWarn, "背景略有不均匀",
              "background slightly uneven"),
        check("eyes_open", CheckStatus::kFail, "眼睛没有睁开", "eyes are not open"),
        check("head_roll", CheckStatus::kFail, "头部倾斜 12°（上限 8°）",
              "head tilted 12° (limit 8°)")});
}

TEST_F(ResultPageTest, FailingCheckDisablesSubmitAndPutsRetakeFirst) {
    build(eyesClosedProcessor());
    toResult();
    EXPECT_FALSE(button("submitButton")->isEnabled());
    EXPECT_TRUE(button("staffSubmitButton")->isVisible());
    EXPECT_EQ(button("retakeButton")->property("styleClass").toString(), "primary");
    EXPECT_TRUE(static_cast<QPushButton*>(button("retakeButton"))->isDefault());
    EXPECT_TRUE(summary().contains("很可能无法通过审核"));
    EXPECT_TRUE(summary().contains("眼睛没有睁开"));
    EXPECT_TRUE(summary().contains("头部倾斜"));
    const QStringList items = listed();
    ASSERT_GE(items.size(), 3);
    EXPECT_TRUE(items[0].startsWith("✗ ") && items[0].contains("眼睛没有睁开"));
    EXPECT_TRUE(items[1].startsWith("✗ ") && items[1].contains("头部倾斜"));
    EXPECT_TRUE(items[2].startsWith("! "));
    EXPECT_EQ(items[3], "✓ 其余 1 项检查通过");
    screenshot("kiosk-result-failing-check-zh.png");
    window->setLanguage("en");
    QApplication::processEvents();
    // The student's wording, not the staff text (message_en "eyes are not open").
    EXPECT_TRUE(summary().contains("Please keep your eyes naturally open"))
        << summary().toStdString();
    EXPECT_TRUE(summary().contains("Please hold your head straight")) << summary().toStdString();
    EXPECT_FALSE(summary().contains("eyes are not open"));
    EXPECT_TRUE(listed()[2].startsWith("! ") && listed()[2].contains("background is not clean"));
    EXPECT_EQ(listed()[3], "✓ The other check passed");
    EXPECT_EQ(button("staffSubmitButton")->text(), "Staff confirm and submit");
    screenshot("kiosk-result-failing-check-en.png");
    window->setLanguage("zh");

    // 提交 cannot be forced either: the flow itself refuses without a staff member.
    window->send(flow::events::Submit{});
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    EXPECT_EQ(window->flow().notice().code, "submit_needs_staff");
    EXPECT_FALSE(store->captures().currentFor("2022010001"));

    press(FlowState::kResult, "retakeButton");
    ASSERT_TRUE(reach(FlowState::kCapture));
}

// A capture refused for its backdrop: the refusal and the failing background_uniform say the same,
// so the list names the backdrop once (the refusal), then the other problems.
class RefusedBackdropProcessor : public flow::PhotoProcessor {
  public:
    StandardizedPhoto process(const cv::Mat&) const override {
        StandardizedPhoto p;
        p.report.ok = false;
        p.report.errors.push_back(
            {"background_cluttered", "背景不是纯色", "backdrop is not a plain wall"});
        p.report.checks = {
            check("face_count", CheckStatus::kPass, "一张人脸", "one face"),
            check("background_uniform", CheckStatus::kFail, "背景不干净，请站在纯色墙前",
                  "backdrop misfit"),
            check("mouth_closed", CheckStatus::kFail, "请自然闭嘴，不要露齿", "teeth showing")};
        return p;
    }
};

TEST_F(ResultPageTest, ARefusedBackdropIsListedOnce) {
    build(std::make_shared<RefusedBackdropProcessor>());
    toResult();
    const QStringList items = listed();
    ASSERT_EQ(items.size(), 3) << items.join(" | ").toStdString();
    EXPECT_TRUE(items[0].startsWith("✗ ") && items[0].contains("背景")) << items[0].toStdString();
    EXPECT_TRUE(items[1].startsWith("✗ ") && items[1].contains("闭嘴")) << items[1].toStdString();
    EXPECT_EQ(items[2], "✓ 其余 1 项检查通过");
    EXPECT_FALSE(button("submitButton")->isEnabled());
}

TEST_F(ResultPageTest, StaffConfirmWithWrongPinIsRefusedThenRightPinSubmitsWithAudit) {
    build(eyesClosedProcessor());
    toResult();
    staffConfirms("0000");
    ASSERT_TRUE(waitFor([&] { return window->flow().notice().code == "staff_refused"; }));
    EXPECT_EQ(window->flow().state(), FlowState::kResult);
    EXPECT_TRUE(window->page(FlowState::kResult)
                    ->findChild<QLabel*>("noticeLabel")
                    ->text()
                    .contains("PIN"));
    EXPECT_FALSE(store->captures().currentFor("2022010001"));
    EXPECT_TRUE(auditOf("capture.staff_submit").empty());
    EXPECT_EQ(auditOf("staff.sign_in_failed").size(), 1u);

    staffConfirms(kStaffPin);
    ASSERT_TRUE(reach(FlowState::kSubmitted));
    const auto current = store->captures().currentFor("2022010001");
    ASSERT_TRUE(current);
    EXPECT_EQ(current->status, store::CaptureStatus::kSubmitted);
    const auto audits = auditOf("capture.staff_submit");
    ASSERT_EQ(audits.size(), 1u);
    EXPECT_EQ(audits[0].actor, kStaffNo);
    EXPECT_EQ(audits[0].subject, "capture:" + std::to_string(current->id));
    const auto detail = nlohmann::json::parse(audits[0].detailJson);
    EXPECT_EQ(detail.at("failed_checks"), nlohmann::json::array({"eyes_open", "head_roll"}));
    EXPECT_EQ(audits[0].detailJson.find(kStaffPin), std::string::npos);
}

TEST_F(ResultPageTest, OnlyWarningsSubmitDirectly) {
    build(std::make_shared<gui_test::CheckedProcessor>(
        std::vector<CheckResult>{check("face_count", CheckStatus::kPass, "一张人脸", "one face"),
                                 check("background_uniform", CheckStatus::kWarn, "背景略有不均匀",
                                       "background slightly uneven"),
                                 check("glasses_glare", CheckStatus::kUnknown, "无法判断眼镜反光",
                                       "cannot tell glasses glare")}));
    toResult();
    EXPECT_TRUE(button("submitButton")->isEnabled());
    EXPECT_FALSE(button("staffSubmitButton")->isVisible());
    EXPECT_EQ(button("submitButton")->property("styleClass").toString(), "primary");
    EXPECT_EQ(button("retakeButton")->property("styleClass").toString(), "secondary");
    EXPECT_TRUE(summary().contains("工作人员"));
    const QStringList items = listed();
    ASSERT_GE(items.size(), 3);
    EXPECT_TRUE(items[0].startsWith("! "));
    EXPECT_TRUE(items[1].startsWith("? "));
    EXPECT_TRUE(items[2].startsWith("✓ "));
    screenshot("kiosk-result-warnings-zh.png");
    press(FlowState::kResult, "submitButton");
    ASSERT_TRUE(reach(FlowState::kSubmitted));
    ASSERT_TRUE(store->captures().currentFor("2022010001"));
    EXPECT_TRUE(auditOf("capture.staff_submit").empty());
}

// The real standardizer and checks on a real portrait turned by 12°: head_roll (limit 8°) fails.
TEST_F(ResultPageTest, RealPortraitRotatedTwelveDegreesNeedsStaffToSubmit) {
    GRADPHOTO_REQUIRE_TESTDATA(testdata);
    const auto file = testdata / "portraits" / "congress_B001281.jpg";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "no portrait " << file;
    const cv::Mat portrait = cv::imread(file.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(portrait.empty());
    // Shoulders continued downwards and the backdrop sideways (edge pixels repeated), so that
    // the capture reaches below the photo's frame; then turned by 12° about the centre.
    cv::Mat framed;
    cv::copyMakeBorder(portrait, framed, 0, portrait.rows / 2, portrait.cols / 4, portrait.cols / 4,
                       cv::BORDER_REPLICATE);
    cv::Mat rotated;
    cv::warpAffine(framed, rotated,
                   cv::getRotationMatrix2D({framed.cols / 2.0F, framed.rows / 3.0F}, 12.0, 1.0),
                   framed.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Mat rgb;
    cv::cvtColor(rotated, rgb, cv::COLOR_BGR2RGB);
    const QImage frame(rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step),
                       QImage::Format_RGB888);
    std::shared_ptr<const flow::PhotoProcessor> processor;
    try {
        processor = flow::makeStandardizerProcessor("chsi-blue");
    } catch (const std::exception& e) {
        GTEST_SKIP() << "no standardizer here: " << e.what();
    }
    build(processor, frame.copy());
    toResult(120000);
    const auto& report = window->flow().session().standardized->report;
    std::string refused;
    for (const Problem& p : report.errors) refused += " " + p.code + ": " + p.message_en;
    ASSERT_TRUE(report.ok) << "the rotated portrait was refused outright:" << refused;
    const auto roll = std::find_if(report.checks.begin(), report.checks.end(),
                                   [](const CheckResult& c) { return c.id == "head_roll"; });
    ASSERT_NE(roll, report.checks.end());
    EXPECT_EQ(roll->status, CheckStatus::kFail);
    EXPECT_FALSE(button("submitButton")->isEnabled());
    EXPECT_TRUE(button("staffSubmitButton")->isVisible());
    EXPECT_TRUE(listed().first().startsWith("✗ "));
    EXPECT_TRUE(summary().contains(QString::fromStdString(roll->message_zh)));
    press(FlowState::kResult, "retakeButton");
    ASSERT_TRUE(reach(FlowState::kCapture));
}

}  // namespace
}  // namespace gradphoto::kiosk
