// Retention purge: the dry run changes nothing, the real run removes what the settings no longer
// keep, an approved photo that no export batch holds is never touched, shared files stay while
// a row needs them, and the consistency check stays sound afterwards.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "../store/store_fixture.h"
#include "gradphoto/common/error.h"
#include "gradphoto/retention/purge_plan.h"

namespace gradphoto::retention {
namespace {

namespace fs = std::filesystem;
using store::Capture;
using store::UnixTime;
constexpr UnixTime kDay = 86400;

class PurgeTest : public store::testing::StoreTest {
  protected:
    fs::path photoPath(const std::string& hash) { return store->photos().pathOf(hash); }

    std::optional<std::int64_t> purgedAt(std::int64_t captureId, const char* column) {
        auto q = store->database().prepare(std::string("SELECT ") + column +
                                           " FROM captures WHERE id = ?");
        q.bind(1, captureId);
        EXPECT_TRUE(q.step());
        return q.optionalInteger(0);
    }

    // A complete export batch holding captureId, its folder with the exported file and a ZIP.
    std::int64_t exportBatch(std::int64_t captureId, const std::string& name, UnixTime completed) {
        // As the export writes it: OUT/NAME/<file> + manifests, OUT/NAME.zip.
        const fs::path out = dir / "exports";
        fs::create_directories(out / name);
        const auto capture = store->captures().find(captureId);
        const auto bytes = store->photos().read(capture->finalSha256);
        std::ofstream(out / name / "photo.jpg", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
        std::ofstream(out / name / "manifest.csv") << "\xEF\xBB\xBF学号,姓名\r\n";
        std::ofstream(out / name / "manifest.json") << "{}";
        std::ofstream(out / (name + ".zip")) << "zip bytes";
        auto& db = store->database();
        auto batch = db.prepare(
            "INSERT INTO export_batches (name, out_dir, pattern, zip_file, state, created_at, "
            "completed_at) VALUES (?, ?, '{身份证号}.jpg', ?, 'complete', ?, ?)");
        batch.bind(1, name).bind(2, out.string()).bind(3, name + ".zip").bind(4, completed);
        batch.bind(5, completed).run();
        const auto id = db.lastInsertRowId();
        auto item = db.prepare(
            "INSERT INTO export_items (batch_id, capture_id, file_name, sha256, bytes, "
            "exported_at) VALUES (?, ?, 'photo.jpg', ?, ?, ?)");
        item.bind(1, id).bind(2, captureId).bind(3, capture->finalSha256);
        item.bind(4, static_cast<std::int64_t>(bytes.size())).bind(5, completed).run();
        return id;
    }

    RetentionSettings settings() {
        RetentionSettings s;
        s.rawDays = 30;
        s.rejectedDays = 90;
        s.exportedBatchDays = 180;
        return s;
    }
};

TEST_F(PurgeTest, DryRunChangesNothing) {
    const auto rejected = submitNew("2020001", "a");
    queue->reject(rejected.id, reviewer, "clothing_contrast", "");
    time.now += 200 * kDay;
    const auto plan = planPurge(*store, settings(), time.now);
    EXPECT_EQ(plan.count(PurgeKind::kRawCapture), 1);
    EXPECT_EQ(plan.count(PurgeKind::kRejectedPhoto), 1);
    EXPECT_EQ(plan.fileCount(), 2);
    EXPECT_GT(plan.bytes(), 0);
    // Planning deleted nothing and marked nothing.
    EXPECT_TRUE(fs::exists(photoPath(rejected.rawSha256)));
    EXPECT_TRUE(fs::exists(photoPath(rejected.finalSha256)));
    EXPECT_FALSE(purgedAt(rejected.id, "raw_purged_at"));
    EXPECT_FALSE(purgedAt(rejected.id, "final_purged_at"));
    EXPECT_TRUE(store->audit().forSubject("retention").empty());
}

TEST_F(PurgeTest, RealRunRemovesOldRawAndRejectedAndMarksTheRows) {
    const auto rejected = submitNew("2020001", "a");
    queue->reject(rejected.id, reviewer, "clothing_contrast", "");
    const auto approved = submitNew("2020002", "b");
    queue->approve(approved.id, reviewer);
    exportBatch(approved.id, "batch-1", time.now);
    time.now += 100 * kDay;
    const auto fresh = submitNew("2020003", "c");  // waiting for review: kept
    const auto plan = planPurge(*store, settings(), time.now);
    const auto result = applyPurge(*store, plan, admin.staffNo);
    EXPECT_TRUE(result.problems.empty());
    EXPECT_EQ(result.filesDeleted, 3);  // raw + final of the rejected, raw of the exported
    EXPECT_FALSE(fs::exists(photoPath(rejected.rawSha256)));
    EXPECT_FALSE(fs::exists(photoPath(rejected.finalSha256)));
    EXPECT_FALSE(fs::exists(photoPath(approved.rawSha256)));
    // The approved, exported final stays (only its batch folder ages out, after 180 days).
    EXPECT_TRUE(fs::exists(photoPath(approved.finalSha256)));
    EXPECT_TRUE(fs::exists(photoPath(fresh.rawSha256)));
    EXPECT_TRUE(fs::exists(photoPath(fresh.finalSha256)));
    EXPECT_EQ(purgedAt(rejected.id, "raw_purged_at"), time.now);
    EXPECT_EQ(purgedAt(rejected.id, "final_purged_at"), time.now);
    EXPECT_EQ(purgedAt(approved.id, "raw_purged_at"), time.now);
    EXPECT_FALSE(purgedAt(approved.id, "final_purged_at"));
    EXPECT_FALSE(purgedAt(fresh.id, "raw_purged_at"));
    // Audited, and the store is still sound: purged files are not reported as lost.
    const auto audit = store->audit().forSubject("retention");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit.front().action, "retention.purge");
    EXPECT_EQ(audit.front().actor, "A001");
    const auto detail = nlohmann::json::parse(audit.front().detailJson);
    EXPECT_EQ(detail["rejected"], nlohmann::json::array({rejected.id}));
    const auto report = store->checkConsistency();
    EXPECT_TRUE(report.sound());
    EXPECT_TRUE(report.rowsWithoutFiles.empty());
    EXPECT_TRUE(report.filesWithoutRows.empty());
    // A second run finds nothing more.
    const auto again = planPurge(*store, settings(), time.now);
    EXPECT_EQ(again.fileCount(), 0);
    EXPECT_EQ(again.count(PurgeKind::kRawCapture) + again.count(PurgeKind::kRejectedPhoto), 0);
}

TEST_F(PurgeTest, AnApprovedPhotoNotYetExportedIsNeverTouched) {
    const auto approved = submitNew("2020001", "a");
    queue->approve(approved.id, reviewer);
    time.now += 10000 * kDay;
    RetentionSettings zero;
    zero.rawDays = 0;
    zero.rejectedDays = 0;
    zero.exportedBatchDays = 0;
    const auto plan = planPurge(*store, zero, time.now);
    EXPECT_TRUE(plan.items.empty());
    EXPECT_EQ(plan.approvedUnexportedKept, 1);
    applyPurge(*store, plan, admin.staffNo);
    EXPECT_TRUE(fs::exists(photoPath(approved.rawSha256)));
    EXPECT_TRUE(fs::exists(photoPath(approved.finalSha256)));
    EXPECT_FALSE(purgedAt(approved.id, "raw_purged_at"));
    EXPECT_FALSE(purgedAt(approved.id, "final_purged_at"));
}

TEST_F(PurgeTest, ASharedFileStaysWhileAnotherRowNeedsIt) {
    // Two students' captures with the same final bytes: one rejected, one approved (unexported).
    const auto raw1 = store::testing::fakeJpeg("raw-1"), raw2 = store::testing::fakeJpeg("raw-2");
    const auto same = store::testing::fakeJpeg("same-final");
    const auto first = queue->recordAndSubmit({"2020001", raw1, same, "", "cli"});
    queue->reject(first.id, reviewer, "background_uniform", "");
    const auto second = queue->recordAndSubmit({"2020002", raw2, same, "", "cli"});
    queue->approve(second.id, reviewer);
    ASSERT_EQ(first.finalSha256, second.finalSha256);
    time.now += 365 * kDay;
    const auto plan = planPurge(*store, settings(), time.now);
    EXPECT_EQ(plan.count(PurgeKind::kRejectedPhoto), 1);
    applyPurge(*store, plan, admin.staffNo);
    EXPECT_EQ(purgedAt(first.id, "final_purged_at"), time.now);
    EXPECT_TRUE(fs::exists(photoPath(same.empty() ? "" : second.finalSha256)));
    EXPECT_FALSE(fs::exists(photoPath(first.rawSha256)));
    EXPECT_TRUE(store->checkConsistency().sound());
    EXPECT_TRUE(store->checkConsistency().filesWithoutRows.empty());
}

TEST_F(PurgeTest, ARetakeReplacesAndTheOldPhotoAgesOut) {
    const auto old = submitNew("2020001", "old");
    time.now += kDay;
    const auto retake = submitNew("2020001", "new");  // replaced while under review
    time.now += 100 * kDay;
    const auto plan = planPurge(*store, settings(), time.now);
    applyPurge(*store, plan, admin.staffNo);
    EXPECT_FALSE(fs::exists(photoPath(old.finalSha256)));
    EXPECT_FALSE(fs::exists(photoPath(old.rawSha256)));
    // The current capture is still waiting for a decision: untouched.
    EXPECT_TRUE(fs::exists(photoPath(retake.finalSha256)));
    EXPECT_TRUE(fs::exists(photoPath(retake.rawSha256)));
    EXPECT_TRUE(store->checkConsistency().sound());
}

TEST_F(PurgeTest, OldExportBatchFilesGoNewOnesStay) {
    const auto a = submitNew("2020001", "a");
    queue->approve(a.id, reviewer);
    const auto b = submitNew("2020002", "b");
    queue->approve(b.id, reviewer);
    exportBatch(a.id, "old", time.now);
    exportBatch(b.id, "recent", time.now + 150 * kDay);
    time.now += 200 * kDay;
    RetentionSettings s = settings();
    s.rawDays.reset();  // keep raw captures forever in this test
    const auto plan = planPurge(*store, s, time.now);
    ASSERT_EQ(plan.count(PurgeKind::kExportBatch), 1);
    const auto result = applyPurge(*store, plan, admin.staffNo);
    EXPECT_EQ(result.filesDeleted, 4);                  // photo, two manifests, ZIP
    EXPECT_FALSE(fs::exists(dir / "exports" / "old"));  // emptied and removed
    EXPECT_FALSE(fs::exists(dir / "exports" / "old.zip"));
    EXPECT_TRUE(fs::exists(dir / "exports"));  // the admin's folder stays
    EXPECT_TRUE(fs::exists(dir / "exports" / "recent" / "photo.jpg"));
    EXPECT_TRUE(fs::exists(dir / "exports" / "recent" / "manifest.csv"));
    EXPECT_TRUE(fs::exists(dir / "exports" / "recent.zip"));
    // A file the admin put into the batch folder keeps the folder (and itself).
    std::ofstream(dir / "exports" / "recent" / "notes.txt") << "mine";
    time.now += 200 * kDay;
    applyPurge(*store, planPurge(*store, s, time.now), admin.staffNo);
    EXPECT_FALSE(fs::exists(dir / "exports" / "recent" / "photo.jpg"));
    EXPECT_TRUE(fs::exists(dir / "exports" / "recent" / "notes.txt"));
    // The store's own copies of the approved photos stay.
    EXPECT_TRUE(fs::exists(photoPath(a.finalSha256)));
    EXPECT_TRUE(fs::exists(photoPath(a.rawSha256)));
    EXPECT_TRUE(store->checkConsistency().sound());
}

TEST_F(PurgeTest, AnInterruptedPurgeLeavesFilesTheNextRunRemoves) {
    const auto rejected = submitNew("2020001", "a");
    queue->reject(rejected.id, reviewer, "clothing_contrast", "");
    // The marks were committed, then the process died before deleting the file.
    auto mark = store->database().prepare("UPDATE captures SET final_purged_at = ? WHERE id = ?");
    mark.bind(1, time.now).bind(2, rejected.id).run();
    auto report = store->checkConsistency();
    EXPECT_TRUE(report.sound());
    ASSERT_EQ(report.filesWithoutRows.size(), 1u);  // harmless leftover
    RetentionSettings keepAll;
    keepAll.rawDays.reset();
    keepAll.rejectedDays.reset();
    keepAll.exportedBatchDays.reset();
    const auto plan = planPurge(*store, keepAll, time.now);
    ASSERT_EQ(plan.count(PurgeKind::kLeftoverPhoto), 1);
    applyPurge(*store, plan, admin.staffNo);
    EXPECT_FALSE(fs::exists(photoPath(rejected.finalSha256)));
    EXPECT_TRUE(fs::exists(photoPath(rejected.rawSha256)));
    report = store->checkConsistency();
    EXPECT_TRUE(report.sound());
    EXPECT_TRUE(report.filesWithoutRows.empty());
}

TEST_F(PurgeTest, AFileNoRowRefersToIsLeftAlone) {
    // A submission in progress writes its file before its row: the purge must not take it.
    const auto hash = store->photos().put(store::testing::fakeJpeg("in-flight"));
    RetentionSettings zero;
    zero.rawDays = 0;
    zero.rejectedDays = 0;
    zero.exportedBatchDays = 0;
    time.now += 1000 * kDay;
    applyPurge(*store, planPurge(*store, zero, time.now), admin.staffNo);
    EXPECT_TRUE(fs::exists(photoPath(hash)));
}

TEST(RetentionSettings, KeysDefaultsNullAndErrors) {
    const auto defaults = retentionSettingsFrom(nlohmann::json::object());
    EXPECT_EQ(defaults.rawDays, 30);
    EXPECT_EQ(defaults.rejectedDays, 90);
    EXPECT_EQ(defaults.exportedBatchDays, 180);
    const auto s = retentionSettingsFrom(nlohmann::json::parse(
        R"({"retention": {"raw_days": 7, "rejected_days": null, "exported_batch_days": 0,
                          "typo_days": 3}})"));
    EXPECT_EQ(s.rawDays, 7);
    EXPECT_FALSE(s.rejectedDays);
    EXPECT_EQ(s.exportedBatchDays, 0);
    ASSERT_EQ(s.unknownKeys.size(), 1u);
    EXPECT_EQ(s.unknownKeys.front(), "retention.typo_days");
    EXPECT_THROW(retentionSettingsFrom(nlohmann::json::parse(R"({"retention": {"raw_days": -1}})")),
                 Error);
    EXPECT_THROW(
        retentionSettingsFrom(nlohmann::json::parse(R"({"retention": {"raw_days": "30"}})")),
        Error);
    EXPECT_THROW(retentionSettingsFrom(nlohmann::json::parse(R"({"retention": 5})")), Error);
    EXPECT_FALSE(loadRetentionSettings(std::nullopt).unknownKeys.size());
    EXPECT_THROW(loadRetentionSettings(fs::path("/nonexistent/settings.json")), Error);
}

}  // namespace
}  // namespace gradphoto::retention
