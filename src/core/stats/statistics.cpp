#include "gradphoto/stats/statistics.h"

#include <cstdio>
#include <ctime>
#include <limits>
#include <tuple>

namespace gradphoto::stats {
using store::UnixTime;

namespace {

// The booth of the student's kiosk session that started last before `time`, within 12 hours.
std::string boothOf(const std::string& studentColumn, const std::string& timeColumn) {
    return "COALESCE((SELECT s.booth_id FROM kiosk_sessions s WHERE s.student_no = " +
           studentColumn + " AND s.started_at <= " + timeColumn + " AND s.started_at > " +
           timeColumn + " - 43200 ORDER BY s.started_at DESC, s.id DESC LIMIT 1), '')";
}

class Tally {
  public:
    explicit Tally(const StatisticsQuery& query)
        : from_(query.from.value_or(std::numeric_limits<UnixTime>::min())),
          to_(query.to.value_or(std::numeric_limits<UnixTime>::max())) {}

    // The row of (day of t, booth), or nullptr when t is outside the period.
    BoothDay* at(UnixTime t, const std::string& booth) {
        if (t < from_ || t >= to_) return nullptr;
        const std::string day = localDay(t);
        auto& row = rows_[{day, booth}];
        row.day = day;
        row.booth = booth;
        return &row;
    }

    StatisticsReport report() const {
        StatisticsReport report;
        for (const auto& [key, row] : rows_) {
            report.rows.push_back(row);
            report.total.add(row);
        }
        return report;
    }

    UnixTime from() const { return from_; }
    UnixTime to() const { return to_; }

  private:
    UnixTime from_, to_;
    std::map<std::pair<std::string, std::string>, BoothDay> rows_;
};

}  // namespace

std::optional<double> BoothDay::firstPassRate() const {
    if (firstDecided == 0) return std::nullopt;
    return static_cast<double>(firstApproved) / static_cast<double>(firstDecided);
}

void BoothDay::add(const BoothDay& other) {
    sessions += other.sessions;
    paid.orders += other.paid.orders;
    paid.fen += other.paid.fen;
    for (const auto& [kind, tally] : other.paidBy) {
        paidBy[kind].orders += tally.orders;
        paidBy[kind].fen += tally.fen;
    }
    submissions += other.submissions;
    approvals += other.approvals;
    rejections += other.rejections;
    for (const auto& [reason, n] : other.rejectionsByReason) rejectionsByReason[reason] += n;
    firstDecided += other.firstDecided;
    firstApproved += other.firstApproved;
    prints += other.prints;
}

std::string localDay(UnixTime t) {
    const std::time_t time = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&time, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::optional<UnixTime> dayStart(const std::string& day) {
    int y = 0, m = 0, d = 0;
    char extra = 0;
    if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return std::nullopt;
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_isdst = -1;
    const std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1) || tm.tm_mday != d) return std::nullopt;  // 02-31
    return static_cast<UnixTime>(t);
}

StatisticsReport collectStatistics(store::Database& db, const StatisticsQuery& query) {
    Tally tally(query);
    auto between = [&](store::Statement& statement) {
        statement.bind(1, tally.from()).bind(2, tally.to());
    };
    {
        auto rows = db.prepare(
            "SELECT booth_id, started_at FROM kiosk_sessions WHERE started_at >= ? AND "
            "started_at < ?");
        between(rows);
        while (rows.step())
            if (auto* row = tally.at(rows.integer(1), rows.text(0))) ++row->sessions;
    }
    {
        auto rows = db.prepare(
            "SELECT p.provider, p.settlement, p.amount_fen, p.paid_at, " +
            boothOf("p.student_no", "p.paid_at") +
            " FROM payments p WHERE p.state = 'paid' AND p.paid_at >= ? AND p.paid_at < ?");
        between(rows);
        while (rows.step()) {
            auto* row = tally.at(rows.integer(3), rows.text(4));
            if (!row) continue;
            const std::string kind =
                rows.text(0) + (rows.text(1).empty() ? "" : "/" + rows.text(1));
            const auto fen = rows.integer(2);
            row->paid.orders += 1;
            row->paid.fen += fen;
            row->paidBy[kind].orders += 1;
            row->paidBy[kind].fen += fen;
        }
    }
    {
        auto rows =
            db.prepare("SELECT c.submitted_at, " + boothOf("c.student_no", "c.submitted_at") +
                       " FROM captures c WHERE c.submitted_at >= ? AND c.submitted_at < ?");
        between(rows);
        while (rows.step())
            if (auto* row = tally.at(rows.integer(0), rows.text(1))) ++row->submissions;
    }
    {
        auto rows = db.prepare(
            "SELECT r.at, r.decision, r.reason_code, " + boothOf("c.student_no", "c.submitted_at") +
            " FROM reviews r JOIN captures c ON c.id = r.capture_id WHERE r.at >= ? AND r.at < ?");
        between(rows);
        while (rows.step()) {
            auto* row = tally.at(rows.integer(0), rows.text(3));
            if (!row) continue;
            if (rows.text(1) == "approve") {
                ++row->approvals;
            } else {
                ++row->rejections;
                ++row->rejectionsByReason[rows.text(2)];
            }
        }
    }
    {
        // Each student's first submitted capture and its first decision.
        auto rows = db.prepare(
            "WITH first AS (SELECT student_no, MIN(id) AS id FROM captures "
            "               WHERE submitted_at IS NOT NULL GROUP BY student_no), "
            "decided AS (SELECT f.id, "
            "  (SELECT r.decision FROM reviews r WHERE r.capture_id = f.id AND r.decision IN "
            "   ('approve', 'reject') ORDER BY r.at, r.id LIMIT 1) AS decision, "
            "  (SELECT r.at FROM reviews r WHERE r.capture_id = f.id AND r.decision IN "
            "   ('approve', 'reject') ORDER BY r.at, r.id LIMIT 1) AS at FROM first f) "
            "SELECT d.decision, d.at, " +
            boothOf("c.student_no", "c.submitted_at") +
            " FROM decided d JOIN captures c ON c.id = d.id "
            "WHERE d.decision IS NOT NULL AND d.at >= ? AND d.at < ?");
        between(rows);
        while (rows.step()) {
            auto* row = tally.at(rows.integer(1), rows.text(2));
            if (!row) continue;
            ++row->firstDecided;
            if (rows.text(0) == "approve") ++row->firstApproved;
        }
    }
    {
        auto rows = db.prepare(
            "SELECT printed_at, booth_id, copies FROM print_jobs WHERE ok = 1 AND printed_at >= ? "
            "AND printed_at < ?");
        between(rows);
        while (rows.step())
            if (auto* row = tally.at(rows.integer(0), rows.text(1))) row->prints += rows.integer(2);
    }
    return tally.report();
}

}  // namespace gradphoto::stats
