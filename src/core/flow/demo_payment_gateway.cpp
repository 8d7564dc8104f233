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
    if (amountFen > 0) lastAmountFen_ = amountFen;
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

PaymentOrder DemoPaymentGateway::confirmByStaff(const StaffConfirmation& confirmation) {
    if (confirmation.staffNo.empty() || confirmation.pin.empty())
        throw Error(Error::Kind::kInput,
                    {"wrong_pin", "请输入工号和 PIN。", "enter the staff number and PIN"});
    for (auto& [number, entry] : orders_)
        if (entry.order.studentNo == confirmation.studentNo &&
            entry.order.state == PaymentState::kPaying)
            entry.order.state = PaymentState::kClosed;
    // Cash: the fee the flow asked for last (a DEMO order has nothing better to go by).
    PaymentOrder order = create(confirmation.studentNo, confirmation.waiver ? 0 : lastAmountFen_);
    order.provider = "staff";
    order.state = PaymentState::kPaid;
    order.codeUrl.clear();
    orders_[order.order].order = order;
    paidStudents_.insert(order.studentNo);
    return order;
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
