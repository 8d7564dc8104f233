#pragma once

// The value types of the record store: students (the roster), captures, reviews, staff accounts,
// audit entries and payments. Plain data; the rules live in ReviewQueue and StaffAccess, the
// storage behind the interfaces of repositories.h.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gradphoto/common/error.h"

namespace gradphoto::store {

// Seconds since 1970-01-01 UTC.
using UnixTime = std::int64_t;

// The time source of the rules (tests pass a fake one to step over lockouts).
using Clock = std::function<UnixTime()>;
UnixTime systemNow();

// "2026-06-01T08:30:00Z"
std::string toIsoTime(UnixTime t);

// A student from the roster (学籍). The ID number and the name are personal data: never log them.
struct Student {
    std::string studentNo;   // 学号, the key
    std::string name;        // 姓名
    std::string idNumber;    // 身份证号 (18 characters, may end in X)
    std::string department;  // 院系
    std::string major;       // 专业
    std::string level;       // 层次 (本科, 硕士, ...)
    // The CHSI collection code (图像采集码): the raw, opaque payload when the roster has it, and
    // its SHA-256 (lower-case hex). When only the hash is known, collectionCode is empty.
    std::string collectionCode;
    std::string collectionCodeSha256;
    // registered | captured | submitted | approved | rejected: mirrors the current capture.
    std::string status = "registered";
    std::string examNo;  // 考生号 (the export's {考生号} pattern); empty when unknown
};

enum class CaptureStatus { kCaptured, kSubmitted, kApproved, kRejected };
std::string_view toString(CaptureStatus status);
std::optional<CaptureStatus> parseCaptureStatus(std::string_view text);

struct Capture {
    std::int64_t id = 0;
    std::string studentNo;
    std::string rawSha256;    // the booth capture, in the photo folder
    std::string finalSha256;  // the standardized photo, in the photo folder
    std::string reportJson;   // the report of shared CLI-CONTRACT.md ("{}" when none)
    int checksFailed = 0;     // checks with status "fail" in the report
    CaptureStatus status = CaptureStatus::kCaptured;
    UnixTime createdAt = 0;
    std::optional<UnixTime> submittedAt;
    std::optional<UnixTime> decidedAt;
    std::optional<std::int64_t> supersededBy;  // the retake that replaced this capture
};

// One line of the review queue (the fields of `queue list --json`).
struct QueueEntry {
    std::int64_t id = 0;
    std::string studentNo;
    std::string name;  // unmasked: mask before showing (masking.h)
    CaptureStatus status = CaptureStatus::kCaptured;
    std::optional<UnixTime> submittedAt;
    int checksFailed = 0;
};

struct QueueQuery {
    std::optional<CaptureStatus> status;  // all statuses when empty (pending first)
    bool includeSuperseded = false;
    int limit = 100;
    int offset = 0;
    // Keyset paging when status is set: entries strictly after (submittedAt, id) of the last
    // entry of the previous page. Faster than offset deep in a large queue.
    std::optional<std::pair<UnixTime, std::int64_t>> after;
};

enum class ReviewDecision { kApprove, kReject, kRevoke };
std::string_view toString(ReviewDecision decision);

struct Review {
    std::int64_t id = 0;
    std::int64_t captureId = 0;
    std::string staffNo;
    UnixTime at = 0;
    ReviewDecision decision = ReviewDecision::kApprove;
    std::string reasonCode;  // resources/reject_reasons.json; empty for approvals
    std::string note;
};

enum class StaffRole { kStaff, kAdmin };
std::string_view toString(StaffRole role);
std::optional<StaffRole> parseStaffRole(std::string_view text);

// A salted PBKDF2-HMAC-SHA256 hash of a PIN (pin.h).
struct PinHash {
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
    int iterations = 0;
};

struct StaffAccount {
    std::string staffNo;
    std::string name;
    StaffRole role = StaffRole::kStaff;
    PinHash pin;
    int failedAttempts = 0;
    std::optional<UnixTime> lockedUntil;
    UnixTime createdAt = 0;
};

// Who did what to which record. Subjects are record keys ("capture:12", "staff:S001"); details
// never carry names or ID numbers.
struct AuditEntry {
    std::int64_t id = 0;
    UnixTime at = 0;
    std::string actor;   // staff number, "kiosk", "cli" or "system"
    std::string action;  // "capture.submit", "capture.approve", "staff.sign_in_failed", ...
    std::string subject;
    std::string detailJson = "{}";
};

// A payment order (the payment issue fills in the providers; amounts are integers in fen).
struct Payment {
    std::string orderNo;
    std::string studentNo;
    std::string provider;  // wechat | campus | staff
    std::int64_t amountFen = 0;
    std::string state = "created";  // created | paying | paid | closed | failed | refunded
    std::string providerTransactionId;
    UnixTime createdAt = 0;
    UnixTime updatedAt = 0;
    std::optional<UnixTime> paidAt;
};

// Thrown when the store answers "no": a record that does not exist, a transition the life of a
// capture forbids, a wrong PIN, a locked account, a missing permission. The CLI maps it to exit
// code 1 (shared CLI-CONTRACT.md). Codes: not_found, wrong_state, wrong_pin, locked, forbidden.
class Refusal : public Error {
  public:
    explicit Refusal(Problem problem) : Error(Error::Kind::kInput, std::move(problem)) {}
};

}  // namespace gradphoto::store
