// gradphoto purge through the built binary: admin only, dry run by default, --apply, --json.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "../store/store_fixture.h"

namespace gradphoto::retention {
namespace {

namespace fs = std::filesystem;
using gradphoto::test::runCli;

class PurgeCli : public store::testing::StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        rejected = submitNew("2020001", "a");
        queue->reject(rejected.id, reviewer, "clothing_contrast", "");
        approved = submitNew("2020002", "b");
        queue->approve(approved.id, reviewer);
        std::ofstream(config) << R"({"retention": {"raw_days": 0, "rejected_days": 0}})";
    }
    std::vector<std::string> args(std::vector<std::string> extra) {
        std::vector<std::string> a{"--data-dir", (dir / "data").string(), "--config",
                                   config.string(), "purge"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    fs::path config = dir / "settings.json";
    store::Capture rejected, approved;
};

TEST_F(PurgeCli, NeedsAnAdmin) {
    EXPECT_EQ(runCli(args({})).exitCode, 2);  // no --staff
    auto r = runCli(args({"--staff", "S001"}), {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u);
    r = runCli(args({"--staff", "A001"}), {"GRADPHOTO_PIN=000000"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(runCli(args({"--staff", "A001", "--bogus"}), {"GRADPHOTO_PIN=246810"}).exitCode, 2);
}

TEST_F(PurgeCli, DryRunThenApply) {
    auto r = runCli(args({"--staff", "A001", "--json"}), {"GRADPHOTO_PIN=246810"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_TRUE(j["dry_run"]);
    EXPECT_EQ(j["raw"], 1);  // the rejected capture's raw; the approved one is not exported
    EXPECT_EQ(j["rejected"], 1);
    EXPECT_EQ(j["approved_unexported_kept"], 1);
    EXPECT_EQ(j["files"], 2);
    EXPECT_EQ(j["files_deleted"], 0);
    EXPECT_TRUE(fs::exists(store->photos().pathOf(rejected.finalSha256)));

    r = runCli(args({"--staff", "A001", "--apply", "--json"}), {"GRADPHOTO_PIN=246810"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["dry_run"]);
    EXPECT_EQ(j["files_deleted"], 2);
    EXPECT_FALSE(fs::exists(store->photos().pathOf(rejected.finalSha256)));
    EXPECT_TRUE(fs::exists(store->photos().pathOf(approved.finalSha256)));
    EXPECT_TRUE(fs::exists(store->photos().pathOf(approved.rawSha256)));

    // The store check agrees: nothing lost.
    r = runCli({"--data-dir", (dir / "data").string(), "store", "check"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    // Text output of a run with nothing left.
    r = runCli(args({"--staff", "A001"}), {"GRADPHOTO_PIN=246810"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("dry run"), std::string::npos) << r.out;
}

TEST_F(PurgeCli, ScheduledRunsOnlyWhenTheSettingsAllowIt) {
    // Not allowed by the settings: refused, nothing deleted.
    auto r = runCli(args({"--scheduled"}));
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("retention.scheduled"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(store->photos().pathOf(rejected.finalSha256)));
    EXPECT_EQ(runCli(args({"--scheduled", "--staff", "A001"})).exitCode, 2);
    EXPECT_EQ(runCli(args({"--scheduled", "--apply"})).exitCode, 2);

    // Allowed: applies without a PIN, as the system, audit-logged.
    std::ofstream(config) << R"({"retention": {"raw_days": 0, "rejected_days": 0,
                                               "scheduled": true}})";
    r = runCli(args({"--scheduled", "--json"}));
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["dry_run"]);
    EXPECT_EQ(j["files_deleted"], 2);
    EXPECT_FALSE(fs::exists(store->photos().pathOf(rejected.finalSha256)));
    EXPECT_TRUE(fs::exists(store->photos().pathOf(approved.finalSha256)));
    bool audited = false;
    for (const auto& e : store->audit().recent(20))
        if (e.action == "retention.purge" && e.actor == "system:scheduled") audited = true;
    EXPECT_TRUE(audited);

    std::ofstream(config) << R"({"retention": {"scheduled": "yes"}})";
    EXPECT_EQ(runCli(args({"--scheduled"})).exitCode, 3);
}

TEST_F(PurgeCli, BadSettingsAreInputErrors) {
    std::ofstream(config) << R"({"retention": {"raw_days": "soon"}})";
    const auto r = runCli(args({"--staff", "A001"}), {"GRADPHOTO_PIN=246810"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("retention.raw_days"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gradphoto::retention
