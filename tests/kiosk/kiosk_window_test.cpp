// The kiosk window driven like a student and an operator would, with the replay camera.

#include <gtest/gtest.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <functional>

#include "demo_roster.h"
#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/flow/roster_student_lookup.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "student_wording.h"
#include "test_support.h"

namespace gradphoto::kiosk {
namespace {

using flow::FlowState;

// A processor that accepts every capture at once: the GUI tests are about the GUI, the
// standardizer has its own tests.
class InstantProcessor : public flow::PhotoProcessor {
  public:
    explicit InstantProcessor(bool ok) : ok_(ok) {}
    StandardizedPhoto process(const cv::Mat& capture) const override {
        StandardizedPhoto p;
        p.report.ok = ok_;
        if (ok_) {
            p.jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
            p.photo = cv::Mat(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
            p.report.checks.push_back(
                {"face_count", CheckStatus::kPass, 1, 1, "一张人脸", "one face"});
        } else {
            p.report.errors.push_back({"no_face", "未检测到人脸，请正对镜头重拍", "No face found"});
        }
        (void)capture;
        return p;
    }

  private:
    bool ok_;
};

using gradphoto::test::waitFor;

// A folder of a few synthetic "photos", so that the tests need no corpus.
QString makeReplayFolder(const QString& root) {
    const QString folder = QDir(root).filePath("replay");
    QDir().mkpath(folder);
    for (int i = 0; i < 3; ++i) {
        QImage image(640, 800, QImage::Format_RGB888);
        image.fill(QColor(200 + i * 10, 200, 200));
        image.save(QDir(folder).filePath(QStringLiteral("frame%1.png").arg(i)));
    }
    return folder;
}

class KioskWindowTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        sink = std::make_unique<flow::DemoSubmissionSink>(
            QDir(dir.path()).filePath("data").toStdString());
        camera = std::make_unique<ReplayCamera>(makeReplayFolder(dir.path()), 50, 2);
    }

    void build(bool processorOk = true, flow::FlowSettings settings = {}) {
        KioskParts parts;
        settings.paymentPollMs = 200;
        parts.settings.flow = settings;
        parts.ports = {lookupPort ? lookupPort : &students, &payments,
                       sinkPort ? sinkPort : sink.get()};
        parts.camera = camera.get();
        parts.processor = std::make_shared<InstantProcessor>(processorOk);
        for (const auto& s : flow::DemoStudentLookup::defaultRoster())
            parts.demoCodes << QString::fromStdString(s.payload);
        parts.demo = true;
        parts.screenshotDir = shots;
        window = std::make_unique<KioskWindow>(parts);
        window->allowClose();
        window->resize(1280, 800);
        window->show();
    }

    QAbstractButton* button(FlowState state, const char* name) {
        auto* b = gui_test::buttonOn(*window, state, name);
        EXPECT_NE(b, nullptr) << name;
        return b;
    }
    QString labelText(FlowState state, const char* name) {
        return gui_test::labelOn(*window, state, name);
    }
    bool reach(FlowState state, int timeoutMs = 15000) {
        return gui_test::reach(*window, state, timeoutMs);
    }
    void press(FlowState state, const char* name) {
        ASSERT_TRUE(gui_test::press(*window, state, name));
    }
    void toCapture() { ASSERT_TRUE(gui_test::walkToCapture(*window)); }

    QTemporaryDir dir;
    QString shots;
    flow::DemoStudentLookup students;
    flow::DemoPaymentGateway payments{2};
    std::unique_ptr<flow::DemoSubmissionSink> sink;
    std::unique_ptr<ReplayCamera> camera;
    // Other ports instead of the demo lookup and sink (the store tests set them).
    flow::StudentLookup* lookupPort = nullptr;
    flow::SubmissionSink* sinkPort = nullptr;
    std::unique_ptr<KioskWindow> window;
};

TEST_F(KioskWindowTest, WelcomeShowsChineseAndFee) {
    build();
    EXPECT_EQ(window->flow().state(), FlowState::kWelcome);
    EXPECT_TRUE(labelText(FlowState::kWelcome, "introLabel").contains("20.00 元"));
    EXPECT_EQ(button(FlowState::kWelcome, "startButton")->text(), "开始采集");
}

TEST_F(KioskWindowTest, LanguageToggleSwitchesToEnglishAndBack) {
    build();
    press(FlowState::kWelcome, "languageButton");
    EXPECT_EQ(window->language(), "en");
    auto* start = button(FlowState::kWelcome, "startButton");
    EXPECT_TRUE(waitFor([&] { return start->text() == "Start"; }, 3000))
        << start->text().toStdString();
    EXPECT_TRUE(labelText(FlowState::kWelcome, "introLabel").contains("CNY 20.00"));
    press(FlowState::kWelcome, "languageButton");
    EXPECT_TRUE(waitFor([&] { return start->text() == "开始采集"; }, 3000));
}

TEST_F(KioskWindowTest, WholeFlowToSubmitted) {
    shots = QDir(dir.path()).filePath("shots");
    build();
    toCapture();
    // The live view shows frames and the operator's shutter starts the 3-2-1.
    ASSERT_TRUE(waitFor([&] {
        auto* l = window->page(FlowState::kCapture)->findChild<QLabel*>("previewLabel");
        return l && !l->pixmap().isNull();
    }));
    press(FlowState::kCapture, "shutterButton");
    EXPECT_TRUE(window->flow().countdownSecondsLeft());
    ASSERT_TRUE(reach(FlowState::kPreview, 8000));
    press(FlowState::kPreview, "uploadButton");
    ASSERT_TRUE(reach(FlowState::kResult));
    EXPECT_TRUE(button(FlowState::kResult, "submitButton")->isEnabled());
    press(FlowState::kResult, "submitButton");
    ASSERT_TRUE(reach(FlowState::kSubmitted));
    EXPECT_TRUE(labelText(FlowState::kSubmitted, "queueLabel").contains("A1-0003"));
    EXPECT_EQ(sink->status("2022010001").kind, flow::SubmissionStatus::Kind::kPending);
    // Pages that stay up long enough are photographed (passing ones are skipped by design).
    EXPECT_TRUE(waitFor([&] { return !QDir(shots).entryList({"*submitted*.png"}).isEmpty(); }));
    press(FlowState::kSubmitted, "finishButton");
    EXPECT_TRUE(reach(FlowState::kWelcome));
}

TEST_F(KioskWindowTest, VerifyPageShowsMaskedDataOnly) {
    build();
    press(FlowState::kWelcome, "startButton");
    press(FlowState::kScanCode, "demoCode1");
    ASSERT_TRUE(reach(FlowState::kVerifyStudent));
    const QString card = labelText(FlowState::kVerifyStudent, "studentLabel");
    EXPECT_TRUE(card.contains("张*三"));
    // The page asks for the last four: it shows the first four only, never the answer.
    EXPECT_TRUE(card.contains("1101**************"));
    EXPECT_FALSE(card.contains("123X"));
    EXPECT_FALSE(card.contains("张小三"));
    EXPECT_FALSE(card.contains("11010520000101123X"));
    ASSERT_TRUE(gui_test::enterLastFour(*window, {"key0", "key0", "key0", "key0"}));
    EXPECT_TRUE(labelText(FlowState::kVerifyStudent, "noticeLabel").contains("还可尝试 4 次"));
}

TEST_F(KioskWindowTest, RefusedPhotoOffersRetakeOnly) {
    build(false);
    toCapture();
    ASSERT_TRUE(gui_test::shootAndUpload(*window));
    EXPECT_FALSE(button(FlowState::kResult, "submitButton")->isEnabled());
    auto* list = window->page(FlowState::kResult)->findChild<QListWidget*>("checksList");
    ASSERT_TRUE(list);
    ASSERT_GE(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().contains("未检测到人脸"));
    press(FlowState::kResult, "retakeButton");
    EXPECT_TRUE(reach(FlowState::kCapture));
}

TEST_F(KioskWindowTest, CameraLossDuringPreviewShowsMessageAndRecovers) {
    build();
    toCapture();
    camera->setSimulatedLoss(true);
    ASSERT_TRUE(waitFor([&] { return !window->flow().cameraAvailable(); }));
    EXPECT_FALSE(button(FlowState::kCapture, "shutterButton")->isEnabled());
    EXPECT_TRUE(labelText(FlowState::kCapture, "previewLabel").contains("摄像头未连接"));
    EXPECT_FALSE(labelText(FlowState::kCapture, "noticeLabel").isEmpty());
    camera->setSimulatedLoss(false);
    ASSERT_TRUE(waitFor([&] { return window->flow().cameraAvailable(); }));
    press(FlowState::kCapture, "shutterButton");
    EXPECT_TRUE(reach(FlowState::kPreview, 8000));
}

TEST_F(KioskWindowTest, IdleResetClearsTheStudentsData) {
    flow::FlowSettings settings;
    settings.idleSeconds = 4;  // longer than the 3-2-1, which no touch interrupts
    settings.idleWarningSeconds = 1;
    build(true, settings);
    toCapture();
    press(FlowState::kCapture, "shutterButton");
    ASSERT_TRUE(reach(FlowState::kPreview, 8000));
    ASSERT_FALSE(window->flow().session().capture.empty());
    ASSERT_TRUE(waitFor([&] { return window->idleWarningVisible(); }, 8000));
    ASSERT_TRUE(reach(FlowState::kWelcome, 5000));
    EXPECT_TRUE(window->flow().session().empty());
    EXPECT_TRUE(window->flow().session().capture.empty());
    EXPECT_FALSE(window->idleWarningVisible());
    // Nothing of the student is left on the pages either.
    EXPECT_FALSE(labelText(FlowState::kVerifyStudent, "entryLabel").contains("1"));
    EXPECT_TRUE(labelText(FlowState::kWelcome, "noticeLabel").contains("清除"));
}

TEST_F(KioskWindowTest, CancelAnywhereReturnsToStart) {
    build();
    press(FlowState::kWelcome, "startButton");
    press(FlowState::kScanCode, "demoCode1");
    ASSERT_TRUE(reach(FlowState::kVerifyStudent));
    auto* cancel = window->findChild<QAbstractButton*>("cancelButton");
    ASSERT_TRUE(cancel);
    cancel->click();
    EXPECT_TRUE(reach(FlowState::kWelcome));
    EXPECT_TRUE(window->flow().session().empty());
}

TEST_F(KioskWindowTest, RejectedStudentSeesReasonAndFreeRetake) {
    build();
    press(FlowState::kWelcome, "checkButton");
    press(FlowState::kScanCode, "demoCode2");
    for (const char* key : {"key5", "key6", "key7", "key8"}) press(FlowState::kVerifyStudent, key);
    press(FlowState::kVerifyStudent, "confirmButton");
    ASSERT_TRUE(reach(FlowState::kStatus));
    EXPECT_TRUE(labelText(FlowState::kStatus, "statusLabel").contains("审核未通过"));
    EXPECT_TRUE(labelText(FlowState::kStatus, "detailLabel").contains("背景"));
    EXPECT_TRUE(button(FlowState::kStatus, "freeRetakeButton")->isVisible());
    press(FlowState::kStatus, "freeRetakeButton");
    EXPECT_TRUE(reach(FlowState::kPhotoGuide));
    EXPECT_FALSE(window->flow().session().order);
}

TEST_F(KioskWindowTest, MissingCameraFolderSaysSo) {
    camera = std::make_unique<ReplayCamera>(QDir(dir.path()).filePath("nothing-here"));
    build();
    toCapture();
    EXPECT_FALSE(window->flow().cameraAvailable());
    EXPECT_TRUE(labelText(FlowState::kCapture, "previewLabel").contains("摄像头未连接"));
    EXPECT_FALSE(button(FlowState::kCapture, "shutterButton")->isEnabled());
}

}  // namespace
}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {
namespace {

// The real ports of a kiosk run without --demo: the demo roster's people imported into a record
// store on disk; the sample-code buttons stand in for the scanner.
class KioskWindowStoreTest : public KioskWindowTest {
  protected:
    void SetUp() override {
        KioskWindowTest::SetUp();
        store = store::SqliteRecordStore::open(QDir(dir.path()).filePath("store").toStdString());
        store->students().importAll(kiosk::gui_test::demoRosterStudents());
        realStudents = std::make_unique<flow::RosterStudentLookup>(*store);
        realSink = std::make_unique<flow::ReviewQueueSubmissionSink>(
            *store, store::RejectReasons::load(), "A1");
        lookupPort = realStudents.get();
        sinkPort = realSink.get();
    }
    void TearDown() override { window.reset(); }

    std::unique_ptr<store::SqliteRecordStore> store;
    std::unique_ptr<flow::RosterStudentLookup> realStudents;
    std::unique_ptr<flow::ReviewQueueSubmissionSink> realSink;
};

TEST_F(KioskWindowStoreTest, WholeFlowFilesTheCaptureInTheReviewQueue) {
    build();
    toCapture();
    ASSERT_TRUE(gui_test::shootAndUpload(*window));
    press(FlowState::kResult, "submitButton");
    ASSERT_TRUE(reach(FlowState::kSubmitted));
    const auto current = store->captures().currentFor("2022010001");
    ASSERT_TRUE(current);
    EXPECT_EQ(current->status, store::CaptureStatus::kSubmitted);
    EXPECT_TRUE(labelText(FlowState::kSubmitted, "queueLabel")
                    .contains(QString::fromStdString(realSink->queueNumberOf(current->id))));
    EXPECT_EQ(store->students().find("2022010001")->status, "submitted");
}

TEST_F(KioskWindowStoreTest, WrongLastFourIsCountedInTheStore) {
    build();
    press(FlowState::kWelcome, "startButton");
    press(FlowState::kScanCode, "demoCode2");
    ASSERT_TRUE(reach(FlowState::kVerifyStudent));
    const QString card = labelText(FlowState::kVerifyStudent, "studentLabel");
    EXPECT_TRUE(card.contains("李*"));
    EXPECT_FALSE(card.contains("李四"));
    EXPECT_FALSE(card.contains("310104200002025678"));
    ASSERT_TRUE(gui_test::enterLastFour(*window, {"key0", "key0", "key0", "key0"}));
    EXPECT_TRUE(labelText(FlowState::kVerifyStudent, "noticeLabel").contains("还可尝试 4 次"));
    EXPECT_EQ(store->verificationAttempts().failures("2022010002"), 1);
}

}  // namespace
}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {
namespace {

// A 1280×720 frame with a QR code of payload in the middle (6 px per module), like a phone held up
// to the camera.
QImage frameWithCode(const std::string& payload) {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    const ZXing::BitMatrix bits = writer.encode(payload, 0, 0);
    QImage frame(1280, 720, QImage::Format_RGB888);
    frame.fill(QColor(90, 90, 90));
    constexpr int kModule = 6;
    const int w = bits.width() * kModule, h = bits.height() * kModule;
    const int x0 = (frame.width() - w) / 2, y0 = (frame.height() - h) / 2;
    QPainter painter(&frame);
    painter.fillRect(x0 - 8 * kModule, y0 - 8 * kModule, w + 16 * kModule, h + 16 * kModule,
                     Qt::white);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x)
            if (bits.get(x, y))
                painter.fillRect(x0 + x * kModule, y0 + y * kModule, kModule, kModule, Qt::black);
    return frame;
}

TEST_F(KioskWindowTest, ScanPageReadsTheCodeFromTheCamera) {
    const QString folder = QDir(dir.path()).filePath("code-replay");
    QDir().mkpath(folder);
    ASSERT_TRUE(frameWithCode("DEMO-CHSI-0001").save(QDir(folder).filePath("code.png")));
    camera = std::make_unique<ReplayCamera>(folder, 50, 2);
    build();
    press(FlowState::kWelcome, "startButton");
    ASSERT_TRUE(reach(FlowState::kScanCode));
    ASSERT_TRUE(reach(FlowState::kVerifyStudent, 20000));
    EXPECT_TRUE(labelText(FlowState::kVerifyStudent, "studentLabel").contains("张*三"));
}

}  // namespace
}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {
namespace {

// The booth's 1440×900 screen: no page may need more, and no guide card may clip its text, in
// either language.
TEST_F(KioskWindowTest, EveryPageFitsA1440x900ScreenInBothLanguages) {
    build();
    window->resize(1440, 900);
    for (const QString language : {"zh", "en"}) {
        window->setLanguage(language);
        QApplication::processEvents();
        EXPECT_LE(window->minimumSizeHint().height(), 900) << language.toStdString();
        for (int s = 0; s <= static_cast<int>(FlowState::kFailsafe); ++s) {
            QWidget* page = window->page(static_cast<FlowState>(s));
            EXPECT_LE(page->minimumSizeHint().height(), 900 - 152)
                << flow::toString(static_cast<FlowState>(s)) << " " << language.toStdString();
        }
    }
    // The guide's cards at the size the layout gives them.
    window->send(flow::events::StartCapture{});
    window->send(flow::events::CodeScanned{"DEMO-CHSI-0001"});
    window->send(flow::events::Last4Entered{"123X"});
    window->send(flow::events::AcceptService{});
    ASSERT_TRUE(reach(FlowState::kPhotoGuide));
    for (const QString language : {"zh", "en"}) {
        window->setLanguage(language);
        QApplication::processEvents();
        window->resize(1440, 900);
        QApplication::processEvents();
        for (const char* name : {"rule1", "rule2", "rule3", "rule4", "rule5", "rule6"}) {
            auto* rule = window->page(FlowState::kPhotoGuide)->findChild<QLabel*>(name);
            ASSERT_NE(rule, nullptr);
            EXPECT_LE(rule->heightForWidth(rule->width()), rule->height())
                << name << " " << language.toStdString() << " clipped";
        }
    }
}

}  // namespace
}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {
namespace {

// kiosk.auto_capture: a well-placed portrait in the replay camera passes every live check, and
// the 3-2-1 starts without the shutter; with it off, nothing happens by itself.
TEST_F(KioskWindowTest, AutoCaptureStartsTheCountdownByItself) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    // The corpus's portraits, 3 s each: most pass every live check while they are shown.
    camera = std::make_unique<ReplayCamera>(QString::fromStdString((data / "portraits").string()),
                                            50, 3);
    flow::FlowSettings settings;
    settings.autoCapture = true;
    build(true, settings);
    toCapture();
    ASSERT_TRUE(waitFor([&] { return window->guidanceShown(); }, 20000));
    ASSERT_TRUE(waitFor([&] { return window->flow().countdownSecondsLeft().has_value(); }, 80000))
        << "live checks: " << labelText(FlowState::kCapture, "guidanceLabel").toStdString();
    EXPECT_TRUE(reach(FlowState::kPreview, 10000));
}

TEST_F(KioskWindowTest, NoAutoCaptureWhenOff) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const QString folder = QDir(dir.path()).filePath("portrait");
    QDir().mkpath(folder);
    ASSERT_TRUE(
        QFile::copy(QString::fromStdString((data / "portraits" / "congress_B001281.jpg").string()),
                    QDir(folder).filePath("portrait.jpg")));
    camera = std::make_unique<ReplayCamera>(folder, 50, 2);
    build();
    toCapture();
    ASSERT_TRUE(waitFor([&] { return window->guidanceShown(); }, 20000));
    EXPECT_FALSE(reach(FlowState::kPreview, 4000));
    EXPECT_FALSE(window->flow().countdownSecondsLeft());
}

}  // namespace
}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {
namespace {

// The live checks without a hint of their own (closed eyes, blur, over-exposure) are listed on the
// capture page, and 很好，保持不动 looks ready (green), not like a hint (orange).
TEST_F(KioskWindowTest, CapturePageShowsFailingChecksAndAGreenReadyState) {
    // A camera that shows its first image and sends no frames: only the test's results count.
    camera = std::make_unique<ReplayCamera>(makeReplayFolder(dir.path()), 600000, 2);
    build();
    toCapture();
    auto* label = window->page(FlowState::kCapture)->findChild<QLabel*>("guidanceLabel");
    ASSERT_TRUE(label);
    auto background = [&] {
        QApplication::processEvents();
        const QImage image = label->grab().toImage();
        return image.pixelColor(image.width() / 2, 3);
    };
    const QImage frame(640, 480, QImage::Format_RGB888);
    const CheckResult eyes{"eyes_open", CheckStatus::kFail, nullptr,
                           nullptr,     "双眼未睁开",       "eye aspect ratio 0.08"};
    emit window->analyzer().checksReady({eyes});
    emit window->analyzer().guidanceReady(frame, QRectF(200, 100, 200, 260),
                                          {static_cast<int>(flow::LiveGuidance::Hint::kComeCloser)},
                                          false);
    ASSERT_TRUE(waitFor([&] { return label->text().contains("双眼未睁开"); }, 3000))
        << label->text().toStdString();
    EXPECT_TRUE(label->text().contains("请靠近一些"));
    const QColor hint = background();
    // In English the same check reads as the student's wording, not the staff text.
    window->setLanguage("en");
    ASSERT_TRUE(waitFor(
        [&] { return label->text().contains("Please keep your eyes naturally open"); }, 3000))
        << label->text().toStdString();
    EXPECT_FALSE(label->text().contains("aspect ratio"));
    window->setLanguage("zh");
    EXPECT_GT(hint.red(), hint.green()) << hint.name().toStdString();  // orange-ish

    emit window->analyzer().checksReady({});
    emit window->analyzer().guidanceReady(frame, QRectF(200, 100, 200, 260), {}, true);
    ASSERT_TRUE(waitFor([&] { return label->text() == "很好，保持不动"; }, 3000))
        << label->text().toStdString();
    const QColor ready = background();
    EXPECT_GT(ready.green(), ready.red()) << ready.name().toStdString();  // green
    EXPECT_NE(ready, hint);

    // Ready with a warning left (it does not hold the shutter): the headline does not tell the
    // student to hold still over a correction, it says the photo can be taken and what would
    // make it better.
    const CheckResult tilt{"head_roll", CheckStatus::kWarn, 4.5, 8, "请把头摆正", "head roll 4.5"};
    emit window->analyzer().checksReady({tilt});
    emit window->analyzer().guidanceReady(frame, QRectF(200, 100, 200, 260), {}, true);
    ASSERT_TRUE(waitFor([&] { return label->text().contains("再调整一下会更好"); }, 3000))
        << label->text().toStdString();
    EXPECT_FALSE(label->text().contains("保持不动")) << label->text().toStdString();
    EXPECT_TRUE(label->text().contains(StudentWording::check(tilt, "zh")))
        << label->text().toStdString();
    EXPECT_GT(background().green(), background().red());  // still the ready colour
}

}  // namespace
}  // namespace gradphoto::kiosk
