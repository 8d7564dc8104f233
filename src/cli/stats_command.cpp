// gradphoto stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE] [--json]: statistics per
// day and booth.

#include <iomanip>
#include <ostream>
#include <sstream>

#include "command.h"
#include "gradphoto/common/atomic_file.h"
#include "gradphoto/stats/statistics_table.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

const char* kHelp =
    "usage: gradphoto stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv FILE] [--json]\n\n"
    "Per day (local time) and per booth: kiosk sessions, paid orders and amount (fen) by\n"
    "provider, submissions, approvals, rejections by reason, and the first-time pass rate (of\n"
    "the students whose first submitted photo was decided that day, the share approved), and the\n"
    "printed pieces.\n"
    "--from and --to are inclusive days; without them, everything.\n\n"
    "  --csv FILE  also write the table as CSV (UTF-8 with BOM for Excel; last row the total)\n"
    "  --json      "
    "{\"rows\":[{\"day\",\"booth\",\"sessions\",\"paid_orders\",\"paid_fen\",\"paid_by\",\n"
    "              \"submissions\",\"approvals\",\"rejections\",\"rejections_by_reason\",\n"
    "              \"first_decided\",\"first_approved\",\"first_pass_rate\",\"prints\"}],\n"
    "              \"total\":{...}}\n\n"
    "Exit 0 done; 1 nothing happened in the period; 2 bad usage or a malformed day; 3 unreadable\n"
    "database or an unwritable CSV file.\n";

std::string percent(const std::optional<double>& rate) {
    if (!rate) return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << *rate * 100 << "%";
    return out.str();
}

std::string yuan(std::int64_t fen) {
    std::ostringstream out;
    out << fen / 100 << '.' << std::setw(2) << std::setfill('0') << fen % 100;
    return out.str();
}

void printTable(std::ostream& out, const stats::StatisticsReport& report) {
    out << std::left << std::setw(12) << "day" << std::setw(8) << "booth" << std::right
        << std::setw(9) << "sessions" << std::setw(6) << "paid" << std::setw(10) << "yuan"
        << std::setw(8) << "submit" << std::setw(9) << "approve" << std::setw(8) << "reject"
        << std::setw(11) << "first pass" << std::setw(7) << "prints" << '\n';
    auto line = [&](const stats::BoothDay& row, const std::string& day, const std::string& booth) {
        out << std::left << std::setw(12) << day << std::setw(8) << (booth.empty() ? "-" : booth)
            << std::right << std::setw(9) << row.sessions << std::setw(6) << row.paid.orders
            << std::setw(10) << yuan(row.paid.fen) << std::setw(8) << row.submissions
            << std::setw(9) << row.approvals << std::setw(8) << row.rejections << std::setw(11)
            << percent(row.firstPassRate()) << std::setw(7) << row.prints << '\n';
    };
    for (const auto& row : report.rows) line(row, row.day, row.booth);
    line(report.total, "total", "");
    if (!report.total.rejectionsByReason.empty()) {
        out << "rejections by reason:";
        for (const auto& [reason, n] : report.total.rejectionsByReason)
            out << ' ' << (reason.empty() ? "(none)" : reason) << '=' << n;
        out << '\n';
    }
}

int runStats(CommandContext& ctx) {
    ArgParser p;
    p.option("--from").option("--to").option("--csv");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    if (!p.positional().empty()) return ctx.fail(kExitUsage, "stats takes no arguments");
    stats::StatisticsQuery query;
    if (const auto from = p.value("--from")) {
        query.from = stats::dayStart(*from);
        if (!query.from) return ctx.fail(kExitUsage, "--from must be a day YYYY-MM-DD");
    }
    if (const auto to = p.value("--to")) {
        const auto start = stats::dayStart(*to);
        if (!start) return ctx.fail(kExitUsage, "--to must be a day YYYY-MM-DD");
        // The day after, at local midnight (days are not always 24 hours long).
        query.to = stats::dayStart(stats::localDay(*start + 36 * 3600));
    }
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto report = stats::collectStatistics(store->database(), query);
        if (const auto csv = p.value("--csv"))
            writeFileAtomically(*csv, stats::statisticsCsv(report));
        if (ctx.globals.json)
            ctx.out << stats::statisticsJson(report).dump() << '\n';
        else
            printTable(ctx.out, report);
        return report.rows.empty() ? kExitNo : kExitOk;
    });
}

const CommandRegistration kStats({"stats", "statistics per day and booth (CSV, JSON)", kHelp,
                                  runStats});

}  // namespace
}  // namespace gradphoto::cli
