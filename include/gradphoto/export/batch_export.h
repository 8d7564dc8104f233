#pragma once

// The CHSI export: every approved final photo (the current, approved capture of each student)
// once per named batch, verified again (hash and inspect) and written as OUT/BATCH/<name>.jpg
// with OUT/BATCH/manifest.csv and manifest.json, and on request OUT/BATCH.zip.
//
//   exports::PhotoVerifier verifier;                       // inspect + SHA-256
//   exports::BatchExport exporter(*store, verifier);
//   auto summary = exporter.run({.outDir = "/media/usb", .batchName = "2026-06", .zip = true},
//                               admin, onProgress, &cancelFlag);
//
// Rules (docs/export.md): only an admin exports. A re-run of a batch adds only what is new
// (captures already in it are counted, not written again). Each photo file is written atomically
// and recorded in the ledger in small transactions, so a killed export resumes where it stopped;
// the ZIP is written to BATCH.zip.part and renamed, so a ZIP under its name is always whole. A
// photo that fails verification, or a student without the field the name pattern needs, is
// listed as refused and not exported (a later run retries it). One audit entry per run.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/common/error.h"
#include "gradphoto/export/export_ledger.h"
#include "gradphoto/export/file_name_pattern.h"
#include "gradphoto/export/manifest.h"
#include "gradphoto/export/photo_verifier.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::exports {

inline constexpr const char* kManifestCsv = "manifest.csv";
inline constexpr const char* kManifestJson = "manifest.json";

struct ExportRequest {
    std::filesystem::path outDir;
    std::string batchName;  // empty: "chsi-YYYYMMDD" of today (local date)
    std::string pattern = kDefaultPattern;
    bool zip = false;
    std::optional<store::UnixTime> approvedSince;  // only photos approved at or after this time
    ManifestEncoding encoding = ManifestEncoding::kUtf8;
};

struct ExportRefusal {
    std::int64_t captureId = 0;
    std::string studentNo;
    Problem problem;  // missing_field, photo_missing, photo_purged, hash_mismatch, inspect_failed
};

struct ExportSummary {
    std::string batchName;
    std::int64_t batchId = 0;
    std::filesystem::path folder;      // OUT/BATCH
    std::filesystem::path zipFile;     // OUT/BATCH.zip, empty without --zip
    std::vector<ExportItem> exported;  // added by this run
    int alreadyInBatch = 0;            // approved photos the batch held before this run
    int totalInBatch = 0;              // items of the batch after this run
    std::vector<ExportRefusal> refused;
    bool cancelled = false;  // stopped by the cancel flag: the batch stays open, run again
};

struct ExportProgress {
    enum class Stage { kPhotos, kManifest, kZip, kDone };
    Stage stage = Stage::kPhotos;
    int done = 0;
    int total = 0;
};

using ExportProgressCallback = std::function<void(const ExportProgress&)>;

class BatchExport {
  public:
    BatchExport(store::SqliteRecordStore& store, const PhotoVerifier& verifier,
                store::Clock clock = store::systemNow);

    // Throws store::Refusal (forbidden) when admin is not an admin; Error(kUsage) for a bad
    // pattern or a batch made with another pattern or folder; Error(kIo) when the output cannot
    // be written. cancel is polled between photos.
    ExportSummary run(const ExportRequest& request, const store::StaffAccount& admin,
                      const ExportProgressCallback& progress = {},
                      const std::atomic<bool>* cancel = nullptr);

    // "chsi-YYYYMMDD" of t in local time.
    static std::string defaultBatchName(store::UnixTime t);

  private:
    store::SqliteRecordStore& store_;
    const PhotoVerifier& verifier_;
    store::Clock clock_;
};

}  // namespace gradphoto::exports
