// Review queue queries at 50,000 captures (issue 7: the queue stays fast with 50,000 records).
// The store is seeded through SQL (no photo files: this measures the database), with a mix of
// statuses and superseded retakes like a season of a large university.
//
//   build/tests/bench/bench_queue [--benchmark_filter=...]

#include <benchmark/benchmark.h>

#include <memory>
#include <random>

#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace {
using namespace gradphoto::store;

constexpr int kCaptures = 50'000;

struct SeededStore {
    gradphoto::test::ScratchDir dir{"gradphoto-bench-queue"};
    std::unique_ptr<SqliteRecordStore> store;
    std::unique_ptr<ReviewQueue> queue;
    StaffAccount reviewer;
    std::vector<std::int64_t> pending;
    std::size_t nextPending = 0;

    SeededStore() {
        store = SqliteRecordStore::open(dir / "data");
        StaffAccess access(*store);
        access.setPinIterations(1000);
        reviewer = access.addFirstAdmin("A001", "reviewer", "246810");
        queue = std::make_unique<ReviewQueue>(*store, RejectReasons::load());
        auto& db = store->database();
        std::mt19937 random(7);
        Transaction tx(db);
        auto student = db.prepare(
            "INSERT INTO students (student_no, name, id_number, status, created_at, updated_at) "
            "VALUES (?, ?, '', ?, 1, 1)");
        auto capture = db.prepare(
            "INSERT INTO captures (student_no, raw_sha256, final_sha256, status, checks_failed, "
            "created_at, submitted_at, decided_at, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
            "?, ?)");
        const std::string hash(64, 'a');
        int made = 0;
        for (int s = 0; made < kCaptures; ++s) {
            const std::string no = std::to_string(20200000 + s);
            const int roll = static_cast<int>(random() % 100);
            const char* status = roll < 20   ? "submitted"
                                 : roll < 80 ? "approved"
                                 : roll < 95 ? "rejected"
                                             : "captured";
            student.reset();
            student.bind(1, no).bind(2, "学生" + std::to_string(s)).bind(3, status).run();
            // One in ten students has a superseded (rejected) first capture.
            const bool retake = s % 10 == 0;
            std::int64_t previous = 0;
            for (int k = retake ? 0 : 1; k < 2 && made < kCaptures; ++k, ++made) {
                const std::int64_t t = 1780000000 + made * 7;
                capture.reset();
                capture.bind(1, no).bind(2, hash).bind(3, hash);
                capture.bind(4, k == 0 ? "rejected" : status)
                    .bind(5, static_cast<int>(random() % 3));
                capture.bind(6, t).bind(7, t + 1).bind(8, t + 100).bindNull(9);
                capture.run();
                const auto id = db.lastInsertRowId();
                if (k == 1 && previous) {
                    auto sup = db.prepare("UPDATE captures SET superseded_by = ? WHERE id = ?");
                    sup.bind(1, id).bind(2, previous).run();
                }
                previous = id;
                if (k == 1 && std::string(status) == "submitted") pending.push_back(id);
            }
        }
        tx.commit();
        db.exec("ANALYZE");
    }
};

SeededStore& seeded() {
    static SeededStore s;
    return s;
}

void BM_PendingFirstPage(benchmark::State& state) {
    auto& s = seeded();
    QueueQuery q{CaptureStatus::kSubmitted};
    q.limit = 50;
    for (auto _ : state) benchmark::DoNotOptimize(s.queue->list(q));
}
BENCHMARK(BM_PendingFirstPage)->Unit(benchmark::kMicrosecond);

void BM_PendingDeepPageKeyset(benchmark::State& state) {
    auto& s = seeded();
    QueueQuery q{CaptureStatus::kSubmitted};
    q.limit = 5000;
    const auto first = s.queue->list(q);
    q.limit = 50;
    q.after = std::make_pair(*first.back().submittedAt, first.back().id);
    for (auto _ : state) benchmark::DoNotOptimize(s.queue->list(q));
}
BENCHMARK(BM_PendingDeepPageKeyset)->Unit(benchmark::kMicrosecond);

void BM_PendingDeepPageOffset(benchmark::State& state) {
    auto& s = seeded();
    QueueQuery q{CaptureStatus::kSubmitted};
    q.limit = 50;
    q.offset = 5000;
    for (auto _ : state) benchmark::DoNotOptimize(s.queue->list(q));
}
BENCHMARK(BM_PendingDeepPageOffset)->Unit(benchmark::kMicrosecond);

void BM_AllStatusesPendingFirst(benchmark::State& state) {
    auto& s = seeded();
    QueueQuery q;
    q.limit = 50;
    for (auto _ : state) benchmark::DoNotOptimize(s.queue->list(q));
}
BENCHMARK(BM_AllStatusesPendingFirst)->Unit(benchmark::kMicrosecond);

void BM_CountByStatus(benchmark::State& state) {
    auto& s = seeded();
    for (auto _ : state) benchmark::DoNotOptimize(s.store->captures().countByStatus());
}
BENCHMARK(BM_CountByStatus)->Unit(benchmark::kMicrosecond);

void BM_FindCapture(benchmark::State& state) {
    auto& s = seeded();
    std::int64_t id = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(s.queue->find(id));
        id = id % kCaptures + 7919;
    }
}
BENCHMARK(BM_FindCapture)->Unit(benchmark::kMicrosecond);

void BM_CurrentCaptureOfStudent(benchmark::State& state) {
    auto& s = seeded();
    int n = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            s.store->captures().currentFor(std::to_string(20200000 + (n * 7919) % 40000)));
        ++n;
    }
}
BENCHMARK(BM_CurrentCaptureOfStudent)->Unit(benchmark::kMicrosecond);

// One approval: transaction, review row, student status, audit entry, fsync'd commit.
void BM_Approve(benchmark::State& state) {
    auto& s = seeded();
    for (auto _ : state) {
        if (s.nextPending >= s.pending.size()) {
            state.SkipWithError("out of pending captures");
            break;
        }
        benchmark::DoNotOptimize(s.queue->approve(s.pending[s.nextPending++], s.reviewer));
    }
}
BENCHMARK(BM_Approve)->Unit(benchmark::kMicrosecond)->Iterations(500);

}  // namespace

BENCHMARK_MAIN();
