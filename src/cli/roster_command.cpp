// gradphoto roster check FILE.csv: parse the student roster and report the rows it would take and
// refuse, without storing anything.
// gradphoto roster import FILE.csv [--skip-bad]: the same parse, then the rows into the store in
// one transaction (all or nothing unless --skip-bad).
// gradphoto roster list [--status S] [--limit N] [--offset N]: the stored roster, names masked.
// gradphoto roster unlock NO --staff STAFF: clears the wrong last-four tries that locked a record
// at the kiosk (audit-logged under the staff member).

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "command.h"
#include "gradphoto/identify/roster_csv.h"
#include "gradphoto/store/masking.h"
#include "gradphoto/store/roster_store.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

// The refused rows as the --json reports list them.
nlohmann::json refusedJson(const std::vector<identify::RefusedRow>& refused) {
    auto array = nlohmann::json::array();
    for (const auto& r : refused) {
        array.push_back({{"line", r.line},
                         {"student", r.studentNo},
                         {"reason", std::string(identify::rosterRefusalName(r.reason))},
                         {"message_zh", r.message_zh},
                         {"message_en", r.message_en}});
    }
    return array;
}

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
                                      {"refused", refusedJson(parse.refused)}};
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

// Rows whose collection code another student of the store already holds (and keeps: that
// student is not in the file with another code). A scan would find two records: refuse the row.
std::vector<identify::RefusedRow> codeConflicts(store::RecordStore& store,
                                                const std::vector<identify::RosterRow>& rows) {
    std::map<std::string, std::string> newCode;  // 学号 -> code hash in this file
    for (const auto& r : rows) newCode[r.student.studentNo] = r.collectionCodeSha256;
    std::vector<identify::RefusedRow> out;
    for (const auto& r : rows) {
        if (r.collectionCodeSha256.empty()) continue;
        const auto holder = store.students().findByCollectionCodeSha256(r.collectionCodeSha256);
        if (!holder || holder->studentNo == r.student.studentNo) continue;
        const auto it = newCode.find(holder->studentNo);
        if (it != newCode.end() && it->second != r.collectionCodeSha256) continue;
        out.push_back({r.line, r.student.studentNo,
                       identify::RosterRefusal::kDuplicateCollectionCode,
                       "第 " + std::to_string(r.line) + " 行：采集码已属于库中另一名学生（学号 " +
                           holder->studentNo + "）",
                       "line " + std::to_string(r.line) +
                           ": the collection code already belongs to another stored student (" +
                           holder->studentNo + ")"});
    }
    return out;
}

int runImport(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.flag("--skip-bad");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1) {
        return ctx.fail(kExitUsage, "usage: gradphoto roster import FILE.csv [--skip-bad]");
    }
    const std::string file = parser.positional().front();
    const bool skipBad = parser.has("--skip-bad");
    const bool zh = ctx.globals.lang == "zh";
    return runRefusable(ctx, [&]() -> int {
        auto parse = identify::parseRosterCsv(file);
        auto store = openRecordStore(ctx);
        std::vector<identify::RefusedRow> refused = parse.refused;
        std::vector<identify::RosterRow> taken;
        {
            const auto conflicts = codeConflicts(*store, parse.rows);
            std::map<int, bool> conflictLines;
            for (const auto& c : conflicts) conflictLines[c.line] = true;
            for (auto& r : parse.rows)
                if (!conflictLines.count(r.line)) taken.push_back(std::move(r));
            refused.insert(refused.end(), conflicts.begin(), conflicts.end());
            std::sort(refused.begin(), refused.end(),
                      [](const auto& a, const auto& b) { return a.line < b.line; });
        }
        const bool importing = refused.empty() || skipBad;
        store::RosterImportResult result;
        if (importing && !taken.empty())
            result = store->students().importAll(store::studentsFromRoster(taken));
        if (ctx.globals.json) {
            nlohmann::ordered_json report{{"file", file},
                                          {"encoding", parse.encoding},
                                          {"imported", importing},
                                          {"taken", importing ? taken.size() : 0},
                                          {"inserted", result.inserted},
                                          {"updated", result.updated},
                                          {"refused_count", refused.size()},
                                          {"without_code", parse.rowsWithoutCode},
                                          {"refused", refusedJson(refused)}};
            ctx.out << report.dump(2) << '\n';
        } else {
            if (importing) {
                if (zh) {
                    ctx.out << "已导入 " << taken.size() << " 行（新增 " << result.inserted
                            << "，更新 " << result.updated << "）；拒绝 " << refused.size()
                            << " 行\n";
                } else {
                    ctx.out << "imported " << taken.size() << " rows (" << result.inserted
                            << " new, " << result.updated << " updated); refused " << refused.size()
                            << '\n';
                }
            } else {
                ctx.out
                    << (zh ? "未导入任何行：有 " : "nothing imported: ") << refused.size()
                    << (zh ? " 行被拒绝（改正后重试，或用 --skip-bad 跳过）\n"
                           : " rows refused (fix them, or pass --skip-bad to leave them out)\n");
            }
            for (const auto& r : refused)
                ctx.out << "  " << (zh ? r.message_zh : r.message_en) << '\n';
        }
        return importing ? kExitOk : kExitNo;
    });
}

nlohmann::ordered_json studentJson(const store::Student& s) {
    return {{"student", s.studentNo},     {"name", store::maskName(s.name)},
            {"department", s.department}, {"major", s.major},
            {"level", s.level},           {"status", s.status}};
}

int runList(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.option("--status").option("--limit").option("--offset");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (!parser.positional().empty())
        return ctx.fail(kExitUsage, "unexpected argument " + parser.positional().front());
    const auto limit = parser.count("--limit");
    const auto offset = parser.count("--offset");
    if ((limit && *limit < 0) || (offset && *offset < 0))
        return ctx.fail(kExitUsage, "--limit and --offset take a whole number");
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        std::vector<store::Student> students;
        store::StudentQuery query;
        query.status = parser.value("--status");
        query.offset = offset.value_or(0);
        constexpr int kPage = 1000;
        for (;;) {  // every student unless --limit
            query.limit =
                limit ? std::min(kPage, *limit - static_cast<int>(students.size())) : kPage;
            if (query.limit <= 0) break;
            auto page = store->students().list(query);
            const bool last = static_cast<int>(page.size()) < query.limit;
            query.offset += static_cast<int>(page.size());
            students.insert(students.end(), page.begin(), page.end());
            if (last) break;
        }
        if (ctx.globals.json) {
            auto array = nlohmann::ordered_json::array();
            for (const auto& s : students) array.push_back(studentJson(s));
            ctx.out << array.dump(2) << '\n';
        } else {
            for (const auto& s : students) {
                ctx.out << s.studentNo << '\t' << store::maskName(s.name) << '\t' << s.department
                        << '\t' << s.major << '\t' << s.level << '\t' << s.status << '\n';
            }
            if (students.empty())
                ctx.out << (ctx.globals.lang == "zh" ? "名册为空\n" : "roster empty\n");
        }
        return kExitOk;
    });
}

int runUnlock(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.option("--staff");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1 || !parser.value("--staff"))
        return ctx.fail(kExitUsage, "usage: gradphoto roster unlock STUDENT_NO --staff NO");
    const std::string studentNo = parser.positional().front();
    const bool zh = ctx.globals.lang == "zh";
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto staff = signInStaff(*store, *parser.value("--staff"));
        if (!store->students().find(studentNo))
            return ctx.fail(kExitNo, zh ? "名册中没有学号 " + studentNo
                                        : "no student " + studentNo + " in the roster");
        store::StoredAttemptCounter attempts(*store, staff.staffNo);
        const int failures = attempts.failures(studentNo);
        attempts.clear(studentNo);  // audit-logged as identify.attempts_cleared by the staff
        if (failures == 0) {
            ctx.out << (zh ? "学号 " + studentNo + " 没有错误尝试，无需解锁\n"
                           : "student " + studentNo + " had no wrong tries: nothing to unlock\n");
        } else {
            ctx.out << (zh ? "已解锁学号 " + studentNo + "（清除 " + std::to_string(failures) +
                                 " 次错误尝试）\n"
                           : "unlocked student " + studentNo + " (" + std::to_string(failures) +
                                 " wrong tries cleared)\n");
        }
        return kExitOk;
    });
}

int runRoster(CommandContext& ctx) {
    if (ctx.args.empty())
        return ctx.fail(kExitUsage, "usage: gradphoto roster check|import|list|unlock ...");
    const std::string sub = ctx.args.front();
    const std::vector<std::string> rest(ctx.args.begin() + 1, ctx.args.end());
    if (sub == "check") return runCheck(ctx, rest);
    if (sub == "import") return runImport(ctx, rest);
    if (sub == "list") return runList(ctx, rest);
    if (sub == "unlock") return runUnlock(ctx, rest);
    return ctx.fail(kExitUsage,
                    "unknown roster subcommand " + sub + " (check, import, list, unlock)");
}

const CommandRegistration kRoster{{
    "roster",
    "student roster: check, import, list, unlock",
    "usage: gradphoto roster check FILE.csv [--json]\n"
    "       gradphoto roster import FILE.csv [--skip-bad] [--json]\n"
    "       gradphoto roster list [--status S] [--limit N] [--offset N] [--json]\n"
    "       gradphoto roster unlock STUDENT_NO --staff NO\n\n"
    "Parses a roster CSV (UTF-8 or GBK, with or without BOM, Excel quoting; headers in Chinese or\n"
    "English: 学号/student_no, 姓名/name, 身份证号/id_number, 院系/department, 专业/major,\n"
    "层次/level, 采集码/collection_code as the payload or its SHA-256) and reports the rows that\n"
    "would be taken and the rows refused and why: missing fields, wrong field count, bad ID "
    "number\n"
    "(GB 11643 check digit), duplicate 学号, duplicate collection code. Nothing is stored.\n\n"
    "Exit: 0 every row would be taken; 1 some rows are refused; 3 the file cannot be read or its\n"
    "header lacks 学号, 姓名 or 身份证号.\n\n"
    "import: the same parse, then every row into the store of --data-dir in one transaction. A\n"
    "known 学号 gets the new details and keeps its status and captures. A row whose collection\n"
    "code another stored student holds is refused too. With any refused row nothing is imported\n"
    "(exit 1) unless --skip-bad, which imports the good rows and lists the refused ones (exit "
    "0).\n\n"
    "list: the stored students by 学号, names masked; --json prints\n"
    "[{\"student\",\"name\",\"department\",\"major\",\"level\",\"status\"}].\n\n"
    "unlock: five wrong last-four tries at the kiosk lock a record; a staff member (--staff, PIN\n"
    "from GRADPHOTO_PIN or the terminal) checks the student's identity and clears the tries. The\n"
    "audit log records who unlocked whom. Exit 1 for an unknown 学号.\n",
    runRoster,
}};

}  // namespace
}  // namespace gradphoto::cli
