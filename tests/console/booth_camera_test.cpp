// The booth page's camera over a running kiosk and alone, under offscreen Qt with the replay
// camera: over the kiosk the page shows the kiosk's own, already open camera object (no second
// open, which a one-user driver would refuse) and the kiosk's preview goes on while the console
// is open and after it closes; alone the page opens its own camera and stops it when hidden.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <memory>

#include "booth_page.h"
#include "console_over_kiosk.h"
#include "console_window.h"
#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "kiosk_window.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "test_support.h"

namespace gradphoto::console {
namespace {

using flow::FlowState;
using gradphoto::test::waitFor;

// Two pictures of an empty, evenly lit booth (real PNG files) for the replay camera.
QString boothFrames(const gradphoto::test::ScratchDir& dir) {
    const QString folder = QString::fromStdString((dir / "frames").string());
    QDir().mkpath(folder);
    for (int i = 0; i < 2; ++i) {
        QImage image(1280, 720, QImage::Format_RGB888);
        image.fill(QColor(70 + 10 * i, 130, 200));
        QPainter painter(&image);
        painter.setPen(Qt::white);
        painter.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("booth %1").arg(i));
        painter.end();
        image.save(QDir(folder).filePath(QStringLiteral("booth-%1.png").arg(i)));
    }
    return folder;
}

class BoothCameraTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto store = store::SqliteRecordStore::open(dir.path());
        store::StaffAccess access(*store);
        access.setPinIterations(1000);
        access.addFirstAdmin("A001", "王老师", "246810");
        frames = boothFrames(dir);
        setup.dataDir = QString::fromStdString(dir.path().string());
        setup.settingsFile = QString::fromStdString((dir / "settings.json").string());
        setup.cameraFactory = [this](const kiosk::CameraSettings&) {
            ++camerasOpened;
            return std::make_unique<kiosk::ReplayCamera>(frames, 30);
        };
    }

    static void signIn(ConsoleWindow& console) {
        auto& ui = console.signInPage().ui();
        ui.staffNoEdit->setText("A001");
        ui.pinEdit->setText("246810");
        ui.signInButton->click();
    }
    static BoothPage* showBooth(ConsoleWindow& console) {
        console.showPage("booth");
        QApplication::processEvents();
        return qobject_cast<BoothPage*>(console.page("booth"));
    }
    static void saveShot(QWidget& widget, const QString& name) {
        const QString out =
            qEnvironmentVariable("GRADPHOTO_CONSOLE_SCREENSHOTS", GRADPHOTO_CONSOLE_SCREENSHOT_DIR);
        QDir().mkpath(out);
        QApplication::processEvents();
        widget.grab().save(QDir(out).filePath(name));
    }

    gradphoto::test::ScratchDir dir{"booth-camera"};
    QString frames;
    ConsoleSetup setup;
    int camerasOpened = 0;
};

TEST_F(BoothCameraTest, OverTheKioskTheBoothPageShowsTheKiosksCameraAndLeavesItRunning) {
    kiosk::ReplayCamera kioskCamera(frames, 30);
    flow::DemoStudentLookup students;
    flow::DemoPaymentGateway payments;
    flow::DemoSubmissionSink submissions(dir / "demo");
    kiosk::KioskParts parts;
    parts.ports = {&students, &payments, &submissions};
    parts.camera = &kioskCamera;
    parts.demo = true;
    kiosk::KioskWindow kiosk(parts);
    kiosk.allowClose();
    kiosk.resize(1280, 800);
    kiosk.show();
    // The kiosk's scan page shows its camera preview.
    kiosk.send(flow::events::CheckResult{});
    ASSERT_EQ(kiosk.flow().state(), FlowState::kScanCode);
    auto* kioskPreview = kiosk.page(FlowState::kScanCode)->findChild<QLabel*>("previewLabel");
    ASSERT_TRUE(kioskPreview);
    auto previewKey = [&] { return kioskPreview->pixmap().cacheKey(); };
    ASSERT_TRUE(waitFor([&] { return !kioskPreview->pixmap().isNull(); }));

    ConsoleOverKiosk overlay(setup, &kiosk, [](QWidget& console) {
        console.resize(1280, 800);
        console.show();
    });
    ASSERT_TRUE(overlay.open());
    ConsoleWindow* console = overlay.console();
    signIn(*console);
    ASSERT_TRUE(console->isSignedIn());
    BoothPage* booth = showBooth(*console);
    ASSERT_TRUE(booth);
    EXPECT_EQ(booth->camera(), &kioskCamera);  // the very object the kiosk opened
    EXPECT_TRUE(booth->usesKioskCamera());
    EXPECT_EQ(camerasOpened, 0);  // no second open
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
    EXPECT_EQ(booth->lastFrame().size(), QSize(1280, 720));
    EXPECT_TRUE(booth->ui().cameraGroup->title().contains("自助机"))
        << booth->ui().cameraGroup->title().toStdString();
    // The kiosk's preview goes on behind the console.
    qint64 before = previewKey();
    EXPECT_TRUE(waitFor([&] { return previewKey() != before; }));
    // 打开相机 again: still the kiosk's camera, still no second open.
    booth->ui().openCameraButton->click();
    EXPECT_EQ(booth->camera(), &kioskCamera);
    EXPECT_EQ(camerasOpened, 0);
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
    saveShot(*console, "console-booth-over-kiosk.png");

    // The empty-booth plate from the kiosk's camera; the kiosk's flow takes no part in it.
    booth->ui().plateButton->click();
    ASSERT_TRUE(waitFor([&] { return booth->lastLighting().has_value(); }));
    EXPECT_TRUE(QFileInfo::exists(booth->platePath()));
    EXPECT_EQ(kiosk.flow().state(), FlowState::kScanCode);

    // Another page, then signing out: the console closes, the kiosk's camera is not stopped.
    console->showPage("today");
    QApplication::processEvents();
    EXPECT_FALSE(booth->cameraRunning());
    EXPECT_TRUE(kioskCamera.available());
    console->showPage("booth");
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
    console->signOut();
    ASSERT_EQ(overlay.console(), nullptr);
    QApplication::processEvents();  // the console window is deleted later
    EXPECT_TRUE(kioskCamera.available());
    before = previewKey();
    EXPECT_TRUE(waitFor([&] { return previewKey() != before; }));
    EXPECT_EQ(kiosk.flow().state(), FlowState::kScanCode);
    saveShot(kiosk, "kiosk-scan-after-console.png");
}

TEST_F(BoothCameraTest, OverAPlainWindowTheBoothPageOpensItsOwnCamera) {
    QWidget notAKiosk;  // ConsoleOverKiosk over something that has no camera
    notAKiosk.show();
    ConsoleOverKiosk overlay(setup, &notAKiosk, {});
    ASSERT_TRUE(overlay.open());
    signIn(*overlay.console());
    BoothPage* booth = showBooth(*overlay.console());
    ASSERT_TRUE(booth);
    EXPECT_EQ(camerasOpened, 1);
    EXPECT_FALSE(booth->usesKioskCamera());
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
}

TEST_F(BoothCameraTest, AloneTheBoothPageOpensItsOwnCameraAndStopsItWhenHidden) {
    auto store = store::SqliteRecordStore::open(dir.path());
    ConsoleWindow console(*store, setup);
    console.resize(1280, 800);
    console.show();
    signIn(console);
    BoothPage* booth = showBooth(console);
    ASSERT_TRUE(booth);
    EXPECT_EQ(camerasOpened, 1);
    ASSERT_NE(booth->camera(), nullptr);
    EXPECT_FALSE(booth->usesKioskCamera());
    kiosk::CameraSource* own = booth->camera();
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
    EXPECT_TRUE(own->available());
    EXPECT_EQ(booth->ui().cameraGroup->title(), "相机与灯光");
    saveShot(console, "console-booth-alone.png");
    console.showPage("today");
    QApplication::processEvents();
    EXPECT_FALSE(booth->cameraRunning());  // stopped and closed: the page opened it
    console.showPage("booth");
    EXPECT_EQ(camerasOpened, 2);
}

}  // namespace
}  // namespace gradphoto::console
