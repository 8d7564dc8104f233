#pragma once

#include <map>
#include <set>
#include <string>

#include "gradphoto/flow/payment_gateway.h"

namespace gradphoto::flow {

// The --demo payment: no money moves and every order says so (provider "demo", demo = true). An
// order counts as paid after paidAfterPolls polls, so the flow runs on by itself.
class DemoPaymentGateway : public PaymentGateway {
  public:
    explicit DemoPaymentGateway(int paidAfterPolls = 2) : paidAfterPolls_(paidAfterPolls) {}

    PaymentOrder create(const std::string& studentNo, int amountFen) override;
    PaymentState poll(const std::string& order) override;
    void close(const std::string& order) override;
    bool alreadyPaid(const std::string& studentNo) override;
    // DEMO: any staff number and PIN are taken; the order is labelled DEMO like the others.
    PaymentOrder confirmByStaff(const StaffConfirmation& confirmation) override;

  private:
    struct Entry {
        PaymentOrder order;
        int polls = 0;
    };
    int paidAfterPolls_;
    int nextOrder_ = 1;
    int lastAmountFen_ = 0;
    std::map<std::string, Entry> orders_;
    std::set<std::string> paidStudents_;
};

}  // namespace gradphoto::flow
