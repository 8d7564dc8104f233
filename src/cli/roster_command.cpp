// gradphoto roster check FILE.csv: parse the student roster and report the rows it would take and
// refuse, without storing anything. `roster import` / `roster list` need the store.

#include <nlohmann/json.hpp>
#include <ostream>

#include "command.h"
#include "gradphoto/identify/roster_csv.h"

namespace gradphoto::cli {
namespace {

int runCheck(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1) {
        return ctx.fail(kExitUsage, "usage: gradphoto roster check FILE.csv");
    }
    const auto parse = identify::parseRosterCsv(parser.positional().front());
    const bool zh = ctx.globals.lang == "zh";
    if (ctx.globals.json) {
        nlohmann::ordered_json report{{"file", parser.positional().front()},
                                      {"encoding", parse.encoding},
                                      {"bom", parse.hadBom},
                                      {"taken", parse.rows.size()},
                                      {"refused_count", parse.refused.size()},
                                      {"without_code", parse.rowsWithoutCode},
                                      {"refused", nlohmann::json::array()}};
        for (const auto& r : parse.refused) {
            report["refused"].push_back(
                {{"line", r.line},
                 {"student", r.studentNo},
                 {"reason", std::string(identify::rosterRefusalName(r.reason))},
                 {"message_zh", r.message_zh},
                 {"message_en", r.message_en}});
        }
        ctx.out << report.dump(2) << '\n';
    } else {
        if (zh) {
            ctx.out << "编码 " << parse.encoding << (parse.hadBom ? "（带 BOM）" : "")
                    << "；可导入 " << parse.rows.size() << " 行，拒绝 " << parse.refused.size()
                    << " 行";
            if (parse.rowsWithoutCode) ctx.out << "；" << parse.rowsWithoutCode << " 行没有采集码";
        } else {
            ctx.out << "encoding " << parse.encoding << (parse.hadBom ? " with BOM" : "")
                    << "; rows taken: " << parse.rows.size()
                    << ", refused: " << parse.refused.size();
            if (parse.rowsWithoutCode) {
                ctx.out << "; " << parse.rowsWithoutCode
                        << " without a collection code (cannot be found by scanning)";
            }
        }
        ctx.out << '\n';
        for (const auto& r : parse.refused) {
            ctx.out << "  " << (zh ? r.message_zh : r.message_en) << '\n';
        }
    }
    return parse.refused.empty() ? kExitOk : kExitNo;
}

int runRoster(CommandContext& ctx) {
    if (ctx.args.empty()) return ctx.fail(kExitUsage, "usage: gradphoto roster check FILE.csv");
    const std::string sub = ctx.args.front();
    const std::vector<std::string> rest(ctx.args.begin() + 1, ctx.args.end());
    if (sub == "check") return runCheck(ctx, rest);
    return ctx.fail(kExitUsage, "unknown roster subcommand " + sub + " (this build has: check)");
}

const CommandRegistration kRoster{{
    "roster",
    "student roster: check a CSV before import",
    "usage: gradphoto roster check FILE.csv [--json]\n\n"
    "Parses a roster CSV (UTF-8 or GBK, with or without BOM, Excel quoting; headers in Chinese or\n"
    "English: 学号/student_no, 姓名/name, 身份证号/id_number, 院系/department, 专业/major,\n"
    "层次/level, 采集码/collection_code as the payload or its SHA-256) and reports the rows that\n"
    "would be taken and the rows refused and why: missing fields, wrong field count, bad ID "
    "number\n"
    "(GB 11643 check digit), duplicate 学号, duplicate collection code. Nothing is stored.\n\n"
    "Exit: 0 every row would be taken; 1 some rows are refused; 3 the file cannot be read or its\n"
    "header lacks 学号, 姓名 or 身份证号.\n",
    runRoster,
}};

}  // namespace
}  // namespace gradphoto::cli
