#include "gradphoto/flow/setting_pin_staff_gate.h"

#include <openssl/crypto.h>

namespace gradphoto::flow {

Problem missingStaffCredentials() {
    return {"missing", "请输入工号和 PIN。", "enter the staff number and PIN"};
}

SettingPinStaffGate::SettingPinStaffGate(std::string settingPin)
    : settingPin_(std::move(settingPin)) {}

StaffGateVerdict SettingPinStaffGate::admit(const std::string& staffNo, const std::string& pin) {
    StaffGateVerdict verdict;
    verdict.staffNo = staffNo;
    verdict.bySettingPin = true;
    if (staffNo.empty() || pin.empty()) {
        verdict.refusal = missingStaffCredentials();
        return verdict;
    }
    if (settingPin_.empty()) {
        verdict.refusal = {"no_staff_pin", "本机未设置工作人员 PIN，请联系管理员。",
                           "the booth has no staff accounts and kiosk.staff_pin is empty"};
        return verdict;
    }
    // OpenSSL's constant-time compare: the time taken tells nothing about where a guess differs.
    const bool same = pin.size() == settingPin_.size() &&
                      CRYPTO_memcmp(pin.data(), settingPin_.data(), pin.size()) == 0;
    if (!same) {
        verdict.refusal = {"wrong_pin", "PIN 不正确。", "wrong PIN"};
        return verdict;
    }
    verdict.admitted = true;
    return verdict;
}

}  // namespace gradphoto::flow
