// The kiosk window over its real ports off the GUI thread: payment through Checkout against a
// loopback campus gateway (cpp-httplib, HMAC-signed both ways), the network down with the staff
// cash confirmation, the USB scanner typing on the scan page, and 相册识别 from a folder.

#include <gtest/gtest.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <filesystem>
#include <fstream>
#include <functional>

#include "campus_gateway.h"
#include "demo_roster.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/payment/payment_orders.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "kiosk_runtime.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "photo_picker_page.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "staff_settlement_dialog.h"

namespace gradphoto::kiosk {
namespace {

using flow::FlowState;
namespace fs = std::filesystem;

constexpr const char* kStaffNo = "S001";
constexpr const char* kStaffPin = "4321";

using gradphoto::test::waitFor;

QImage codeImage(const std::string& payload) {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    const ZXing::BitMatrix bits = writer.encode(payload, 0, 0);
    constexpr int kModule = 8;
    QImage image((bits.width() + 8) * kModule, (bits.height() + 8) * kModule,
                 QImage::Format_RGB888);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x)
            if (bits.get(x, y))
                painter.fillRect((x + 4) * kModule, (y + 4) * kModule, kModule, kModule, Qt::black);
    return image;
}

class KioskPortsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        dataDir = QDir(dir.path()).filePath("data");
        store = store::SqliteRecordStore::open(dataDir.toStdString());
        store->students().importAll(kiosk::gui_test::demoRosterStudents());
        store::StaffAccess access(*store);
        access.setPinIterations(1000);
        access.addFirstAdmin(kStaffNo, "值班员", kStaffPin);
        sink = std::make_unique<flow::ReviewQueueSubmissionSink>(
            *store, store::RejectReasons::load(), "A1");
        camera = std::make_unique<ReplayCamera>(gui_test::plainReplayFolder(dir.path()), 50, 2);
    }
    void TearDown() override { window.reset(); }

    // The settings file of a campus-gateway booth at `base`.
    QString writeSettings(const std::string& base) {
        const fs::path folder = dir.path().toStdString();
        std::ofstream(folder / "campus.secret") << payment::test::kSecret << "\n";
        fs::permissions(folder / "campus.secret", fs::perms::owner_read | fs::perms::owner_write);
        const QString file = QDir(dir.path()).filePath("settings.json");
        std::ofstream(file.toStdString())
            << R"({"kiosk": {"fee_fen": 2000}, "payment": {"provider": "campus", "campus": {)"
            << R"("api_base": ")" << base << R"(", "merchant_id": ")" << payment::test::kMerchant
            << R"(", "secret_file": "campus.secret"}}})";
        return file;
    }

    void build(const QString& settingsFile, QStringList photoRoots = {}) {
        KioskParts parts;
        parts.settings = KioskSettings::load(settingsFile, nullptr);
        parts.settings.flow.paymentPollMs = 200;
        parts.ports = {nullptr, nullptr, sink.get(), nullptr, true};
        parts.slowPorts = storeWorkerPorts(dataDir, parts.settings, settingsFile);
        parts.camera = camera.get();
        parts.photoRoots = photoRoots;
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
    QString labelText(FlowState state, const char* name) {
        return gui_test::labelOn(*window, state, name);
    }
    bool reach(FlowState state, int timeoutMs = 15000) {
        return gui_test::reach(*window, state, timeoutMs);
    }
    // Types like a USB scanner: every character at once, then Enter, to whatever has the focus.
    void scannerTypes(const QString& text, int gapMs = 2) {
        for (const QChar c : text) {
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QWidget* target =
                QApplication::focusWidget() ? QApplication::focusWidget() : window.get();
            QApplication::sendEvent(target, &press);
            if (gapMs > 0) QThread::msleep(static_cast<unsigned long>(gapMs));
        }
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, "\r");
        QApplication::sendEvent(
            QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), &enter);
    }
    void toService() {
        press(FlowState::kWelcome, "startButton");
        ASSERT_TRUE(reach(FlowState::kScanCode));
        scannerTypes("DEMO-CHSI-0001");
        ASSERT_TRUE(reach(FlowState::kVerifyStudent));
        ASSERT_TRUE(gui_test::enterLastFour(*window));
        ASSERT_TRUE(reach(FlowState::kServiceInfo));
    }

    QTemporaryDir dir;
    QString dataDir;
    std::unique_ptr<store::SqliteRecordStore> store;
    std::unique_ptr<flow::ReviewQueueSubmissionSink> sink;
    std::unique_ptr<ReplayCamera> camera;
    std::unique_ptr<KioskWindow> window;
};

TEST_F(KioskPortsTest, QrShownThenPaidAtTheGatewayMovesOn) {
    payment::test::CampusGateway gateway;
    build(writeSettings(gateway.base()));
    toService();
    press(FlowState::kServiceInfo, "payButton");
    ASSERT_TRUE(reach(FlowState::kPayment));
    ASSERT_TRUE(window->flow().session().order);
    const std::string order = window->flow().session().order->order;
    EXPECT_FALSE(window->flow().session().order->demo);
    auto* qr = window->page(FlowState::kPayment)->findChild<QLabel*>("qrLabel");
    ASSERT_TRUE(waitFor([&] { return !qr->pixmap().isNull(); }));
    EXPECT_TRUE(labelText(FlowState::kPayment, "amountLabel").contains("20.00"));
    EXPECT_TRUE(waitFor(
        [&] { return labelText(FlowState::kPayment, "countdownLabel").contains("4:5"); }, 3000));
    EXPECT_FALSE(window->page(FlowState::kPayment)->findChild<QLabel*>("demoBanner")->isVisible());
    {
        auto lock = gateway.lock();
        EXPECT_EQ(gateway.lastCreate.at("amount_fen"), 2000);
        gateway.states[order] = "paid";
    }
    ASSERT_TRUE(reach(FlowState::kPhotoGuide));
    EXPECT_TRUE(window->flow().session().paid);
    payment::PaymentOrders orders(store->database());
    const auto paid = orders.paidFor("2022010001");
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->orderNo, order);
    EXPECT_EQ(paid->provider, "campus");
}

TEST_F(KioskPortsTest, CancelClosesTheOrderAtTheGateway) {
    payment::test::CampusGateway gateway;
    build(writeSettings(gateway.base()));
    toService();
    press(FlowState::kServiceInfo, "payButton");
    ASSERT_TRUE(reach(FlowState::kPayment));
    const std::string order = window->flow().session().order->order;
    window->findChild<QAbstractButton*>("cancelButton")->click();
    ASSERT_TRUE(reach(FlowState::kWelcome));
    EXPECT_TRUE(waitFor([&] {
        auto lock = gateway.lock();
        return gateway.states[order] == "closed";
    }));
}

TEST_F(KioskPortsTest, GatewayDownSaysSoAndStaffConfirmCash) {
    build(writeSettings("http://127.0.0.1:9"));  // nothing listens there
    window->setNetworkOverride(true);
    toService();
    auto* network = window->page(FlowState::kServiceInfo)->findChild<QLabel*>("networkLabel");
    EXPECT_TRUE(network->isVisible());
    EXPECT_TRUE(network->text().contains("离线"));
    press(FlowState::kServiceInfo, "payButton");
    ASSERT_TRUE(waitFor([&] { return window->flow().notice().code == "payment_unavailable"; }));
    EXPECT_EQ(window->flow().state(), FlowState::kServiceInfo);
    EXPECT_TRUE(labelText(FlowState::kServiceInfo, "noticeLabel").contains("工作人员"));

    // A wrong PIN first: refused, nothing paid.
    press(FlowState::kServiceInfo, "staffButton");
    ASSERT_NE(window->staffDialog(), nullptr);
    auto& ui = window->staffDialog()->ui();
    ui.staffNoEdit->setText(kStaffNo);
    ui.pinEdit->setText("0000");
    ui.reasonEdit->setText("网络故障，现金");
    ui.confirmButton->click();
    ASSERT_TRUE(waitFor([&] { return window->flow().notice().code == "staff_refused"; }));
    EXPECT_EQ(window->flow().state(), FlowState::kServiceInfo);

    press(FlowState::kServiceInfo, "staffButton");
    ASSERT_TRUE(waitFor([&] { return window->staffDialog() != nullptr; }));
    auto& again = window->staffDialog()->ui();
    again.staffNoEdit->setText(kStaffNo);
    again.pinEdit->setText(kStaffPin);
    again.reasonEdit->setText("网络故障，现金");
    again.confirmButton->click();
    ASSERT_TRUE(reach(FlowState::kPhotoGuide));
    EXPECT_EQ(window->flow().notice().code, "staff_confirmed");
    payment::PaymentOrders orders(store->database());
    const auto paid = orders.paidFor("2022010001");
    ASSERT_TRUE(paid);
    EXPECT_EQ(paid->provider, "staff");
    EXPECT_EQ(paid->settlement, "cash");
}

TEST_F(KioskPortsTest, SlowTypingIsNotAScan) {
    payment::test::CampusGateway gateway;
    build(writeSettings(gateway.base()));
    press(FlowState::kWelcome, "startButton");
    ASSERT_TRUE(reach(FlowState::kScanCode));
    scannerTypes("DEMO-CHSI-0001", 90);  // a person at the keyboard
    for (int i = 0; i < 20; ++i) {
        QApplication::processEvents();
        QThread::msleep(10);
    }
    EXPECT_EQ(window->flow().state(), FlowState::kScanCode);
    EXPECT_FALSE(window->flow().waiting());
}

TEST_F(KioskPortsTest, PhotoPickerDecodesAnImageAndAdvisesOnOthers) {
    payment::test::CampusGateway gateway;
    const QString usb = QDir(dir.path()).filePath("usb");
    QDir().mkpath(usb);
    ASSERT_TRUE(codeImage("DEMO-CHSI-0001").save(QDir(usb).filePath("code.png")));
    QImage screenshot(400, 700, QImage::Format_RGB888);
    screenshot.fill(QColor(240, 240, 240));
    ASSERT_TRUE(screenshot.save(QDir(usb).filePath("screenshot.png")));
    build(writeSettings(gateway.base()), {usb});
    press(FlowState::kWelcome, "startButton");
    ASSERT_TRUE(reach(FlowState::kScanCode));
    press(FlowState::kScanCode, "photoButton");
    ASSERT_TRUE(window->photoPickerShown());
    PhotoPickerPage* picker = window->photoPicker();
    ASSERT_TRUE(waitFor([&] { return !picker->listing(); }));  // listed on its own thread
    ASSERT_EQ(picker->files().size(), 2) << picker->ui().noticeLabel->text().toStdString();
    EXPECT_FALSE(picker->ui().imageList->item(0)->icon().isNull());

    picker->pick(QDir(usb).filePath("screenshot.png"));
    ASSERT_TRUE(waitFor([&] { return !picker->decoding(); }));
    EXPECT_TRUE(picker->ui().noticeLabel->text().contains("保存图片"));
    EXPECT_TRUE(window->photoPickerShown());

    picker->pick(QDir(usb).filePath("code.png"));
    ASSERT_TRUE(reach(FlowState::kVerifyStudent));
    EXPECT_FALSE(window->photoPickerShown());
    EXPECT_TRUE(labelText(FlowState::kVerifyStudent, "studentLabel").contains("张*三"));
}

TEST_F(KioskPortsTest, StaffCornerOffersTheConsole) {
    // The kiosk's staff gate over the fixture's store (staff account S001): the staff number and
    // PIN open the menu, the plain kiosk.staff_pin does not (tests/kiosk/staff_corner_test.cpp).
    payment::test::CampusGateway gateway;
    const QString settingsFile = writeSettings(gateway.base());
    KioskParts parts;
    parts.settings = KioskSettings::load(settingsFile, nullptr);
    parts.ports = {nullptr, nullptr, sink.get(), nullptr, true};
    parts.slowPorts = storeWorkerPorts(dataDir, parts.settings, settingsFile);
    parts.camera = camera.get();
    parts.staffGates = storeStaffGates(dataDir.toStdString(), "A1", "2580");
    window = std::make_unique<KioskWindow>(parts);
    window->allowClose();
    window->show();
    bool requested = false;
    QObject::connect(window.get(), &KioskWindow::staffConsoleRequested, [&] { requested = true; });
    // Answer the staff dialog, then choose 员工后台 in the staff menu.
    QTimer pin;
    pin.setInterval(50);
    QObject::connect(&pin, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* dialog = qobject_cast<StaffSettlementDialog*>(modal)) {
            if (dialog->result() == QDialog::Accepted) return;
            dialog->ui().staffNoEdit->setText(kStaffNo);
            dialog->ui().pinEdit->setText(kStaffPin);
            dialog->ui().confirmButton->click();
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            for (QAbstractButton* b : box->buttons())
                if (b->text() == "员工后台") b->click();
        }
    });
    pin.start();
    auto* corner = window->findChild<QAbstractButton*>("staffCorner");
    ASSERT_NE(corner, nullptr);
    for (int i = 0; i < 5; ++i) corner->click();
    pin.stop();
    EXPECT_TRUE(requested);
    EXPECT_EQ(store->staff().find(kStaffNo)->failedAttempts, 0);
}

}  // namespace
}  // namespace gradphoto::kiosk
