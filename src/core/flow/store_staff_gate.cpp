#include "gradphoto/flow/store_staff_gate.h"

#include <nlohmann/json.hpp>

#include "gradphoto/store/repositories.h"
#include "gradphoto/store/staff_access.h"

namespace gradphoto::flow {

StoreStaffGate::StoreStaffGate(store::RecordStore& store, std::string boothId,
                               std::string settingPin, store::Clock clock)
    : store_(store),
      boothId_(std::move(boothId)),
      fallback_(std::move(settingPin)),
      clock_(std::move(clock)) {}

StaffGateVerdict StoreStaffGate::admit(const std::string& staffNo, const std::string& pin) {
    StaffGateVerdict verdict;
    verdict.staffNo = staffNo;
    if (staffNo.empty() || pin.empty()) {  // nothing to check: not a wrong PIN either
        verdict.refusal = missingStaffCredentials();
        return verdict;
    }
    store::StaffAccess access(store_, clock_);
    if (access.isEmpty()) {
        verdict = fallback_.admit(staffNo, pin);
    } else {
        try {
            verdict.staffNo = access.signIn(staffNo, pin).staffNo;
            verdict.admitted = true;
        } catch (const store::Refusal& refusal) {
            verdict.refusal = refusal.problem();
        }
    }
    audit(verdict);
    return verdict;
}

void StoreStaffGate::audit(const StaffGateVerdict& verdict) {
    nlohmann::json detail = {{"by", verdict.bySettingPin ? "setting_pin" : "staff_account"}};
    if (!verdict.admitted) detail["refusal"] = verdict.refusal.code;
    store_.audit().append({0, clock_(), verdict.staffNo,
                           verdict.admitted ? "kiosk.staff_menu" : "kiosk.staff_menu_refused",
                           "kiosk:" + boothId_, detail.dump()});
}

}  // namespace gradphoto::flow
