#pragma once

// Shared by the export tests: a real store (SQLite file + photo folder) with an admin and a
// reviewer, real standardized JPEGs (a corpus portrait standardized once per test binary, made
// distinct per student by a JPEG comment segment), and students approved through the ReviewQueue.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/export/batch_export.h"
#include "gradphoto/imaging/standardizer.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::exports::testing {

// A compliant chsi-blue final photo standardized from the corpus, or empty without the corpus.
inline const std::vector<std::uint8_t>& compliantPhoto() {
    static const std::vector<std::uint8_t> photo = [] {
        const auto data = test::testdataDir();
        if (!data) return std::vector<std::uint8_t>{};
        const Standardizer standardizer(Preset::load("chsi-blue"));
        auto result = standardizer.runFile(*data / "portraits/congress_J000294.jpg");
        return result.report.ok ? result.jpeg : std::vector<std::uint8_t>{};
    }();
    return photo;
}

// The same image with a JPEG comment (COM segment) after the JFIF header: other bytes, another
// SHA-256, the same pixels.
inline std::vector<std::uint8_t> withComment(const std::vector<std::uint8_t>& jpeg,
                                             const std::string& tag) {
    std::size_t at = 2;  // after SOI
    if (jpeg.size() > 6 && jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        at = 4 + (static_cast<std::size_t>(jpeg[4]) << 8 | jpeg[5]);
    const std::size_t length = tag.size() + 2;
    std::vector<std::uint8_t> out(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(at));
    out.push_back(0xFF);
    out.push_back(0xFE);
    out.push_back(static_cast<std::uint8_t>(length >> 8));
    out.push_back(static_cast<std::uint8_t>(length & 0xFF));
    out.insert(out.end(), tag.begin(), tag.end());
    out.insert(out.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(at), jpeg.end());
    return out;
}

// A GB 11643 ID number: 17 digits and the check character (which may be X).
inline std::string idNumber(const std::string& first17) {
    static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return first17 + "10X98765432"[sum % 11];
}

inline store::Student student(const std::string& no, const std::string& name,
                              const std::string& idNumber, const std::string& examNo = "") {
    store::Student s;
    s.studentNo = no;
    s.name = name;
    s.idNumber = idNumber;
    s.department = "计算机学院";
    s.major = "软件工程";
    s.level = "本科";
    s.collectionCode = "CHSI,\"code\"-" + no;  // a comma and quotes: the CSV must quote it
    s.examNo = examNo;
    return s;
}

struct FakeClock {
    store::UnixTime now = 1780000000;
    store::Clock clock() {
        return [this] { return now; };
    }
};

class ExportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store = store::SqliteRecordStore::open(dataDir());
        store::StaffAccess access(*store, time.clock());
        access.setPinIterations(1000);
        admin = access.addFirstAdmin("A001", "管理员", "246810");
        reviewer = access.addAccount(admin, "S001", "审核员", store::StaffRole::kStaff, "135790");
        queue = std::make_unique<store::ReviewQueue>(*store, store::RejectReasons::load(),
                                                     time.clock());
    }

    std::filesystem::path dataDir() const { return dir.path() / "data"; }
    std::filesystem::path outDir() const { return dir.path() / "out"; }

    // Stores the student when new, submits finalJpeg and approves it; returns the capture id.
    std::int64_t approve(const store::Student& s, const std::vector<std::uint8_t>& finalJpeg,
                         const std::string& reportJson = "") {
        store->students().upsert(s);
        const std::vector<std::uint8_t> raw = withComment(finalJpeg, "raw-" + s.studentNo);
        const auto capture =
            queue->recordAndSubmit({s.studentNo, raw, finalJpeg, reportJson, "cli"});
        return queue->approve(capture.id, reviewer).id;
    }
    std::int64_t approveCompliant(const store::Student& s) {
        return approve(s, withComment(compliantPhoto(), "final-" + s.studentNo));
    }

    ExportSummary exportBatch(ExportRequest request) {
        BatchExport exporter(*store, verifier, time.clock());
        return exporter.run(request, admin);
    }
    ExportRequest request(const std::string& batch, bool zip = false) const {
        ExportRequest r;
        r.outDir = outDir();
        r.batchName = batch;
        r.zip = zip;
        return r;
    }

    test::ScratchDir dir{"gradphoto-export"};
    FakeClock time;
    std::unique_ptr<store::SqliteRecordStore> store;
    std::unique_ptr<store::ReviewQueue> queue;
    store::StaffAccount admin;
    store::StaffAccount reviewer;
    PhotoVerifier verifier;
};

#define GRADPHOTO_REQUIRE_COMPLIANT_PHOTO()                      \
    if (::gradphoto::exports::testing::compliantPhoto().empty()) \
    GTEST_SKIP() << "shared testdata folder absent (set GRADPHOTO_TESTDATA): no compliant photo"

}  // namespace gradphoto::exports::testing
