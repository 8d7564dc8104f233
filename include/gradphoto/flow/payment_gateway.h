#pragma once

#include <string>
#include <string_view>

namespace gradphoto::flow {

// The order states of the payment contract (shared/docs/CLI-CONTRACT.md, `pay status`).
enum class PaymentState { kCreated, kPaying, kPaid, kClosed, kFailed, kRefunded };
std::string_view toString(PaymentState state);

struct PaymentOrder {
    std::string order;  // out_trade_no
    std::string studentNo;
    int amountFen = 0;
    std::string provider;  // wechat, campus, staff, demo
    PaymentState state = PaymentState::kCreated;
    std::string codeUrl;  // shown as a QR code while payable
    bool demo = false;    // no money moves: the page must say so
};

// Cash or a fee waiver confirmed at the kiosk by a staff member (network down, no phone...). The
// PIN is checked by the gateway (store::StaffAccess) and never kept or logged.
struct StaffConfirmation {
    std::string studentNo;
    std::string staffNo;
    std::string pin;
    bool waiver = false;  // false: cash
    std::string reason;
};

// Creates and follows payment orders. WeChat Pay, the campus gateway and staff confirmation
// implement it (issue 6); --demo uses DemoPaymentGateway. May throw Error on network faults; the
// flow treats a throw as "try again" while polling and as unavailable when creating.
class PaymentGateway {
  public:
    virtual ~PaymentGateway() = default;
    virtual PaymentOrder create(const std::string& studentNo, int amountFen) = 0;
    virtual PaymentState poll(const std::string& order) = 0;
    virtual void close(const std::string& order) = 0;
    // True when this student already has a paid order for this collection (never charge twice).
    virtual bool alreadyPaid(const std::string& studentNo) = 0;
    // Records cash or a waiver confirmed by staff; returns the paid order. Throws Error (a
    // store::Refusal "wrong_pin" / "locked" for the PIN). The default: not offered here.
    virtual PaymentOrder confirmByStaff(const StaffConfirmation& confirmation);
};

}  // namespace gradphoto::flow
