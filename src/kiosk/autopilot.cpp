#include "autopilot.h"

#include <QAbstractButton>
#include <cstdio>

#include "kiosk_window.h"
#include "replay_camera.h"
#include "staff_settlement_dialog.h"

namespace gradphoto::kiosk {

using flow::FlowState;

Autopilot::Autopilot(KioskWindow& window, int stepDelayMs, int timeoutSeconds)
    : QObject(&window), window_(window) {
    step_.setSingleShot(true);
    step_.setInterval(stepDelayMs);
    connect(&step_, &QTimer::timeout, this, &Autopilot::act);
    deadline_.setSingleShot(true);
    deadline_.setInterval(timeoutSeconds * 1000);
    connect(&deadline_, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("timed out in state %1")
                 .arg(QString::fromUtf8(flow::toString(window_.flow().state()).data())));
    });
    connect(&window_, &KioskWindow::rendered, this, &Autopilot::onRendered);
}

void Autopilot::start() {
    deadline_.start();
    step_.start();
}

void Autopilot::onRendered(FlowState state) {
    if (done_ || state == lastState_) return;
    lastState_ = state;
    step_.start();  // act a moment after each new page, once it has been seen
}

void Autopilot::click(FlowState state, const char* button) {
    auto* b = window_.page(state)->findChild<QAbstractButton*>(button);
    if (!b) return fail(QStringLiteral("no button %1").arg(button));
    if (!b->isEnabled()) {
        step_.start();  // try again shortly
        return;
    }
    b->click();
}

void Autopilot::fail(const QString& why) {
    if (done_) return;
    done_ = true;
    std::fprintf(stderr, "gradphoto-kiosk: autopilot failed: %s\n", why.toUtf8().constData());
    emit finished(1);
}

void Autopilot::act() {
    if (done_) return;
    const FlowState state = window_.flow().state();
    switch (state) {
        case FlowState::kWelcome:
            if (phase_ == 0)
                click(state, "startButton");
            else if (phase_ == 1)
                click(state, "checkButton");
            else if (phase_ == 2)
                window_.send(flow::events::OpenHelp{});
            break;
        case FlowState::kScanCode:
            click(state, phase_ == 0 ? "demoCode1" : "demoCode2");
            break;
        case FlowState::kVerifyStudent: {
            // Type the last four on the keypad, one key at a time.
            const QString last4 = phase_ == 0 ? "123X" : "5678";
            for (const QChar c : last4)
                click(state, QStringLiteral("key%1").arg(c).toLatin1().constData());
            QTimer::singleShot(300, this,
                               [this] { click(FlowState::kVerifyStudent, "confirmButton"); });
            break;
        }
        case FlowState::kServiceInfo:
            click(state, "payButton");
            break;
        case FlowState::kPayment:
            step_.start();
            break;  // the demo order pays itself
        case FlowState::kPhotoGuide:
            click(state, "readButton");
            break;
        case FlowState::kCapture:
            // Wait for the live guidance (the face model loads on first use), then shoot.
            if (window_.flow().countdownSecondsLeft() || window_.flow().captureRequest() != 0 ||
                (!window_.guidanceShown() && ++guidanceWaits_ < 15))
                step_.start();
            else
                click(state, "shutterButton");
            break;
        case FlowState::kPreview:
            click(state, "uploadButton");
            break;
        case FlowState::kStandardizing:
            step_.start();
            break;
        case FlowState::kResult: {
            const auto& photo = window_.flow().session().standardized;
            ++attempts_;
            // A failed compliance check disables 提交 (staff only): retake with the next person.
            const auto* submit = window_.page(state)->findChild<QAbstractButton*>("submitButton");
            const auto* staffSubmit =
                window_.page(state)->findChild<QAbstractButton*>("staffSubmitButton");
            auto* replay = dynamic_cast<ReplayCamera*>(&window_.camera());
            const bool peopleLeft = replay && attempts_ < replay->imageCount();
            // Most sample portraits smile with teeth (mouth_closed fails): after two such people
            // the demo's staff member confirms the submission, as staff beside a booth may.
            const bool failedCheck = photo && photo->report.ok && submit && !submit->isEnabled() &&
                                     staffSubmit && staffSubmit->isVisible();
            if (failedCheck) ++checkFailures_;
            if (photo && photo->report.ok && submit && submit->isEnabled()) {
                click(state, "submitButton");
            } else if (failedCheck && (!peopleLeft || checkFailures_ >= 3)) {
                click(state, "staffSubmitButton");
                if (StaffSettlementDialog* dialog = window_.staffDialog()) {
                    dialog->ui().staffNoEdit->setText(QStringLiteral("D001"));
                    dialog->ui().pinEdit->setText(QStringLiteral("2580"));
                    dialog->ui().confirmButton->click();
                }
            } else {
                if (!peopleLeft) return fail("no replay image gave a compliant photo");
                replay->advance();  // the next person in the folder
                click(state, "retakeButton");
            }
            break;
        }
        case FlowState::kSubmitted:
            phase_ = 1;
            click(state, "finishButton");
            break;
        case FlowState::kStatus:
            phase_ = 2;
            click(state, "finishButton");
            break;
        case FlowState::kHelp:
            phase_ = 3;
            done_ = true;
            QTimer::singleShot(800, this, [this] { emit finished(0); });
            break;
        case FlowState::kFailsafe:
            fail("the kiosk showed its apology page");
            break;
    }
}

}  // namespace gradphoto::kiosk
