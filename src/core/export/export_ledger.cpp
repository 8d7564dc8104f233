#include "gradphoto/export/export_ledger.h"

#include <cctype>

#include <nlohmann/json.hpp>

namespace gradphoto::exports {

namespace {

constexpr const char* kBatchColumns =
    "id, name, out_dir, pattern, zip_file, state, created_by, created_at, completed_at";

ExportBatch readBatch(const store::Statement& s) {
    ExportBatch b;
    b.id = s.integer(0);
    b.name = s.text(1);
    b.outDir = s.text(2);
    b.pattern = s.text(3);
    b.zipFile = s.text(4);
    b.state = s.text(5);
    b.createdBy = s.text(6);
    b.createdAt = s.integer(7);
    b.completedAt = s.optionalInteger(8);
    return b;
}

// The staff number of the newest approval of capture c (SQL expression).
constexpr const char* kApprovedBy =
    "(SELECT r.staff_no FROM reviews r WHERE r.capture_id = c.id AND r.decision = 'approve' "
    "ORDER BY r.at DESC, r.id DESC LIMIT 1)";

std::string presetOf(const std::string& reportJson) {
    const auto report = nlohmann::json::parse(reportJson, nullptr, false);
    if (report.is_object() && report.contains("preset") && report["preset"].is_string() &&
        !report["preset"].get<std::string>().empty())
        return report["preset"].get<std::string>();
    return "chsi-blue";
}

}  // namespace

std::optional<ExportBatch> ExportLedger::findBatch(const std::string& name) {
    auto s =
        db_.prepare(std::string("SELECT ") + kBatchColumns + " FROM export_batches WHERE name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return readBatch(s);
}

ExportBatch ExportLedger::createBatch(const ExportBatch& batch) {
    auto s = db_.prepare(
        "INSERT INTO export_batches (name, out_dir, pattern, zip_file, state, created_by, "
        "created_at) VALUES (?, ?, ?, ?, 'open', ?, ?)");
    s.bind(1, batch.name).bind(2, batch.outDir).bind(3, batch.pattern).bind(4, batch.zipFile);
    s.bind(5, batch.createdBy).bind(6, batch.createdAt);
    s.run();
    ExportBatch out = batch;
    out.id = db_.lastInsertRowId();
    out.state = "open";
    return out;
}

void ExportLedger::setZipFile(std::int64_t batchId, const std::string& zipFile) {
    auto s = db_.prepare("UPDATE export_batches SET zip_file = ? WHERE id = ?");
    s.bind(1, zipFile).bind(2, batchId);
    s.run();
}

void ExportLedger::markOpen(std::int64_t batchId) {
    auto s =
        db_.prepare("UPDATE export_batches SET state = 'open', completed_at = NULL WHERE id = ?");
    s.bind(1, batchId);
    s.run();
}

void ExportLedger::markComplete(std::int64_t batchId, store::UnixTime at) {
    auto s =
        db_.prepare("UPDATE export_batches SET state = 'complete', completed_at = ? WHERE id = ?");
    s.bind(1, at).bind(2, batchId);
    s.run();
}

std::vector<ExportItem> ExportLedger::items(std::int64_t batchId) {
    auto s = db_.prepare(
        "SELECT batch_id, capture_id, file_name, sha256, bytes, exported_at FROM export_items "
        "WHERE batch_id = ? ORDER BY capture_id");
    s.bind(1, batchId);
    std::vector<ExportItem> out;
    while (s.step())
        out.push_back(
            {s.integer(0), s.integer(1), s.text(2), s.text(3), s.integer(4), s.integer(5)});
    return out;
}

void ExportLedger::addItem(const ExportItem& item) {
    auto s = db_.prepare(
        "INSERT INTO export_items (batch_id, capture_id, file_name, sha256, bytes, exported_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, item.batchId).bind(2, item.captureId).bind(3, item.fileName).bind(4, item.sha256);
    s.bind(5, item.bytes).bind(6, item.exportedAt);
    s.run();
}

std::vector<ApprovedPhoto> ExportLedger::approvedPhotos(std::optional<store::UnixTime> since) {
    auto s = db_.prepare(std::string("SELECT c.id, c.final_sha256, c.report_json, c.decided_at, "
                                     "c.final_purged_at IS NOT NULL, ") +
                         kApprovedBy +
                         ", s.student_no, s.name, s.id_number, s.department, s.major, s.level, "
                         "s.collection_code, s.collection_code_sha256, s.status, s.exam_no "
                         "FROM captures c JOIN students s ON s.student_no = c.student_no "
                         "WHERE c.status = 'approved' AND c.superseded_by IS NULL "
                         "AND (?1 IS NULL OR c.decided_at >= ?1) ORDER BY c.id");
    s.bind(1, since);
    std::vector<ApprovedPhoto> out;
    while (s.step()) {
        ApprovedPhoto p;
        p.captureId = s.integer(0);
        p.finalSha256 = s.text(1);
        p.preset = presetOf(s.text(2));
        p.approvedAt = s.optionalInteger(3).value_or(0);
        p.finalPurged = s.integer(4) != 0;
        p.approvedBy = s.optionalText(5).value_or("");
        p.student.studentNo = s.text(6);
        p.student.name = s.text(7);
        p.student.idNumber = s.text(8);
        p.student.department = s.text(9);
        p.student.major = s.text(10);
        p.student.level = s.text(11);
        p.student.collectionCode = s.text(12);
        p.student.collectionCodeSha256 = s.text(13);
        p.student.status = s.text(14);
        p.student.examNo = s.text(15);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<ManifestRow> ExportLedger::manifestRows(std::int64_t batchId) {
    auto s = db_.prepare(
        std::string("SELECT s.student_no, s.name, s.id_number, s.department, s.exam_no, "
                    "i.file_name, i.sha256, i.bytes, ") +
        kApprovedBy +
        ", c.decided_at, s.collection_code FROM export_items i "
        "JOIN captures c ON c.id = i.capture_id "
        "JOIN students s ON s.student_no = c.student_no "
        "WHERE i.batch_id = ? ORDER BY i.capture_id");
    s.bind(1, batchId);
    std::vector<ManifestRow> out;
    while (s.step()) {
        ManifestRow r;
        r.studentNo = s.text(0);
        r.name = s.text(1);
        r.idNumber = s.text(2);  // as the file names write it: trimmed, upper-case X
        r.idNumber.erase(0, r.idNumber.find_first_not_of(" \t"));
        r.idNumber.erase(r.idNumber.find_last_not_of(" \t") + 1);
        for (auto& c : r.idNumber)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        r.department = s.text(3);
        r.examNo = s.text(4);
        r.fileName = s.text(5);
        r.sha256 = s.text(6);
        r.bytes = s.integer(7);
        r.approvedBy = s.optionalText(8).value_or("");
        r.approvedAt = s.optionalInteger(9).value_or(0);
        r.collectionCode = s.text(10);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace gradphoto::exports
