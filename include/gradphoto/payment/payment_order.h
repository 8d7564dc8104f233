#pragma once

// A payment order and the states it goes through (shared/docs/CLI-CONTRACT.md, `pay status`):
//
//   created ──► paying ──► paid ──► refunded
//      │          │  ▲
//      │          ▼  │ (paid at the provider after the kiosk gave up: honoured)
//      └──────► closed / failed
//
// Amounts are integers in fen (2000 = 20 元) everywhere.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gradphoto/store/records.h"

namespace gradphoto::payment {

enum class OrderState { kCreated, kPaying, kPaid, kClosed, kFailed, kRefunded };

std::string_view toString(OrderState state);
std::optional<OrderState> parseOrderState(std::string_view text);

// True when the state machine allows from → to. The provider is the source of truth for money:
// closed and failed may still become paid when the provider reports a payment.
bool canTransition(OrderState from, OrderState to);
// created and paying: the student may still pay.
bool isOpen(OrderState state);

// How a staff member settled the fee.
enum class StaffSettlement { kCash, kWaiver };
std::string_view toString(StaffSettlement settlement);
std::optional<StaffSettlement> parseStaffSettlement(std::string_view text);

struct PaymentOrder {
    std::string orderNo;  // out_trade_no: "GP" + UTC time + random hex, never the 学号
    std::string studentNo;
    std::string provider;  // wechat | campus | staff | demo
    std::int64_t amountFen = 0;
    OrderState state = OrderState::kCreated;
    std::string codeUrl;  // the Native QR content while payable
    std::string providerTransactionId;
    std::string settlement;   // staff orders: cash | waiver
    std::string confirmedBy;  // staff orders: the staff number
    std::string reason;       // staff orders: why (waiver reason, "paid cash")
    std::string lastFault;    // the last provider fault code, for the staff console
    store::UnixTime createdAt = 0;
    store::UnixTime updatedAt = 0;
    store::UnixTime expiresAt = 0;  // 0: no expiry (staff orders)
    std::optional<store::UnixTime> paidAt;
};

}  // namespace gradphoto::payment
