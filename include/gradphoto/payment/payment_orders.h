#pragma once

// The payment orders in the SQLite record store (schema version 6, table `payments`). A
// repository without rules: Checkout (checkout.h) decides, this reads and writes. Every write is
// one statement; callers group them with a store::Transaction. The database refuses a second
// paid order and a second open order for one student (unique partial indexes), so a race
// between two kiosks or a crash between two steps can never charge twice.

#include <optional>
#include <string>
#include <vector>

#include "gradphoto/payment/payment_order.h"
#include "gradphoto/store/database.h"

namespace gradphoto::payment {

struct OrderQuery {
    std::optional<store::UnixTime> from;  // created_at >= from
    std::optional<store::UnixTime> to;    // created_at < to
    std::optional<std::string> studentNo;
    int limit = 1000;
};

class PaymentOrders {
  public:
    explicit PaymentOrders(store::Database& db) : db_(db) {}

    void insert(const PaymentOrder& order);
    // Writes state, transaction id, code_url, fault, updated_at, paid_at.
    void update(const PaymentOrder& order);
    std::optional<PaymentOrder> find(const std::string& orderNo);
    std::optional<PaymentOrder> paidFor(const std::string& studentNo);
    std::optional<PaymentOrder> openFor(const std::string& studentNo);
    // The student's closed or failed orders of remote providers since `since`, newest first
    // (a payment that arrived after the kiosk gave up is looked for there).
    std::vector<PaymentOrder> recentlyAbandoned(const std::string& studentNo,
                                                store::UnixTime since);
    // Every order still open (for resuming after a restart).
    std::vector<PaymentOrder> open();
    std::vector<PaymentOrder> list(const OrderQuery& query);
    // Cash taken by staff (paid staff orders settled in cash) with from <= paid_at < to.
    std::int64_t cashTotalFen(store::UnixTime from, store::UnixTime to);

    // Remembers a notification; false when this (provider, event) was seen before.
    bool rememberNotification(const std::string& provider, const std::string& eventId,
                              const std::string& orderNo, store::UnixTime at);

  private:
    store::Database& db_;
};

}  // namespace gradphoto::payment
