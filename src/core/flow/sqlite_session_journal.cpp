#include "gradphoto/flow/sqlite_session_journal.h"

namespace gradphoto::flow {

std::string_view toString(SessionOutcome outcome) {
    switch (outcome) {
        case SessionOutcome::kSubmitted:
            return "submitted";
        case SessionOutcome::kCancelled:
            return "cancelled";
        case SessionOutcome::kIdle:
            return "idle";
        case SessionOutcome::kFailed:
            return "failed";
        case SessionOutcome::kStatusChecked:
            return "status_checked";
    }
    return "failed";
}

SqliteSessionJournal::SqliteSessionJournal(store::Database& db, std::string boothId,
                                           store::Clock clock)
    : db_(db), boothId_(std::move(boothId)), clock_(std::move(clock)) {}

std::int64_t SqliteSessionJournal::started() {
    db_.prepare("INSERT INTO kiosk_sessions (booth_id, started_at) VALUES (?, ?)")
        .bind(1, boothId_)
        .bind(2, clock_())
        .run();
    return db_.lastInsertRowId();
}

void SqliteSessionJournal::identified(std::int64_t session, const std::string& studentNo) {
    // A student the partner's resolver knows but the roster does not stays anonymous here.
    db_.prepare(
           "UPDATE kiosk_sessions SET student_no = ?1 WHERE id = ?2 AND ended_at IS NULL AND "
           "EXISTS (SELECT 1 FROM students WHERE student_no = ?1)")
        .bind(1, studentNo)
        .bind(2, session)
        .run();
}

void SqliteSessionJournal::ended(std::int64_t session, SessionOutcome outcome) {
    db_.prepare(
           "UPDATE kiosk_sessions SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL")
        .bind(1, clock_())
        .bind(2, toString(outcome))
        .bind(3, session)
        .run();
}

}  // namespace gradphoto::flow
