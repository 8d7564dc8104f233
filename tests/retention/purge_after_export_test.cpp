// The purge over what the real export wrote (exports::BatchExport: OUT/BATCH/ photos and
// manifests, OUT/BATCH.zip): old batch files go, the store's approved photos stay, an approved
// photo not yet exported is untouched, and the store stays sound.

#include <gtest/gtest.h>

#include "../export/export_fixture.h"
#include "gradphoto/retention/purge_plan.h"

namespace gradphoto::retention {
namespace {

namespace fs = std::filesystem;
constexpr store::UnixTime kDay = 86400;

class PurgeAfterExport : public exports::testing::ExportTest {};

TEST_F(PurgeAfterExport, OldBatchesGoApprovedPhotosStay) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    using exports::testing::idNumber;
    using exports::testing::student;
    const auto first = approveCompliant(student("2020001", "张三", idNumber("11010519900101123")));
    const auto second = approveCompliant(student("2020002", "李四", idNumber("11010519900202123")));
    const auto summary = exportBatch(request("june", true));
    ASSERT_EQ(summary.exported.size(), 2u);
    ASSERT_TRUE(fs::exists(summary.zipFile));
    ASSERT_TRUE(fs::exists(summary.folder / exports::kManifestCsv));
    // Approved later and never exported.
    time.now += 10 * kDay;
    const auto later = approveCompliant(student("2020003", "王五", idNumber("11010519900303123")));

    time.now += 200 * kDay;
    RetentionSettings settings;  // defaults: raw 30, rejected 90, batches 180 days
    const auto plan = planPurge(*store, settings, time.now);
    EXPECT_EQ(plan.count(PurgeKind::kExportBatch), 1);
    EXPECT_EQ(plan.count(PurgeKind::kRawCapture), 2);  // the exported ones only
    EXPECT_EQ(plan.approvedUnexportedKept, 1);
    const auto result = applyPurge(*store, plan, admin.staffNo);
    EXPECT_TRUE(result.problems.empty());

    EXPECT_FALSE(fs::exists(summary.folder));
    EXPECT_FALSE(fs::exists(summary.zipFile));
    EXPECT_TRUE(fs::exists(outDir()));
    for (const auto id : {first, second}) {
        const auto capture = store->captures().find(id);
        EXPECT_TRUE(fs::exists(store->photos().pathOf(capture->finalSha256)));
        EXPECT_FALSE(fs::exists(store->photos().pathOf(capture->rawSha256)));
    }
    const auto unexported = store->captures().find(later);
    EXPECT_TRUE(fs::exists(store->photos().pathOf(unexported->finalSha256)));
    EXPECT_TRUE(fs::exists(store->photos().pathOf(unexported->rawSha256)));
    const auto report = store->checkConsistency();
    EXPECT_TRUE(report.sound());
    EXPECT_TRUE(report.rowsWithoutFiles.empty());
    EXPECT_TRUE(report.filesWithoutRows.empty());
}

}  // namespace
}  // namespace gradphoto::retention
