#pragma once

#include <optional>
#include <string>

#include "gradphoto/common/error.h"

namespace gradphoto::flow {

// What the kiosk may know and show of a student: masked name and ID number only.
struct StudentRecord {
    std::string studentNo;   // 学号
    std::string maskedName;  // 张*三
    std::string maskedId;    // 4401**********123X
    std::string department;  // 院系
    std::string major;       // 专业
    std::string level;       // 层次
};

struct LookupResult {
    enum class Status { kFound, kNotFound, kUnavailable };
    Status status = Status::kNotFound;
    std::optional<StudentRecord> student;
    Problem problem;  // why not found or unavailable
};

struct VerifyResult {
    enum class Status { kMatch, kMismatch, kLocked };
    Status status = Status::kMismatch;
    int triesLeft = 0;
};

// Resolves the CHSI collection code's opaque payload to a student and verifies the last four ID
// characters. The roster and the partner's HTTPS service implement it (issue 5); the kiosk's
// --demo mode uses DemoStudentLookup.
class StudentLookup {
  public:
    virtual ~StudentLookup() = default;
    virtual LookupResult findByPayload(const std::string& payload) = 0;
    // last4: exactly four of 0-9 and X (upper case), already validated.
    virtual VerifyResult verifyLast4(const std::string& studentNo, const std::string& last4) = 0;
};

}  // namespace gradphoto::flow
