#pragma once

// The door to the kiosk's staff menu (the hidden corner: 员工后台, 退出程序, 全屏): a staff member
// gives their staff number and PIN and is let in or told why not. The PIN is only compared, never
// kept, logged or written to the audit log.

#include <string>

#include "gradphoto/common/error.h"

namespace gradphoto::flow {

struct StaffGateVerdict {
    bool admitted = false;
    std::string staffNo;        // the staff number given (trimmed by the caller)
    bool bySettingPin = false;  // no staff accounts yet: the kiosk.staff_pin setting decided
    Problem refusal;            // when not admitted: zh for the screen, en for the logs
};

class StaffGate {
  public:
    virtual ~StaffGate() = default;
    virtual StaffGateVerdict admit(const std::string& staffNo, const std::string& pin) = 0;
};

}  // namespace gradphoto::flow
