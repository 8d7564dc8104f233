// The export of approved photos over a real store, real standardized JPEGs and libzip.

#include "gradphoto/export/batch_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "csv_reader.h"
#include "export_fixture.h"
#include "gradphoto/store/photo_folder.h"
#include "zip_reader.h"

namespace gradphoto::exports {
namespace {

namespace fs = std::filesystem;
using testing::ExportTest;
using testing::idNumber;
using testing::student;

const std::string kIdWithX = "11010519491231002X";

std::vector<std::uint8_t> fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> folderNames(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

TEST_F(ExportTest, ApprovedPhotosWithManifestAndZipReadBack) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    // Two students with the same name; one ID number ends in x (stored lower-case on purpose).
    const auto a = approveCompliant(student("2020001", "张三", "11010519491231002x"));
    const auto b = approveCompliant(student("2020002", "张三", idNumber("11010519900307123")));
    const auto c = approveCompliant(student("2020003", "欧阳娜娜", idNumber("32010219950101001")));
    // Not approved: submitted only, and rejected.
    store->students().upsert(student("2020004", "李四", idNumber("44030419980815002")));
    const auto pendingPhoto = testing::withComment(testing::compliantPhoto(), "p");
    queue->recordAndSubmit({"2020004", pendingPhoto, pendingPhoto, "", "cli"});

    auto r = request("june", true);
    r.pattern = "{姓名}.jpg";
    const auto summary = exportBatch(r);
    EXPECT_FALSE(summary.cancelled);
    EXPECT_TRUE(summary.refused.empty());
    ASSERT_EQ(summary.exported.size(), 3u);
    EXPECT_EQ(summary.totalInBatch, 3);
    EXPECT_EQ(summary.exported[0].captureId, a);
    EXPECT_EQ(summary.exported[0].fileName, "张三.jpg");
    EXPECT_EQ(summary.exported[1].captureId, b);
    EXPECT_EQ(summary.exported[1].fileName, "张三_2.jpg");
    EXPECT_EQ(summary.exported[2].captureId, c);
    EXPECT_EQ(summary.exported[2].fileName, "欧阳娜娜.jpg");
    EXPECT_EQ(summary.folder, outDir() / "june");
    EXPECT_EQ(summary.zipFile, outDir() / "june.zip");
    EXPECT_EQ(folderNames(summary.folder),
              (std::vector<std::string>{"manifest.csv", "manifest.json", "张三.jpg", "张三_2.jpg",
                                        "欧阳娜娜.jpg"}));
    EXPECT_FALSE(fs::exists(outDir() / "june.zip.part"));

    const auto zip = test::readZip(summary.zipFile);
    ASSERT_TRUE(zip) << "libzip opens the archive";
    ASSERT_EQ(zip->size(), 5u);
    for (const auto& item : summary.exported) {
        ASSERT_TRUE(zip->count(item.fileName)) << item.fileName;
        EXPECT_EQ(store::sha256Hex(zip->at(item.fileName)), item.sha256);
        EXPECT_EQ(static_cast<std::int64_t>(zip->at(item.fileName).size()), item.bytes);
        EXPECT_EQ(fileBytes(summary.folder / item.fileName), zip->at(item.fileName));
    }
    const auto& csvBytes = zip->at("manifest.csv");
    const auto csv = test::readExcelCsv(std::string(csvBytes.begin(), csvBytes.end()));
    EXPECT_EQ(csv.encoding, "UTF-8");
    EXPECT_TRUE(csv.wellFormed);
    ASSERT_EQ(csv.rows.size(), 4u);
    EXPECT_EQ(csv.rows[1][0], "2020001");
    EXPECT_EQ(csv.rows[1][1], "张三");
    EXPECT_EQ(csv.rows[1][2], kIdWithX) << "upper-case X in the manifest too";
    EXPECT_EQ(csv.rows[1][3], "计算机学院");
    EXPECT_EQ(csv.rows[1][5], "张三.jpg");
    EXPECT_EQ(csv.rows[1][6], summary.exported[0].sha256);
    EXPECT_EQ(csv.rows[1][7], std::to_string(summary.exported[0].bytes));
    EXPECT_EQ(csv.rows[1][8], "S001");
    EXPECT_EQ(csv.rows[1][9], store::toIsoTime(time.now));
    EXPECT_EQ(csv.rows[1][10], "CHSI,\"code\"-2020001");
    EXPECT_EQ(csv.rows[2][5], "张三_2.jpg");
    const auto& jsonBytes = zip->at("manifest.json");
    const auto json = nlohmann::json::parse(std::string(jsonBytes.begin(), jsonBytes.end()));
    EXPECT_EQ(json["batch"], "june");
    ASSERT_EQ(json["rows"].size(), 3u);
    EXPECT_EQ(json["rows"][2]["file"], "欧阳娜娜.jpg");

    // The ledger and the audit log.
    const auto batch = ExportLedger(store->database()).findBatch("june");
    ASSERT_TRUE(batch);
    EXPECT_EQ(batch->state, "complete");
    EXPECT_EQ(batch->zipFile, "june.zip");
    const auto audit = store->audit().forSubject("export_batch:" + std::to_string(batch->id));
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "export.batch");
    EXPECT_EQ(audit[0].actor, "A001");
    EXPECT_EQ(audit[0].detailJson.find("张三"), std::string::npos) << "no names in the audit log";
    EXPECT_EQ(nlohmann::json::parse(audit[0].detailJson)["exported"], 3);
}

TEST_F(ExportTest, DefaultPatternNamesByIdNumberWithUpperCaseX) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", "11010519491231002x"));
    const auto summary = exportBatch(request("b1"));
    ASSERT_EQ(summary.exported.size(), 1u);
    EXPECT_EQ(summary.exported[0].fileName, kIdWithX + ".jpg");
    EXPECT_TRUE(fs::exists(outDir() / "b1" / (kIdWithX + ".jpg")));
    EXPECT_TRUE(summary.zipFile.empty());
    EXPECT_FALSE(fs::exists(outDir() / "b1.zip"));
}

TEST_F(ExportTest, ReRunAddsOnlyWhatIsNew) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX));
    approveCompliant(student("2020002", "李四", idNumber("11010519900307123")));
    const auto first = exportBatch(request("b", true));
    ASSERT_EQ(first.exported.size(), 2u);
    const auto zipBefore = test::readZip(first.zipFile);

    const auto again = exportBatch(request("b", true));
    EXPECT_TRUE(again.exported.empty());
    EXPECT_EQ(again.alreadyInBatch, 2);
    EXPECT_EQ(again.totalInBatch, 2);
    EXPECT_EQ(test::readZip(again.zipFile), zipBefore) << "the same archive content";

    time.now += 3600;
    const auto c = approveCompliant(student("2020003", "王五", idNumber("32010219950101001")));
    const auto third = exportBatch(request("b", true));
    ASSERT_EQ(third.exported.size(), 1u);
    EXPECT_EQ(third.exported[0].captureId, c);
    EXPECT_EQ(third.alreadyInBatch, 2);
    EXPECT_EQ(third.totalInBatch, 3);
    const auto zip = test::readZip(third.zipFile);
    ASSERT_TRUE(zip);
    EXPECT_EQ(zip->size(), 5u);
    const auto rows = ExportLedger(store->database()).manifestRows(third.batchId);
    EXPECT_EQ(rows.size(), 3u);
    // Another batch starts from scratch.
    const auto other = exportBatch(request("other"));
    EXPECT_EQ(other.exported.size(), 3u);
    EXPECT_EQ(store->audit().forSubject("export_batch:" + std::to_string(third.batchId)).size(),
              3u);
}

TEST_F(ExportTest, TamperedPhotoIsCaughtByItsHash) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX));
    const auto tampered =
        approveCompliant(student("2020002", "李四", idNumber("11010519900307123")));
    const auto capture = store->captures().find(tampered);
    ASSERT_TRUE(capture);
    // Another compliant photo put in its place: inspect would pass, the hash does not.
    const auto swapped = testing::withComment(testing::compliantPhoto(), "swapped");
    const fs::path file = store->photos().pathOf(capture->finalSha256);
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(swapped.data()),
               static_cast<std::streamsize>(swapped.size()));

    const auto summary = exportBatch(request("b", true));
    ASSERT_EQ(summary.exported.size(), 1u);
    ASSERT_EQ(summary.refused.size(), 1u);
    EXPECT_EQ(summary.refused[0].captureId, tampered);
    EXPECT_EQ(summary.refused[0].studentNo, "2020002");
    EXPECT_EQ(summary.refused[0].problem.code, "hash_mismatch");
    EXPECT_FALSE(fs::exists(summary.folder / (idNumber("11010519900307123") + ".jpg")));
    EXPECT_EQ(test::readZip(summary.zipFile)->size(), 3u);

    // Missing altogether.
    fs::remove(file);
    const auto again = exportBatch(request("b", true));
    ASSERT_EQ(again.refused.size(), 1u);
    EXPECT_EQ(again.refused[0].problem.code, "photo_missing");
}

TEST_F(ExportTest, PhotoThatFailsInspectIsRefused) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX));
    // A real JPEG of the right size and colour, but no face in it.
    const cv::Mat empty(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", empty, jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
    const auto bad = approve(student("2020002", "李四", idNumber("11010519900307123")), jpeg);

    const auto summary = exportBatch(request("b"));
    ASSERT_EQ(summary.exported.size(), 1u);
    ASSERT_EQ(summary.refused.size(), 1u);
    EXPECT_EQ(summary.refused[0].captureId, bad);
    EXPECT_EQ(summary.refused[0].problem.code, "inspect_failed");
    EXPECT_NE(summary.refused[0].problem.message_en.find("chsi-blue"), std::string::npos);
    EXPECT_EQ(folderNames(summary.folder),
              (std::vector<std::string>{kIdWithX + ".jpg", "manifest.csv", "manifest.json"}));
}

TEST_F(ExportTest, StudentWithoutThePatternFieldIsRefused) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX, "26110101150001"));
    const auto noExam = approveCompliant(student("2020002", "李四", idNumber("11010519900307123")));
    auto r = request("exam");
    r.pattern = "{考生号}.jpg";
    const auto summary = exportBatch(r);
    ASSERT_EQ(summary.exported.size(), 1u);
    EXPECT_EQ(summary.exported[0].fileName, "26110101150001.jpg");
    ASSERT_EQ(summary.refused.size(), 1u);
    EXPECT_EQ(summary.refused[0].captureId, noExam);
    EXPECT_EQ(summary.refused[0].problem.code, "missing_field");
    // The same batch with another pattern would mix names: refused as usage.
    r.pattern = "{学号}.jpg";
    try {
        exportBatch(r);
        FAIL() << "pattern changed within a batch";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    }
}

TEST_F(ExportTest, SinceFiltersByApprovalTime) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX));
    time.now += 86400;
    const auto later = approveCompliant(student("2020002", "李四", idNumber("11010519900307123")));
    auto r = request("since");
    r.approvedSince = time.now;
    const auto summary = exportBatch(r);
    ASSERT_EQ(summary.exported.size(), 1u);
    EXPECT_EQ(summary.exported[0].captureId, later);
}

TEST_F(ExportTest, OnlyAnAdminExports) {
    approve(student("2020001", "张三", kIdWithX), {0xFF, 0xD8, 0xFF, 0xD9});
    BatchExport exporter(*store, verifier, time.clock());
    EXPECT_THROW(exporter.run(request("b"), reviewer), store::Refusal);
    EXPECT_FALSE(ExportLedger(store->database()).findBatch("b"));
}

TEST_F(ExportTest, CancelStopsBetweenPhotosAndARunLaterFinishes) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    for (int i = 0; i < 12; ++i)
        approveCompliant(student(std::to_string(2020100 + i), "学生" + std::to_string(i),
                                 idNumber("110105199003071" + std::to_string(10 + i))));
    std::atomic<bool> cancel{false};
    std::vector<ExportProgress> seen;
    BatchExport exporter(*store, verifier, time.clock());
    const auto stopped = exporter.run(
        request("c", true), admin,
        [&](const ExportProgress& p) {
            seen.push_back(p);
            if (p.stage == ExportProgress::Stage::kPhotos && p.done >= 1) cancel = true;
        },
        &cancel);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_GE(stopped.exported.size(), 1u);
    EXPECT_LT(stopped.exported.size(), 12u);
    EXPECT_FALSE(fs::exists(outDir() / "c.zip")) << "no ZIP for an unfinished batch";
    EXPECT_EQ(ExportLedger(store->database()).findBatch("c")->state, "open");
    ASSERT_FALSE(seen.empty());
    EXPECT_EQ(seen.front().total, 12);

    const auto rest = exporter.run(request("c", true), admin);
    EXPECT_FALSE(rest.cancelled);
    EXPECT_EQ(rest.alreadyInBatch, static_cast<int>(stopped.exported.size()));
    EXPECT_EQ(rest.exported.size() + stopped.exported.size(), 12u);
    EXPECT_EQ(test::readZip(rest.zipFile)->size(), 14u);
}

TEST_F(ExportTest, NewBatchNeverTakesOverAnExistingFolder) {
    approve(student("2020001", "张三", kIdWithX), {0xFF, 0xD8, 0xFF, 0xD9});
    fs::create_directories(outDir() / "Documents");
    std::ofstream(outDir() / "Documents" / "thesis.docx") << "years of work";
    try {
        exportBatch(request("Documents"));
        FAIL() << "a new batch took over a folder with files in it";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    }
    EXPECT_TRUE(fs::exists(outDir() / "Documents" / "thesis.docx"));
    EXPECT_FALSE(ExportLedger(store->database()).findBatch("Documents"));
}

TEST_F(ExportTest, FolderIsRepairedFromTheArchive) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveCompliant(student("2020001", "张三", kIdWithX));
    const auto first = exportBatch(request("r", true));
    const fs::path photo = first.folder / (kIdWithX + ".jpg");
    std::ofstream(photo, std::ios::trunc) << "damaged";
    std::ofstream(first.folder / "stray.jpg") << "left by someone";
    const auto again = exportBatch(request("r", true));
    EXPECT_EQ(store::sha256Hex(fileBytes(photo)), first.exported[0].sha256);
    EXPECT_FALSE(fs::exists(first.folder / "stray.jpg"));
    EXPECT_EQ(test::readZip(again.zipFile)->size(), 3u);
}

}  // namespace
}  // namespace gradphoto::exports
