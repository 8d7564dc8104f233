// gradphoto export --out DIR [--zip] [--batch NAME] [--since YYYY-MM-DD] [--pattern P]
//                  [--encoding utf8|gbk] --staff ADMIN

#include <cstdio>
#include <ctime>
#include <ostream>
#include <regex>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/export/batch_export.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

// Local midnight at the start of YYYY-MM-DD, or nullopt when the text is not such a date.
std::optional<store::UnixTime> startOfLocalDay(const std::string& text) {
    static const std::regex kDate(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, kDate)) return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    tm.tm_isdst = -1;
    const int year = tm.tm_year, month = tm.tm_mon, day = tm.tm_mday;
    const std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1) || tm.tm_year != year || tm.tm_mon != month ||
        tm.tm_mday != day)
        return std::nullopt;  // 2026-02-30 and the like
    return static_cast<store::UnixTime>(t);
}

nlohmann::json summaryJson(const CommandContext& ctx, const exports::ExportSummary& s) {
    auto exported = nlohmann::json::array();
    for (const auto& item : s.exported)
        exported.push_back({{"capture", item.captureId},
                            {"file", item.fileName},
                            {"sha256", item.sha256},
                            {"bytes", item.bytes}});
    auto refused = nlohmann::json::array();
    for (const auto& r : s.refused)
        refused.push_back({{"capture", r.captureId},
                           {"student", r.studentNo},
                           {"code", r.problem.code},
                           {"message", localized(ctx, r.problem)}});
    return {
        {"batch", s.batchName},
        {"folder", s.folder.string()},
        {"zip", s.zipFile.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.zipFile.string())},
        {"exported", exported},
        {"already_in_batch", s.alreadyInBatch},
        {"total_in_batch", s.totalInBatch},
        {"refused", refused},
        {"cancelled", s.cancelled}};
}

int runExport(CommandContext& ctx) {
    ArgParser parser;
    parser.option("--out").option("--batch").option("--since").option("--pattern");
    parser.option("--encoding").option("--staff").flag("--zip");
    if (const auto problem = parser.parse(ctx.args)) return ctx.fail(kExitUsage, *problem);
    if (!parser.positional().empty())
        return ctx.fail(kExitUsage,
                        "export takes no positional arguments (see gradphoto help "
                        "export)");
    if (!parser.value("--out")) return ctx.fail(kExitUsage, "missing --out DIR");
    if (!parser.value("--staff"))
        return ctx.fail(kExitUsage,
                        "missing --staff ADMIN (the PIN comes from GRADPHOTO_PIN or the terminal)");
    exports::ExportRequest request;
    request.outDir = *parser.value("--out");
    request.batchName = parser.value("--batch").value_or("");
    request.pattern = parser.value("--pattern").value_or(exports::kDefaultPattern);
    request.zip = parser.has("--zip");
    if (const auto since = parser.value("--since")) {
        request.approvedSince = startOfLocalDay(*since);
        if (!request.approvedSince)
            return ctx.fail(kExitUsage, "--since needs a date YYYY-MM-DD, not " + *since);
    }
    return runRefusable(ctx, [&]() -> int {
        if (const auto encoding = parser.value("--encoding"))
            request.encoding = exports::parseManifestEncoding(*encoding);
        exports::FileNamePattern check(request.pattern);  // usage errors before the PIN
        auto store = openRecordStore(ctx);
        const auto admin = signInStaff(*store, *parser.value("--staff"));
        exports::PhotoVerifier verifier;
        exports::BatchExport exporter(*store, verifier);
        const auto summary = exporter.run(request, admin);
        if (ctx.globals.json) {
            ctx.out << summaryJson(ctx, summary).dump(2) << '\n';
        } else {
            ctx.out << "batch " << summary.batchName << ": " << summary.exported.size()
                    << " exported, " << summary.alreadyInBatch << " already in the batch, "
                    << summary.refused.size() << " refused; " << summary.totalInBatch
                    << " photos in " << summary.folder.string() << '\n';
            if (!summary.zipFile.empty()) ctx.out << "zip: " << summary.zipFile.string() << '\n';
            for (const auto& r : summary.refused)
                ctx.out << "refused: capture " << r.captureId << " (student " << r.studentNo
                        << "): " << localized(ctx, r.problem) << '\n';
        }
        return summary.refused.empty() ? kExitOk : kExitNo;
    });
}

const CommandRegistration kExport({
    "export",
    "export approved photos for the CHSI upload (admin)",
    "usage: gradphoto export --out DIR [--zip] [--batch NAME] [--since YYYY-MM-DD]\n"
    "                        [--pattern P] [--encoding utf8|gbk] --staff ADMIN [--json]\n"
    "\n"
    "Writes every approved final photo (the current approved capture of each student) once into\n"
    "DIR/BATCH/, named by the pattern, with DIR/BATCH/manifest.csv and manifest.json; --zip also\n"
    "writes DIR/BATCH.zip (photos and manifests). The batch defaults to chsi-YYYYMMDD (today).\n"
    "Running a batch again adds only photos approved since, and resumes an interrupted export;\n"
    "a ZIP under its name is always complete. Each photo is checked again before it is written:\n"
    "its SHA-256 against the record and `inspect` against its preset; a photo that fails, or a\n"
    "student without the field the pattern needs, is listed as refused and not exported.\n"
    "\n"
    "  --pattern P     file names: {身份证号}.jpg (default), {学号}.jpg, {考生号}.jpg, {姓名};\n"
    "                  unsafe characters become _, a repeated name gets _2, _3 ...\n"
    "  --since DATE    only photos approved on or after DATE (local time)\n"
    "  --encoding E    manifest.csv in utf8 (with BOM, default) or gbk\n"
    "  --staff ADMIN   an admin; the PIN comes from GRADPHOTO_PIN or the terminal\n"
    "  --json          the summary as JSON: batch, folder, zip, exported [{capture, file,\n"
    "                  sha256, bytes}], already_in_batch, total_in_batch, refused [{capture,\n"
    "                  student, code, message}], cancelled\n"
    "\n"
    "Exit codes: 0 done; 1 some photo refused (the rest exported), wrong PIN or not an admin;\n"
    "2 usage; 3 the output or the database cannot be written or read.\n",
    runExport,
});

}  // namespace
}  // namespace gradphoto::cli
