#pragma once

// The store behind the identify module (issue 5): the roster lookup that resolves a scanned
// collection code, the persisted counter of wrong last-four tries, and the conversion of parsed
// roster CSV rows into students for StudentRepository::importAll.
//
//   auto parsed = identify::parseRosterCsv(file);
//   store->students().importAll(studentsFromRoster(parsed.rows));   // all or nothing
//   auto lookup = std::make_shared<StoredRosterLookup>(*store);
//   identify::RosterStudentResolver resolver(lookup);
//   StoredAttemptCounter attempts(*store);
//
// Both classes use the store's SQLite connection: call them from the thread that owns the store.

#include <vector>

#include "gradphoto/identify/attempt_counter.h"
#include "gradphoto/identify/roster_csv.h"
#include "gradphoto/identify/roster_student_resolver.h"
#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

Student studentFromRoster(const identify::RosterRow& row);
std::vector<Student> studentsFromRoster(const std::vector<identify::RosterRow>& rows);
identify::StudentRecord studentRecordOf(const Student& student);

// identify::RosterLookup over the store's students.
class StoredRosterLookup final : public identify::RosterLookup {
  public:
    explicit StoredRosterLookup(RecordStore& store) : store_(store) {}
    std::optional<identify::StudentRecord> findByCollectionCodeSha256(
        const std::string& sha256Hex) const override;

  private:
    RecordStore& store_;
};

// identify::AttemptCounter in the database (table verification_attempts), so that wrong tries
// survive a restart. clear() of a record that had failures is audit-logged
// ("identify.attempts_cleared"); so is a failure ("identify.wrong_suffix"), by 学号 only.
class StoredAttemptCounter final : public identify::AttemptCounter {
  public:
    explicit StoredAttemptCounter(RecordStore& store, std::string actor = "kiosk",
                                  Clock clock = systemNow);
    int failures(const std::string& studentNo) const override;
    int addFailure(const std::string& studentNo) override;
    void clear(const std::string& studentNo) override;

  private:
    RecordStore& store_;
    std::string actor_;
    Clock clock_;
};

}  // namespace gradphoto::store
