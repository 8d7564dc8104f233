#include "gradphoto/flow/demo_payment_gateway.h"

#include <cstdio>

#include "gradphoto/common/error.h"

namespace gradphoto::flow {

std::string_view toString(PaymentState state) {
    switch (state) {
        case PaymentState::kCreated:
            return "created";
        case PaymentState::kPaying:
            return "paying";
        case PaymentState::kPaid:
            return "paid";
        case PaymentState::kClosed:
            return "closed";
        case PaymentState::kFailed:
            return "failed";
        case PaymentState::kRefunded:
            return "refunded";
    }
    return "failed";
}

PaymentOrder DemoPaymentGateway::create(const std::string& studentNo, int amountFen) {
    char number[32];
    std::snprintf(number, sizeof number, "DEMO%06d", nextOrder_++);
    PaymentOrder order;
    order.order = number;
    order.studentNo = studentNo;
    order.amountFen = amountFen;
    order.provider = "demo";
    order.state = PaymentState::kPaying;
    order.codeUrl = "DEMO-PAYMENT-NOT-A-REAL-ORDER:" + order.order;
    order.demo = true;
    orders_[order.order] = Entry{order, 0};
    return order;
}

PaymentState DemoPaymentGateway::poll(const std::string& order) {
    const auto it = orders_.find(order);
    if (it == orders_.end()) return PaymentState::kFailed;
    Entry& entry = it->second;
    if (entry.order.state == PaymentState::kPaying && ++entry.polls >= paidAfterPolls_) {
        entry.order.state = PaymentState::kPaid;
        paidStudents_.insert(entry.order.studentNo);
    }
    return entry.order.state;
}

void DemoPaymentGateway::close(const std::string& order) {
    const auto it = orders_.find(order);
    if (it != orders_.end() && it->second.order.state != PaymentState::kPaid)
        it->second.order.state = PaymentState::kClosed;
}

bool DemoPaymentGateway::alreadyPaid(const std::string& studentNo) {
    return paidStudents_.count(studentNo) > 0;
}

}  // namespace gradphoto::flow

namespace gradphoto::flow {

PaymentOrder PaymentGateway::confirmByStaff(const StaffConfirmation&) {
    throw Error(Error::Kind::kInput, {"staff_confirm_unavailable", "本机暂不支持工作人员确认收费。",
                                      "staff confirmation is not offered by this payment gateway"});
}

}  // namespace gradphoto::flow
