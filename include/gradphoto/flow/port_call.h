#pragma once

// The calls of the flow's slow ports (a student lookup over HTTPS, a payment provider, a staff
// member's PIN check with the submission it confirms) as data:
// the flow asks with a PortCall and goes on with the PortAnswer. With FlowPorts::callsOutside
// false (tests, --demo) the flow answers its own calls at once through answerCall(); the kiosk sets
// it and runs the calls on a worker thread that owns its own ports (and its own SQLite
// connection), then hands the answers back as events::PortAnswered on the GUI thread.

#include <cstdint>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/flow/student_lookup.h"
#include "gradphoto/flow/submission_sink.h"

namespace gradphoto::flow {

struct PortCall {
    enum class Kind {
        kLookup,
        kVerify,
        kPaymentStart,
        kPaymentPoll,
        kPaymentClose,
        kStaffConfirm,
        kStaffSubmit
    };
    std::uint64_t id = 0;  // the flow's number; answers to calls it no longer waits for are ignored
    Kind kind = Kind::kLookup;
    std::string payload;      // kLookup: the collection code
    std::string studentNo;    // kVerify, kPaymentStart
    std::string last4;        // kVerify
    int amountFen = 0;        // kPaymentStart
    std::string order;        // kPaymentPoll, kPaymentClose
    StaffConfirmation staff;  // kStaffConfirm
    // kStaffSubmit (工作人员确认提交): the submission without its capture JPEG, the capture
    // itself (BGR, encoded where the call is answered: off the GUI thread in the kiosk), and the
    // staff member's number, PIN and the failed checks for SubmissionSink::submitConfirmedByStaff.
    Submission submission;
    cv::Mat capture;
    StaffSubmission staffSubmission;
};

struct PortAnswer {
    std::uint64_t id = 0;
    PortCall::Kind kind = PortCall::Kind::kLookup;
    LookupResult lookup;                          // kLookup
    VerifyResult verify;                          // kVerify
    bool alreadyPaid = false;                     // kPaymentStart: paid before, no order needed
    std::optional<PaymentOrder> order;            // kPaymentStart, kStaffConfirm
    std::string queueNumber;                      // kStaffSubmit: stored and submitted
    PaymentState polled = PaymentState::kPaying;  // kPaymentPoll
    bool failed = false;                          // the port threw: problem says why
    Problem problem;
};

// Makes the call on the ports; never throws (a throw becomes failed + problem; a throw that is no
// gradphoto::Error has the code "port_failed"). `submissions` answers kStaffSubmit.
PortAnswer answerCall(const PortCall& call, StudentLookup* students, PaymentGateway* payments,
                      SubmissionSink* submissions = nullptr);

std::string_view toString(PortCall::Kind kind);

}  // namespace gradphoto::flow
