#pragma once

// The statistics as a CSV table (UTF-8 with BOM, RFC 4180 quoting, so Excel opens it) and as
// JSON for `gradphoto stats --json`.
//
// CSV columns: day, booth, sessions, paid_orders, paid_fen, submissions, approvals, rejections,
// first_decided, first_approved, first_pass_rate, prints, then one column per payment kind
// (paid_<kind>_orders, paid_<kind>_fen) and one per rejection reason (rejected_<code>) seen in
// the report; the last row is the total (day "total").

#include <nlohmann/json.hpp>
#include <string>

#include "gradphoto/stats/statistics.h"

namespace gradphoto::stats {

std::string statisticsCsv(const StatisticsReport& report);
nlohmann::json statisticsJson(const StatisticsReport& report);

}  // namespace gradphoto::stats
