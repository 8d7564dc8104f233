// A child process submits captures in a loop and is killed with SIGKILL at random moments. After
// every kill the store must be sound: PRAGMA integrity_check clean, no capture row without its
// photo files, and every submission the child saw acknowledged present with its files.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {
namespace fs = std::filesystem;

constexpr int kStudents = 200;

std::string studentNo(int i) {
    return std::to_string(5000000 + i);
}

// The child: submits until killed (or until `limit`), appending "id raw final\n" to the
// acknowledgement file after each submission returned, with fsync.
[[noreturn]] void submitForever(const fs::path& dataDir, const fs::path& ackFile, int round,
                                int limit) {
    try {
        auto store = SqliteRecordStore::open(dataDir);
        ReviewQueue queue(*store, RejectReasons::load());
        const int ack = ::open(ackFile.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        for (int i = 0; i < limit; ++i) {
            const std::string tag = std::to_string(round) + "-" + std::to_string(i);
            // Photos of a few KB so that file writes take a little time too.
            const auto raw = fakeJpeg("raw-" + tag + std::string(3000 + i % 700, 'r'));
            const auto fin = fakeJpeg("final-" + tag + std::string(2000 + i % 500, 'f'));
            const auto c = queue.recordAndSubmit(
                {studentNo((round * 37 + i) % kStudents), raw, fin, "", "kiosk"});
            const std::string line =
                std::to_string(c.id) + " " + c.rawSha256 + " " + c.finalSha256 + "\n";
            if (::write(ack, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                ::_exit(3);
            ::fsync(ack);
        }
        ::_exit(0);
    } catch (...) {
        ::_exit(2);
    }
}

TEST(StoreCrashSafety, SigkillWhileSubmittingLosesNothingAcknowledged) {
    gradphoto::test::ScratchDir dir("gradphoto-crash");
    const fs::path data = dir / "data";
    const fs::path ackFile = dir / "acks.txt";
    {
        auto store = SqliteRecordStore::open(data);
        std::vector<Student> roster;
        for (int i = 0; i < kStudents; ++i) roster.push_back(student(studentNo(i)));
        store->students().importAll(roster);
    }
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> delayMs(100, 800);
    constexpr int kRounds = 8;
    int killed = 0;
    for (int round = 0; round < kRounds; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) submitForever(data, ackFile, round, 400);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));
        if (::kill(child, SIGKILL) == 0) ++killed;
        int status = 0;
        ::waitpid(child, &status, 0);
        if (WIFEXITED(status)) {
            EXPECT_EQ(WEXITSTATUS(status), 0) << "child failed in round " << round;
        }
    }

    auto store = SqliteRecordStore::open(data);
    const auto report = store->checkConsistency();
    EXPECT_TRUE(report.integrityProblems.empty());
    EXPECT_TRUE(report.foreignKeyProblems.empty());
    EXPECT_TRUE(report.rowsWithoutFiles.empty()) << report.rowsWithoutFiles.front();

    std::string line;
    int acknowledged = 0;
    const std::string all = gradphoto::test::readText(ackFile);
    std::istringstream lines(all);
    while (std::getline(lines, line)) {
        if (lines.eof() && !all.empty() && all.back() != '\n') break;  // torn last line
        std::istringstream fields(line);
        std::int64_t id = 0;
        std::string raw, fin;
        if (!(fields >> id >> raw >> fin)) continue;
        ++acknowledged;
        const auto c = store->captures().find(id);
        ASSERT_TRUE(c) << "acknowledged capture " << id << " lost";
        EXPECT_EQ(c->rawSha256, raw);
        EXPECT_EQ(c->finalSha256, fin);
        EXPECT_EQ(c->status, CaptureStatus::kSubmitted);
        EXPECT_TRUE(store->photos().contains(raw));
        EXPECT_TRUE(store->photos().contains(fin));
        EXPECT_EQ(sha256Hex(store->photos().read(fin)), fin);
    }
    EXPECT_GT(acknowledged, 0);
    // Every student has at most one current capture.
    auto s = store->database().prepare(
        "SELECT count(*) FROM (SELECT student_no FROM captures WHERE superseded_by IS NULL "
        "GROUP BY student_no HAVING count(*) > 1)");
    s.step();
    EXPECT_EQ(s.integer(0), 0);
    std::cout << "[ crash    ] " << killed << " kills, " << acknowledged
              << " acknowledged submissions, " << report.filesWithoutRows.size()
              << " stray files\n";
}

}  // namespace
}  // namespace gradphoto::store::testing
