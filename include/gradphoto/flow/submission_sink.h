#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace gradphoto::flow {

// What the kiosk hands over when the student presses 提交.
struct Submission {
    std::string studentNo;
    std::string payload;                    // the raw collection code, needed for CHSI
    std::vector<std::uint8_t> captureJpeg;  // the booth capture
    std::vector<std::uint8_t> finalJpeg;    // the standardized photo
    std::string reportJson;                 // the standardizer's report
};

// 提交 confirmed by a staff member although compliance checks failed (工作人员确认提交 on the
// result page). The PIN is checked by the sink (store::StaffAccess) and never kept or logged.
struct StaffSubmission {
    std::string staffNo;
    std::string pin;
    std::vector<std::string> failedChecks;  // the ids of the checks whose status is fail
};

struct SubmissionStatus {
    enum class Kind { kNone, kPending, kRejected, kApproved };
    Kind kind = Kind::kNone;
    std::string queueNumber;
    std::string reason_zh;  // rejected: why, for the student
    std::string reason_en;
    std::vector<std::uint8_t> finalJpeg;  // approved: the 标准照
};

// Files a capture for review and answers "how is my photo doing". The store implements it
// (issue 7); --demo uses DemoSubmissionSink.
class SubmissionSink {
  public:
    virtual ~SubmissionSink() = default;
    // Returns the queue number (排号). Throws Error when the capture cannot be stored.
    virtual std::string submit(const Submission& submission) = 0;
    virtual SubmissionStatus status(const std::string& studentNo) = 0;
    // Checks the staff member's PIN, then submits like submit() and records who confirmed it and
    // which checks failed (the store's audit log: capture.staff_submit). Throws Error (a
    // store::Refusal "wrong_pin" / "locked" for the PIN). The default: not offered here.
    virtual std::string submitConfirmedByStaff(const Submission& submission,
                                               const StaffSubmission& staff);
};

// The booth capture (BGR) as Submission::captureJpeg is stored: a JPEG at quality 95.
std::vector<std::uint8_t> encodeCapture(const cv::Mat& bgr);

}  // namespace gradphoto::flow
