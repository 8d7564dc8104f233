#include "gradphoto/flow/port_call.h"

#include <exception>

namespace gradphoto::flow {

namespace {
void requirePort(const void* port, const char* name) {
    if (!port)
        throw Error(Error::Kind::kInternal, {"port_missing", "系统设置不完整，请联系工作人员。",
                                             std::string("the flow has no ") + name + " port"});
}
}  // namespace

PortAnswer answerCall(const PortCall& call, StudentLookup* students, PaymentGateway* payments,
                      SubmissionSink* submissions) {
    PortAnswer a;
    a.id = call.id;
    a.kind = call.kind;
    try {
        switch (call.kind) {
            case PortCall::Kind::kLookup:
                requirePort(students, "student lookup");
                a.lookup = students->findByPayload(call.payload);
                break;
            case PortCall::Kind::kVerify:
                requirePort(students, "student lookup");
                a.verify = students->verifyLast4(call.studentNo, call.last4);
                break;
            case PortCall::Kind::kPaymentStart:
                requirePort(payments, "payment");
                a.alreadyPaid = payments->alreadyPaid(call.studentNo);
                if (!a.alreadyPaid) a.order = payments->create(call.studentNo, call.amountFen);
                break;
            case PortCall::Kind::kPaymentPoll:
                requirePort(payments, "payment");
                a.polled = payments->poll(call.order);
                break;
            case PortCall::Kind::kPaymentClose:
                requirePort(payments, "payment");
                payments->close(call.order);
                break;
            case PortCall::Kind::kStaffConfirm:
                requirePort(payments, "payment");
                a.order = payments->confirmByStaff(call.staff);
                break;
            case PortCall::Kind::kStaffSubmit: {
                requirePort(submissions, "submission");
                Submission submission = call.submission;
                if (submission.captureJpeg.empty())
                    submission.captureJpeg = encodeCapture(call.capture);
                a.queueNumber =
                    submissions->submitConfirmedByStaff(submission, call.staffSubmission);
                break;
            }
        }
    } catch (const Error& e) {
        a.failed = true;
        a.problem = e.problem();
    } catch (const std::exception& e) {
        a.failed = true;
        a.problem = {"port_failed", "服务暂时不可用，请稍后重试或联系工作人员。", e.what()};
    }
    return a;
}

std::string_view toString(PortCall::Kind kind) {
    switch (kind) {
        case PortCall::Kind::kLookup:
            return "lookup";
        case PortCall::Kind::kVerify:
            return "verify";
        case PortCall::Kind::kPaymentStart:
            return "payment_start";
        case PortCall::Kind::kPaymentPoll:
            return "payment_poll";
        case PortCall::Kind::kPaymentClose:
            return "payment_close";
        case PortCall::Kind::kStaffConfirm:
            return "staff_confirm";
        case PortCall::Kind::kStaffSubmit:
            return "staff_submit";
    }
    return "unknown";
}

}  // namespace gradphoto::flow
