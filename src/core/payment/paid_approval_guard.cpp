#include "gradphoto/payment/paid_approval_guard.h"

#include "gradphoto/payment/payment_orders.h"

namespace gradphoto::payment {

store::ReviewQueue::ApprovalGuard paidApprovalGuard(store::Database& db) {
    return [&db](const store::Capture& capture) -> std::optional<Problem> {
        PaymentOrders orders(db);
        if (orders.paidFor(capture.studentNo)) return std::nullopt;
        return Problem{"unpaid", "该学生尚未缴费（或未经工作人员确认现金/免费），不能通过审核",
                       "capture " + std::to_string(capture.id) +
                           " cannot be approved: the student has not paid the fee"};
    };
}

}  // namespace gradphoto::payment
