#include "gradphoto/retention/purge_plan.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>

#include "gradphoto/common/error.h"

namespace gradphoto::retention {
namespace fs = std::filesystem;
using store::UnixTime;

namespace {

constexpr UnixTime kDay = 86400;

// The size of file, 0 when it is absent (already gone).
std::int64_t sizeOf(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

bool isFile(const fs::path& file) {
    std::error_code ec;
    return fs::is_regular_file(file, ec);
}

// Per photo hash: the rows (capture id, raw or final) that still need the file.
struct PhotoNeeds {
    std::map<std::string, int> liveSlots;
    std::set<std::string> anySlots;  // every hash a row refers to, purged or not
};

PhotoNeeds photoNeeds(store::Database& db) {
    PhotoNeeds needs;
    auto rows = db.prepare(
        "SELECT raw_sha256, raw_purged_at IS NULL, final_sha256, final_purged_at IS NULL "
        "FROM captures");
    while (rows.step()) {
        for (int column : {0, 2}) {
            const std::string hash = rows.text(column);
            needs.anySlots.insert(hash);
            if (rows.integer(column + 1)) ++needs.liveSlots[hash];
        }
    }
    return needs;
}

// The items of one kind of capture photo, with files only where every live slot of the hash
// goes in this plan.
struct Slot {
    PurgeKind kind;
    std::int64_t captureId;
    std::string hash;
    UnixTime since;
};

// The files of an export batch as the export writes them (src/core/export/batch_export.cpp):
// OUT_DIR/NAME/<file_name> for each item plus manifest.csv and manifest.json, and the ZIP
// OUT_DIR/<zip_file>. Nothing else in OUT_DIR is touched.
std::vector<fs::path> batchFiles(store::Database& db, std::int64_t batchId, const fs::path& outDir,
                                 const std::string& name, const std::string& zipFile) {
    const fs::path folder = outDir / name;
    std::vector<fs::path> files;
    auto items = db.prepare("SELECT file_name FROM export_items WHERE batch_id = ?");
    items.bind(1, batchId);
    while (items.step()) files.push_back(folder / items.text(0));
    for (const char* manifest : {"manifest.csv", "manifest.json"})
        files.push_back(folder / manifest);
    if (!zipFile.empty()) {
        const fs::path zip(zipFile);
        files.push_back(zip.is_relative() ? outDir / zip : zip);
    }
    return files;
}

}  // namespace

std::string_view toString(PurgeKind kind) {
    switch (kind) {
        case PurgeKind::kRawCapture:
            return "raw";
        case PurgeKind::kRejectedPhoto:
            return "rejected";
        case PurgeKind::kExportBatch:
            return "export_batch";
        case PurgeKind::kLeftoverPhoto:
            return "leftover";
    }
    return "raw";
}

std::int64_t PurgePlan::count(PurgeKind kind) const {
    std::int64_t n = 0;
    for (const auto& item : items) n += item.kind == kind;
    return n;
}

std::int64_t PurgePlan::bytes() const {
    std::int64_t n = 0;
    for (const auto& item : items) n += item.bytes;
    return n;
}

std::int64_t PurgePlan::fileCount() const {
    std::int64_t n = 0;
    for (const auto& item : items) n += static_cast<std::int64_t>(item.files.size());
    return n;
}

PurgePlan planPurge(store::SqliteRecordStore& store, const RetentionSettings& settings,
                    UnixTime now) {
    PurgePlan plan;
    plan.now = now;
    plan.settings = settings;
    auto& db = store.database();
    // "Exported" means some export batch holds the capture.
    const std::string kUnexportedApproved =
        "c.status = 'approved' AND NOT EXISTS "
        "(SELECT 1 FROM export_items e WHERE e.capture_id = c.id)";

    std::vector<Slot> slots;
    if (settings.rawDays) {
        auto rows = db.prepare(
            "SELECT c.id, c.raw_sha256, c.created_at FROM captures c "
            "WHERE c.raw_purged_at IS NULL AND c.created_at < ? "
            "AND NOT (c.superseded_by IS NULL AND c.status IN ('captured', 'submitted')) "
            "AND NOT (" +
            kUnexportedApproved + ") ORDER BY c.id");
        rows.bind(1, now - *settings.rawDays * kDay);
        while (rows.step())
            slots.push_back(
                {PurgeKind::kRawCapture, rows.integer(0), rows.text(1), rows.integer(2)});
    }
    if (settings.rejectedDays) {
        auto rows = db.prepare(
            "SELECT c.id, c.final_sha256, COALESCE(c.decided_at, c.submitted_at, c.created_at) "
            "FROM captures c WHERE c.final_purged_at IS NULL "
            "AND (c.status = 'rejected' OR (c.superseded_by IS NOT NULL AND c.status <> "
            "'approved')) "
            "AND COALESCE(c.decided_at, c.submitted_at, c.created_at) < ? ORDER BY c.id");
        rows.bind(1, now - *settings.rejectedDays * kDay);
        while (rows.step())
            slots.push_back(
                {PurgeKind::kRejectedPhoto, rows.integer(0), rows.text(1), rows.integer(2)});
    }

    // A file goes when every row that still needs it is purged by this plan.
    const PhotoNeeds needs = photoNeeds(db);
    std::map<std::string, int> planned;
    for (const auto& slot : slots) ++planned[slot.hash];
    std::set<std::string> fileTaken;
    for (const auto& slot : slots) {
        PurgeItem item{slot.kind, slot.captureId, slot.hash, slot.since, {}, 0, {}};
        const auto live = needs.liveSlots.find(slot.hash);
        const int liveCount = live == needs.liveSlots.end() ? 0 : live->second;
        const fs::path file = store.photos().pathOf(slot.hash);
        if (planned[slot.hash] >= liveCount && !fileTaken.count(slot.hash) && isFile(file)) {
            item.files.push_back(file);
            item.bytes = sizeOf(file);
            fileTaken.insert(slot.hash);
        }
        plan.items.push_back(std::move(item));
    }
    // Files of rows that are all purged already (a purge interrupted after its commit). Files
    // no row refers to at all are not touched: they may belong to a submission in progress.
    for (const auto& hash : needs.anySlots) {
        if (needs.liveSlots.count(hash) || fileTaken.count(hash)) continue;
        const fs::path file = store.photos().pathOf(hash);
        if (!isFile(file)) continue;
        plan.items.push_back({PurgeKind::kLeftoverPhoto, 0, hash, now, {file}, sizeOf(file), {}});
    }

    if (settings.exportedBatchDays) {
        auto rows = db.prepare(
            "SELECT id, out_dir, name, zip_file, completed_at FROM export_batches "
            "WHERE state = 'complete' AND completed_at IS NOT NULL AND completed_at < ? "
            "ORDER BY id");
        rows.bind(1, now - *settings.exportedBatchDays * kDay);
        while (rows.step()) {
            PurgeItem item{PurgeKind::kExportBatch,
                           rows.integer(0),
                           "",
                           rows.integer(4),
                           {},
                           0,
                           fs::path(rows.text(1)) / rows.text(2)};
            for (const auto& file :
                 batchFiles(db, item.id, rows.text(1), rows.text(2), rows.text(3))) {
                if (!isFile(file)) continue;
                item.bytes += sizeOf(file);
                item.files.push_back(file);
            }
            if (!item.files.empty()) plan.items.push_back(std::move(item));
        }
    }

    auto kept = db.prepare("SELECT count(*) FROM captures c WHERE " + kUnexportedApproved);
    kept.step();
    plan.approvedUnexportedKept = kept.integer(0);
    return plan;
}

PurgeResult applyPurge(store::SqliteRecordStore& store, const PurgePlan& plan,
                       const std::string& actor) {
    PurgeResult result;
    result.plan = plan;
    auto& db = store.database();
    nlohmann::json raw = nlohmann::json::array(), rejected = nlohmann::json::array(),
                   batches = nlohmann::json::array();
    for (const auto& item : plan.items) {
        if (item.kind == PurgeKind::kRawCapture) raw.push_back(item.id);
        if (item.kind == PurgeKind::kRejectedPhoto) rejected.push_back(item.id);
        if (item.kind == PurgeKind::kExportBatch) batches.push_back(item.id);
    }

    // 1. The marks and the audit entry, in one transaction, before any file goes.
    store.inTransaction([&] {
        auto markRaw = db.prepare(
            "UPDATE captures SET raw_purged_at = ? WHERE id = ? AND raw_purged_at IS NULL");
        auto markFinal = db.prepare(
            "UPDATE captures SET final_purged_at = ? WHERE id = ? AND final_purged_at IS NULL");
        for (const auto& item : plan.items) {
            auto* mark = item.kind == PurgeKind::kRawCapture      ? &markRaw
                         : item.kind == PurgeKind::kRejectedPhoto ? &markFinal
                                                                  : nullptr;
            if (!mark) continue;
            mark->reset();
            mark->bind(1, plan.now).bind(2, item.id).run();
        }
        nlohmann::json detail{{"raw", raw},
                              {"rejected", rejected},
                              {"export_batches", batches},
                              {"files", plan.fileCount()},
                              {"bytes", plan.bytes()}};
        store.audit().append({0, plan.now, actor, "retention.purge", "retention", detail.dump()});
    });

    // 2. The files, each rechecked under the write lock: a row committed since the plan (a new
    //    capture with the same bytes) keeps its file.
    store.inTransaction([&] {
        const PhotoNeeds needs = photoNeeds(db);
        for (const auto& item : plan.items) {
            for (const auto& file : item.files) {
                if (item.kind != PurgeKind::kExportBatch && needs.liveSlots.count(item.sha256))
                    continue;
                const auto bytes = sizeOf(file);
                std::error_code ec;
                if (fs::remove(file, ec)) {
                    ++result.filesDeleted;
                    result.bytesFreed += bytes;
                } else if (ec) {
                    result.problems.push_back(file.string() + ": " + ec.message());
                }
            }
            if (!item.folder.empty()) {
                // The batch folder goes when nothing else is left in it.
                std::error_code ec;
                if (fs::is_directory(item.folder, ec) && fs::is_empty(item.folder, ec))
                    fs::remove(item.folder, ec);
            }
        }
    });
    return result;
}

}  // namespace gradphoto::retention
