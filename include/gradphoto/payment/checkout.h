#pragma once

// The payment rules of the booth, over the orders in the store and the configured providers:
//
//   Checkout checkout(*store, settings);
//   checkout.addProvider(std::make_unique<WechatPayProvider>(wechatSettings));
//   PaymentOrder o = checkout.start("2020123456", "wechat");   // show o.codeUrl as a QR code
//   o = checkout.waitForPayment(o.orderNo, sleeper);            // polls with backoff, closes on
//                                                               // timeout
// Rules:
//   - one paid order per student: start() returns the paid order (a retake is free) and never
//     creates a second one; the database refuses a second paid or open order as well;
//   - one open order per student: start() resumes it (after a crash, a restart, a second scan);
//   - an order the kiosk gave up on but the student paid anyway is found by start() (it asks the
//     provider about the student's orders closed in the last day) and honoured;
//   - a state change is one transaction with an audit entry; provider calls happen outside
//     transactions, and an order is written as `created` before the provider hears of it, so a
//     crash at any point leaves an order that start() or refresh() completes;
//   - notifications are applied once: a replay (same provider event id) changes nothing;
//   - cash or a fee waiver needs a staff member's PIN (store::StaffAccess) and is audit-logged.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gradphoto/payment/payment_orders.h"
#include "gradphoto/payment/payment_provider.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::payment {

struct CheckoutSettings {
    std::int64_t feeFen = 2000;           // kiosk.fee_fen
    int orderTimeoutSeconds = 300;        // payment.wechat.order_timeout_s
    int pollMs = 2000;                    // payment.wechat.poll_ms
    int maxBackoffMs = 30000;             // longest pause between polls after temporary faults
    int lateLookBackSeconds = 24 * 3600;  // how far back start() looks for late payments
    std::string description = "毕业照片采集与标准化";
};

using Sleeper = std::function<void(std::chrono::milliseconds)>;

class Checkout {
  public:
    Checkout(store::SqliteRecordStore& store, CheckoutSettings settings,
             store::Clock clock = store::systemNow);

    void addProvider(std::unique_ptr<PaymentProvider> provider);
    bool hasProvider(const std::string& name) const { return providers_.count(name) > 0; }

    // The student's paid order, else their open order (resumed), else a new order with
    // `provider`. Throws PaymentFault when the provider cannot create it (the order stays
    // `created` on a temporary fault and `failed` on a permanent one), store::Refusal
    // "not_found" for an unknown student or provider.
    PaymentOrder start(const std::string& studentNo, const std::string& provider);

    // Asks the provider and applies what it says. Throws PaymentFault (the fault code is kept
    // with the order).
    PaymentOrder refresh(const std::string& orderNo);

    // One poll of the kiosk's timer: refresh(), then close() once the order has expired.
    PaymentOrder pollOnce(const std::string& orderNo);

    // Polls until the order is paid, closed or failed: every poll_ms, doubling the pause after a
    // temporary fault up to maxBackoffMs, closing the order when it expires or when `cancelled`
    // says so. A permanent fault is thrown.
    PaymentOrder waitForPayment(const std::string& orderNo, const Sleeper& sleep,
                                const std::function<bool()>& cancelled = {});

    // Closes an open order (timeout or cancel). Asks the provider first, so a payment made at
    // the last second is kept. Closing a closed order changes nothing.
    PaymentOrder close(const std::string& orderNo);

    // Cash or a fee waiver confirmed by a staff member with their PIN. Closes the student's open
    // order first. Throws store::Refusal "wrong_pin"/"locked" (the failed sign-in is recorded).
    PaymentOrder confirmByStaff(const std::string& studentNo, const std::string& staffNo,
                                const std::string& pin, StaffSettlement settlement,
                                const std::string& reason);

    // Records a refund that staff made outside the kiosk (paid → refunded).
    PaymentOrder recordRefund(const std::string& orderNo, const std::string& staffNo,
                              const std::string& pin, const std::string& reason);

    // Applies a verified notification; false when it was a replay or names an unknown order.
    bool applyNotification(const std::string& provider, const ProviderNotification& notification);

    // After a restart: refreshes every open order (temporary faults are kept with the order).
    std::vector<PaymentOrder> resumeOpenOrders();

    bool alreadyPaid(const std::string& studentNo) {
        return orders_.paidFor(studentNo).has_value();
    }
    PaymentOrders& orders() { return orders_; }
    const CheckoutSettings& settings() const { return settings_; }

  private:
    PaymentProvider* providerOf(const PaymentOrder& order);
    PaymentOrder existing(const std::string& orderNo);
    PaymentOrder createWithProvider(PaymentOrder order, PaymentProvider& provider);
    // Applies the provider's answer in one transaction; returns the order as stored.
    PaymentOrder apply(const std::string& orderNo, const ProviderStatus& status,
                       const std::string& actor);
    void noteFault(const std::string& orderNo, const std::string& code);
    void audit(const std::string& actor, const std::string& action, const PaymentOrder& order);
    std::string newOrderNo() const;

    store::SqliteRecordStore& store_;
    PaymentOrders orders_;
    CheckoutSettings settings_;
    store::Clock clock_;
    std::map<std::string, std::unique_ptr<PaymentProvider>> providers_;
};

}  // namespace gradphoto::payment
