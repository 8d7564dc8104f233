// The CHSI export of 10,000 approved photos against a plain copy of the same files (issue 8).
// The store is seeded through SQL with 10,000 students, each with an approved capture whose final
// photo is a real standardized JPEG (one corpus portrait standardized once, made distinct per
// student by a JPEG comment, so every file has its own SHA-256).
//
//   build-export/tests/bench/bench_export [--benchmark_filter=...]
//
// BM_PlainCopy/N        copy the N photo files from the photo folder to a fresh folder
// BM_PlainCopySynced/N  the same, each file and the folder flushed to disk (fsync)
// BM_ExportHashOnly/N   the export with the inspect step replaced by a pass (SHA-256 check,
//                       atomic writes, ledger, manifests, ZIP): the export's own overhead
// BM_Export/N           the real export, inspect included (dlib face detection per photo)
// The N photos are the N most recently approved (ExportRequest::approvedSince).

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <memory>

#include "gradphoto/export/batch_export.h"
#include "gradphoto/imaging/standardizer.h"
#include "gradphoto/store/photo_folder.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace {
namespace fs = std::filesystem;
using namespace gradphoto;

constexpr int kPhotos = 10'000;
constexpr store::UnixTime kFirstApproval = 1780000000;

std::vector<std::uint8_t> withComment(const std::vector<std::uint8_t>& jpeg,
                                      const std::string& tag) {
    const std::size_t at = 4 + (static_cast<std::size_t>(jpeg[4]) << 8 | jpeg[5]);  // after APP0
    std::vector<std::uint8_t> out(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(at));
    const std::size_t length = tag.size() + 2;
    out.insert(out.end(), {0xFF, 0xFE, static_cast<std::uint8_t>(length >> 8),
                           static_cast<std::uint8_t>(length & 0xFF)});
    out.insert(out.end(), tag.begin(), tag.end());
    out.insert(out.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(at), jpeg.end());
    return out;
}

std::string idNumber(int i) {
    static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    const std::string first = "1101051990" + std::to_string(1000000 + i);
    int sum = 0;
    for (int k = 0; k < 17; ++k) sum += (first[static_cast<std::size_t>(k)] - '0') * kWeights[k];
    return first + "10X98765432"[sum % 11];
}

struct SeededStore {
    test::ScratchDir dir{"gradphoto-bench-export"};
    std::unique_ptr<store::SqliteRecordStore> store;
    store::StaffAccount admin;
    std::vector<std::string> hashes;  // by approval order
    bool ready = false;
    int runs = 0;

    SeededStore() {
        const auto data = test::testdataDir();
        if (!data) return;
        const Standardizer standardizer(Preset::load("chsi-blue"));
        const auto base = standardizer.runFile(*data / "portraits/congress_J000294.jpg");
        if (!base.report.ok) return;
        store = store::SqliteRecordStore::open(dir / "data");
        store::StaffAccess access(*store);
        access.setPinIterations(1000);
        admin = access.addFirstAdmin("A001", "admin", "246810");
        auto& db = store->database();
        store::Transaction tx(db);
        auto student = db.prepare(
            "INSERT INTO students (student_no, name, id_number, department, collection_code, "
            "status, created_at, updated_at) VALUES (?, ?, ?, '计算机学院', ?, 'approved', 1, 1)");
        auto capture = db.prepare(
            "INSERT INTO captures (student_no, raw_sha256, final_sha256, report_json, status, "
            "created_at, submitted_at, decided_at) VALUES (?, ?, ?, '{\"preset\":\"chsi-blue\"}', "
            "'approved', ?, ?, ?)");
        auto review = db.prepare(
            "INSERT INTO reviews (capture_id, staff_no, at, decision, reason_code, note) "
            "VALUES (?, 'A001', ?, 'approve', '', '')");
        for (int i = 0; i < kPhotos; ++i) {
            const auto jpeg = withComment(base.jpeg, "student-" + std::to_string(i));
            const std::string hash = store::sha256Hex(jpeg);
            const fs::path file = store->photos().pathOf(hash);
            fs::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary)
                .write(reinterpret_cast<const char*>(jpeg.data()),
                       static_cast<std::streamsize>(jpeg.size()));
            hashes.push_back(hash);
            const std::string no = std::to_string(20200000 + i);
            student.reset();
            student.bind(1, no).bind(2, "学生" + std::to_string(i)).bind(3, idNumber(i));
            student.bind(4, "CHSI-" + no).run();
            const store::UnixTime t = kFirstApproval + i;
            capture.reset();
            capture.bind(1, no).bind(2, hash).bind(3, hash).bind(4, t - 100).bind(5, t - 50);
            capture.bind(6, t).run();
            review.reset();
            review.bind(1, db.lastInsertRowId()).bind(2, t).run();
        }
        tx.commit();
        db.exec("ANALYZE");
        ready = true;
    }
};

SeededStore& seeded() {
    static SeededStore s;
    return s;
}

void BM_PlainCopy(benchmark::State& state) {
    auto& s = seeded();
    if (!s.ready) return state.SkipWithError("shared testdata folder absent");
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) {
        const fs::path out = s.dir / ("copy-" + std::to_string(++s.runs));
        fs::create_directories(out);
        for (int i = kPhotos - n; i < kPhotos; ++i)
            fs::copy_file(s.store->photos().pathOf(s.hashes[static_cast<std::size_t>(i)]),
                          out / (idNumber(i) + ".jpg"));
        state.PauseTiming();
        fs::remove_all(out);
        state.ResumeTiming();
    }
    state.counters["photos/s"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

// The plain copy made durable: each file flushed (fsync), then the folder, as the export does.
void BM_PlainCopySynced(benchmark::State& state) {
    auto& s = seeded();
    if (!s.ready) return state.SkipWithError("shared testdata folder absent");
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) {
        const fs::path out = s.dir / ("copy-" + std::to_string(++s.runs));
        fs::create_directories(out);
        for (int i = kPhotos - n; i < kPhotos; ++i) {
            const fs::path target = out / (idNumber(i) + ".jpg");
            fs::copy_file(s.store->photos().pathOf(s.hashes[static_cast<std::size_t>(i)]), target);
            const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC);
            ::fsync(fd);
            ::close(fd);
        }
        const int dfd = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ::fsync(dfd);
        ::close(dfd);
        state.PauseTiming();
        fs::remove_all(out);
        state.ResumeTiming();
    }
    state.counters["photos/s"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

void runExport(benchmark::State& state, const exports::PhotoVerifier& verifier) {
    auto& s = seeded();
    if (!s.ready) return state.SkipWithError("shared testdata folder absent");
    const int n = static_cast<int>(state.range(0));
    for (auto _ : state) {
        exports::ExportRequest request;
        request.outDir = s.dir / ("export-" + std::to_string(++s.runs));
        request.batchName = "bench-" + std::to_string(s.runs);
        request.zip = true;
        request.approvedSince = kFirstApproval + (kPhotos - n);
        exports::BatchExport exporter(*s.store, verifier);
        const auto summary = exporter.run(request, s.admin);
        if (static_cast<int>(summary.exported.size()) != n || !summary.refused.empty())
            state.SkipWithError("the export did not take every photo");
        state.PauseTiming();
        fs::remove_all(request.outDir);
        state.ResumeTiming();
    }
    state.counters["photos/s"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ExportHashOnly(benchmark::State& state) {
    const exports::PhotoVerifier verifier(
        [](std::span<const std::uint8_t>, const std::string&, const Preset& preset) {
            Report passed;
            passed.ok = true;
            passed.preset = preset.name;
            return passed;
        });
    runExport(state, verifier);
}

void BM_Export(benchmark::State& state) {
    const exports::PhotoVerifier verifier;
    runExport(state, verifier);
}

BENCHMARK(BM_PlainCopy)
    ->Arg(500)
    ->Arg(kPhotos)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK(BM_PlainCopySynced)
    ->Arg(500)
    ->Arg(kPhotos)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK(BM_ExportHashOnly)
    ->Arg(500)
    ->Arg(kPhotos)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK(BM_Export)
    ->Arg(500)
    ->Arg(kPhotos)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
