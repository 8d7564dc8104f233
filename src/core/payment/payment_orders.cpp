#include "gradphoto/payment/payment_orders.h"

namespace gradphoto::payment {
namespace {

constexpr const char* kColumns =
    "order_no, student_no, provider, amount_fen, state, provider_txn_id, code_url, settlement, "
    "confirmed_by, reason, last_fault, created_at, updated_at, expires_at, paid_at";

PaymentOrder readOrder(const store::Statement& s) {
    PaymentOrder o;
    o.orderNo = s.text(0);
    o.studentNo = s.text(1);
    o.provider = s.text(2);
    o.amountFen = s.integer(3);
    o.state = parseOrderState(s.text(4)).value_or(OrderState::kFailed);
    o.providerTransactionId = s.text(5);
    o.codeUrl = s.text(6);
    o.settlement = s.text(7);
    o.confirmedBy = s.text(8);
    o.reason = s.text(9);
    o.lastFault = s.text(10);
    o.createdAt = s.integer(11);
    o.updatedAt = s.integer(12);
    o.expiresAt = s.integer(13);
    o.paidAt = s.optionalInteger(14);
    return o;
}

std::vector<PaymentOrder> readAll(store::Statement& s) {
    std::vector<PaymentOrder> all;
    while (s.step()) all.push_back(readOrder(s));
    return all;
}

std::string select(const std::string& where) {
    return std::string("SELECT ") + kColumns + " FROM payments " + where;
}

}  // namespace

void PaymentOrders::insert(const PaymentOrder& o) {
    auto s = db_.prepare(std::string("INSERT INTO payments (") + kColumns +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                         "?15)");
    s.bind(1, o.orderNo)
        .bind(2, o.studentNo)
        .bind(3, o.provider)
        .bind(4, o.amountFen)
        .bind(5, toString(o.state))
        .bind(6, o.providerTransactionId)
        .bind(7, o.codeUrl)
        .bind(8, o.settlement)
        .bind(9, o.confirmedBy)
        .bind(10, o.reason)
        .bind(11, o.lastFault)
        .bind(12, o.createdAt)
        .bind(13, o.updatedAt)
        .bind(14, o.expiresAt)
        .bind(15, o.paidAt);
    s.run();
}

void PaymentOrders::update(const PaymentOrder& o) {
    auto s = db_.prepare(
        "UPDATE payments SET state = ?2, provider_txn_id = ?3, code_url = ?4, last_fault = ?5, "
        "updated_at = ?6, paid_at = ?7 WHERE order_no = ?1");
    s.bind(1, o.orderNo)
        .bind(2, toString(o.state))
        .bind(3, o.providerTransactionId)
        .bind(4, o.codeUrl)
        .bind(5, o.lastFault)
        .bind(6, o.updatedAt)
        .bind(7, o.paidAt);
    s.run();
}

std::optional<PaymentOrder> PaymentOrders::find(const std::string& orderNo) {
    auto s = db_.prepare(select("WHERE order_no = ?1"));
    s.bind(1, orderNo);
    if (!s.step()) return std::nullopt;
    return readOrder(s);
}

std::optional<PaymentOrder> PaymentOrders::paidFor(const std::string& studentNo) {
    auto s = db_.prepare(select("WHERE student_no = ?1 AND state = 'paid'"));
    s.bind(1, studentNo);
    if (!s.step()) return std::nullopt;
    return readOrder(s);
}

std::optional<PaymentOrder> PaymentOrders::openFor(const std::string& studentNo) {
    auto s = db_.prepare(select("WHERE student_no = ?1 AND state IN ('created', 'paying')"));
    s.bind(1, studentNo);
    if (!s.step()) return std::nullopt;
    return readOrder(s);
}

std::vector<PaymentOrder> PaymentOrders::recentlyAbandoned(const std::string& studentNo,
                                                           store::UnixTime since) {
    auto s = db_.prepare(
        select("WHERE student_no = ?1 AND state IN ('closed', 'failed') AND provider IN "
               "('wechat', 'campus') AND created_at >= ?2 ORDER BY created_at DESC"));
    s.bind(1, studentNo).bind(2, since);
    return readAll(s);
}

std::vector<PaymentOrder> PaymentOrders::open() {
    auto s = db_.prepare(select("WHERE state IN ('created', 'paying') ORDER BY created_at"));
    return readAll(s);
}

std::vector<PaymentOrder> PaymentOrders::list(const OrderQuery& q) {
    auto s = db_.prepare(
        select("WHERE (?1 IS NULL OR created_at >= ?1) AND (?2 IS NULL OR created_at < ?2) AND "
               "(?3 IS NULL OR student_no = ?3) ORDER BY created_at, order_no LIMIT ?4"));
    s.bind(1, q.from).bind(2, q.to).bind(3, q.studentNo).bind(4, q.limit);
    return readAll(s);
}

std::int64_t PaymentOrders::cashTotalFen(store::UnixTime from, store::UnixTime to) {
    auto s = db_.prepare(
        "SELECT COALESCE(SUM(amount_fen), 0) FROM payments WHERE provider = 'staff' AND "
        "settlement = 'cash' AND state = 'paid' AND paid_at >= ?1 AND paid_at < ?2");
    s.bind(1, from).bind(2, to);
    s.step();
    return s.integer(0);
}

bool PaymentOrders::rememberNotification(const std::string& provider, const std::string& eventId,
                                         const std::string& orderNo, store::UnixTime at) {
    auto s = db_.prepare(
        "INSERT OR IGNORE INTO payment_notifications (provider, event_id, order_no, received_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, provider).bind(2, eventId).bind(3, orderNo).bind(4, at);
    s.run();
    return db_.changes() == 1;
}

}  // namespace gradphoto::payment
