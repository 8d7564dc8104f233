#include "gradphoto/store/roster_store.h"

#include <nlohmann/json.hpp>

namespace gradphoto::store {

Student studentFromRoster(const identify::RosterRow& row) {
    Student s;
    s.studentNo = row.student.studentNo;
    s.name = row.student.name;
    s.idNumber = row.student.idNumber;
    s.department = row.student.department;
    s.major = row.student.major;
    s.level = row.student.level;
    s.examNo = row.examNo;
    s.collectionCodeSha256 = row.collectionCodeSha256;
    return s;
}

std::vector<Student> studentsFromRoster(const std::vector<identify::RosterRow>& rows) {
    std::vector<Student> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(studentFromRoster(r));
    return out;
}

identify::StudentRecord studentRecordOf(const Student& s) {
    return {s.studentNo, s.name, s.idNumber, s.department, s.major, s.level};
}

std::optional<identify::StudentRecord> StoredRosterLookup::findByCollectionCodeSha256(
    const std::string& sha256Hex) const {
    if (sha256Hex.empty()) return std::nullopt;
    const auto student = store_.students().findByCollectionCodeSha256(sha256Hex);
    if (!student) return std::nullopt;
    return studentRecordOf(*student);
}

StoredAttemptCounter::StoredAttemptCounter(RecordStore& store, std::string actor, Clock clock)
    : store_(store), actor_(std::move(actor)), clock_(std::move(clock)) {}

int StoredAttemptCounter::failures(const std::string& studentNo) const {
    return store_.verificationAttempts().failures(studentNo);
}

int StoredAttemptCounter::addFailure(const std::string& studentNo) {
    int count = 0;
    store_.inTransaction([&] {
        count = store_.verificationAttempts().addFailure(studentNo, clock_());
        store_.audit().append({0, clock_(), actor_, "identify.wrong_suffix", "student:" + studentNo,
                               nlohmann::json{{"failures", count}}.dump()});
    });
    return count;
}

void StoredAttemptCounter::clear(const std::string& studentNo) {
    store_.inTransaction([&] {
        const int cleared = store_.verificationAttempts().clear(studentNo);
        if (cleared > 0)
            store_.audit().append({0, clock_(), actor_, "identify.attempts_cleared",
                                   "student:" + studentNo,
                                   nlohmann::json{{"failures", cleared}}.dump()});
    });
}

}  // namespace gradphoto::store
