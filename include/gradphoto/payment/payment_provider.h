#pragma once

// What a payment provider does: create an order (the QR content), query it, close it, refund it.
// WeChat Pay Native (wechat_pay_provider.h), the campus card gateway (campus_pay_provider.h) and
// the DEMO provider (demo_pay_provider.h) implement it; staff confirmation is not a provider but
// Checkout::confirmByStaff, because no money moves through a network.
//
// Faults are thrown as PaymentFault: temporary ones (network down, timeouts, 5xx, rate limits)
// are retried with backoff by the poller; permanent ones (refused signature, 4xx, forged or
// replayed responses) are reported and never retried blindly.

#include <cstdint>
#include <optional>
#include <string>

#include "gradphoto/common/error.h"
#include "gradphoto/payment/payment_order.h"

namespace gradphoto::payment {

class PaymentFault : public Error {
  public:
    PaymentFault(bool temporary, Problem problem)
        : Error(temporary ? Error::Kind::kIo : Error::Kind::kInput, std::move(problem)),
          temporary_(temporary) {}
    bool temporary() const { return temporary_; }

  private:
    bool temporary_;
};

struct CreateRequest {
    std::string orderNo;
    std::int64_t amountFen = 0;
    std::string description;  // "毕业照片采集" — never the student's name
    store::UnixTime expiresAt = 0;
};

// What the provider says about an order.
struct ProviderStatus {
    OrderState state = OrderState::kPaying;
    std::string transactionId;  // the provider's id once paid
};

// A verified, decrypted asynchronous notification.
struct ProviderNotification {
    std::string eventId;  // unique per notification (replays carry the same id)
    std::string orderNo;
    ProviderStatus status;
};

class PaymentProvider {
  public:
    virtual ~PaymentProvider() = default;

    virtual std::string name() const = 0;
    // True for providers where no money moves; every screen must say DEMO.
    virtual bool isDemo() const { return false; }

    // Returns the code_url to show as a QR code.
    virtual std::string create(const CreateRequest& request) = 0;
    virtual ProviderStatus query(const std::string& orderNo) = 0;
    // Closing an order that the provider no longer knows or has already closed is not a fault.
    virtual void close(const std::string& orderNo) = 0;
    virtual void refund(const std::string& orderNo, std::int64_t amountFen) = 0;
};

}  // namespace gradphoto::payment
