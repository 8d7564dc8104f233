#include "gradphoto/flow/kiosk_flow.h"

#include <algorithm>
#include <exception>

#include "gradphoto/common/error.h"
#include "gradphoto/flow/masking.h"
#include "gradphoto/store/pin.h"

namespace gradphoto::flow {

namespace {
int secondsLeft(std::int64_t limitMs, std::int64_t elapsedMs) {
    const std::int64_t left = limitMs - elapsedMs;
    return left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
}
}  // namespace

KioskFlow::KioskFlow(FlowSettings settings, FlowPorts ports) : settings_(settings), ports_(ports) {}

void KioskFlow::handle(const FlowEvent& event) {
    try {
        std::visit([this](const auto& e) { on(e); }, event);
    } catch (const Error& e) {
        failsafe(e.problem().code, e.problem().message_zh, e.problem().message_en);
    } catch (const std::exception& e) {
        failsafe("internal", "系统出现问题，我们深表歉意。", e.what());
    }
}

// ---- the states' entry actions and shared steps ----

void KioskFlow::enter(FlowState next) {
    state_ = next;
    stateMs_ = 0;
    idleMs_ = 0;
    notice_ = {};
    countdownMs_.reset();
    captureRequest_ = 0;
    if (next != FlowState::kStandardizing) job_ = 0;
    awaiting_.reset();  // an answer to a call made on the previous page is no longer wanted
    pollFaults_ = 0;
    liveReady_ = false;
    liveReadyMs_ = 0;
}

// ---- slow port calls ----

void KioskFlow::call(PortCall c, bool awaitAnswer) {
    c.id = nextNumber_++;
    if (awaitAnswer) {
        awaiting_ = c;
        // Only the call's number and what the answer needs are kept: no PIN (wiped), no photos.
        store::wipePin(awaiting_->staff.pin);
        store::wipePin(awaiting_->staffSubmission.pin);
        awaiting_->submission = {};
        awaiting_->capture.release();
    }
    if (ports_.callsOutside) {
        outbox_.push_back(std::move(c));
        return;
    }
    answered(answerCall(c, ports_.students, ports_.payments, ports_.submissions));
}

std::vector<PortCall> KioskFlow::takeCalls() {
    std::vector<PortCall> calls;
    calls.swap(outbox_);
    return calls;
}

void KioskFlow::on(const events::PortAnswered& e) {
    answered(e.answer);
}

void KioskFlow::answered(const PortAnswer& a) {
    if (!awaiting_ || awaiting_->id != a.id || awaiting_->kind != a.kind) {
        // Not waited for any more (cancel, reset, timeout). An order opened meanwhile must not
        // stay open at the provider: close it.
        if (a.kind == PortCall::Kind::kPaymentStart && a.order && !session_.paid &&
            (a.order->state == PaymentState::kCreated || a.order->state == PaymentState::kPaying)) {
            PortCall close;
            close.kind = PortCall::Kind::kPaymentClose;
            close.order = a.order->order;
            call(close, false);
        }
        return;
    }
    const PortCall asked = *awaiting_;
    awaiting_.reset();
    switch (asked.kind) {
        case PortCall::Kind::kLookup:
            lookedUp(asked, a);
            return;
        case PortCall::Kind::kVerify:
            verified(a);
            return;
        case PortCall::Kind::kPaymentStart:
            paymentStarted(a);
            return;
        case PortCall::Kind::kPaymentPoll:
            polled(a);
            return;
        case PortCall::Kind::kStaffConfirm:
            staffConfirmed(a);
            return;
        case PortCall::Kind::kStaffSubmit:
            staffSubmitted(a);
            return;
        case PortCall::Kind::kPaymentClose:
            return;
    }
}

void KioskFlow::endJournal(SessionOutcome outcome) {
    if (!journalSession_) return;
    const std::int64_t id = *journalSession_;
    journalSession_.reset();
    if (!ports_.journal) return;
    if (!session_.queueNumber.empty()) outcome = SessionOutcome::kSubmitted;
    try {
        ports_.journal->ended(id, outcome);
    } catch (const std::exception&) {
        // Statistics only: the student's session goes on regardless.
    }
}

void KioskFlow::say(std::string code, std::string zh, std::string en) {
    notice_ = Notice{std::move(code), std::move(zh), std::move(en)};
}

void KioskFlow::closeOpenOrder() {
    if (!session_.order || session_.paid) return;
    // Closing is best effort (its answer is not awaited): an order the provider still holds is
    // closed by its own timeout, and a late payment is honoured on the next scan (issue 6).
    PortCall close;
    close.kind = PortCall::Kind::kPaymentClose;
    close.order = session_.order->order;
    call(close, false);
}

void KioskFlow::resetSession(SessionOutcome outcome) {
    closeOpenOrder();
    endJournal(outcome);
    if (!session_.empty()) ++sessionsEnded_;
    session_.capture.release();
    session_ = StudentSession{};
    enter(FlowState::kWelcome);
}

void KioskFlow::failsafe(const std::string& code, const std::string& zh, const std::string& en) {
    closeOpenOrder();
    endJournal(SessionOutcome::kFailed);
    if (!session_.empty()) ++sessionsEnded_;
    session_ = StudentSession{};
    enter(FlowState::kFailsafe);
    say(code.empty() ? "internal" : code, zh, en);
}

bool KioskFlow::idleApplies() const {
    // Paying happens on the student's phone and standardizing on the kiosk: no touches are
    // expected there, and payment has its own timeout. While 工作人员确认提交 is checked and
    // stored the staff member waits for its answer (bounded: the PIN's PBKDF2 and the store's
    // busy timeout); resetting then would tell the student their data was cleared while the
    // photo is being submitted.
    return state_ != FlowState::kWelcome && state_ != FlowState::kPayment &&
           state_ != FlowState::kStandardizing && state_ != FlowState::kFailsafe &&
           !staffSubmitting();
}

void KioskFlow::afterVerified() {
    session_.verified = true;
    SubmissionStatus status;
    if (ports_.submissions) status = ports_.submissions->status(session_.student->studentNo);
    const bool known = status.kind != SubmissionStatus::Kind::kNone;
    if (session_.purpose == Purpose::kCheckResult || known) {
        session_.status = status;
        enter(FlowState::kStatus);
        return;
    }
    enter(FlowState::kServiceInfo);
}

void KioskFlow::startPayment() {
    PortCall start;
    start.kind = PortCall::Kind::kPaymentStart;
    start.studentNo = session_.student->studentNo;
    start.amountFen = settings_.feeFen;
    notice_ = {};
    call(start);
}

void KioskFlow::paymentStarted(const PortAnswer& a) {
    if (a.failed || (!a.alreadyPaid && !a.order)) {
        say("payment_unavailable", "支付服务暂时无法连接，请稍后重试，或请工作人员确认现金支付。",
            "The payment service cannot be reached; try again, or ask the staff to confirm a cash "
            "payment.");
        return;
    }
    if (a.alreadyPaid || a.order->state == PaymentState::kPaid) {
        session_.paid = true;
        if (a.order) session_.order = a.order;
        enter(FlowState::kPhotoGuide);
        say("already_paid", "您已支付过采集费用，无需重复支付。",
            "You have already paid; no second payment is needed.");
        return;
    }
    session_.order = a.order;
    enter(FlowState::kPayment);
    pollMs_ = 0;
}

void KioskFlow::polled(const PortAnswer& a) {
    if (a.failed) {
        // Keep asking on the normal timer; say so once the trouble lasts.
        if (++pollFaults_ >= settings_.pollFaultsBeforeNotice)
            say("payment_retrying", "网络异常，正在重试…如已支付，请稍候，不要重复支付。",
                "Network trouble, retrying… If you have paid, please wait and do not pay again.");
        return;
    }
    pollFaults_ = 0;
    if (notice_.code == "payment_retrying") notice_ = {};
    session_.order->state = a.polled;
    if (a.polled == PaymentState::kPaid) {
        session_.paid = true;
        enter(FlowState::kPhotoGuide);
    } else if (a.polled == PaymentState::kClosed || a.polled == PaymentState::kFailed ||
               a.polled == PaymentState::kRefunded) {
        session_.order.reset();
        enter(FlowState::kServiceInfo);
        say("payment_failed", "支付没有完成，订单已关闭，请重新支付或联系工作人员。",
            "The payment did not complete and the order was closed; pay again or ask the staff.");
    }
}

void KioskFlow::on(const events::StaffConfirm& e) {
    if ((state_ != FlowState::kServiceInfo && state_ != FlowState::kPayment) || !session_.student ||
        session_.paid || session_.freeRetake)
        return;
    idleMs_ = 0;
    PortCall confirm;
    confirm.kind = PortCall::Kind::kStaffConfirm;
    confirm.staff =
        StaffConfirmation{session_.student->studentNo, e.staffNo, e.pin, e.waiver, e.reason};
    call(confirm);
}

void KioskFlow::staffConfirmed(const PortAnswer& a) {
    if (a.failed || !a.order || a.order->state != PaymentState::kPaid) {
        const bool pin = a.problem.code == "wrong_pin" || a.problem.code == "locked";
        say(pin ? "staff_refused" : "staff_unavailable",
            a.problem.message_zh.empty() ? "工作人员确认没有成功，请重试。" : a.problem.message_zh,
            a.problem.message_en.empty() ? "The staff confirmation did not go through; try again."
                                         : a.problem.message_en);
        return;
    }
    session_.paid = true;
    session_.order = a.order;
    enter(FlowState::kPhotoGuide);
    say("staff_confirmed", "工作人员已确认，无需扫码支付。",
        "Confirmed by the staff; no QR payment is needed.");
}

// ---- events ----

void KioskFlow::on(const events::StartCapture&) {
    if (state_ == FlowState::kWelcome) {
        session_ = StudentSession{};
        session_.purpose = Purpose::kCapture;
        enter(FlowState::kScanCode);
        startJournal();
    } else if (state_ == FlowState::kStatus && session_.status &&
               session_.status->kind == SubmissionStatus::Kind::kNone) {
        // Came to check a result, has none yet: go on to a first capture.
        session_.purpose = Purpose::kCapture;
        session_.status.reset();
        enter(FlowState::kServiceInfo);
    }
}

void KioskFlow::on(const events::CheckResult&) {
    if (state_ != FlowState::kWelcome) return;
    session_ = StudentSession{};
    session_.purpose = Purpose::kCheckResult;
    enter(FlowState::kScanCode);
    startJournal();
}

void KioskFlow::on(const events::CodeScanned& e) {
    if (state_ != FlowState::kScanCode) return;
    idleMs_ = 0;
    if (e.payload.empty()) {
        say("code_empty", "没有读到采集码，请重新扫描。", "No code was read; scan again.");
        return;
    }
    if (awaiting_) return;  // a code is being looked up already
    PortCall lookup;
    lookup.kind = PortCall::Kind::kLookup;
    lookup.payload = e.payload;
    notice_ = {};
    call(lookup);
}

void KioskFlow::lookedUp(const PortCall& asked, const PortAnswer& a) {
    LookupResult found = a.lookup;
    if (a.failed) found.status = LookupResult::Status::kUnavailable;
    switch (found.status) {
        case LookupResult::Status::kFound: {
            if (!found.student) {
                failsafe("lookup_broken", "系统出现问题，我们深表歉意。",
                         "the lookup found a student without a record");
                return;
            }
            const Purpose purpose = session_.purpose;
            session_ = StudentSession{};
            session_.purpose = purpose;
            session_.payload = asked.payload;
            session_.student = found.student;
            session_.verifyTriesLeft = settings_.maxVerifyTries;
            if (journalSession_ && ports_.journal) {
                try {
                    ports_.journal->identified(*journalSession_, found.student->studentNo);
                } catch (const std::exception&) {
                }
            }
            enter(FlowState::kVerifyStudent);
            return;
        }
        case LookupResult::Status::kNotFound:
            say("code_unknown",
                found.problem.message_zh.empty() ? "未找到该采集码对应的学籍信息。请确认是本人的学"
                                                   "信网图像采集码，或联系工作人员。"
                                                 : found.problem.message_zh,
                found.problem.message_en.empty()
                    ? "No student record matches this code; check it is yours or ask the staff."
                    : found.problem.message_en);
            return;
        case LookupResult::Status::kUnavailable:
            say("lookup_unavailable", "学籍查询服务暂时无法连接，请稍后重试或联系工作人员。",
                "The student lookup cannot be reached; try again later or ask the staff.");
            return;
    }
}

void KioskFlow::on(const events::Last4Entered& e) {
    if (state_ != FlowState::kVerifyStudent) return;
    idleMs_ = 0;
    if (session_.verifyTriesLeft <= 0) {
        say("verify_locked", "核验次数已用完，该学籍已在本机锁定，请联系工作人员。",
            "Too many wrong entries: this record is locked here; ask the staff.");
        return;
    }
    const std::string last4 = normalizeLast4(e.last4);
    if (!isValidLast4(last4) || last4.size() != e.last4.size()) {
        say("verify_format", "请输入身份证号后四位（数字0-9，最后一位可为X）。",
            "Enter the last four ID characters (0-9, the last may be X).");
        return;
    }
    if (awaiting_) return;
    PortCall verify;
    verify.kind = PortCall::Kind::kVerify;
    verify.studentNo = session_.student->studentNo;
    verify.last4 = last4;
    call(verify);
}

void KioskFlow::verified(const PortAnswer& a) {
    if (a.failed) {
        failsafe(
            a.problem.code,
            a.problem.message_zh.empty() ? "系统出现问题，我们深表歉意。" : a.problem.message_zh,
            a.problem.message_en);
        return;
    }
    const VerifyResult& result = a.verify;
    switch (result.status) {
        case VerifyResult::Status::kMatch:
            afterVerified();
            return;
        case VerifyResult::Status::kMismatch:
            session_.verifyTriesLeft = std::min(session_.verifyTriesLeft - 1, result.triesLeft);
            if (session_.verifyTriesLeft > 0) {
                say("verify_mismatch",
                    "身份证号后四位不一致，还可尝试 " + std::to_string(session_.verifyTriesLeft) +
                        " 次。",
                    "The last four characters do not match; " +
                        std::to_string(session_.verifyTriesLeft) + " tries left.");
                return;
            }
            [[fallthrough]];
        case VerifyResult::Status::kLocked:
            session_.verifyTriesLeft = 0;
            say("verify_locked", "核验次数已用完，该学籍已在本机锁定，请联系工作人员。",
                "Too many wrong entries: this record is locked here; ask the staff.");
            return;
    }
}

void KioskFlow::on(const events::AcceptService&) {
    if (state_ != FlowState::kServiceInfo || awaiting_) return;
    if (session_.paid || session_.freeRetake) {
        enter(FlowState::kPhotoGuide);
        return;
    }
    startPayment();
}

void KioskFlow::on(const events::GuideRead&) {
    if (state_ == FlowState::kPhotoGuide) enter(FlowState::kCapture);
}

void KioskFlow::on(const events::ShutterPressed&) {
    if (state_ != FlowState::kCapture) return;
    idleMs_ = 0;
    if (!cameraAvailable_) {
        say("camera_lost", "摄像头未连接，正在尝试重新连接，请稍候或联系工作人员。",
            "The camera is not connected; reconnecting. Please wait or ask the staff.");
        return;
    }
    if (countdownMs_ || captureRequest_ != 0) return;  // already counting or waiting
    startCountdown();
}

void KioskFlow::startCountdown() {
    notice_ = {};
    liveReadyMs_ = 0;
    countdownMs_ = static_cast<std::int64_t>(settings_.countdownSeconds) * 1000;
    if (*countdownMs_ <= 0) {
        countdownMs_.reset();
        captureRequest_ = nextNumber_++;
        captureWaitMs_ = 0;
    }
}

void KioskFlow::on(const events::PhotoTaken& e) {
    if (state_ != FlowState::kCapture || e.request == 0 || e.request != captureRequest_) return;
    captureRequest_ = 0;
    if (e.image.empty() || e.image.type() != CV_8UC3) {
        say("capture_failed", "拍照没有成功，请再按一次拍照。",
            "The photo was not taken; try again.");
        return;
    }
    session_.capture = e.image.clone();
    session_.standardized.reset();
    ++session_.captureCount;
    enter(FlowState::kPreview);
}

void KioskFlow::on(const events::CaptureFailed& e) {
    if (state_ != FlowState::kCapture || e.request != captureRequest_) return;
    captureRequest_ = 0;
    say("capture_failed", "拍照没有成功，请再按一次拍照。", "The photo was not taken; try again.");
}

void KioskFlow::on(const events::Retake&) {
    if (state_ != FlowState::kPreview && state_ != FlowState::kResult) return;
    if (staffSubmitting()) return;  // the photo may be being stored: its answer decides
    session_.capture.release();
    session_.standardized.reset();
    enter(FlowState::kCapture);
}

void KioskFlow::on(const events::Upload&) {
    if (state_ != FlowState::kPreview || session_.capture.empty()) return;
    enter(FlowState::kStandardizing);
    job_ = nextNumber_++;
}

void KioskFlow::on(const events::StandardizationDone& e) {
    if (state_ != FlowState::kStandardizing || e.job == 0 || e.job != job_) return;
    session_.standardized = e.photo;
    enter(FlowState::kResult);
    if (!e.photo.report.ok) {
        say("standardize_refused", "这张照片无法生成合格的标准照，请按提示重拍。",
            "This capture cannot give a compliant photo; please retake.");
    }
}

namespace {
// The ids of the compliance checks that failed: such a photo very likely fails review, so the
// student retakes it, or a staff member confirms the submission (events::StaffSubmit).
std::vector<std::string> failedChecks(const StandardizedPhoto& photo) {
    std::vector<std::string> ids;
    for (const CheckResult& c : photo.report.checks)
        if (c.status == CheckStatus::kFail) ids.push_back(c.id);
    return ids;
}
}  // namespace

bool KioskFlow::submittable() {
    if (state_ != FlowState::kResult) return false;
    if (!session_.standardized || !session_.standardized->report.ok ||
        session_.standardized->jpeg.empty()) {
        say("submit_refused", "照片不合格，不能提交，请重拍。",
            "The photo is not compliant and cannot be submitted; please retake.");
        return false;
    }
    return true;
}

Submission KioskFlow::submission() const {
    Submission submission;
    submission.studentNo = session_.student->studentNo;
    submission.payload = session_.payload;
    submission.captureJpeg = encodeCapture(session_.capture);
    submission.finalJpeg = session_.standardized->jpeg;
    submission.reportJson = session_.standardized->report.toJson().dump();
    return submission;
}

void KioskFlow::submitted(std::string queueNumber) {
    session_.queueNumber = std::move(queueNumber);
    enter(FlowState::kSubmitted);
}

void KioskFlow::on(const events::Submit&) {
    if (staffSubmitting() || !submittable()) return;
    if (!failedChecks(*session_.standardized).empty()) {
        say("submit_needs_staff",
            "有检查项未通过，照片很可能无法通过审核：请重拍，或请工作人员确认提交。",
            "A check failed, so the photo will very likely not pass review: retake it, or ask "
            "the staff to confirm the submission.");
        return;
    }
    try {
        submitted(ports_.submissions->submit(submission()));
    } catch (const std::exception&) {
        say("submit_failed", "提交没有成功，请再按一次提交，或联系工作人员。",
            "The submission failed; press Submit again or ask the staff.");
    }
}

bool KioskFlow::staffSubmitting() const {
    return awaiting_ && awaiting_->kind == PortCall::Kind::kStaffSubmit;
}

// 工作人员确认提交: the staff member's PIN check (PBKDF2) and the store's write are a port call,
// made outside with FlowPorts::callsOutside (the kiosk: on a thread of its own). While it runs the
// result page stays: a second press, 提交, 重拍, 帮助 and 取消 start nothing, and the idle timer
// stands still (idleApplies). Only the kiosk closing ends the session before the answer; the late
// answer is then dropped (answered() only takes the awaited call's number): the sink stores the
// capture and its audit entry capture.staff_submit in one transaction, so a correct PIN leaves
// the capture submitted and audited although nobody was shown its queue number (查询审核结果
// shows it), and a wrong PIN or a store failure leaves neither.
void KioskFlow::on(const events::StaffSubmit& e) {
    if (state_ != FlowState::kResult || awaiting_) return;
    if (!submittable()) return;
    idleMs_ = 0;
    PortCall c;
    c.kind = PortCall::Kind::kStaffSubmit;
    c.submission.studentNo = session_.student->studentNo;
    c.submission.payload = session_.payload;
    c.submission.finalJpeg = session_.standardized->jpeg;
    c.submission.reportJson = session_.standardized->report.toJson().dump();
    c.capture = session_.capture.clone();  // encoded where the call is answered
    c.staffSubmission = {e.staffNo, e.pin, failedChecks(*session_.standardized)};
    say("staff_submit_checking", "正在核对工作人员身份并提交，请稍候…",
        "Checking the staff member and submitting; please wait…");
    call(std::move(c));
}

void KioskFlow::staffSubmitted(const PortAnswer& a) {
    if (!a.failed) {
        submitted(a.queueNumber);
        return;
    }
    if (a.problem.code == "port_failed") {  // not a gradphoto::Error
        say("submit_failed", "提交没有成功，请再试一次，或联系工作人员。",
            "The submission failed; try again or ask the staff.");
        return;
    }
    const bool pin = a.problem.code == "wrong_pin" || a.problem.code == "locked";
    say(pin ? "staff_refused" : "submit_failed",
        a.problem.message_zh.empty() ? "工作人员确认提交没有成功，请重试。" : a.problem.message_zh,
        a.problem.message_en.empty()
            ? "The staff-confirmed submission did not go through; try again."
            : a.problem.message_en);
}

void KioskFlow::on(const events::FreeRetake&) {
    if (state_ != FlowState::kStatus || !session_.status ||
        session_.status->kind != SubmissionStatus::Kind::kRejected)
        return;
    session_.freeRetake = true;
    session_.purpose = Purpose::kCapture;
    enter(FlowState::kPhotoGuide);
}

void KioskFlow::on(const events::Finish&) {
    if (state_ == FlowState::kSubmitted || state_ == FlowState::kStatus ||
        state_ == FlowState::kFailsafe)
        resetSession(state_ == FlowState::kStatus ? SessionOutcome::kStatusChecked
                                                  : SessionOutcome::kSubmitted);
}

void KioskFlow::on(const events::OpenHelp&) {
    if (state_ == FlowState::kHelp || state_ == FlowState::kPayment ||
        state_ == FlowState::kStandardizing || state_ == FlowState::kFailsafe || staffSubmitting())
        return;
    helpReturn_ = state_;
    enter(FlowState::kHelp);
}

void KioskFlow::on(const events::CloseHelp&) {
    if (state_ == FlowState::kHelp) enter(helpReturn_);
}

void KioskFlow::on(const events::Cancel&) {
    // 工作人员确认提交 being checked: its answer says whether the photo was submitted.
    if (state_ == FlowState::kWelcome || staffSubmitting()) return;
    resetSession(SessionOutcome::kCancelled);
}

void KioskFlow::on(const events::UserActivity&) {
    idleMs_ = 0;
}

void KioskFlow::on(const events::CameraLost&) {
    cameraAvailable_ = false;
    if (state_ == FlowState::kCapture) {
        countdownMs_.reset();
        captureRequest_ = 0;
        say("camera_lost", "摄像头未连接，正在尝试重新连接，请稍候或联系工作人员。",
            "The camera is not connected; reconnecting. Please wait or ask the staff.");
    }
}

void KioskFlow::on(const events::CameraRestored&) {
    cameraAvailable_ = true;
    if (notice_.code == "camera_lost") notice_ = {};
}

void KioskFlow::on(const events::LiveCheck& e) {
    if (state_ != FlowState::kCapture) return;
    if (!e.allPass) liveReadyMs_ = 0;
    liveReady_ = e.allPass;
}

void KioskFlow::startJournal() {
    journalSession_.reset();
    if (!ports_.journal) return;
    try {
        journalSession_ = ports_.journal->started();
    } catch (const std::exception&) {
    }
}

void KioskFlow::on(const events::Tick& e) {
    const std::int64_t ms = e.elapsedMs > 0 ? e.elapsedMs : 0;
    stateMs_ += ms;

    if (idleApplies()) {
        idleMs_ += ms;
        const std::int64_t limit =
            static_cast<std::int64_t>(settings_.idleSeconds + settings_.idleWarningSeconds) * 1000;
        if (idleMs_ >= limit) {
            resetSession(SessionOutcome::kIdle);
            say("idle_reset", "因长时间无操作，已退出并清除您的信息。",
                "No activity for a while: the session ended and your data was cleared.");
            return;
        }
    }

    switch (state_) {
        case FlowState::kPayment: {
            if (stateMs_ >= static_cast<std::int64_t>(settings_.paymentTimeoutSeconds) * 1000) {
                closeOpenOrder();
                session_.order.reset();
                enter(FlowState::kServiceInfo);
                say("payment_timeout", "支付超时，订单已关闭。如需继续，请重新支付。",
                    "The payment timed out and the order was closed; pay again to go on.");
                return;
            }
            pollMs_ += ms;
            if (pollMs_ < settings_.paymentPollMs || awaiting_) return;
            pollMs_ = 0;
            PortCall poll;
            poll.kind = PortCall::Kind::kPaymentPoll;
            poll.order = session_.order->order;
            call(poll);
            return;
        }
        case FlowState::kCapture:
            if (settings_.autoCapture && !countdownMs_ && captureRequest_ == 0 && liveReady_ &&
                cameraAvailable_) {
                liveReadyMs_ += ms;
                if (liveReadyMs_ >= settings_.autoCaptureMs) {
                    startCountdown();
                    return;
                }
            }
            if (countdownMs_) {
                *countdownMs_ -= ms;
                if (*countdownMs_ <= 0) {
                    countdownMs_.reset();
                    captureRequest_ = nextNumber_++;
                    captureWaitMs_ = 0;
                }
            } else if (captureRequest_ != 0) {
                captureWaitMs_ += ms;
                if (captureWaitMs_ >= settings_.captureTimeoutMs) {
                    captureRequest_ = 0;
                    say("capture_timeout", "相机没有响应，请再按一次拍照；如仍不行请联系工作人员。",
                        "The camera did not answer; press the shutter again or ask the staff.");
                }
            }
            return;
        case FlowState::kSubmitted:
            if (stateMs_ >= static_cast<std::int64_t>(settings_.submittedReturnSeconds) * 1000)
                resetSession(SessionOutcome::kSubmitted);
            return;
        case FlowState::kFailsafe:
            if (stateMs_ >= static_cast<std::int64_t>(settings_.failsafeReturnSeconds) * 1000)
                resetSession(SessionOutcome::kFailed);
            return;
        default:
            return;
    }
}

// ---- counters for the pages ----

std::optional<int> KioskFlow::idleWarningSecondsLeft() const {
    if (!idleApplies() || idleMs_ < static_cast<std::int64_t>(settings_.idleSeconds) * 1000)
        return std::nullopt;
    const std::int64_t limit =
        static_cast<std::int64_t>(settings_.idleSeconds + settings_.idleWarningSeconds) * 1000;
    return secondsLeft(limit, idleMs_);
}

std::optional<int> KioskFlow::countdownSecondsLeft() const {
    if (!countdownMs_) return std::nullopt;
    return secondsLeft(*countdownMs_, 0);
}

int KioskFlow::paymentSecondsLeft() const {
    if (state_ != FlowState::kPayment) return 0;
    return secondsLeft(static_cast<std::int64_t>(settings_.paymentTimeoutSeconds) * 1000, stateMs_);
}

int KioskFlow::autoReturnSecondsLeft() const {
    if (state_ == FlowState::kSubmitted)
        return secondsLeft(static_cast<std::int64_t>(settings_.submittedReturnSeconds) * 1000,
                           stateMs_);
    if (state_ == FlowState::kFailsafe)
        return secondsLeft(static_cast<std::int64_t>(settings_.failsafeReturnSeconds) * 1000,
                           stateMs_);
    return 0;
}

}  // namespace gradphoto::flow
