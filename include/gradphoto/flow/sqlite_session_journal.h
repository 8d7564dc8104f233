#pragma once

// The session journal in the record store's kiosk_sessions table (schema v7): one row per session
// with the booth, the student (only when the roster knows them: the column refers to students),
// start and end times and the outcome. Uses the store's connection: call it from the thread that
// owns the store.

#include <string>

#include "gradphoto/flow/session_journal.h"
#include "gradphoto/store/database.h"
#include "gradphoto/store/records.h"

namespace gradphoto::flow {

class SqliteSessionJournal final : public SessionJournal {
  public:
    SqliteSessionJournal(store::Database& db, std::string boothId,
                         store::Clock clock = store::systemNow);

    std::int64_t started() override;
    void identified(std::int64_t session, const std::string& studentNo) override;
    void ended(std::int64_t session, SessionOutcome outcome) override;

  private:
    store::Database& db_;
    std::string boothId_;
    store::Clock clock_;
};

}  // namespace gradphoto::flow
