#pragma once

// The staff gate of a booth without staff accounts (a fresh booth, the --demo kiosk): any staff
// number with the PIN of the kiosk.staff_pin setting, compared as plain text. No lock-out and no
// audit log (the demo has no record store); StoreStaffGate uses it only while the store has no
// staff accounts.

#include <string>

#include "gradphoto/flow/staff_gate.h"

namespace gradphoto::flow {

class SettingPinStaffGate final : public StaffGate {
  public:
    explicit SettingPinStaffGate(std::string settingPin);
    StaffGateVerdict admit(const std::string& staffNo, const std::string& pin) override;

  private:
    std::string settingPin_;
};

// Refusal of an empty staff number or PIN (nothing is checked or counted then).
Problem missingStaffCredentials();

}  // namespace gradphoto::flow
