// The kiosk's process is killed (SIGKILL) while it creates an order or while it learns that the
// student has paid — between "paid" at the provider and the local update. The provider is a real
// loopback campus gateway in this process, so its truth survives the kill. After every kill a new
// process must find the same order, see it paid, never open a second order or charge twice, and
// leave a sound database.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "campus_gateway.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "test_support.h"

namespace gradphoto::payment::test {
namespace {

namespace fs = std::filesystem;
using gradphoto::test::runCli;
using nlohmann::json;

constexpr int kRounds = 10;

std::string studentNo(int i) {
    return "K" + std::to_string(7000 + i);
}

// Starts `gradphoto ARGS` and kills it with SIGKILL after `delay` (or lets it finish first).
void runAndKill(const std::vector<std::string>& args, std::chrono::microseconds delay) {
    std::vector<std::string> all{GRADPHOTO_CLI_PATH};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Quiet child: its output does not matter, only what it leaves on disk.
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    std::this_thread::sleep_for(delay);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
}

class PaymentKillTest : public ::testing::Test {
  protected:
    void SetUp() override {
        {
            auto store = store::SqliteRecordStore::open(dir / "data");
            for (int i = 0; i < kRounds; ++i) {
                store::Student s;
                s.studentNo = studentNo(i);
                s.name = "测试学生";
                store->students().upsert(s);
            }
        }
        std::ofstream(dir / "campus.secret") << kSecret << "\n";
        fs::permissions(dir / "campus.secret", fs::perms::owner_read | fs::perms::owner_write);
        std::ofstream(dir / "settings.json")
            << json{{"kiosk", {{"fee_fen", 2000}}},
                    {"payment",
                     {{"provider", "campus"},
                      {"campus",
                       {{"api_base", gateway.base()},
                        {"merchant_id", kMerchant},
                        {"secret_file", (dir / "campus.secret").string()}}}}}}
                   .dump();
    }

    std::vector<std::string> args(std::vector<std::string> a) const {
        a.insert(a.end(), {"--data-dir", (dir / "data").string(), "--config",
                           (dir / "settings.json").string(), "--json"});
        return a;
    }

    gradphoto::test::ScratchDir dir{"gradphoto-payment-kill"};
    CampusGateway gateway;
};

TEST_F(PaymentKillTest, KilledKioskNeverLosesNorDoublesAPayment) {
    std::mt19937 random(20261129);
    // Kills land anywhere within the time a whole command takes here (measured as it goes: the
    // machine's load changes it), so some hit start-up, some the request, some the commit.
    long long commandMicros = 150000;
    auto killAt = [&] { return std::chrono::microseconds(random() % (commandMicros * 12 / 10)); };
    for (int i = 0; i < kRounds; ++i) {
        const std::string no = studentNo(i);
        SCOPED_TRACE("round " + std::to_string(i));
        // Killed while creating the order: at start-up, mid-request or after the commit.
        runAndKill(args({"pay", "create", "--student", no, "--provider", "campus"}), killAt());
        // The next scan resumes or creates exactly one open order.
        const auto started = std::chrono::steady_clock::now();
        auto created = runCli(args({"pay", "create", "--student", no, "--provider", "campus"}));
        commandMicros =
            std::max<long long>(1000, std::chrono::duration_cast<std::chrono::microseconds>(
                                          std::chrono::steady_clock::now() - started)
                                          .count());
        ASSERT_EQ(created.exitCode, 0) << created.err;
        const std::string order = json::parse(created.out).at("order");
        EXPECT_EQ(json::parse(created.out).at("state"), "paying");

        // The student pays on the phone; the kiosk is killed while it asks.
        {
            auto lock = gateway.lock();
            gateway.states[order] = "paid";
        }
        runAndKill(args({"pay", "status", order}), killAt());

        // Restarted: the same order is found and honoured, and a retake is free.
        const auto status = runCli(args({"pay", "status", order}));
        ASSERT_EQ(status.exitCode, 0) << status.err;
        EXPECT_EQ(json::parse(status.out).at("state"), "paid");
        const auto again = runCli(args({"pay", "create", "--student", no, "--provider", "campus"}));
        ASSERT_EQ(again.exitCode, 0) << again.err;
        EXPECT_EQ(json::parse(again.out).at("order"), order);
        EXPECT_EQ(json::parse(again.out).at("state"), "paid");
    }

    auto store = store::SqliteRecordStore::open(dir / "data");
    const auto report = store->checkConsistency();
    EXPECT_TRUE(report.integrityProblems.empty());
    EXPECT_TRUE(report.foreignKeyProblems.empty());
    for (int i = 0; i < kRounds; ++i) {
        auto paid = store->database().prepare(
            "SELECT count(*) FROM payments WHERE student_no = ? AND state = "
            "'paid'");
        paid.bind(1, studentNo(i));
        ASSERT_TRUE(paid.step());
        EXPECT_EQ(paid.integer(0), 1) << studentNo(i) << " paid exactly once";
        auto open = store->database().prepare(
            "SELECT count(*) FROM payments WHERE student_no = ? AND state IN "
            "('created', 'paying')");
        open.bind(1, studentNo(i));
        ASSERT_TRUE(open.step());
        EXPECT_EQ(open.integer(0), 0) << studentNo(i) << " has no order left open";
    }
    // Every order the gateway saw paid is paid locally: no money without a record.
    auto lock = gateway.lock();
    for (const auto& [order, state] : gateway.states) {
        if (state != "paid") continue;
        auto local = store->database().prepare("SELECT state FROM payments WHERE order_no = ?");
        local.bind(1, order);
        ASSERT_TRUE(local.step()) << order;
        EXPECT_EQ(local.text(0), "paid") << order;
    }
}

}  // namespace
}  // namespace gradphoto::payment::test
