#include "gradphoto/payment/checkout.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <ctime>

#include <nlohmann/json.hpp>

#include "gradphoto/store/staff_access.h"

namespace gradphoto::payment {
namespace {

store::Refusal notFound(const std::string& what_zh, const std::string& what_en) {
    return store::Refusal({"not_found", what_zh, what_en});
}

}  // namespace

Checkout::Checkout(store::SqliteRecordStore& store, CheckoutSettings settings, store::Clock clock)
    : store_(store), orders_(store.database()), settings_(std::move(settings)), clock_(clock) {}

void Checkout::addProvider(std::unique_ptr<PaymentProvider> provider) {
    const std::string name = provider->name();
    providers_[name] = std::move(provider);
}

std::string Checkout::newOrderNo() const {
    const std::time_t now = clock_();
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[20];
    std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
    std::array<unsigned char, 5> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw Error(Error::Kind::kInternal, {"random", "随机数生成失败", "RAND_bytes failed"});
    static constexpr char kHex[] = "0123456789abcdef";
    std::string no = std::string("GP") + stamp;
    for (unsigned char b : random) {
        no += kHex[b >> 4];
        no += kHex[b & 15];
    }
    return no;  // 26 characters, within WeChat's 6..32
}

PaymentOrder Checkout::existing(const std::string& orderNo) {
    auto order = orders_.find(orderNo);
    if (!order) throw notFound("没有此支付订单：" + orderNo, "no payment order " + orderNo);
    return *order;
}

PaymentProvider* Checkout::providerOf(const PaymentOrder& order) {
    const auto it = providers_.find(order.provider);
    return it == providers_.end() ? nullptr : it->second.get();
}

void Checkout::audit(const std::string& actor, const std::string& action,
                     const PaymentOrder& order) {
    store::AuditEntry entry;
    entry.at = clock_();
    entry.actor = actor;
    entry.action = action;
    entry.subject = "payment:" + order.orderNo;
    nlohmann::json detail = {{"provider", order.provider},
                             {"amount_fen", order.amountFen},
                             {"state", std::string(toString(order.state))}};
    if (!order.settlement.empty()) detail["settlement"] = order.settlement;
    if (!order.lastFault.empty()) detail["fault"] = order.lastFault;
    entry.detailJson = detail.dump();
    store_.audit().append(entry);
}

void Checkout::noteFault(const std::string& orderNo, const std::string& code) {
    store::Transaction tx(store_.database());
    auto order = existing(orderNo);
    order.lastFault = code;
    order.updatedAt = clock_();
    orders_.update(order);
    tx.commit();
}

PaymentOrder Checkout::start(const std::string& studentNo, const std::string& providerName) {
    if (!store_.students().find(studentNo))
        throw notFound("名单中没有此学号", "student " + studentNo + " is not in the roster");
    if (auto paid = orders_.paidFor(studentNo)) return *paid;  // free retake

    // A payment made after the kiosk gave up: ask the provider before charging again.
    for (const auto& abandoned :
         orders_.recentlyAbandoned(studentNo, clock_() - settings_.lateLookBackSeconds)) {
        try {
            const auto o = refresh(abandoned.orderNo);
            if (o.state == OrderState::kPaid) return o;
        } catch (const PaymentFault&) {
            // Unknown for now; the open order below and the provider's own expiry keep the
            // student from paying twice for long, and the fault is kept with the order.
        }
    }

    if (auto open = orders_.openFor(studentNo)) {
        PaymentOrder o = *open;
        if (o.expiresAt != 0 && clock_() >= o.expiresAt) {
            o = close(o.orderNo);
            if (o.state == OrderState::kPaid) return o;
        } else if (!o.codeUrl.empty() || o.provider == "staff") {
            return o;  // resume
        } else if (auto* provider = providerOf(o)) {
            return createWithProvider(o, *provider);  // crashed before the provider answered
        } else {
            close(o.orderNo);  // never shown as a QR code, and its provider is gone: closed here
        }
    }

    auto* provider = providers_.count(providerName) ? providers_.at(providerName).get() : nullptr;
    if (provider == nullptr)
        throw notFound("未配置此支付方式：" + providerName,
                       "payment provider " + providerName + " is not configured");
    PaymentOrder order;
    order.orderNo = newOrderNo();
    order.studentNo = studentNo;
    order.provider = providerName;
    order.amountFen = settings_.feeFen;
    order.state = OrderState::kCreated;
    order.createdAt = order.updatedAt = clock_();
    order.expiresAt = order.createdAt + settings_.orderTimeoutSeconds;
    {
        store::Transaction tx(store_.database());
        orders_.insert(order);
        audit("kiosk", "payment.create", order);
        tx.commit();
    }
    return createWithProvider(order, *provider);
}

PaymentOrder Checkout::createWithProvider(PaymentOrder order, PaymentProvider& provider) {
    std::string codeUrl;
    try {
        codeUrl = provider.create(
            {order.orderNo, order.amountFen, settings_.description, order.expiresAt});
    } catch (const PaymentFault& fault) {
        store::Transaction tx(store_.database());
        auto stored = existing(order.orderNo);
        stored.lastFault = fault.problem().code;
        stored.updatedAt = clock_();
        if (!fault.temporary() && canTransition(stored.state, OrderState::kFailed)) {
            stored.state = OrderState::kFailed;
            audit("kiosk", "payment.failed", stored);
        }
        orders_.update(stored);
        tx.commit();
        throw;
    }
    store::Transaction tx(store_.database());
    auto stored = existing(order.orderNo);
    if (stored.state == OrderState::kCreated) stored.state = OrderState::kPaying;
    stored.codeUrl = codeUrl;
    stored.lastFault.clear();
    stored.updatedAt = clock_();
    orders_.update(stored);
    tx.commit();
    return stored;
}

PaymentOrder Checkout::apply(const std::string& orderNo, const ProviderStatus& status,
                             const std::string& actor) {
    store::Transaction tx(store_.database());
    auto order = existing(orderNo);
    order.lastFault.clear();
    order.updatedAt = clock_();
    if (status.state == order.state || !canTransition(order.state, status.state)) {
        orders_.update(order);
        tx.commit();
        return order;
    }
    if (status.state == OrderState::kPaid) {
        const auto other = orders_.paidFor(order.studentNo);
        if (other && other->orderNo != order.orderNo) {
            // Paid twice (e.g. cash while the network was down, then the QR after all): keep the
            // first, flag this one for a refund by staff.
            order.lastFault = "paid_twice_refund_needed";
            order.providerTransactionId = status.transactionId;
            orders_.update(order);
            audit(actor, "payment.paid_twice", order);
            tx.commit();
            return order;
        }
        order.paidAt = clock_();
        order.providerTransactionId = status.transactionId;
        order.codeUrl.clear();
    }
    if (status.state == OrderState::kClosed || status.state == OrderState::kFailed)
        order.codeUrl.clear();
    order.state = status.state;
    orders_.update(order);
    audit(actor, std::string("payment.") + std::string(toString(order.state)), order);
    tx.commit();
    return order;
}

PaymentOrder Checkout::refresh(const std::string& orderNo) {
    const auto order = existing(orderNo);
    auto* provider = providerOf(order);
    if (provider == nullptr || order.state == OrderState::kPaid ||
        order.state == OrderState::kRefunded)
        return order;
    try {
        return apply(orderNo, provider->query(orderNo), "kiosk");
    } catch (const PaymentFault& fault) {
        noteFault(orderNo, fault.problem().code);
        throw;
    }
}

PaymentOrder Checkout::pollOnce(const std::string& orderNo) {
    const auto order = refresh(orderNo);
    if (isOpen(order.state) && order.expiresAt != 0 && clock_() >= order.expiresAt)
        return close(orderNo);
    return order;
}

PaymentOrder Checkout::waitForPayment(const std::string& orderNo, const Sleeper& sleep,
                                      const std::function<bool()>& cancelled) {
    auto delay = std::chrono::milliseconds(settings_.pollMs);
    for (;;) {
        if (cancelled && cancelled()) return close(orderNo);
        try {
            const auto order = refresh(orderNo);
            if (!isOpen(order.state)) return order;
            delay = std::chrono::milliseconds(settings_.pollMs);
        } catch (const PaymentFault& fault) {
            if (!fault.temporary()) throw;
            delay = std::min(delay * 2, std::chrono::milliseconds(settings_.maxBackoffMs));
        }
        const auto order = existing(orderNo);
        if (order.expiresAt != 0 && clock_() >= order.expiresAt) return close(orderNo);
        sleep(delay);
    }
}

PaymentOrder Checkout::close(const std::string& orderNo) {
    auto order = existing(orderNo);
    if (!isOpen(order.state)) return order;
    auto* provider = providerOf(order);
    if (provider != nullptr) {
        try {
            const auto status = provider->query(orderNo);  // paid at the last second?
            if (status.state == OrderState::kPaid) return apply(orderNo, status, "kiosk");
            provider->close(orderNo);
        } catch (const PaymentFault& fault) {
            // The provider's time_expire ends the order there anyway; a payment made meanwhile
            // is found by start() on the next scan.
            noteFault(orderNo, fault.problem().code);
        }
    }
    store::Transaction tx(store_.database());
    order = existing(orderNo);
    if (isOpen(order.state)) {
        order.state = OrderState::kClosed;
        order.codeUrl.clear();
        order.updatedAt = clock_();
        orders_.update(order);
        audit("kiosk", "payment.closed", order);
    }
    tx.commit();
    return order;
}

PaymentOrder Checkout::confirmByStaff(const std::string& studentNo, const std::string& staffNo,
                                      const std::string& pin, StaffSettlement settlement,
                                      const std::string& reason) {
    store::StaffAccess access(store_, clock_);
    const auto staff = access.signIn(staffNo, pin);  // throws wrong_pin / locked
    if (!store_.students().find(studentNo))
        throw notFound("名单中没有此学号", "student " + studentNo + " is not in the roster");
    if (auto paid = orders_.paidFor(studentNo)) return *paid;
    if (auto open = orders_.openFor(studentNo)) {
        const auto closed = close(open->orderNo);
        if (closed.state == OrderState::kPaid) return closed;
    }
    PaymentOrder order;
    order.orderNo = newOrderNo();
    order.studentNo = studentNo;
    order.provider = "staff";
    order.amountFen = settlement == StaffSettlement::kCash ? settings_.feeFen : 0;
    order.state = OrderState::kPaid;
    order.settlement = std::string(toString(settlement));
    order.confirmedBy = staff.staffNo;
    order.reason = reason;
    order.createdAt = order.updatedAt = clock_();
    order.paidAt = order.createdAt;
    store::Transaction tx(store_.database());
    orders_.insert(order);
    audit(staff.staffNo, "payment.staff_" + order.settlement, order);
    tx.commit();
    return order;
}

PaymentOrder Checkout::recordRefund(const std::string& orderNo, const std::string& staffNo,
                                    const std::string& pin, const std::string& reason) {
    store::StaffAccess access(store_, clock_);
    const auto staff = access.signIn(staffNo, pin);
    store::Transaction tx(store_.database());
    auto order = existing(orderNo);
    if (order.state != OrderState::kPaid && order.lastFault != "paid_twice_refund_needed")
        throw store::Refusal({"wrong_state", "只能为已支付的订单登记退款",
                              "only a paid order can be refunded (order " + orderNo + " is " +
                                  std::string(toString(order.state)) + ")"});
    if (order.state == OrderState::kPaid) order.state = OrderState::kRefunded;
    order.lastFault.clear();
    order.updatedAt = clock_();
    orders_.update(order);
    (void)reason;  // free text may name people: kept out of the audit log
    audit(staff.staffNo, "payment.refunded", order);
    tx.commit();
    return order;
}

bool Checkout::applyNotification(const std::string& provider,
                                 const ProviderNotification& notification) {
    store::Transaction tx(store_.database());
    if (!orders_.rememberNotification(provider, notification.eventId, notification.orderNo,
                                      clock_()))
        return false;  // a replay: rolled back, nothing changes
    const auto order = orders_.find(notification.orderNo);
    if (!order || order->provider != provider) {
        tx.commit();  // remembered, so a replay is cheap too
        return false;
    }
    apply(notification.orderNo, notification.status, "notify");
    tx.commit();
    return true;
}

std::vector<PaymentOrder> Checkout::resumeOpenOrders() {
    std::vector<PaymentOrder> result;
    for (const auto& order : orders_.open()) {
        try {
            if (order.expiresAt != 0 && clock_() >= order.expiresAt)
                result.push_back(close(order.orderNo));
            else
                result.push_back(refresh(order.orderNo));
        } catch (const PaymentFault&) {
            result.push_back(existing(order.orderNo));
        }
    }
    return result;
}

}  // namespace gradphoto::payment
