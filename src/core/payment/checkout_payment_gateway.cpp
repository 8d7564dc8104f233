#include "gradphoto/payment/checkout_payment_gateway.h"

namespace gradphoto::payment {

flow::PaymentState CheckoutPaymentGateway::flowState(OrderState state) {
    switch (state) {
        case OrderState::kCreated:
            return flow::PaymentState::kCreated;
        case OrderState::kPaying:
            return flow::PaymentState::kPaying;
        case OrderState::kPaid:
            return flow::PaymentState::kPaid;
        case OrderState::kClosed:
            return flow::PaymentState::kClosed;
        case OrderState::kFailed:
            return flow::PaymentState::kFailed;
        case OrderState::kRefunded:
            return flow::PaymentState::kRefunded;
    }
    return flow::PaymentState::kFailed;
}

flow::PaymentOrder CheckoutPaymentGateway::flowOrder(const PaymentOrder& order) {
    flow::PaymentOrder o;
    o.order = order.orderNo;
    o.studentNo = order.studentNo;
    o.amountFen = static_cast<int>(order.amountFen);
    o.provider = order.provider;
    o.state = flowState(order.state);
    o.codeUrl = isOpen(order.state) ? order.codeUrl : "";
    o.demo = order.provider == "demo";
    return o;
}

flow::PaymentOrder CheckoutPaymentGateway::create(const std::string& studentNo, int) {
    return flowOrder(checkout_.start(studentNo, provider_));
}

flow::PaymentState CheckoutPaymentGateway::poll(const std::string& order) {
    return flowState(checkout_.pollOnce(order).state);
}

void CheckoutPaymentGateway::close(const std::string& order) {
    checkout_.close(order);
}

bool CheckoutPaymentGateway::alreadyPaid(const std::string& studentNo) {
    return checkout_.alreadyPaid(studentNo);
}

flow::PaymentOrder CheckoutPaymentGateway::confirmByStaff(const flow::StaffConfirmation& c) {
    return flowOrder(checkout_.confirmByStaff(
        c.studentNo, c.staffNo, c.pin, c.waiver ? StaffSettlement::kWaiver : StaffSettlement::kCash,
        c.reason));
}

}  // namespace gradphoto::payment
