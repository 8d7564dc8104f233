#pragma once

// DEMO: no money moves. Every order's code_url starts with "DEMO:" and the provider says
// isDemo(), so the kiosk page and the CLI label it. An order counts as paid after
// paidAfterQueries queries (0: never), so the flow runs on by itself at a demonstration.

#include <map>
#include <string>

#include "gradphoto/payment/payment_provider.h"

namespace gradphoto::payment {

class DemoPayProvider : public PaymentProvider {
  public:
    explicit DemoPayProvider(int paidAfterQueries = 2) : paidAfterQueries_(paidAfterQueries) {}

    std::string name() const override { return "demo"; }
    bool isDemo() const override { return true; }
    std::string create(const CreateRequest& request) override;
    ProviderStatus query(const std::string& orderNo) override;
    void close(const std::string& orderNo) override;
    void refund(const std::string& orderNo, std::int64_t amountFen) override;

  private:
    struct Entry {
        int queries = 0;
        OrderState state = OrderState::kPaying;
    };
    int paidAfterQueries_;
    std::map<std::string, Entry> orders_;
};

}  // namespace gradphoto::payment
