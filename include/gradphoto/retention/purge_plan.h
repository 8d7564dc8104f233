#pragma once

// What a retention purge removes (the dry run shows it; applyPurge carries it out):
// - raw captures older than raw_days (by capture time), except captures still waiting for a
//   decision and approved captures not yet exported;
// - rejected or replaced (superseded) final photos older than rejected_days (by decision time);
// - the files of complete export batches older than exported_batch_days (by completion time).
// An approved photo that no export batch holds is never touched, neither raw nor final.
//
// Photos are content-addressed: a file is deleted only when no capture row still needs it; a
// row whose file another row still needs is marked purged and the file stays.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gradphoto/retention/retention_settings.h"
#include "gradphoto/store/records.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::retention {

enum class PurgeKind { kRawCapture, kRejectedPhoto, kExportBatch, kLeftoverPhoto };
std::string_view toString(PurgeKind kind);  // raw, rejected, export_batch, leftover

struct PurgeItem {
    PurgeKind kind = PurgeKind::kRawCapture;
    std::int64_t id = 0;        // capture id, or export batch id (0 for a leftover photo)
    std::string sha256;         // the photo (empty for a batch)
    store::UnixTime since = 0;  // the time the age is counted from
    std::vector<std::filesystem::path> files;  // what will be deleted (may be empty: shared)
    std::int64_t bytes = 0;                    // of those files
    std::filesystem::path folder;  // a batch's folder, removed when the purge leaves it empty
};

struct PurgePlan {
    store::UnixTime now = 0;
    RetentionSettings settings;
    std::vector<PurgeItem> items;
    std::int64_t approvedUnexportedKept = 0;  // approved photos no batch holds: never purged

    std::int64_t count(PurgeKind kind) const;
    std::int64_t bytes() const;
    std::int64_t fileCount() const;
};

PurgePlan planPurge(store::SqliteRecordStore& store, const RetentionSettings& settings,
                    store::UnixTime now);

struct PurgeResult {
    PurgePlan plan;
    std::int64_t filesDeleted = 0;
    std::int64_t bytesFreed = 0;
    std::vector<std::string> problems;  // files that could not be deleted (the run goes on)
};

// Marks the rows (captures.raw_purged_at / final_purged_at) in one transaction with an audit
// entry (action retention.purge, actor `actor`), then deletes each file that no unpurged row
// needs any more, rechecked under the write lock. A crash in between leaves files no row needs,
// which the next purge removes; never a row without its file.
PurgeResult applyPurge(store::SqliteRecordStore& store, const PurgePlan& plan,
                       const std::string& actor);

}  // namespace gradphoto::retention
