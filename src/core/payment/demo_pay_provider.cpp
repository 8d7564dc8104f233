#include "gradphoto/payment/demo_pay_provider.h"

namespace gradphoto::payment {

std::string DemoPayProvider::create(const CreateRequest& request) {
    orders_.try_emplace(request.orderNo);
    return "DEMO:no-money-moves:" + request.orderNo;
}

ProviderStatus DemoPayProvider::query(const std::string& orderNo) {
    auto& entry = orders_[orderNo];
    if (entry.state == OrderState::kPaying && paidAfterQueries_ > 0 &&
        ++entry.queries >= paidAfterQueries_)
        entry.state = OrderState::kPaid;
    return {entry.state, entry.state == OrderState::kPaid ? "DEMO-" + orderNo : ""};
}

void DemoPayProvider::close(const std::string& orderNo) {
    auto& entry = orders_[orderNo];
    if (entry.state == OrderState::kPaying) entry.state = OrderState::kClosed;
}

void DemoPayProvider::refund(const std::string& orderNo, std::int64_t) {
    auto& entry = orders_[orderNo];
    if (entry.state == OrderState::kPaid) entry.state = OrderState::kRefunded;
}

}  // namespace gradphoto::payment
