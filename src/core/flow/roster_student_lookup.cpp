#include "gradphoto/flow/roster_student_lookup.h"

#include "gradphoto/flow/masking.h"
#include "gradphoto/identify/roster_student_resolver.h"
#include "gradphoto/identify/scanned_code.h"
#include "gradphoto/store/roster_store.h"

namespace gradphoto::flow {

RosterStudentLookup::RosterStudentLookup(store::RecordStore& store)
    : RosterStudentLookup(store, std::make_shared<identify::RosterStudentResolver>(
                                     std::make_shared<store::StoredRosterLookup>(store))) {}

RosterStudentLookup::RosterStudentLookup(store::RecordStore& store,
                                         std::shared_ptr<identify::StudentResolver> resolver)
    : store_(store),
      resolver_(std::move(resolver)),
      verifier_(std::make_shared<store::StoredAttemptCounter>(store)) {}

LookupResult RosterStudentLookup::findByPayload(const std::string& payload) {
    lastFound_.reset();
    identify::ScannedCode code;
    code.payload = payload;
    const auto resolution = resolver_->resolve(code);
    LookupResult result;
    result.problem = resolution.problem;
    switch (resolution.status) {
        case identify::ResolveStatus::kFound:
            if (!resolution.student) break;
            lastFound_ = *resolution.student;
            result.status = LookupResult::Status::kFound;
            result.student = StudentRecord{resolution.student->studentNo,
                                           maskName(resolution.student->name),
                                           maskIdNumber(resolution.student->idNumber),
                                           resolution.student->department,
                                           resolution.student->major,
                                           resolution.student->level};
            return result;
        case identify::ResolveStatus::kNotFound:
            break;
        case identify::ResolveStatus::kOffline:
        case identify::ResolveStatus::kFailed:
            result.status = LookupResult::Status::kUnavailable;
            return result;
    }
    result.status = LookupResult::Status::kNotFound;
    if (result.problem.code.empty()) result.problem = identify::notFoundProblem();
    return result;
}

std::optional<std::string> RosterStudentLookup::idNumberOf(const std::string& studentNo) {
    if (lastFound_ && lastFound_->studentNo == studentNo) return lastFound_->idNumber;
    if (const auto student = store_.students().find(studentNo)) return student->idNumber;
    return std::nullopt;
}

VerifyResult RosterStudentLookup::verifyLast4(const std::string& studentNo,
                                              const std::string& last4) {
    const auto idNumber = idNumberOf(studentNo);
    if (!idNumber) return {VerifyResult::Status::kMismatch, identify::SuffixVerifier::kMaxFailures};
    // The wrong tries live in the store, keyed by a student it knows; one the store does not know
    // (found by another resolver) is counted in memory.
    auto& verifier = store_.students().find(studentNo) ? verifier_ : unstoredVerifier_;
    const auto outcome = verifier.verify(studentNo, *idNumber, last4);
    switch (outcome.outcome) {
        case identify::SuffixOutcome::kMatch:
            return {VerifyResult::Status::kMatch, identify::SuffixVerifier::kMaxFailures};
        case identify::SuffixOutcome::kMismatch:
            return {VerifyResult::Status::kMismatch, outcome.triesLeft};
        case identify::SuffixOutcome::kLocked:
            return {VerifyResult::Status::kLocked, 0};
        case identify::SuffixOutcome::kMalformed:
            break;
    }
    return {VerifyResult::Status::kMismatch, verifier.triesLeft(studentNo)};
}

}  // namespace gradphoto::flow
