// gradphoto purge [--apply] [--json] --staff ADMIN: the retention purge (dry run by default).
// gradphoto purge --scheduled: the same, applied unattended by a timer when the settings allow it.

#include <ostream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/retention/purge_plan.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

const char* kHelp =
    "usage: gradphoto purge [--apply] [--json] --staff ADMIN\n"
    "       gradphoto purge --scheduled [--json]\n\n"
    "Removes personal data the retention settings no longer keep (settings file key\n"
    "\"retention\": raw_days 30, rejected_days 90, exported_batch_days 180 by default; null keeps\n"
    "a kind forever): raw captures, rejected or replaced final photos, and the files of complete\n"
    "export batches older than that. An approved photo that no export batch holds is never\n"
    "touched. Without --apply it only shows what it would remove (a dry run). Needs an admin:\n"
    "the PIN comes from GRADPHOTO_PIN or the terminal. The run is audit-logged\n"
    "(retention.purge).\n\n"
    "  --apply   remove the files and mark the records (captures.raw_purged_at/final_purged_at)\n"
    "  --scheduled  for a nightly timer: applies the purge without a PIN, as actor\n"
    "            \"system:scheduled\", only when the settings file says \"retention\":\n"
    "            {\"scheduled\": true} (the admin who protects that file decides); refused (1)\n"
    "            otherwise\n"
    "  --json    "
    "{\"dry_run\",\"raw\",\"rejected\",\"export_batches\",\"leftover\",\"files\",\"bytes\",\n"
    "            \"approved_unexported_kept\",\"files_deleted\",\"bytes_freed\",\"problems\"}\n\n"
    "Exit 0 done (also when there is nothing to purge); 1 wrong PIN, locked or not an admin, or\n"
    "some file could not be deleted; 2 bad usage; 3 unreadable settings or database.\n";

int runPurge(CommandContext& ctx) {
    ArgParser p;
    p.flag("--apply").flag("--scheduled").option("--staff");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    if (!p.positional().empty()) return ctx.fail(kExitUsage, "purge takes no arguments");
    const bool scheduled = p.has("--scheduled");
    if (scheduled && (p.value("--staff") || p.has("--apply")))
        return ctx.fail(kExitUsage, "--scheduled takes no --staff or --apply (it always applies)");
    if (!scheduled && !p.value("--staff"))
        return ctx.fail(kExitUsage,
                        "missing --staff ADMIN (the PIN comes from GRADPHOTO_PIN or the terminal)");
    return runRefusable(ctx, [&]() -> int {
        const auto settings = retention::loadRetentionSettings(
            ctx.globals.configFile ? std::optional<std::filesystem::path>(*ctx.globals.configFile)
                                   : std::nullopt);
        for (const auto& key : settings.unknownKeys)
            ctx.err << "gradphoto: unknown setting " << key << " (ignored)\n";
        if (scheduled && !settings.scheduled)
            throw store::Refusal({"not_scheduled", "设置文件未允许定时清理（retention.scheduled）",
                                  "the settings file does not allow a scheduled purge "
                                  "(retention.scheduled is not true)"});
        auto store = openRecordStore(ctx);
        std::string actor = "system:scheduled";
        if (!scheduled) {
            const auto admin = signInStaff(*store, *p.value("--staff"));
            if (admin.role != store::StaffRole::kAdmin)
                throw store::Refusal(
                    {"forbidden", "只有管理员可以清理数据", "only an admin may purge data"});
            actor = admin.staffNo;
        }
        const bool apply = scheduled || p.has("--apply");
        auto plan = retention::planPurge(*store, settings, store::systemNow());
        retention::PurgeResult result;
        if (apply)
            result = retention::applyPurge(*store, plan, actor);
        else
            result.plan = plan;
        using retention::PurgeKind;
        if (ctx.globals.json) {
            ctx.out << nlohmann::json{{"dry_run", !apply},
                                      {"raw", plan.count(PurgeKind::kRawCapture)},
                                      {"rejected", plan.count(PurgeKind::kRejectedPhoto)},
                                      {"export_batches", plan.count(PurgeKind::kExportBatch)},
                                      {"leftover", plan.count(PurgeKind::kLeftoverPhoto)},
                                      {"files", plan.fileCount()},
                                      {"bytes", plan.bytes()},
                                      {"approved_unexported_kept", plan.approvedUnexportedKept},
                                      {"files_deleted", result.filesDeleted},
                                      {"bytes_freed", result.bytesFreed},
                                      {"problems", result.problems}}
                           .dump()
                    << '\n';
        } else {
            ctx.out << (apply ? "purged" : "dry run, would purge") << ": "
                    << plan.count(PurgeKind::kRawCapture) << " raw captures, "
                    << plan.count(PurgeKind::kRejectedPhoto) << " rejected or replaced photos, "
                    << plan.count(PurgeKind::kExportBatch) << " export batches, "
                    << plan.count(PurgeKind::kLeftoverPhoto) << " leftover files ("
                    << plan.fileCount() << " files, " << plan.bytes() << " bytes)\n"
                    << "kept: " << plan.approvedUnexportedKept
                    << " approved photos not exported yet\n";
            if (apply)
                ctx.out << "deleted " << result.filesDeleted << " files, " << result.bytesFreed
                        << " bytes\n";
            else
                ctx.out << "run again with --apply to remove them\n";
            for (const auto& problem : result.problems)
                ctx.err << "gradphoto: cannot delete " << problem << '\n';
        }
        return result.problems.empty() ? kExitOk : kExitNo;
    });
}

const CommandRegistration kPurge({"purge", "retention purge of old personal data (admin)", kHelp,
                                  runPurge});

}  // namespace
}  // namespace gradphoto::cli
