#pragma once

// The real StudentLookup (issue 5): a StudentResolver finds the student of a collection code (by
// default the roster in the record store), SuffixVerifier checks the last four ID characters with
// the wrong tries counted in the store (StoredAttemptCounter), so five wrong tries lock the record
// across restarts until staff unlock it. Only masked data leaves this class.
//
// Uses the store's SQLite connection: call it from the thread that owns the store.

#include <memory>
#include <optional>
#include <string>

#include "gradphoto/flow/student_lookup.h"
#include "gradphoto/identify/student_resolver.h"
#include "gradphoto/identify/suffix_verifier.h"
#include "gradphoto/store/repositories.h"

namespace gradphoto::flow {

class RosterStudentLookup final : public StudentLookup {
  public:
    // The roster of the store resolves codes.
    explicit RosterStudentLookup(store::RecordStore& store);
    // Another resolver (the partner's HTTPS service); the store still counts the wrong tries.
    RosterStudentLookup(store::RecordStore& store,
                        std::shared_ptr<identify::StudentResolver> resolver);

    LookupResult findByPayload(const std::string& payload) override;
    VerifyResult verifyLast4(const std::string& studentNo, const std::string& last4) override;

  private:
    std::optional<std::string> idNumberOf(const std::string& studentNo);

    store::RecordStore& store_;
    std::shared_ptr<identify::StudentResolver> resolver_;
    identify::SuffixVerifier verifier_;          // StoredAttemptCounter
    identify::SuffixVerifier unstoredVerifier_;  // in memory, for students not in the store
    // The record the last lookup found (a resolver other than the roster may know students the
    // store does not). Replaced by the next lookup.
    std::optional<identify::StudentRecord> lastFound_;
};

}  // namespace gradphoto::flow
