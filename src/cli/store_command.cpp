// gradphoto store check / store info: the consistency of the record store.

#include <ostream>

#include "command.h"
#include "gradphoto/store/schema.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

int runCheck(CommandContext& ctx) {
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto report = store->checkConsistency();
        if (ctx.globals.json) {
            ctx.out << nlohmann::json{{"sound", report.sound()},
                                      {"integrity", report.integrityProblems},
                                      {"foreign_keys", report.foreignKeyProblems},
                                      {"rows_without_files", report.rowsWithoutFiles},
                                      {"files_without_rows", report.filesWithoutRows}}
                           .dump(2)
                    << '\n';
        } else {
            ctx.out << "database integrity: "
                    << (report.integrityProblems.empty() ? "ok" : "PROBLEMS") << '\n';
            for (const auto& p : report.integrityProblems) ctx.out << "  " << p << '\n';
            for (const auto& p : report.foreignKeyProblems)
                ctx.out << "  foreign key: " << p << '\n';
            ctx.out << "rows without files: " << report.rowsWithoutFiles.size() << '\n';
            for (const auto& p : report.rowsWithoutFiles) ctx.out << "  " << p << '\n';
            ctx.out << "files without rows: " << report.filesWithoutRows.size()
                    << " (left by interrupted submissions; harmless)\n";
        }
        return report.sound() ? kExitOk : kExitNo;
    });
}

int runStore(CommandContext& ctx) {
    ArgParser parser;
    if (const auto problem = parser.parse(ctx.args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1 || parser.positional().front() != "check")
        return ctx.fail(kExitUsage, "usage: gradphoto store check");
    return runCheck(ctx);
}

const CommandRegistration kStore({
    "store",
    "check the database and the photo folder",
    "usage: gradphoto store check\n"
    "\n"
    "Opens the store of --data-dir (applying schema migrations after a backup into\n"
    "DATA_DIR/backups), then reports PRAGMA integrity_check, foreign key problems, captures\n"
    "whose photo files are missing, and photo files no capture refers to.\n"
    "Exit codes: 0 sound; 1 problems found; 3 unreadable, damaged or locked database.\n",
    runStore,
});

}  // namespace
}  // namespace gradphoto::cli
