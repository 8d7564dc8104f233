#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/flow/flow_event.h"
#include "gradphoto/flow/flow_settings.h"
#include "gradphoto/flow/flow_state.h"
#include "gradphoto/flow/notice.h"
#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/flow/port_call.h"
#include "gradphoto/flow/session_journal.h"
#include "gradphoto/flow/student_lookup.h"
#include "gradphoto/flow/student_session.h"
#include "gradphoto/flow/submission_sink.h"

namespace gradphoto::flow {

// The ports the flow talks to. Not owned; they outlive the flow.
struct FlowPorts {
    StudentLookup* students = nullptr;
    PaymentGateway* payments = nullptr;
    SubmissionSink* submissions = nullptr;
    SessionJournal* journal = nullptr;  // null: sessions are not recorded
    // True: the student lookup and payment calls are made outside (takeCalls(), answered with
    // events::PortAnswered), e.g. on a worker thread; `students` and `payments` are then unused.
    bool callsOutside = false;
};

// The student flow as a state machine: handle() takes an event, applies the guards, moves to the
// next state and runs its entry action. Time comes only from Tick events, so tests never sleep.
// The GUI renders state(), session(), notice() and the counters, and reports what happens.
//
// Two slow jobs run outside: a pending still request (captureRequest()) is answered with PhotoTaken
// or CaptureFailed; in kStandardizing, standardizationJob() is answered with StandardizationDone.
// Answers carrying a stale request or job number (after a cancel or reset) are ignored.
class KioskFlow {
  public:
    KioskFlow(FlowSettings settings, FlowPorts ports);

    void handle(const FlowEvent& event);

    FlowState state() const { return state_; }
    const StudentSession& session() const { return session_; }
    const Notice& notice() const { return notice_; }
    const FlowSettings& settings() const { return settings_; }

    // Seconds left of the idle warning, or nullopt when no warning is shown.
    std::optional<int> idleWarningSecondsLeft() const;
    // 3, 2, 1 while the shutter countdown runs, else nullopt.
    std::optional<int> countdownSecondsLeft() const;
    // Seconds before the payment order is closed (kPayment only).
    int paymentSecondsLeft() const;
    // Seconds before kSubmitted / kFailsafe return to the start by themselves.
    int autoReturnSecondsLeft() const;
    bool cameraAvailable() const { return cameraAvailable_; }

    // Non-zero while the GUI must take a still and answer with PhotoTaken / CaptureFailed.
    std::uint64_t captureRequest() const { return captureRequest_; }
    // The job number to put into StandardizationDone (kStandardizing only).
    std::uint64_t standardizationJob() const { return job_; }

    // The slow port calls asked for since the last take (only with FlowPorts::callsOutside).
    std::vector<PortCall> takeCalls();
    // True while the flow waits for the answer of a lookup, verification, payment or staff call.
    bool waiting() const { return awaiting_.has_value(); }
    // True while the flow waits for the answer to the call numbered `callId` (PortCall::id): an
    // answer it does not wait for is dropped (the session it belonged to has ended).
    bool waitsFor(std::uint64_t callId) const { return awaiting_ && awaiting_->id == callId; }
    std::optional<PortCall::Kind> waitingFor() const {
        return awaiting_ ? std::optional(awaiting_->kind) : std::nullopt;
    }
    // True while 工作人员确认提交 is checked and stored: the result page starts nothing else and
    // neither 取消 nor the idle reset ends the session until its answer.
    bool staffSubmitting() const;

    // How many sessions were wiped (cancel, idle, finished) since start: a cheap audit counter.
    int sessionsEnded() const { return sessionsEnded_; }

  private:
    void on(const events::StartCapture&);
    void on(const events::CheckResult&);
    void on(const events::CodeScanned&);
    void on(const events::Last4Entered&);
    void on(const events::AcceptService&);
    void on(const events::GuideRead&);
    void on(const events::ShutterPressed&);
    void on(const events::PhotoTaken&);
    void on(const events::CaptureFailed&);
    void on(const events::Retake&);
    void on(const events::Upload&);
    void on(const events::StandardizationDone&);
    void on(const events::Submit&);
    void on(const events::FreeRetake&);
    void on(const events::Finish&);
    void on(const events::OpenHelp&);
    void on(const events::CloseHelp&);
    void on(const events::Cancel&);
    void on(const events::UserActivity&);
    void on(const events::Tick&);
    void on(const events::CameraLost&);
    void on(const events::CameraRestored&);
    void on(const events::PortAnswered&);
    void on(const events::StaffConfirm&);
    void on(const events::LiveCheck&);
    void on(const events::StaffSubmit&);

    void call(PortCall c, bool awaitAnswer = true);
    void answered(const PortAnswer& a);
    void lookedUp(const PortCall& asked, const PortAnswer& a);
    void verified(const PortAnswer& a);
    void paymentStarted(const PortAnswer& a);
    void polled(const PortAnswer& a);
    void staffConfirmed(const PortAnswer& a);
    void staffSubmitted(const PortAnswer& a);
    bool submittable();
    Submission submission() const;
    void submitted(std::string queueNumber);
    void startCountdown();
    void startJournal();
    void endJournal(SessionOutcome outcome);

    void enter(FlowState next);
    void resetSession(SessionOutcome outcome);
    void afterVerified();
    void startPayment();
    void closeOpenOrder();
    void failsafe(const std::string& code, const std::string& zh, const std::string& en);
    void say(std::string code, std::string zh, std::string en);
    bool idleApplies() const;

    FlowSettings settings_;
    FlowPorts ports_;
    FlowState state_ = FlowState::kWelcome;
    FlowState helpReturn_ = FlowState::kWelcome;
    StudentSession session_;
    Notice notice_;

    std::int64_t idleMs_ = 0;                  // since the last activity
    std::int64_t stateMs_ = 0;                 // since entering the state
    std::int64_t pollMs_ = 0;                  // since the last payment poll
    std::optional<std::int64_t> countdownMs_;  // left of the 3-2-1
    std::int64_t captureWaitMs_ = 0;           // since the still was requested
    bool cameraAvailable_ = true;
    std::uint64_t nextNumber_ = 1;
    std::uint64_t captureRequest_ = 0;
    std::uint64_t job_ = 0;
    int sessionsEnded_ = 0;
    // The call whose answer the flow waits for, without its PIN, capture and photos.
    std::optional<PortCall> awaiting_;
    std::vector<PortCall> outbox_;  // calls for the outside (callsOutside)
    int pollFaults_ = 0;            // failed payment polls in a row
    bool liveReady_ = false;        // the last judged frame passed every live check
    std::int64_t liveReadyMs_ = 0;  // since when (auto-capture)
    std::optional<std::int64_t> journalSession_;
};

}  // namespace gradphoto::flow
