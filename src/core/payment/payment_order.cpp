#include "gradphoto/payment/payment_order.h"

#include <array>
#include <utility>

namespace gradphoto::payment {
namespace {

constexpr std::array<std::pair<OrderState, std::string_view>, 6> kStateNames{{
    {OrderState::kCreated, "created"},
    {OrderState::kPaying, "paying"},
    {OrderState::kPaid, "paid"},
    {OrderState::kClosed, "closed"},
    {OrderState::kFailed, "failed"},
    {OrderState::kRefunded, "refunded"},
}};

}  // namespace

std::string_view toString(OrderState state) {
    for (const auto& [s, name] : kStateNames)
        if (s == state) return name;
    return "failed";
}

std::optional<OrderState> parseOrderState(std::string_view text) {
    for (const auto& [s, name] : kStateNames)
        if (name == text) return s;
    return std::nullopt;
}

bool canTransition(OrderState from, OrderState to) {
    using S = OrderState;
    switch (from) {
        case S::kCreated:
            return to == S::kPaying || to == S::kPaid || to == S::kClosed || to == S::kFailed;
        case S::kPaying:
            return to == S::kPaid || to == S::kClosed || to == S::kFailed;
        case S::kPaid:
            return to == S::kRefunded;
        case S::kClosed:
        case S::kFailed:
            return to == S::kPaid;  // the provider took the money after all: honour it
        case S::kRefunded:
            return false;
    }
    return false;
}

bool isOpen(OrderState state) {
    return state == OrderState::kCreated || state == OrderState::kPaying;
}

std::string_view toString(StaffSettlement settlement) {
    return settlement == StaffSettlement::kCash ? "cash" : "waiver";
}

std::optional<StaffSettlement> parseStaffSettlement(std::string_view text) {
    if (text == "cash") return StaffSettlement::kCash;
    if (text == "waiver") return StaffSettlement::kWaiver;
    return std::nullopt;
}

}  // namespace gradphoto::payment
