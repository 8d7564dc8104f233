#pragma once

// Statistics for admins: per day (local time of the machine) and per booth, the kiosk sessions,
// paid orders (count and fen, by provider and staff settlement), submissions, approvals,
// rejections by reason, the first-time pass rate and the prints.
//
//   auto report = collectStatistics(store.database(), {.from = dayStart("2026-06-01"),
//                                                      .to = dayStart("2026-06-08")});
//
// The booth of a submission is the booth of the student's kiosk session that started last
// before it (within 12 hours); a payment's booth likewise; a decision counts for the booth its
// capture was submitted at. Rows without a booth (staff imports on the command line) have an
// empty booth.
//
// First-time pass rate: of the students whose first submitted capture got its first decision in
// the period, the share whose decision was an approval (counted on the day of that decision).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/store/database.h"
#include "gradphoto/store/records.h"

namespace gradphoto::stats {

struct PaymentTally {
    std::int64_t orders = 0;
    std::int64_t fen = 0;
};

struct BoothDay {
    std::string day;    // "2026-06-01" (empty in the total)
    std::string booth;  // kiosk.booth_id; empty when unknown (and in the total)
    std::int64_t sessions = 0;
    PaymentTally paid;
    std::map<std::string, PaymentTally> paidBy;  // "wechat", "campus", "staff/cash", ...
    std::int64_t submissions = 0;
    std::int64_t approvals = 0;
    std::int64_t rejections = 0;  // rejections and revocations
    std::map<std::string, std::int64_t> rejectionsByReason;
    std::int64_t firstDecided = 0;
    std::int64_t firstApproved = 0;
    std::int64_t prints = 0;  // printed pieces (print_jobs that succeeded, their copies)

    // firstApproved / firstDecided; nullopt when nothing was decided.
    std::optional<double> firstPassRate() const;
    void add(const BoothDay& other);
};

struct StatisticsQuery {
    std::optional<store::UnixTime> from;  // inclusive
    std::optional<store::UnixTime> to;    // exclusive
};

struct StatisticsReport {
    std::vector<BoothDay> rows;  // by day, then booth
    BoothDay total;
};

StatisticsReport collectStatistics(store::Database& db, const StatisticsQuery& query);

// The local day of a time ("2026-06-01") and the start of a local day; nullopt for a malformed
// day.
std::string localDay(store::UnixTime t);
std::optional<store::UnixTime> dayStart(const std::string& day);

}  // namespace gradphoto::stats
