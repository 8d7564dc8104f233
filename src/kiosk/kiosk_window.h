#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QTranslator>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "camera_source.h"
#include "frame_analyzer.h"
#include "gradphoto/flow/kiosk_flow.h"
#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/flow/staff_gate.h"
#include "gradphoto/identify/keyboard_wedge_detector.h"
#include "kiosk_settings.h"
#include "port_worker.h"
#include "staff_check.h"
#include "staff_settlement_dialog.h"
#include "ui_capture_page.h"
#include "ui_failsafe_page.h"
#include "ui_guide_page.h"
#include "ui_help_page.h"
#include "ui_kiosk_window.h"
#include "ui_payment_page.h"
#include "ui_preview_page.h"
#include "ui_result_page.h"
#include "ui_scan_page.h"
#include "ui_service_page.h"
#include "ui_standardizing_page.h"
#include "ui_status_page.h"
#include "ui_submitted_page.h"
#include "ui_verify_page.h"
#include "ui_welcome_page.h"

class QFrame;
class QPrinter;
class QLabel;
class QPushButton;
class QThread;

namespace gradphoto::store {
class Database;
}

namespace gradphoto::kiosk {

class NetworkStatus;
class StudentCopyOffer;

// Everything the window needs from outside, wired by main() or a test.
struct KioskParts {
    KioskSettings settings;
    flow::FlowPorts ports;
    CameraSource* camera = nullptr;                         // not owned
    std::shared_ptr<const flow::PhotoProcessor> processor;  // may be null: refused photos
    QStringList demoCodes;                                  // buttons on the scan page
    bool demo = false;
    QString screenshotDir;  // empty: no screenshots
    // With ports.callsOutside: makes the worker thread's own lookup and payment ports, and (on a
    // thread of its own) the submission port of 工作人员确认提交 (WorkerPorts::submissions()).
    WorkerPortsFactory slowPorts;
    // Where 相册识别 looks for images; empty: the USB mount points and settings.photoFolder.
    QStringList photoRoots;
    // 下载 on the approved 查询结果 page (settings.studentCopy says which buttons show): where
    // 保存到U盘 writes (empty: the mounted USB sticks), where print_jobs rows go, and how the
    // printer is set up (empty: settings.studentCopy.printer; tests print to a PDF file).
    QStringList usbRoots;
    store::Database* printDb = nullptr;
    std::function<void(QPrinter&)> printerSetUp;
    // Who may open the hidden corner's staff menu: makes the gate for each check on the
    // staff-check thread (StaffCheck; storeStaffGates gives it a store connection of its own).
    // Empty: settingPinStaffGates(settings.staffPin) (no accounts, no audit).
    StaffGateFactory staffGates;
    // Audits an admission whose dialog was closed during the check (storeStaffMenuNotes); empty:
    // not audited (the setting PIN's gate audits nothing either).
    StaffMenuNote staffMenuNotes;
};

class PhotoPickerPage;

// The kiosk window: renders the flow's state on one page per state and turns touches, keys,
// camera frames, stills, worker results and time into flow events. It decides nothing itself.
class KioskWindow : public QWidget {
    Q_OBJECT
  public:
    explicit KioskWindow(KioskParts parts, QWidget* parent = nullptr);
    ~KioskWindow() override;

    void send(const flow::FlowEvent& event);
    const flow::KioskFlow& flow() const { return flow_; }
    QWidget* page(flow::FlowState state) const;
    CameraSource& camera() const { return *parts_.camera; }
    QString language() const { return language_; }
    void setLanguage(const QString& language);  // "zh" or "en"
    bool idleWarningVisible() const;
    int screenshotsTaken() const { return screenshotCount_; }
    // True once the live guidance has judged a frame since the capture page opened.
    bool guidanceShown() const { return !lastHints_.isEmpty() || lastReady_; }
    // The live analysis (tests emit its results to check how the capture page shows them).
    FrameAnalyzer& analyzer() { return analyzer_; }
    // Lets the window close without the staff PIN (tests, autopilot).
    void allowClose() { closeAllowed_ = true; }
    // 相册识别 (shown over the scan page) and the staff confirmation dialog, for tests.
    PhotoPickerPage* photoPicker() const { return picker_; }
    StudentCopyOffer* studentCopy() const { return copy_; }
    bool photoPickerShown() const;
    void openPhotoPicker();
    StaffSettlementDialog* staffDialog() const { return staffDialog_; }
    // Checks the staff menu's staff number and PIN off the GUI thread (tests watch it run).
    StaffCheck* staffCheck() const { return staffCheck_; }
    void openStaffSettlement();
    // 工作人员确认提交 on the result page when a compliance check failed. The staff member's PIN
    // is checked and the photo stored off the GUI thread (with ports.callsOutside); the page says
    // 正在核对… and takes no second submission until the answer.
    void openStaffSubmission();
    // Offscreen tests have no network backend: they say whether the booth is offline.
    void setNetworkOverride(std::optional<bool> offline);

  signals:
    void rendered(gradphoto::flow::FlowState state);
    void screenshotSaved(const QString& file);
    // Staff used the hidden-corner gesture, gave their staff number and PIN and chose 员工后台.
    void staffConsoleRequested();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void buildPages();
    void connectPages();
    void render();
    void renderHeader();
    void clearStudentData();
    void renderNotice(QWidget* page);
    void renderPage();
    void renderIdleOverlay();
    void renderPreview(QLabel* target, const QImage& frame, bool overlay);
    void afterEvent();
    void onTick();
    void onFrame(const QImage& frame);
    void onGuidance(const QImage& frame, QRectF face, QList<int> hints, bool ready);
    void onCodeInFrame(const QByteArray& payload);
    void startStandardization();
    bool offline() const;
    bool takeScannerKey(QKeyEvent* key);
    void keypad(const QString& key);
    void reportInterruptedPrints();
    void askStaffPin();
    void checkStaff(StaffSettlementDialog& dialog);
    void showStaffChecking(StaffSettlementDialog& dialog, bool checking);
    void staffChecked(const flow::StaffGateVerdict& verdict);
    void portAnswered(const flow::PortAnswer& answer);
    void maybeScreenshot();
    QString text(const std::string& zh, const std::string& en) const;
    QString guidanceText(const QList<int>& hints) const;
    QString feeText() const;

    KioskParts parts_;
    flow::KioskFlow flow_;
    Ui::KioskWindow window_;
    Ui::WelcomePage welcome_;
    Ui::ScanPage scan_;
    Ui::VerifyPage verify_;
    Ui::ServicePage service_;
    Ui::PaymentPage payment_;
    Ui::GuidePage guide_;
    Ui::CapturePage capture_;
    Ui::PreviewPage preview_;
    Ui::StandardizingPage standardizing_;
    Ui::ResultPage result_;
    Ui::SubmittedPage submitted_;
    Ui::StatusPage status_;
    Ui::HelpPage help_;
    Ui::FailsafePage failsafe_;
    std::vector<QWidget*> pages_;  // by FlowState

    QFrame* idleOverlay_ = nullptr;
    QLabel* idleLabel_ = nullptr;
    QPushButton* idleButton_ = nullptr;
    NetworkStatus* network_ = nullptr;
    FrameAnalyzer analyzer_;
    QTimer ticker_;
    QElapsedTimer clock_;
    QTranslator translator_;
    QString language_ = "zh";
    QString entered_;                        // the keypad's characters
    identify::KeyboardWedgeDetector wedge_;  // a USB code scanner typing on the scan page
    std::unique_ptr<PortWorker> portWorker_;
    // 工作人员确认提交's PIN check (PBKDF2) and store write (PortCall::Kind::kStaffSubmit), on a
    // thread of their own: closing waits for them at most kHungDeviceWait (the store's busy
    // time-out is longer).
    std::unique_ptr<PortWorker> staffSubmitter_;
    PhotoPickerPage* picker_ = nullptr;
    StudentCopyOffer* copy_ = nullptr;
    QPointer<StaffSettlementDialog> staffDialog_;
    StaffCheck* staffCheck_ = nullptr;
    // The staff-menu dialog whose staff number and PIN are being checked (null: none, or it was
    // closed meanwhile: the verdict then opens nothing), and its button's own text.
    QPointer<StaffSettlementDialog> staffChecking_;
    QString staffButtonText_;
    bool settingPinLogged_ = false;  // "no staff accounts yet" is logged once
    std::optional<bool> networkOverride_;
    // The last code the camera read and when (clock_): the same code in view is not sent again
    // for a while, so an unknown one does not repeat its notice every frame.
    QByteArray lastCameraCode_;
    qint64 lastCameraCodeAt_ = 0;
    QImage lastFrame_;
    QRectF lastFace_;
    QList<int> lastHints_;
    // FrameAnalyzer::checksReady: the live checks that do not pass, worded when shown.
    std::vector<CheckResult> lastChecks_;
    bool lastReady_ = false;
    quint64 stillAsked_ = 0;
    std::uint64_t jobStarted_ = 0;
    std::vector<QPointer<QThread>> workers_;
    int cornerTaps_ = 0;
    QElapsedTimer cornerClock_;
    bool closeAllowed_ = false;
    QString lastShotKey_;
    int screenshotCount_ = 0;
    flow::FlowState renderedState_ = flow::FlowState::kFailsafe;
};

}  // namespace gradphoto::kiosk
