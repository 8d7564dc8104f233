#pragma once

// The calls of the flow's slow ports (a student lookup over HTTPS, a payment provider) as data:
// the flow asks with a PortCall and goes on with the PortAnswer. With FlowPorts::callsOutside
// false (tests, --demo) the flow answers its own calls at once through answerCall(); the kiosk sets
// it and runs the calls on a worker thread that owns its own ports (and its own SQLite
// connection), then hands the answers back as events::PortAnswered on the GUI thread.

#include <cstdint>
#include <optional>
#include <string>

#include "gradphoto/common/error.h"
#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/flow/student_lookup.h"

namespace gradphoto::flow {

struct PortCall {
    enum class Kind { kLookup, kVerify, kPaymentStart, kPaymentPoll, kPaymentClose, kStaffConfirm };
    std::uint64_t id = 0;  // the flow's number; answers to calls it no longer waits for are ignored
    Kind kind = Kind::kLookup;
    std::string payload;      // kLookup: the collection code
    std::string studentNo;    // kVerify, kPaymentStart
    std::string last4;        // kVerify
    int amountFen = 0;        // kPaymentStart
    std::string order;        // kPaymentPoll, kPaymentClose
    StaffConfirmation staff;  // kStaffConfirm
};

struct PortAnswer {
    std::uint64_t id = 0;
    PortCall::Kind kind = PortCall::Kind::kLookup;
    LookupResult lookup;                          // kLookup
    VerifyResult verify;                          // kVerify
    bool alreadyPaid = false;                     // kPaymentStart: paid before, no order needed
    std::optional<PaymentOrder> order;            // kPaymentStart, kStaffConfirm
    PaymentState polled = PaymentState::kPaying;  // kPaymentPoll
    bool failed = false;                          // the port threw: problem says why
    Problem problem;
};

// Makes the call on the ports; never throws (a throw becomes failed + problem).
PortAnswer answerCall(const PortCall& call, StudentLookup* students, PaymentGateway* payments);

std::string_view toString(PortCall::Kind kind);

}  // namespace gradphoto::flow
