#include "gradphoto/stats/statistics_table.h"

#include <cstdio>
#include <set>
#include <sstream>
#include <vector>

namespace gradphoto::stats {

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string rateText(const BoothDay& row) {
    const auto rate = row.firstPassRate();
    if (!rate) return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", *rate);
    return buf;
}

nlohmann::json rowJson(const BoothDay& row) {
    nlohmann::json paidBy = nlohmann::json::object();
    for (const auto& [kind, tally] : row.paidBy)
        paidBy[kind] = {{"orders", tally.orders}, {"fen", tally.fen}};
    nlohmann::json reasons = nlohmann::json::object();
    for (const auto& [reason, n] : row.rejectionsByReason) reasons[reason] = n;
    const auto rate = row.firstPassRate();
    return {{"day", row.day},
            {"booth", row.booth},
            {"sessions", row.sessions},
            {"paid_orders", row.paid.orders},
            {"paid_fen", row.paid.fen},
            {"paid_by", paidBy},
            {"submissions", row.submissions},
            {"approvals", row.approvals},
            {"rejections", row.rejections},
            {"rejections_by_reason", reasons},
            {"first_decided", row.firstDecided},
            {"first_approved", row.firstApproved},
            {"first_pass_rate", rate ? nlohmann::json(*rate) : nlohmann::json(nullptr)},
            {"prints", row.prints}};
}

}  // namespace

std::string statisticsCsv(const StatisticsReport& report) {
    std::set<std::string> kinds, reasons;
    for (const auto& row : report.rows) {
        for (const auto& [kind, tally] : row.paidBy) kinds.insert(kind);
        for (const auto& [reason, n] : row.rejectionsByReason) reasons.insert(reason);
    }
    std::ostringstream out;
    out << "\xEF\xBB\xBF";  // the BOM tells Excel the file is UTF-8
    out << "day,booth,sessions,paid_orders,paid_fen,submissions,approvals,rejections,"
           "first_decided,first_approved,first_pass_rate,prints";
    for (const auto& kind : kinds)
        out << ',' << csvField("paid_" + kind + "_orders") << ','
            << csvField("paid_" + kind + "_fen");
    for (const auto& reason : reasons) out << ',' << csvField("rejected_" + reason);
    out << "\r\n";
    std::vector<BoothDay> rows = report.rows;
    rows.push_back(report.total);
    rows.back().day = "total";
    for (const auto& row : rows) {
        out << csvField(row.day) << ',' << csvField(row.booth) << ',' << row.sessions << ','
            << row.paid.orders << ',' << row.paid.fen << ',' << row.submissions << ','
            << row.approvals << ',' << row.rejections << ',' << row.firstDecided << ','
            << row.firstApproved << ',' << rateText(row) << ',' << row.prints;
        for (const auto& kind : kinds) {
            const auto it = row.paidBy.find(kind);
            const PaymentTally tally = it == row.paidBy.end() ? PaymentTally{} : it->second;
            out << ',' << tally.orders << ',' << tally.fen;
        }
        for (const auto& reason : reasons) {
            const auto it = row.rejectionsByReason.find(reason);
            out << ',' << (it == row.rejectionsByReason.end() ? 0 : it->second);
        }
        out << "\r\n";
    }
    return out.str();
}

nlohmann::json statisticsJson(const StatisticsReport& report) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : report.rows) rows.push_back(rowJson(row));
    auto total = rowJson(report.total);
    total.erase("day");
    total.erase("booth");
    return {{"rows", rows}, {"total", total}};
}

}  // namespace gradphoto::stats
