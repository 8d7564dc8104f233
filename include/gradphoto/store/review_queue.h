#pragma once

// The life of a capture:
//
//   captured ──submit──▶ submitted ──approve──▶ approved (final)
//                            │                      │
//                            └──reject──▶ rejected ◀┘ revoke (admin, with a reason)
//
//   - record() stores a new capture of a student; it supersedes the student's current capture
//     when that one is captured, submitted (a replacement while under review) or rejected (the
//     free retake). A student whose current capture is approved cannot get a new one.
//   - approve / reject need a submitted, current capture; reject and revoke need a reason code
//     from resources/reject_reasons.json.
//   - Nothing changes an approved capture except revoke by an admin.
//   - Every change is one transaction with its audit entry; the photo files are written (fsync,
//     rename) before the transaction that refers to them commits.
// Refusals (not found, wrong state, forbidden) throw Refusal; storage failures throw Error.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

struct NewCapture {
    std::string studentNo;
    std::span<const std::uint8_t> rawJpeg;    // the booth capture
    std::span<const std::uint8_t> finalJpeg;  // the standardized photo
    std::string reportJson;                   // the report (shared CLI-CONTRACT.md); may be empty
    std::string actor = "kiosk";              // "kiosk", "cli" or a staff number
};

class ReviewQueue {
  public:
    ReviewQueue(RecordStore& store, RejectReasons reasons, Clock clock = systemNow);

    // An optional guard asked before approval (the payment issue: "no approval of an unpaid
    // capture"). Return a Problem to refuse.
    using ApprovalGuard = std::function<std::optional<Problem>(const Capture&)>;
    void setApprovalGuard(ApprovalGuard guard) { approvalGuard_ = std::move(guard); }

    Capture record(const NewCapture& capture);
    Capture submit(std::int64_t captureId, const std::string& actor);
    // record() and submit() in one transaction (the CLI's `submit`).
    Capture recordAndSubmit(const NewCapture& capture);

    Capture approve(std::int64_t captureId, const StaffAccount& reviewer);
    Capture reject(std::int64_t captureId, const StaffAccount& reviewer,
                   const std::string& reasonCode, const std::string& note);
    Capture revoke(std::int64_t captureId, const StaffAccount& admin, const std::string& reasonCode,
                   const std::string& note);

    std::optional<Capture> find(std::int64_t captureId);
    std::vector<QueueEntry> list(const QueueQuery& query);
    const RejectReasons& reasons() const { return reasons_; }

    // Counts the checks with status "fail" in a report JSON (0 when it is not a report).
    static int countFailedChecks(const std::string& reportJson);

  private:
    Capture recordInTransaction(const NewCapture& capture, const std::string& rawHash,
                                const std::string& finalHash);
    Capture submitInTransaction(std::int64_t captureId, const std::string& actor);
    Capture existing(std::int64_t captureId);
    void requireReason(const std::string& reasonCode);
    void audit(const std::string& actor, const std::string& action, std::int64_t captureId,
               const std::string& detailJson);

    RecordStore& store_;
    RejectReasons reasons_;
    Clock clock_;
    ApprovalGuard approvalGuard_;
};

}  // namespace gradphoto::store
