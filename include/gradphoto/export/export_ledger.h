#pragma once

// What each export batch holds (tables export_batches and export_items of schema v7), and the
// approved photos an export may take. A batch is named; its items are (capture, file name,
// SHA-256, bytes), one per capture and one per file name, so a re-run adds only what is new and
// never a photo twice. A batch is 'open' while an export adds to it, 'complete' once its manifest
// (and ZIP) describe every item.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/export/manifest.h"
#include "gradphoto/store/database.h"
#include "gradphoto/store/records.h"

namespace gradphoto::exports {

struct ExportBatch {
    std::int64_t id = 0;
    std::string name;
    std::string outDir;
    std::string pattern;
    std::string zipFile;  // empty when the batch is a folder only
    std::string state = "open";
    std::string createdBy;
    store::UnixTime createdAt = 0;
    std::optional<store::UnixTime> completedAt;
};

struct ExportItem {
    std::int64_t batchId = 0;
    std::int64_t captureId = 0;
    std::string fileName;
    std::string sha256;
    std::int64_t bytes = 0;
    store::UnixTime exportedAt = 0;
};

// The current (not superseded) approved capture of a student, with who approved it and when.
struct ApprovedPhoto {
    std::int64_t captureId = 0;
    store::Student student;
    std::string finalSha256;
    std::string preset;  // from the capture's report; "chsi-blue" when it names none
    std::string approvedBy;
    store::UnixTime approvedAt = 0;
    bool finalPurged = false;  // retention removed the file on purpose
};

class ExportLedger {
  public:
    explicit ExportLedger(store::Database& db) : db_(db) {}

    std::optional<ExportBatch> findBatch(const std::string& name);
    ExportBatch createBatch(const ExportBatch& batch);
    void setZipFile(std::int64_t batchId, const std::string& zipFile);
    void markOpen(std::int64_t batchId);
    void markComplete(std::int64_t batchId, store::UnixTime at);

    std::vector<ExportItem> items(std::int64_t batchId);
    void addItem(const ExportItem& item);

    // Approved, current captures approved at or after `since` (all when empty), oldest capture
    // first.
    std::vector<ApprovedPhoto> approvedPhotos(std::optional<store::UnixTime> since);

    // The manifest of a batch: its items with the student and the approval, by capture.
    std::vector<ManifestRow> manifestRows(std::int64_t batchId);

  private:
    store::Database& db_;
};

}  // namespace gradphoto::exports
