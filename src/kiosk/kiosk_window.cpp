#include "kiosk_window.h"

#include <QCloseEvent>
#include <QDir>
#include <QFrame>
#include <QKeyEvent>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>
#include <exception>

#include "gradphoto/flow/masking.h"
#include "guide_pictures.h"
#include "image_conversion.h"
#include "network_status.h"
#include "payment_code_image.h"
#include "photo_picker_page.h"
#include "photo_printer.h"
#include "staff_settlement_dialog.h"
#include "student_copy_offer.h"
#include "student_wording.h"

namespace gradphoto::kiosk {

using flow::FlowState;
namespace events = flow::events;

namespace {
constexpr int kTickMs = 100;
constexpr int kScreenshotDelayMs = 400;

flow::GuidanceLimits loadGuidanceLimits() {
    try {
        return flow::GuidanceLimits::load(std::filesystem::path(GRADPHOTO_KIOSK_RESOURCES_DIR) /
                                          "guidance.json");
    } catch (const std::exception&) {
        return {};
    }
}

// A dynamic property the style sheet selects on ([ready="true"], [kind="3"]): Qt does not restyle
// by itself when it changes, so the widget is polished again.
void setStyleProperty(QWidget* widget, const char* name, const QVariant& value) {
    if (widget->property(name) == value) return;
    widget->setProperty(name, value);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

QPixmap fitted(const QImage& image, const QSize& box) {
    if (image.isNull() || box.isEmpty()) return {};
    return QPixmap::fromImage(image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

// A failed check that says what a refusal already says (the backdrop: the standardizer refuses a
// cluttered one, and background_uniform fails on it too) is listed once, as the refusal.
bool explainedByRefusal(const CheckResult& check, const std::vector<Problem>& refusals) {
    for (const Problem& p : refusals)
        if (p.code == "background_cluttered" && check.id == "background_uniform") return true;
    return false;
}

}  // namespace

KioskWindow::KioskWindow(KioskParts parts, QWidget* parent)
    : QWidget(parent),
      parts_(std::move(parts)),
      flow_(parts_.settings.flow, parts_.ports),
      analyzer_(loadGuidanceLimits()) {
    window_.setupUi(this);
    buildPages();
    copy_ = new StudentCopyOffer(
        {parts_.settings.studentCopy, parts_.settings.boothId, parts_.usbRoots, parts_.printDb,
         parts_.printerSetUp},
        {status_.usbButton, status_.printButton, status_.showButton, status_.copyMessageLabel,
         this},
        [this](const std::string& zh, const std::string& en) { return text(zh, en); }, this);
    connectPages();
    reportInterruptedPrints();
    staffCheck_ = new StaffCheck(parts_.staffGates
                                     ? parts_.staffGates
                                     : settingPinStaffGates(parts_.settings.staffPin.toStdString()),
                                 parts_.staffMenuNotes, this);
    connect(staffCheck_, &StaffCheck::finished, this, &KioskWindow::staffChecked);

    if (parts_.ports.callsOutside) {
        portWorker_ = std::make_unique<PortWorker>(parts_.slowPorts);
        connect(portWorker_.get(), &PortWorker::answered, this, &KioskWindow::portAnswered);
        staffSubmitter_ = std::make_unique<PortWorker>(parts_.slowPorts);
        staffSubmitter_->leaveHungWorkAfter(
            kHungDeviceWait,
            "closing while a staff-confirmed submission was still being checked or stored: left "
            "to finish; the capture is stored with its capture.staff_submit audit entry, or "
            "neither");
        connect(staffSubmitter_.get(), &PortWorker::answered, this, &KioskWindow::portAnswered);
    }

    idleOverlay_ = new QFrame(this);
    idleOverlay_->setProperty("styleClass", "overlay");
    auto* overlayLayout = new QVBoxLayout(idleOverlay_);
    idleLabel_ = new QLabel(idleOverlay_);
    idleLabel_->setProperty("styleClass", "overlayText");
    idleLabel_->setAlignment(Qt::AlignCenter);
    idleLabel_->setWordWrap(true);
    idleButton_ = new QPushButton(idleOverlay_);
    idleButton_->setProperty("styleClass", "primary");
    idleButton_->setMinimumSize(360, 100);
    overlayLayout->addStretch();
    overlayLayout->addWidget(idleLabel_);
    overlayLayout->addWidget(idleButton_, 0, Qt::AlignHCenter);
    overlayLayout->addStretch();
    idleOverlay_->hide();
    connect(idleButton_, &QPushButton::clicked, this, [this] { send(events::UserActivity{}); });

    network_ = new NetworkStatus(this);
    connect(network_, &NetworkStatus::changed, this, [this] { render(); });

    connect(parts_.camera, &CameraSource::frameReady, this, &KioskWindow::onFrame);
    connect(parts_.camera, &CameraSource::availabilityChanged, this, [this](bool available) {
        if (available)
            send(events::CameraRestored{});
        else
            send(events::CameraLost{});
    });
    connect(parts_.camera, &CameraSource::stillCaptured, this,
            [this](quint64 request, const QImage& image) {
                send(events::PhotoTaken{request, toBgrMat(image)});
            });
    connect(parts_.camera, &CameraSource::stillFailed, this,
            [this](quint64 request) { send(events::CaptureFailed{request}); });
    connect(&analyzer_, &FrameAnalyzer::guidanceReady, this, &KioskWindow::onGuidance);
    connect(&analyzer_, &FrameAnalyzer::codeFound, this, &KioskWindow::onCodeInFrame);
    connect(&analyzer_, &FrameAnalyzer::checksReady, this,
            [this](const std::vector<CheckResult>& flagged) { lastChecks_ = flagged; });

    qApp->installEventFilter(this);
    ticker_.setInterval(kTickMs);
    connect(&ticker_, &QTimer::timeout, this, &KioskWindow::onTick);
    clock_.start();
    ticker_.start();
    parts_.camera->start();
    if (!parts_.camera->available()) send(events::CameraLost{});
    setLanguage(parts_.settings.language);
    render();
}

KioskWindow::~KioskWindow() {
    qApp->removeEventFilter(this);
    ticker_.stop();
    // The lookup and payment calls end by their own time-outs (libcurl's timeout_ms, SQLite's
    // busy time-out): waiting for the one in progress is bounded. The print thread is not (a
    // printer driver can hang): StudentCopyOffer leaves it behind after kHungDeviceWait.
    portWorker_.reset();
    // 工作人员确认提交 in progress: PBKDF2, then one transaction (capture + capture.staff_submit),
    // which may wait for the store's busy time-out (5 s): closing waits at most kHungDeviceWait,
    // the answer is dropped. Left behind, the process exit ends it: SQLite rolls the transaction
    // back, so the capture is stored with its audit entry or not at all.
    staffSubmitter_.reset();
    // The standardizer works on a copy of the capture in memory (CPU only): it cannot hang.
    for (const auto& worker : workers_)
        if (worker) worker->wait();
}

// Prints an earlier run left behind when it closed while the printer had not answered
// (PortWorker::leaveHungWorkAfter): their print_jobs rows become print_interrupted and the staff
// log names them, so staff check whether those sheets came out.
void KioskWindow::reportInterruptedPrints() {
    if (!parts_.printDb) return;
    try {
        const auto rows = print::PhotoPrinter::markInterrupted(
            *parts_.printDb, parts_.settings.boothId.toStdString());
        if (rows.empty()) return;
        QStringList ids;
        for (const std::int64_t id : rows) ids << QString::number(id);
        qWarning(
            "gradphoto-kiosk: %d print(s) never finished: the kiosk closed while the printer had "
            "not answered (print_jobs %s, now print_interrupted): check whether they came out",
            int(rows.size()), qPrintable(ids.join(", ")));
    } catch (const std::exception& e) {
        qWarning("gradphoto-kiosk: cannot check print_jobs for unfinished prints: %s", e.what());
    }
}

void KioskWindow::buildPages() {
    pages_.assign(static_cast<std::size_t>(FlowState::kFailsafe) + 1, nullptr);
    auto add = [this](FlowState state, auto& ui) {
        auto* page = new QWidget(window_.pages);
        ui.setupUi(page);
        window_.pages->addWidget(page);
        pages_[static_cast<std::size_t>(state)] = page;
    };
    add(FlowState::kWelcome, welcome_);
    add(FlowState::kScanCode, scan_);
    add(FlowState::kVerifyStudent, verify_);
    add(FlowState::kServiceInfo, service_);
    add(FlowState::kPayment, payment_);
    add(FlowState::kPhotoGuide, guide_);
    add(FlowState::kCapture, capture_);
    add(FlowState::kPreview, preview_);
    add(FlowState::kStandardizing, standardizing_);
    add(FlowState::kResult, result_);
    add(FlowState::kSubmitted, submitted_);
    add(FlowState::kStatus, status_);
    add(FlowState::kHelp, help_);
    add(FlowState::kFailsafe, failsafe_);

    // 相册识别: shown instead of the scan page while the flow is on kScanCode.
    // Worked out again at each listing, on the listing thread: a stick mounted after start-up.
    PhotoPickerPage::RootsLister roots =
        parts_.photoRoots.isEmpty()
            ? PhotoPickerPage::RootsLister([shared = parts_.settings.photoFolder] {
                  return PhotoPickerPage::defaultRoots(shared);
              })
            : PhotoPickerPage::RootsLister([fixed = parts_.photoRoots] { return fixed; });
    picker_ = new PhotoPickerPage(std::move(roots), window_.pages);
    window_.pages->addWidget(picker_);
}

QWidget* KioskWindow::page(FlowState state) const {
    return pages_.at(static_cast<std::size_t>(state));
}

void KioskWindow::connectPages() {
    // Long check messages (English, measured values) wrap instead of scrolling sideways.
    result_.checksList->setWordWrap(true);
    result_.checksList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto on = [this](QPushButton* button, auto event) {
        connect(button, &QPushButton::clicked, this, [this, event] { send(event); });
    };
    on(window_.cancelButton, events::Cancel{});
    on(window_.helpButton, events::OpenHelp{});
    on(welcome_.startButton, events::StartCapture{});
    on(welcome_.checkButton, events::CheckResult{});
    connect(welcome_.languageButton, &QPushButton::clicked, this,
            [this] { setLanguage(language_ == "zh" ? "en" : "zh"); });
    on(service_.payButton, events::AcceptService{});
    connect(service_.staffButton, &QPushButton::clicked, this, &KioskWindow::openStaffSettlement);
    connect(payment_.staffButton, &QPushButton::clicked, this, &KioskWindow::openStaffSettlement);
    connect(scan_.photoButton, &QPushButton::clicked, this, &KioskWindow::openPhotoPicker);
    connect(picker_, &PhotoPickerPage::backRequested, this, [this] {
        window_.pages->setCurrentWidget(page(FlowState::kScanCode));
        render();
    });
    connect(picker_, &PhotoPickerPage::codeFound, this, [this](const QByteArray& payload) {
        if (flow_.state() != FlowState::kScanCode) return;
        window_.pages->setCurrentWidget(page(FlowState::kScanCode));
        send(events::CodeScanned{payload.toStdString()});
    });
    on(guide_.readButton, events::GuideRead{});
    on(capture_.shutterButton, events::ShutterPressed{});
    on(preview_.retakeButton, events::Retake{});
    on(preview_.uploadButton, events::Upload{});
    on(result_.retakeButton, events::Retake{});
    on(result_.submitButton, events::Submit{});
    connect(result_.staffSubmitButton, &QPushButton::clicked, this,
            &KioskWindow::openStaffSubmission);
    on(submitted_.finishButton, events::Finish{});
    on(status_.freeRetakeButton, events::FreeRetake{});
    on(status_.startButton, events::StartCapture{});
    on(status_.finishButton, events::Finish{});
    on(help_.closeButton, events::CloseHelp{});
    on(failsafe_.finishButton, events::Finish{});

    // Demo codes: one button per fictional student; a USB scanner types into the scan page.
    for (int i = 0; i < parts_.demoCodes.size(); ++i) {
        auto* button = new QPushButton(scan_.demoBox);
        button->setObjectName(QStringLiteral("demoCode%1").arg(i + 1));
        button->setProperty("styleClass", "secondary");
        button->setMinimumHeight(70);
        const std::string code = parts_.demoCodes.at(i).toStdString();
        connect(button, &QPushButton::clicked, this,
                [this, code] { send(events::CodeScanned{code}); });
        scan_.demoLayout->addWidget(button);
    }
    scan_.demoBox->setVisible(!parts_.demoCodes.isEmpty());

    const QList<QPushButton*> keys = {verify_.key0, verify_.key1, verify_.key2, verify_.key3,
                                      verify_.key4, verify_.key5, verify_.key6, verify_.key7,
                                      verify_.key8, verify_.key9, verify_.keyX};
    for (QPushButton* key : keys)
        connect(key, &QPushButton::clicked, this, [this, key] { keypad(key->text()); });
    connect(verify_.keyDelete, &QPushButton::clicked, this, [this] { keypad("\b"); });
    connect(verify_.confirmButton, &QPushButton::clicked, this, [this] {
        const std::string last4 = entered_.toStdString();
        entered_.clear();
        send(events::Last4Entered{last4});
    });

    connect(window_.staffCorner, &QPushButton::clicked, this, [this] {
        if (!cornerClock_.isValid() || cornerClock_.elapsed() > 3000) {
            cornerTaps_ = 0;
            cornerClock_.start();
        }
        if (++cornerTaps_ >= 5) {
            cornerTaps_ = 0;
            askStaffPin();
        }
    });
}

bool KioskWindow::photoPickerShown() const {
    return window_.pages->currentWidget() == picker_;
}

void KioskWindow::openPhotoPicker() {
    if (flow_.state() != FlowState::kScanCode) return;
    picker_->setProperty("language", language_);
    picker_->refresh();
    window_.pages->setCurrentWidget(picker_);
    render();
}

void KioskWindow::openStaffSettlement() {
    const FlowState state = flow_.state();
    if (state != FlowState::kServiceInfo && state != FlowState::kPayment) return;
    if (staffDialog_) return;
    staffDialog_ = new StaffSettlementDialog(this);
    staffDialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(staffDialog_, &QDialog::accepted, this, [this] {
        if (staffDialog_) send(staffDialog_->confirmation());
    });
    staffDialog_->open();
}

void KioskWindow::openStaffSubmission() {
    const auto& standardized = flow_.session().standardized;
    if (flow_.state() != FlowState::kResult || !standardized || staffDialog_ || flow_.waiting())
        return;
    QStringList failed;
    for (const CheckResult& c : standardized->report.checks)
        if (c.status == CheckStatus::kFail) failed << text(c.message_zh, c.message_en);
    if (failed.isEmpty()) return;
    staffDialog_ =
        new StaffSettlementDialog(this, StaffSettlementDialog::Purpose::kSubmission, failed);
    staffDialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(staffDialog_, &QDialog::accepted, this, [this] {
        if (staffDialog_) send(staffDialog_->submission());
    });
    staffDialog_->open();
}

void KioskWindow::setNetworkOverride(std::optional<bool> offline) {
    networkOverride_ = offline;
    render();
}

bool KioskWindow::offline() const {
    if (networkOverride_) return *networkOverride_;
    return network_->state() == NetworkStatus::State::kOffline;
}

void KioskWindow::keypad(const QString& key) {
    if (key == "\b")
        entered_.chop(1);
    else if (entered_.size() < 4)
        entered_ += key;
    render();
}

// ---- events in ----

void KioskWindow::send(const flow::FlowEvent& event) {
    const FlowState before = flow_.state();
    flow_.handle(event);
    if (flow_.state() != before) entered_.clear();
    afterEvent();
}

void KioskWindow::afterEvent() {
    // The flow's lookup and payment calls go to the worker thread, a staff-confirmed submission to
    // its own; answers come back as events.
    if (portWorker_)
        for (const flow::PortCall& call : flow_.takeCalls()) {
            if (call.kind == flow::PortCall::Kind::kStaffSubmit)
                staffSubmitter_->submit(call);
            else
                portWorker_->submit(call);
        }
    // The flow asks for a still or a standardization; the window runs them.
    if (flow_.captureRequest() != 0 && flow_.captureRequest() != stillAsked_) {
        stillAsked_ = flow_.captureRequest();
        parts_.camera->requestStill(stillAsked_);
    }
    if (flow_.state() == FlowState::kStandardizing && flow_.standardizationJob() != jobStarted_)
        startStandardization();
    render();
}

void KioskWindow::portAnswered(const flow::PortAnswer& answer) {
    // The flow takes only the answer it waits for. A staff-confirmed submission's answer always
    // finds it waiting: 取消 and the idle reset wait for it, and closing the window drops it (the
    // worker's staff log line says so).
    send(events::PortAnswered{answer});
}

void KioskWindow::onTick() {
    const qint64 elapsed = clock_.restart();
    // A scanner that sends no Enter: its burst ends when it has been quiet for a moment.
    if (const auto code = wedge_.poll(identify::KeyboardWedgeDetector::Clock::now());
        code && flow_.state() == FlowState::kScanCode)
        send(events::CodeScanned{*code});
    send(events::Tick{elapsed});
}

bool KioskWindow::takeScannerKey(QKeyEvent* key) {
    // On the scan page every key press feeds the scanner detector (no text box needs the focus);
    // a burst typed at scanner speed becomes a scanned code, slow typing is dropped. The key is
    // consumed, so it reaches the detector once (key events propagate to parent widgets).
    if (flow_.state() != FlowState::kScanCode || key->key() == Qt::Key_Escape) return false;
    const auto now = identify::KeyboardWedgeDetector::Clock::now();
    std::optional<std::string> code;
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        code = wedge_.enterPressed(now);
    else if (!key->text().isEmpty() && key->text().at(0).isPrint())
        code = wedge_.keyPressed(key->text().toStdString(), now);
    else
        return false;
    if (code) {
        const std::string payload = *code;
        QTimer::singleShot(0, this, [this, payload] {
            if (flow_.state() == FlowState::kScanCode) send(events::CodeScanned{payload});
        });
    }
    return true;
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::KeyPress:
            if (watched->isWidgetType() && static_cast<QWidget*>(watched)->window() == this &&
                takeScannerKey(static_cast<QKeyEvent*>(event))) {
                flow_.handle(events::UserActivity{});
                return true;
            }
            [[fallthrough]];
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
            if (flow_.idleWarningSecondsLeft()) {
                flow_.handle(events::UserActivity{});
                QTimer::singleShot(0, this, [this] { render(); });
            } else {
                flow_.handle(events::UserActivity{});
            }
            break;
        default:
            break;
    }
    return QWidget::eventFilter(watched, event);
}

void KioskWindow::keyPressEvent(QKeyEvent* event) {
    const FlowState state = flow_.state();
    // The operator's shutter: space, Enter or a foot pedal that sends Page Down / F12.
    if (state == FlowState::kCapture &&
        (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return ||
         event->key() == Qt::Key_Enter || event->key() == Qt::Key_PageDown ||
         event->key() == Qt::Key_F12)) {
        send(events::ShutterPressed{});
        return;
    }
    if (state == FlowState::kVerifyStudent) {
        const QString t = event->text().toUpper();
        if (t.size() == 1 && (t.at(0).isDigit() || t == "X")) {
            keypad(t);
            return;
        }
        if (event->key() == Qt::Key_Backspace) {
            keypad("\b");
            return;
        }
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            verify_.confirmButton->click();
            return;
        }
    }
    if (event->key() == Qt::Key_Escape) {
        askStaffPin();
        return;
    }
    QWidget::keyPressEvent(event);
}

void KioskWindow::closeEvent(QCloseEvent* event) {
    if (closeAllowed_) {
        event->accept();
        return;
    }
    event->ignore();
    askStaffPin();
}

// The staff number and PIN go to the staff gate (store::StaffAccess, lock-out, audit entry) on
// the staff-check thread: its PBKDF2 takes a noticeable moment, the screen goes on meanwhile. The
// dialog says it is checking (button disabled, 正在核对…, fields read-only); a second press
// starts nothing. A refusal then stays in the dialog with its reason. Only the refusal's English
// text is logged.
void KioskWindow::checkStaff(StaffSettlementDialog& dialog) {
    if (staffCheck_->running() || dialog.staffNo().isEmpty() || dialog.pin().isEmpty()) return;
    if (!staffCheck_->start(dialog.staffNo().toStdString(), dialog.pin().toStdString())) return;
    staffChecking_ = &dialog;
    showStaffChecking(dialog, true);
}

void KioskWindow::showStaffChecking(StaffSettlementDialog& dialog, bool checking) {
    auto& ui = dialog.ui();
    if (checking) {
        staffButtonText_ = ui.confirmButton->text();
        ui.confirmButton->setText(tr("正在核对…"));
    } else {
        ui.confirmButton->setText(staffButtonText_);
    }
    ui.staffNoEdit->setReadOnly(checking);
    ui.pinEdit->setReadOnly(checking);
    ui.confirmButton->setEnabled(!checking && !dialog.staffNo().isEmpty() &&
                                 !dialog.pin().isEmpty());
}

void KioskWindow::staffChecked(const flow::StaffGateVerdict& verdict) {
    if (verdict.bySettingPin && !settingPinLogged_) {
        settingPinLogged_ = true;
        qWarning(
            "gradphoto-kiosk: the booth has no staff accounts yet: the staff menu opens with "
            "the kiosk.staff_pin setting until an admin is added (gradphoto staff add)");
    }
    if (!verdict.admitted)
        qWarning("gradphoto-kiosk: staff menu refused: %s", verdict.refusal.message_en.c_str());
    const QPointer<StaffSettlementDialog> dialog = staffChecking_;
    staffChecking_.clear();
    if (!dialog) return;  // closed while checking: nothing opens
    showStaffChecking(*dialog, false);
    if (verdict.admitted)
        dialog->accept();
    else
        dialog->showRefusal(text(verdict.refusal.message_zh, verdict.refusal.message_en));
}

void KioskWindow::askStaffPin() {
    if (staffDialog_) return;  // a staff dialog is already open
    StaffSettlementDialog dialog(this, StaffSettlementDialog::Purpose::kStaffMenu);
    staffDialog_ = &dialog;
    connect(&dialog, &StaffSettlementDialog::credentialsGiven, this,
            [this, &dialog] { checkStaff(dialog); });
    const bool admitted = dialog.exec() == QDialog::Accepted;
    staffDialog_.clear();
    if (staffChecking_ == &dialog) {  // closed while checking: its verdict opens nothing now
        staffChecking_.clear();
        staffCheck_->abandon();
    }
    if (!admitted) return;
    QMessageBox box(this);
    box.setWindowTitle(tr("工作人员"));
    box.setText(tr("请选择操作。"));
    QPushButton* console = box.addButton(tr("员工后台"), QMessageBox::ActionRole);
    QPushButton* quit = box.addButton(tr("退出程序"), QMessageBox::DestructiveRole);
    QPushButton* window =
        box.addButton(isFullScreen() ? tr("退出全屏") : tr("全屏"), QMessageBox::ActionRole);
    box.addButton(tr("返回"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == console) {
        send(events::Cancel{});  // no student's data stays on screen behind the console
        emit staffConsoleRequested();
    } else if (box.clickedButton() == quit) {
        closeAllowed_ = true;
        send(events::Cancel{});
        close();
    } else if (box.clickedButton() == window) {
        if (isFullScreen())
            showNormal();
        else
            showFullScreen();
    }
}

void KioskWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        window_.retranslateUi(this);
        welcome_.retranslateUi(page(FlowState::kWelcome));
        scan_.retranslateUi(page(FlowState::kScanCode));
        verify_.retranslateUi(page(FlowState::kVerifyStudent));
        service_.retranslateUi(page(FlowState::kServiceInfo));
        payment_.retranslateUi(page(FlowState::kPayment));
        guide_.retranslateUi(page(FlowState::kPhotoGuide));
        capture_.retranslateUi(page(FlowState::kCapture));
        preview_.retranslateUi(page(FlowState::kPreview));
        standardizing_.retranslateUi(page(FlowState::kStandardizing));
        result_.retranslateUi(page(FlowState::kResult));
        submitted_.retranslateUi(page(FlowState::kSubmitted));
        status_.retranslateUi(page(FlowState::kStatus));
        help_.retranslateUi(page(FlowState::kHelp));
        failsafe_.retranslateUi(page(FlowState::kFailsafe));
        picker_->ui().retranslateUi(picker_);
        render();
    }
    QWidget::changeEvent(event);
}

void KioskWindow::resizeEvent(QResizeEvent* event) {
    idleOverlay_->setGeometry(rect());
    QWidget::resizeEvent(event);
}

void KioskWindow::setLanguage(const QString& language) {
    language_ = language == "en" ? "en" : "zh";
    qApp->removeTranslator(&translator_);
    if (language_ == "en" && translator_.load(":/i18n/gradphoto_kiosk_en.qm"))
        qApp->installTranslator(&translator_);
    else  // Chinese is the source language: no translator, but still refresh every text.
    {
        QEvent refresh(QEvent::LanguageChange);
        changeEvent(&refresh);
    }
}

// ---- camera, guidance and the standardizer ----

void KioskWindow::onFrame(const QImage& frame) {
    lastFrame_ = frame;
    const FlowState state = flow_.state();
    if (state == FlowState::kCapture) {
        analyzer_.offer(frame);
        renderPreview(capture_.previewLabel, frame, true);
    } else if (state == FlowState::kScanCode) {
        analyzer_.offerForCode(frame);
        renderPreview(scan_.previewLabel, frame, false);
    }
}

void KioskWindow::onCodeInFrame(const QByteArray& payload) {
    if (flow_.state() != FlowState::kScanCode) return;  // found after the page was left
    constexpr qint64 kRepeatMs = 4000;
    if (payload == lastCameraCode_ && clock_.elapsed() - lastCameraCodeAt_ < kRepeatMs) return;
    lastCameraCode_ = payload;
    lastCameraCodeAt_ = clock_.elapsed();
    send(events::CodeScanned{payload.toStdString()});
}

void KioskWindow::onGuidance(const QImage& frame, QRectF face, QList<int> hints, bool ready) {
    if (frame.size() != lastFrame_.size()) face = {};
    lastFace_ = face;
    lastHints_ = hints;
    lastReady_ = ready;
    if (flow_.state() == FlowState::kCapture) send(events::LiveCheck{ready});
}

void KioskWindow::startStandardization() {
    jobStarted_ = flow_.standardizationJob();
    const std::uint64_t job = jobStarted_;
    const cv::Mat capture = flow_.session().capture.clone();
    const auto processor = parts_.processor;
    QPointer<KioskWindow> self(this);
    QThread* worker = QThread::create([self, processor, capture, job] {
        StandardizedPhoto photo;
        try {
            if (!processor) throw std::runtime_error("no standardizer");
            photo = processor->process(capture);
        } catch (const std::exception&) {
            photo = StandardizedPhoto{};
            photo.report.ok = false;
            photo.report.errors.push_back({"standardizer_unavailable",
                                           "照片标准化暂时无法使用，请联系工作人员。",
                                           "The standardizer is not available; ask the staff."});
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, job, photo] {
                if (self) self->send(events::StandardizationDone{job, photo});
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    workers_.push_back(worker);
    worker->start();
}

// ---- rendering ----

QString KioskWindow::text(const std::string& zh, const std::string& en) const {
    return QString::fromStdString(language_ == "en" && !en.empty() ? en : zh);
}

QString KioskWindow::feeText() const {
    return tr("%1 元").arg(parts_.settings.flow.feeFen / 100.0, 0, 'f', 2);
}

QString KioskWindow::guidanceText(const QList<int>& hints) const {
    using Hint = flow::LiveGuidance::Hint;
    QStringList lines;
    for (const int h : hints) {
        switch (static_cast<Hint>(h)) {
            case Hint::kNoFace:
                lines << tr("未检测到人脸：请正对镜头");
                break;
            case Hint::kManyFaces:
                lines << tr("画面中有多人：请其他人离开画面");
                break;
            case Hint::kComeCloser:
                lines << tr("请靠近一些");
                break;
            case Hint::kStepBack:
                lines << tr("请后退一些");
                break;
            case Hint::kMoveLeft:
                lines << tr("请向左移动一点");
                break;
            case Hint::kMoveRight:
                lines << tr("请向右移动一点");
                break;
            case Hint::kCameraLower:
                lines << tr("请把相机放低一些");
                break;
            case Hint::kCameraHigher:
                lines << tr("请把相机抬高一些");
                break;
            case Hint::kHeadLevel:
                lines << tr("请摆正头部，不要歪头");
                break;
            case Hint::kUnevenLight:
                lines << tr("脸部光线不均匀，请调整灯光");
                break;
            case Hint::kTooDark:
                lines << tr("光线太暗，请打开补光灯");
                break;
        }
    }
    return lines.join("\n");
}

void KioskWindow::renderPreview(QLabel* target, const QImage& frame, bool overlay) {
    if (!parts_.camera->available() || frame.isNull()) {
        target->setPixmap({});
        target->setText(
            tr("摄像头未连接\n正在自动重新连接，请稍候；如长时间无画面，请联系工作人员。"));
        return;
    }
    QPixmap pixmap = fitted(frame, target->size() - QSize(8, 8));
    if (overlay && !pixmap.isNull()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const double w = pixmap.width();
        const double h = pixmap.height();
        // Where the head and shoulders belong in the frame.
        const QColor guide = lastReady_ ? QColor(40, 200, 90) : QColor(255, 255, 255);
        painter.setPen(QPen(guide, 4, Qt::DashLine));
        const double ovalH = h * 0.50;
        const double ovalW = ovalH * 0.72;
        painter.drawEllipse(QRectF(w / 2 - ovalW / 2, h * 0.40 - ovalH / 2, ovalW, ovalH));
        painter.drawLine(QPointF(w * 0.18, h * 0.82), QPointF(w * 0.82, h * 0.82));
        if (!lastFace_.isNull()) {
            const double sx = w / frame.width();
            const double sy = h / frame.height();
            painter.setPen(QPen(lastReady_ ? QColor(40, 200, 90) : QColor(255, 170, 0), 3));
            painter.drawRect(QRectF(lastFace_.x() * sx, lastFace_.y() * sy, lastFace_.width() * sx,
                                    lastFace_.height() * sy));
        }
        if (const auto count = flow_.countdownSecondsLeft()) {
            QFont font = painter.font();
            font.setPixelSize(static_cast<int>(h * 0.4));
            font.setBold(true);
            painter.setFont(font);
            painter.setPen(QColor(255, 255, 255, 230));
            painter.drawText(QRectF(0, 0, w, h), Qt::AlignCenter, QString::number(*count));
        }
    }
    target->setPixmap(pixmap);
}

void KioskWindow::render() {
    const FlowState state = flow_.state();
    if (state != renderedState_) {
        if (state == FlowState::kWelcome || state == FlowState::kFailsafe) clearStudentData();
        window_.pages->setCurrentWidget(page(state));
        renderedState_ = state;
    }
    renderHeader();
    renderPage();
    renderNotice(page(state));
    renderIdleOverlay();
    emit rendered(state);
    maybeScreenshot();
}

void KioskWindow::clearStudentData() {
    // The session is wiped in the flow; the pages must not keep a copy of it either.
    entered_.clear();
    wedge_.reset();
    lastCameraCode_.clear();
    lastFrame_ = {};
    lastChecks_.clear();
    for (QLabel* label : {verify_.studentLabel, verify_.entryLabel, service_.qualificationLabel,
                          status_.studentLabel, status_.detailLabel, submitted_.queueLabel}) {
        label->clear();
    }
    for (QLabel* label : {preview_.photoLabel, result_.photoLabel, status_.photoLabel,
                          payment_.qrLabel, capture_.previewLabel, scan_.previewLabel}) {
        label->clear();
    }
    result_.checksList->clear();
    picker_->clear();
    copy_->clear();
    if (staffDialog_) staffDialog_->reject();
}

void KioskWindow::renderHeader() {
    const FlowState state = flow_.state();
    const QStringList steps = {tr("扫码"), tr("核验"), tr("支付"),
                               tr("拍照"), tr("确认"), tr("提交")};
    const int current = flow::stepOf(state);
    QStringList parts;
    for (int i = 0; i < steps.size(); ++i) {
        const QString label = QStringLiteral("%1 %2").arg(i + 1).arg(steps.at(i));
        if (i + 1 == current)
            parts << QStringLiteral(
                         "<span style='color:#ffffff;background:#1565c0;'>&nbsp;%1&nbsp;</span>")
                         .arg(label);
        else if (i + 1 < current)
            parts << QStringLiteral("<span style='color:#1565c0;'>✓ %1</span>").arg(label);
        else
            parts << QStringLiteral("<span style='color:#9e9e9e;'>%1</span>").arg(label);
    }
    window_.stepsLabel->setText(current > 0 ? parts.join(QStringLiteral(" &nbsp;›&nbsp; "))
                                            : QString());
    window_.demoLabel->setVisible(parts_.demo);
    window_.cancelButton->setVisible(state != FlowState::kWelcome && state != FlowState::kFailsafe);
    window_.helpButton->setVisible(state != FlowState::kHelp && state != FlowState::kPayment &&
                                   state != FlowState::kStandardizing &&
                                   state != FlowState::kFailsafe);
    // Help or 取消 would leave the result page while 工作人员确认提交 is checked: the flow
    // ignores them until its answer says whether the photo was submitted.
    window_.helpButton->setEnabled(!flow_.staffSubmitting());
    window_.cancelButton->setEnabled(!flow_.staffSubmitting());

    QString net;
    switch (networkOverride_ ? (*networkOverride_ ? NetworkStatus::State::kOffline
                                                  : NetworkStatus::State::kOnline)
                             : network_->state()) {
        case NetworkStatus::State::kOnline:
            net = tr("网络：在线");
            break;
        case NetworkStatus::State::kOffline:
            net = tr("网络：离线");
            break;
        case NetworkStatus::State::kUnknown:
            net = tr("网络：未知");
            break;
    }
    const QString cam = parts_.camera->available() ? tr("摄像头：正常") : tr("摄像头：未连接");
    window_.statusLabel->setText(tr("拍照点 %1 · %2 · %3").arg(parts_.settings.boothId, net, cam));
}

void KioskWindow::renderNotice(QWidget* current) {
    auto* label = current->findChild<QLabel*>("noticeLabel");
    if (!label) return;
    const flow::Notice& notice = flow_.notice();
    label->setText(text(notice.message_zh, notice.message_en));
    label->setVisible(!notice.empty());
}

void KioskWindow::renderIdleOverlay() {
    const auto left = flow_.idleWarningSecondsLeft();
    if (!left) {
        idleOverlay_->hide();
        return;
    }
    idleLabel_->setText(tr("您还在吗？\n%1 秒后将退出并清除您的信息。").arg(*left));
    idleButton_->setText(tr("继续操作"));
    idleOverlay_->setGeometry(rect());
    idleOverlay_->show();
    idleOverlay_->raise();
}

bool KioskWindow::idleWarningVisible() const {
    return idleOverlay_->isVisible();
}

void KioskWindow::renderPage() {
    const flow::StudentSession& s = flow_.session();
    const bool offline = this->offline();
    const auto waitingFor = flow_.waitingFor();
    // Before the last four are verified, the card must not show them (they are the answer).
    auto studentCard = [&](bool verified) -> QString {
        if (!s.student) return {};
        return tr("<b>姓名：</b>%1<br><b>学号：</b>%2<br><b>身份证号：</b>%3<br><b>院系：</b>%4<br>"
                  "<b>专业：</b>%5 · %6")
            .arg(QString::fromStdString(s.student->maskedName),
                 QString::fromStdString(s.student->studentNo),
                 QString::fromStdString(verified
                                            ? s.student->maskedId
                                            : flow::maskIdNumberHidingLast4(s.student->maskedId)),
                 QString::fromStdString(s.student->department),
                 QString::fromStdString(s.student->major),
                 QString::fromStdString(s.student->level));
    };

    switch (flow_.state()) {
        case FlowState::kWelcome:
            welcome_.introLabel->setText(
                tr("拍照、标准化、提交审核，一站完成。\n服务费 %1，审核未通过可免费重拍。")
                    .arg(feeText()));
            welcome_.languageButton->setText(language_ == "zh" ? QStringLiteral("English")
                                                               : QStringLiteral("中文"));
            break;
        case FlowState::kScanCode:
            scan_.titleLabel->setText(s.purpose == flow::Purpose::kCheckResult
                                          ? tr("查询审核结果：扫描学信网图像采集码")
                                          : tr("第1步  扫描学信网图像采集码"));
            for (int i = 0; i < parts_.demoCodes.size(); ++i)
                if (auto* b = scan_.demoBox->findChild<QPushButton*>(
                        QStringLiteral("demoCode%1").arg(i + 1)))
                    b->setText(tr("示例采集码 %1").arg(i + 1));
            if (waitingFor == flow::PortCall::Kind::kLookup)
                scan_.hintLabel->setText(tr("正在查询学籍信息，请稍候…"));
            else if (offline)
                scan_.hintLabel->setText(tr("本机当前离线，可能无法查询学籍，请联系工作人员。"));
            else
                scan_.hintLabel->setText(
                    tr("截图往往无法识别：请在 App 内保存图片后点“从 U "
                       "盘或共享文件夹选择采集码图片”，或使用扫码枪。"));
            renderPreview(scan_.previewLabel, lastFrame_, false);
            break;
        case FlowState::kVerifyStudent: {
            verify_.studentLabel->setText(studentCard(false));
            QString shown;
            for (int i = 0; i < 4; ++i) shown += i < entered_.size() ? entered_.at(i) : QChar('_');
            verify_.entryLabel->setText(shown.split(QString(), Qt::SkipEmptyParts).join(' '));
            verify_.confirmButton->setEnabled(entered_.size() == 4 && s.verifyTriesLeft > 0 &&
                                              !flow_.waiting());
            break;
        }
        case FlowState::kServiceInfo:
            service_.qualificationLabel->setText(
                tr("<b>采集资格</b><br>%1<br>%2<br><br>采集项目：学历证书电子注册图像<br>"
                   "状态：<span style='color:#2e7d32'>可采集</span>")
                    .arg(QString::fromStdString(s.student ? s.student->maskedName : ""),
                         QString::fromStdString(s.student ? s.student->studentNo : "")));
            service_.serviceLabel->setText(
                tr("<b>服务内容</b><br>· 现场拍摄（工作人员后置摄像头拍摄）<br>· "
                   "照片标准化（蓝色背景、"
                   "480×640 像素）<br>· 提交学校审核，约两个工作日<br>· 审核未通过可免费重拍"));
            service_.feeLabel->setText(tr("费用：%1").arg(feeText()));
            service_.payButton->setText(s.paid || s.freeRetake ? tr("进入拍照")
                                        : flow_.waiting()      ? tr("正在处理…")
                                                               : tr("去支付"));
            service_.payButton->setEnabled(!flow_.waiting());
            service_.staffButton->setVisible(!s.paid && !s.freeRetake);
            service_.staffButton->setEnabled(!flow_.waiting());
            service_.networkLabel->setText(
                offline ? tr("本机当前离线，暂时无法扫码支付。请联系工作人员确认现金支付或免费。")
                        : QString());
            service_.networkLabel->setVisible(offline);
            break;
        case FlowState::kPayment: {
            const auto& order = s.order;
            payment_.demoBanner->setVisible(order && order->demo);
            payment_.amountLabel->setText(
                tr("应付：%1")
                    .arg(tr("%1 元").arg((order ? order->amountFen : 0) / 100.0, 0, 'f', 2)));
            const QImage code =
                order ? paymentCodeImage(QString::fromStdString(order->codeUrl), 300) : QImage();
            payment_.qrLabel->setPixmap(QPixmap::fromImage(code));
            const int left = flow_.paymentSecondsLeft();
            payment_.countdownLabel->setText(tr("请在 %1:%2 内完成支付，超时订单将自动关闭")
                                                 .arg(left / 60)
                                                 .arg(left % 60, 2, 10, QChar('0')));
            payment_.staffButton->setEnabled(!flow_.waiting() ||
                                             waitingFor == flow::PortCall::Kind::kPaymentPoll);
            payment_.networkLabel->setText(
                offline ? tr("本机当前离线，无法确认支付结果。请联系工作人员现金支付或稍后再试。")
                        : QString());
            payment_.networkLabel->setVisible(offline);
            break;
        }
        case FlowState::kPhotoGuide: {
            const QStringList rules = {
                tr("<b>① 背景与光线</b><br>白墙前约 1 米，光线均匀，脸上无阴影、无阴阳脸"),
                tr("<b>② 姿势</b><br>半身到胸部，正对镜头，双肩放平，表情自然，双眼睁开，嘴唇闭合"),
                tr("<b>③ 露出五官</b><br>露出双耳和额头，头发不遮挡眉毛和眼睛"),
                tr("<b>④ 眼镜与饰品</b><br>不戴帽子、耳环、项链；常戴眼镜可戴，不可戴有色眼镜"),
                tr("<b>⑤ 服装</b><br>有领素色正装；<span "
                   "style='color:#c62828'>不要穿蓝色衣服</span>"
                   "，不穿无袖、吊带、低领"),
                tr("<b>⑥ 真实</b><br>不化妆、不美颜、不戴彩色隐形眼镜")};
            const QList<QLabel*> labels = {guide_.rule1, guide_.rule2, guide_.rule3,
                                           guide_.rule4, guide_.rule5, guide_.rule6};
            const QList<QLabel*> pictures = {guide_.picture1, guide_.picture2, guide_.picture3,
                                             guide_.picture4, guide_.picture5, guide_.picture6};
            for (int i = 0; i < labels.size(); ++i) {
                labels.at(i)->setText(rules.at(i));
                if (pictures.at(i)->pixmap().isNull())
                    pictures.at(i)->setPixmap(guidePicture(i, QSize(180, 112)));
            }
            break;
        }
        case FlowState::kCapture: {
            const bool cameraOk = parts_.camera->available();
            // The hints, then the live checks that have no hint of their own (closed eyes,
            // blur, over-exposure). Ready with warnings left (they do not hold the shutter): the
            // headline says the photo can be taken and the warnings follow, smaller, as what
            // would make it better, rather than 很好，保持不动 over a list of corrections.
            QStringList lines;
            if (!lastReady_ && !lastHints_.isEmpty()) lines << guidanceText(lastHints_).split('\n');
            for (const CheckResult& c : lastChecks_) {
                const QString check = StudentWording::check(c, language_);
                if (!lines.contains(check)) lines << check;
            }
            QLabel* guidance = capture_.guidanceLabel;
            guidance->setTextFormat(Qt::PlainText);
            if (!cameraOk) {
                guidance->setText(tr("摄像头未连接"));
            } else if (lastReady_ && lines.isEmpty()) {
                guidance->setText(tr("很好，保持不动"));
            } else if (lastReady_) {
                QStringList advice;
                for (const QString& line : lines) advice << line.toHtmlEscaped();
                guidance->setTextFormat(Qt::RichText);
                guidance->setText(tr("可以拍照，再调整一下会更好：").toHtmlEscaped() +
                                  "<div style='font-size: 24px; font-weight: normal;'>" +
                                  advice.join("<br>") + "</div>");
            } else {
                guidance->setText(lines.isEmpty() ? tr("正在分析画面…") : lines.join('\n'));
            }
            setStyleProperty(capture_.guidanceLabel, "ready", lastReady_ && cameraOk);
            capture_.shutterButton->setEnabled(cameraOk && !flow_.countdownSecondsLeft() &&
                                               flow_.captureRequest() == 0);
            capture_.shutterButton->setText(flow_.countdownSecondsLeft()
                                                ? QString::number(*flow_.countdownSecondsLeft())
                                                : tr("拍照"));
            renderPreview(capture_.previewLabel, lastFrame_, true);
            break;
        }
        case FlowState::kPreview:
            preview_.photoLabel->setPixmap(
                fitted(toQImage(s.capture), preview_.photoLabel->size() - QSize(8, 8)));
            break;
        case FlowState::kStandardizing:
            break;
        case FlowState::kResult: {
            result_.checksList->clear();
            if (s.standardized) {
                const Report& report = s.standardized->report;
                result_.photoLabel->setPixmap(fitted(toQImage(s.standardized->photo),
                                                     result_.photoLabel->size() - QSize(8, 8)));
                if (s.standardized->photo.empty())
                    result_.photoLabel->setText(tr("未能生成标准照"));
                // A failed check: the photo would very likely be rejected in review, so 重拍 comes
                // first and 提交 needs a staff member (工作人员确认提交). Warnings and unknowns go
                // to review as they are: the staff look at the marked items there.
                std::vector<const CheckResult*> failed;
                std::vector<const CheckResult*> marked;
                for (const CheckResult& c : report.checks) {
                    if (c.status == CheckStatus::kFail) failed.push_back(&c);
                    if (c.status == CheckStatus::kWarn || c.status == CheckStatus::kUnknown)
                        marked.push_back(&c);
                }
                QStringList why;
                for (const CheckResult* c : failed) why << StudentWording::check(*c, language_);
                if (!report.ok)
                    result_.summaryLabel->setText(
                        tr("这张照片无法生成合格的标准照，原因如下。请点“重拍”。"));
                else if (!failed.empty())
                    result_.summaryLabel->setText(tr("这张照片很可能无法通过审核：%1。"
                                                     "请点“重拍”；如确需提交，请工作人员确认。")
                                                      .arg(why.join(tr("；"))));
                else if (!marked.empty())
                    result_.summaryLabel->setText(
                        tr("标准照已生成（480×640，蓝色背景）。标有 ! 或 ? "
                           "的项目将由工作人员在审核时查看。"
                           "请确认后点“提交”，或点“重拍”。"));
                else
                    result_.summaryLabel->setText(
                        tr("标准照已生成（480×640，蓝色背景）。请确认后点“提交”，或点“重拍”。"));
                for (const Problem& p : report.errors)
                    result_.checksList->addItem(QStringLiteral("✗ ") +
                                                StudentWording::problem(p, language_));
                for (const CheckResult* c : failed) {
                    if (explainedByRefusal(*c, report.errors)) continue;
                    result_.checksList->addItem(QStringLiteral("✗ ") +
                                                StudentWording::check(*c, language_));
                }
                for (const CheckResult* c : marked)
                    result_.checksList->addItem((c->status == CheckStatus::kWarn
                                                     ? QStringLiteral("! ")
                                                     : QStringLiteral("? ")) +
                                                StudentWording::check(*c, language_));
                const auto passed = std::count_if(
                    report.checks.begin(), report.checks.end(),
                    [](const CheckResult& c) { return c.status == CheckStatus::kPass; });
                if (passed > 0)
                    result_.checksList->addItem(tr("✓ 其余 %n 项检查通过", nullptr, int(passed)));
                const bool needsStaff = report.ok && !failed.empty();
                // 提交 keeps its look: the style sheet greys a disabled primary button.
                const bool retakeFirst = !report.ok || needsStaff;
                // 工作人员确认提交 being checked and stored: nothing starts a second submission
                // or leaves the page until the answer.
                const bool staffSubmitting = flow_.staffSubmitting();
                result_.submitButton->setEnabled(report.ok && !needsStaff && !staffSubmitting);
                result_.retakeButton->setEnabled(!staffSubmitting);
                result_.staffSubmitButton->setVisible(needsStaff);
                result_.staffSubmitButton->setEnabled(!staffSubmitting);
                result_.staffSubmitButton->setText(
                    staffSubmitting
                        ? tr("正在核对并提交…")
                        : QCoreApplication::translate("ResultPage", "工作人员确认提交"));
                setStyleProperty(result_.retakeButton, "styleClass",
                                 retakeFirst ? "primary" : "secondary");
                result_.retakeButton->setDefault(retakeFirst);
                result_.submitButton->setDefault(!retakeFirst);
                if (retakeFirst &&
                    !page(FlowState::kResult)->isAncestorOf(QApplication::focusWidget()))
                    result_.retakeButton->setFocus();
            }
            break;
        }
        case FlowState::kSubmitted:
            submitted_.queueLabel->setText(
                tr("排队号 %1").arg(QString::fromStdString(s.queueNumber)));
            submitted_.infoLabel->setText(
                tr("审核约需两个工作日。审核期间如需修改，请联系工作人员。\n"
                   "之后可在本机首页点“查询审核结果”并扫描采集码查看结果；审核未通过可免费重拍。"));
            submitted_.returnLabel->setText(
                tr("%1 秒后自动返回首页").arg(flow_.autoReturnSecondsLeft()));
            break;
        case FlowState::kStatus: {
            status_.studentLabel->setText(studentCard(true));
            const auto kind = s.status ? s.status->kind : flow::SubmissionStatus::Kind::kNone;
            using Kind = flow::SubmissionStatus::Kind;
            status_.freeRetakeButton->setVisible(kind == Kind::kRejected);
            status_.startButton->setVisible(kind == Kind::kNone);
            status_.photoLabel->clear();
            status_.photoLabel->setVisible(kind == Kind::kApproved && !s.status->finalJpeg.empty());
            switch (kind) {
                case Kind::kNone:
                    status_.statusLabel->setText(tr("暂无提交记录"));
                    status_.detailLabel->setText(
                        tr("您还没有在本机提交过照片，可以现在开始采集。"));
                    break;
                case Kind::kPending:
                    status_.statusLabel->setText(tr("审核中"));
                    status_.detailLabel->setText(
                        tr("排队号 "
                           "%1。审核约需两个工作日，请耐心等待；如需修改信息或更换照片，请联系工作"
                           "人员。")
                            .arg(QString::fromStdString(s.status->queueNumber)));
                    break;
                case Kind::kRejected:
                    status_.statusLabel->setText(tr("审核未通过"));
                    status_.detailLabel->setText(
                        tr("原因：%1\n请尽快重拍，重拍免费。")
                            .arg(text(s.status->reason_zh, s.status->reason_en)));
                    break;
                case Kind::kApproved: {
                    status_.statusLabel->setText(tr("审核通过（采集完成）"));
                    status_.detailLabel->setText(parts_.settings.studentCopy.usb ||
                                                         parts_.settings.studentCopy.print ||
                                                         parts_.settings.studentCopy.show
                                                     ? tr("照片已通过审核，不能再更改。可在下方保存"
                                                          "、打印或查看标准照和排版照。")
                                                     : tr("照片已通过审核，不能再更改。标准照和排版"
                                                          "照可请工作人员打印或拷贝。"));
                    QImage photo;
                    if (!s.status->finalJpeg.empty())
                        photo.loadFromData(s.status->finalJpeg.data(),
                                           static_cast<int>(s.status->finalJpeg.size()));
                    status_.photoLabel->setPixmap(fitted(photo, QSize(240, 320)));
                    break;
                }
            }
            setStyleProperty(status_.statusLabel, "kind", static_cast<int>(kind));
            if (kind == Kind::kApproved && s.student)
                copy_->offer(s.student->studentNo, s.status->finalJpeg);
            else
                copy_->offer({}, {});
            break;
        }
        case FlowState::kHelp:
            help_.faqLabel->setText(
                tr("<b>常见问题</b><br>"
                   "· 采集码扫不出来？请勿使用截图，在学信网 App 内保存图片后请工作人员识别。<br>"
                   "· 身份证号后四位输错？可重新输入，连续 5 次错误将锁定，请联系工作人员解锁。<br>"
                   "· 审核要多久？约两个工作日。<br>"
                   "· 审核未通过怎么办？尽快回到本机重拍，重拍免费。<br>"
                   "· 审核通过后还能改吗？不能，采集完成后照片不可更改。"));
            help_.phoneLabel->setText(parts_.settings.helpPhone.isEmpty()
                                          ? tr("请向身边的工作人员咨询")
                                          : tr("客服电话：%1").arg(parts_.settings.helpPhone));
            break;
        case FlowState::kFailsafe:
            failsafe_.messageLabel->setText(
                text(flow_.notice().message_zh, flow_.notice().message_en));
            failsafe_.returnLabel->setText(
                tr("%1 秒后自动返回首页").arg(flow_.autoReturnSecondsLeft()));
            break;
    }
}

void KioskWindow::maybeScreenshot() {
    if (parts_.screenshotDir.isEmpty()) return;
    const FlowState state = flow_.state();
    const QString key = QStringLiteral("%1/%2/%3/%4")
                            .arg(QString::fromUtf8(flow::toString(state).data()),
                                 QString::fromStdString(flow_.notice().code),
                                 flow_.countdownSecondsLeft() ? "count"
                                 : guidanceShown()            ? "guided"
                                                              : "",
                                 flow_.idleWarningSecondsLeft() ? "idle" : "");
    if (key == lastShotKey_) return;
    lastShotKey_ = key;
    QTimer::singleShot(kScreenshotDelayMs, this, [this, key, state] {
        if (flow_.state() != state) return;  // gone already: the next page gets its own
        QDir().mkpath(parts_.screenshotDir);
        QString name = QString::fromUtf8(flow::toString(state).data());
        if (!flow_.notice().empty()) name += "-" + QString::fromStdString(flow_.notice().code);
        if (flow_.idleWarningSecondsLeft()) name += "-idle";
        const QString file = QDir(parts_.screenshotDir)
                                 .filePath(QStringLiteral("%1-%2-%3.png")
                                               .arg(++screenshotCount_, 2, 10, QChar('0'))
                                               .arg(name, language_));
        if (grab().save(file)) emit screenshotSaved(file);
    });
}

}  // namespace gradphoto::kiosk
