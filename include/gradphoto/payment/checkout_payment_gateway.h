#pragma once

// The kiosk flow's payment port (flow::PaymentGateway) over Checkout: the kiosk creates, polls
// and closes real orders, with every rule of checkout.h (free retakes, resuming, late payments,
// one transaction per change). Poll faults are rethrown: the flow retries on its own timer.

#include <string>

#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/payment/checkout.h"

namespace gradphoto::payment {

class CheckoutPaymentGateway : public flow::PaymentGateway {
  public:
    // `provider`: the one orders are created with (payment.provider); it must be added to
    // checkout already.
    CheckoutPaymentGateway(Checkout& checkout, std::string provider)
        : checkout_(checkout), provider_(std::move(provider)) {}

    // The amount is Checkout's kiosk.fee_fen (the flow reads the same key).
    flow::PaymentOrder create(const std::string& studentNo, int amountFen) override;
    // Asks the provider; closes the order once it has expired.
    flow::PaymentState poll(const std::string& order) override;
    void close(const std::string& order) override;
    bool alreadyPaid(const std::string& studentNo) override;
    // Checkout::confirmByStaff (PIN through store::StaffAccess, audit-logged).
    flow::PaymentOrder confirmByStaff(const flow::StaffConfirmation& confirmation) override;

    static flow::PaymentState flowState(OrderState state);
    static flow::PaymentOrder flowOrder(const PaymentOrder& order);

  private:
    Checkout& checkout_;
    std::string provider_;
};

}  // namespace gradphoto::payment
