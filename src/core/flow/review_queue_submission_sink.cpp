#include "gradphoto/flow/review_queue_submission_sink.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "gradphoto/identify/scanned_code.h"
#include "gradphoto/store/staff_access.h"

namespace gradphoto::flow {

ReviewQueueSubmissionSink::ReviewQueueSubmissionSink(store::RecordStore& store,
                                                     store::RejectReasons reasons,
                                                     std::string boothId)
    : store_(store), queue_(store, std::move(reasons)), boothId_(std::move(boothId)) {}

std::string ReviewQueueSubmissionSink::queueNumberOf(std::int64_t captureId) const {
    char number[32];
    std::snprintf(number, sizeof number, "%06lld", static_cast<long long>(captureId));
    return boothId_ + "-" + number;
}

store::Capture ReviewQueueSubmissionSink::record(const Submission& submission) {
    // Keep the raw collection code (CHSI needs it) when the roster only had its hash.
    if (!submission.payload.empty()) {
        if (auto student = store_.students().find(submission.studentNo);
            student && student->collectionCode.empty() &&
            student->collectionCodeSha256 == identify::payloadSha256Hex(submission.payload)) {
            student->collectionCode = submission.payload;
            store_.students().upsert(*student);
        }
    }
    return queue_.recordAndSubmit({submission.studentNo, submission.captureJpeg,
                                   submission.finalJpeg, submission.reportJson, "kiosk"});
}

std::string ReviewQueueSubmissionSink::submit(const Submission& submission) {
    return queueNumberOf(record(submission).id);
}

std::string ReviewQueueSubmissionSink::submitConfirmedByStaff(const Submission& submission,
                                                              const StaffSubmission& staff) {
    store::StaffAccess access(store_);
    const store::StaffAccount account = access.signIn(staff.staffNo, staff.pin);
    std::int64_t id = 0;
    store_.inTransaction([&] {
        id = record(submission).id;
        const nlohmann::json detail = {{"failed_checks", staff.failedChecks}};
        store_.audit().append({0, store::systemNow(), account.staffNo, "capture.staff_submit",
                               "capture:" + std::to_string(id), detail.dump()});
    });
    return queueNumberOf(id);
}

SubmissionStatus ReviewQueueSubmissionSink::status(const std::string& studentNo) {
    SubmissionStatus status;
    const auto capture = store_.captures().currentFor(studentNo);
    if (!capture) return status;
    status.queueNumber = queueNumberOf(capture->id);
    switch (capture->status) {
        case store::CaptureStatus::kCaptured:  // recorded, never submitted: nothing to wait for
            status.kind = SubmissionStatus::Kind::kNone;
            status.queueNumber.clear();
            break;
        case store::CaptureStatus::kSubmitted:
            status.kind = SubmissionStatus::Kind::kPending;
            break;
        case store::CaptureStatus::kRejected: {
            status.kind = SubmissionStatus::Kind::kRejected;
            const auto reviews = store_.captures().reviewsOf(capture->id);
            for (auto it = reviews.rbegin(); it != reviews.rend(); ++it) {
                if (it->decision == store::ReviewDecision::kApprove) continue;
                if (const auto* reason = queue_.reasons().find(it->reasonCode)) {
                    status.reason_zh = reason->zh;
                    status.reason_en = reason->en;
                } else {
                    status.reason_zh = "照片未通过审核";
                    status.reason_en = "the photo was not accepted";
                }
                break;
            }
            break;
        }
        case store::CaptureStatus::kApproved:
            status.kind = SubmissionStatus::Kind::kApproved;
            status.finalJpeg = store_.photos().read(capture->finalSha256);
            break;
    }
    return status;
}

}  // namespace gradphoto::flow
