#pragma once

// The real SubmissionSink (issue 7): 提交 records the capture and the standardized photo in the
// record store and submits it to the review queue in one transaction; the queue number is the
// booth id and the capture id (A1-000042). 查询结果 reads the student's current capture: submitted
// → pending, rejected → the reason of the last rejection (zh + en), approved → the final photo.
//
// Uses the store's SQLite connection: call it from the thread that owns the store.

#include <string>

#include "gradphoto/flow/submission_sink.h"
#include "gradphoto/store/review_queue.h"

namespace gradphoto::flow {

class ReviewQueueSubmissionSink final : public SubmissionSink {
  public:
    ReviewQueueSubmissionSink(store::RecordStore& store, store::RejectReasons reasons,
                              std::string boothId = "A1");

    std::string submit(const Submission& submission) override;
    SubmissionStatus status(const std::string& studentNo) override;
    // Signs the staff member in (store::StaffAccess: wrong PINs count towards the lock-out), then
    // records and submits in one transaction with the audit entry capture.staff_submit (actor:
    // the staff number, detail: {"failed_checks": [...]}).
    std::string submitConfirmedByStaff(const Submission& submission,
                                       const StaffSubmission& staff) override;

    std::string queueNumberOf(std::int64_t captureId) const;

  private:
    store::Capture record(const Submission& submission);

    store::RecordStore& store_;
    store::ReviewQueue queue_;
    std::string boothId_;
};

}  // namespace gradphoto::flow
