#pragma once

#include <map>
#include <string>

#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::console {

// What happened at the booth between two times (the "Today" page): kiosk sessions by outcome,
// paid orders (count, sum, cash, waivers), submissions, approvals, rejections by reason.
struct TodayFigures {
    std::int64_t sessions = 0;
    std::map<std::string, std::int64_t> sessionsByOutcome;  // "" while a session is open
    std::int64_t paidOrders = 0;
    std::int64_t paidFen = 0;
    std::int64_t cashOrders = 0;
    std::int64_t cashFen = 0;
    std::int64_t waivers = 0;
    store::ActivitySummary activity;  // submitted, approved, rejected, rejectedByReason
};

// from <= time < to. Throws gradphoto::Error on storage failures.
TodayFigures loadTodayFigures(store::SqliteRecordStore& store, store::UnixTime from,
                              store::UnixTime to);

}  // namespace gradphoto::console
