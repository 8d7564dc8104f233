#pragma once

// The staff gate over the record store's staff accounts (store::StaffAccess::signIn: hashed PINs,
// wrong PINs count towards the 5-minute lock-out). Every decision is an audit entry with the staff
// number as actor and the booth as subject ("kiosk:A1"): kiosk.staff_menu when let in,
// kiosk.staff_menu_refused with the refusal's code when not (signIn adds its own entries for
// wrong PINs and locked accounts). The detail says how the decision was made ("staff_account" or
// "setting_pin"), never the PIN.
//
// A store with no staff accounts at all (a fresh booth) falls back to the kiosk.staff_pin setting
// (SettingPinStaffGate) until the first admin is added; the verdict says so (bySettingPin).
//
// Uses the store's SQLite connection: call it from the thread that owns the store.

#include <string>

#include "gradphoto/flow/setting_pin_staff_gate.h"
#include "gradphoto/store/records.h"

namespace gradphoto::store {
class RecordStore;
}

namespace gradphoto::flow {

class StoreStaffGate final : public StaffGate {
  public:
    StoreStaffGate(store::RecordStore& store, std::string boothId, std::string settingPin,
                   store::Clock clock = store::systemNow);
    StaffGateVerdict admit(const std::string& staffNo, const std::string& pin) override;

  private:
    void audit(const StaffGateVerdict& verdict);

    store::RecordStore& store_;
    std::string boothId_;
    SettingPinStaffGate fallback_;
    store::Clock clock_;
};

}  // namespace gradphoto::flow
