// The record commands through the built `gradphoto` binary: submit, queue, review, staff, store.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {
namespace fs = std::filesystem;
using gradphoto::test::CommandResult;
using gradphoto::test::runCli;

class StoreCli : public ::testing::Test {
  protected:
    void SetUp() override {
        auto store = SqliteRecordStore::open(data);
        store->students().importAll({student("2020001"), student("2020002", "李四")});
        writeFile("final.jpg", fakeJpeg("final"));
        writeFile("raw.jpg", fakeJpeg("raw"));
        writeFile("final2.jpg", fakeJpeg("final2"));
        writeFile("raw2.jpg", fakeJpeg("raw2"));
        std::ofstream(dir / "report.json")
            << R"({"ok":false,"checks":[{"id":"jewellery","status":"fail"}]})";
        std::ofstream(dir / "not.jpg") << "hello";
    }

    void writeFile(const std::string& name, const std::vector<std::uint8_t>& bytes) {
        std::ofstream out(dir / name, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<long>(bytes.size()));
    }

    CommandResult cli(std::vector<std::string> args, std::vector<std::string> env = {}) {
        args.insert(args.begin(), {"--data-dir", data.string()});
        env.push_back("GRADPHOTO_PIN_UNUSED=1");
        return runCli(args, env);
    }

    void addAccounts() {
        ASSERT_EQ(cli({"staff", "add", "A001", "--name", "管理员", "--role", "admin"},
                      {"GRADPHOTO_PIN=246810"})
                      .exitCode,
                  0);
        ASSERT_EQ(
            cli({"staff", "add", "S001", "--name", "审核员", "--role", "staff", "--staff", "A001"},
                {"GRADPHOTO_PIN=246810", "GRADPHOTO_NEW_PIN=135790"})
                .exitCode,
            0);
    }

    // Staff record the fee as paid in cash (no approval without a paid order).
    void payCash(const std::string& no) {
        const auto r = cli({"pay", "create", "--student", no, "--provider", "staff", "--staff",
                            "S001", "--settle", "cash"},
                           {"GRADPHOTO_PIN=135790"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
    }

    std::int64_t submit(const std::string& no, const std::string& photo, const std::string& raw) {
        const auto r =
            cli({"--json", "submit", "--student", no, "--photo", (dir / photo).string(),
                 "--capture", (dir / raw).string(), "--report", (dir / "report.json").string()});
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return nlohmann::json::parse(r.out).at("id").get<std::int64_t>();
    }

    gradphoto::test::ScratchDir dir{"gradphoto-store-cli"};
    fs::path data = dir / "data";
};

TEST_F(StoreCli, SubmitReviewAndQueueFollowTheContract) {
    addAccounts();
    const auto id = submit("2020001", "final.jpg", "raw.jpg");

    auto r = cli({"queue", "list", "--json", "--status", "submitted"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto list = nlohmann::json::parse(r.out);
    ASSERT_EQ(list.size(), 1u);
    const auto& e = list[0];
    std::vector<std::string> keys;
    for (const auto& [k, v] : e.items()) keys.push_back(k);
    EXPECT_EQ(keys, (std::vector<std::string>{"checks_failed", "id", "name", "status", "student",
                                              "submitted_at"}));
    EXPECT_EQ(e["id"], id);
    EXPECT_EQ(e["student"], "2020001");
    EXPECT_EQ(e["name"], "张*丰");
    EXPECT_EQ(e["status"], "submitted");
    EXPECT_EQ(e["checks_failed"], 1);
    EXPECT_TRUE(e["submitted_at"].is_string());
    EXPECT_EQ(r.out.find("张三丰"), std::string::npos);

    r = cli({"queue", "show", std::to_string(id), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto shown = nlohmann::json::parse(r.out);
    EXPECT_EQ(shown["report"]["checks"][0]["id"], "jewellery");
    EXPECT_EQ(shown["name"], "张*丰");

    // Credentials: missing --staff is usage, a wrong PIN is "no", a PIN option does not exist.
    EXPECT_EQ(cli({"review", "approve", std::to_string(id)}).exitCode, 2);
    EXPECT_EQ(cli({"review", "approve", std::to_string(id), "--staff", "S001", "--pin", "135790"})
                  .exitCode,
              2);
    r = cli({"review", "approve", std::to_string(id), "--staff", "S001"}, {"GRADPHOTO_PIN=999999"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u);

    // No approval while the student has not paid; staff record the cash, then it goes through.
    r = cli({"review", "approve", std::to_string(id), "--staff", "S001"}, {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("has not paid"), std::string::npos) << r.err;
    payCash("2020001");
    r = cli({"review", "approve", std::to_string(id), "--staff", "S001"}, {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    r = cli({"review", "reject", std::to_string(id), "--reason", "jewellery", "--staff", "S001"},
            {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 1) << "approved is final";
    EXPECT_NE(r.err.find("approved"), std::string::npos);
    // No new submission for an approved student.
    r = cli({"submit", "--student", "2020001", "--photo", (dir / "final2.jpg").string(),
             "--capture", (dir / "raw2.jpg").string()});
    EXPECT_EQ(r.exitCode, 1);
    r = cli({"queue", "list", "--json", "--status", "approved"});
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);
}

TEST_F(StoreCli, RejectedStudentRetakes) {
    addAccounts();
    const auto first = submit("2020002", "final.jpg", "raw.jpg");
    auto r =
        cli({"review", "reject", std::to_string(first), "--reason", "no_such", "--staff", "S001"},
            {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 2);
    r = cli({"review", "reject", std::to_string(first), "--reason", "clothing_contrast", "--note",
             "蓝色上衣", "--staff", "S001"},
            {"GRADPHOTO_PIN=135790"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto second = submit("2020002", "final2.jpg", "raw2.jpg");
    r = cli({"queue", "list", "--json"});
    const auto list = nlohmann::json::parse(r.out);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], second);
    r = cli({"queue", "list", "--json", "--all"});
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 2u);
    r = cli({"queue", "list", "--json", "--all", "--limit", "1", "--offset", "1"});
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);
    for (const char* bad : {"x", "-1", "2x", "99999999999"})
        EXPECT_EQ(cli({"queue", "list", "--limit", bad}).exitCode, 2) << bad;
    r = cli({"queue", "show", std::to_string(first)});
    EXPECT_NE(r.out.find("superseded by " + std::to_string(second)), std::string::npos);
    EXPECT_NE(r.out.find("clothing_contrast"), std::string::npos);
    // Only an admin revokes.
    payCash("2020002");  // the retake after a rejection needs no second payment
    EXPECT_EQ(cli({"review", "approve", std::to_string(second), "--staff", "S001"},
                  {"GRADPHOTO_PIN=135790"})
                  .exitCode,
              0);
    EXPECT_EQ(
        cli({"review", "revoke", std::to_string(second), "--reason", "other", "--staff", "S001"},
            {"GRADPHOTO_PIN=135790"})
            .exitCode,
        1);
    EXPECT_EQ(
        cli({"review", "revoke", std::to_string(second), "--reason", "other", "--staff", "A001"},
            {"GRADPHOTO_PIN=246810"})
            .exitCode,
        0);
}

TEST_F(StoreCli, BadInputAndUsage) {
    const std::string photo = (dir / "final.jpg").string(), raw = (dir / "raw.jpg").string();
    EXPECT_EQ(cli({"submit", "--student", "2020001", "--photo", photo}).exitCode, 2);
    EXPECT_EQ(cli({"submit", "--student", "2020001", "--photo", (dir / "missing.jpg").string(),
                   "--capture", raw})
                  .exitCode,
              3);
    const auto r = cli({"submit", "--student", "2020001", "--photo", (dir / "not.jpg").string(),
                        "--capture", raw});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("not.jpg"), std::string::npos);
    EXPECT_EQ(cli({"submit", "--student", "7777777", "--photo", photo, "--capture", raw}).exitCode,
              1);
    EXPECT_EQ(cli({"queue", "show", "12345"}).exitCode, 1);
    EXPECT_EQ(cli({"queue", "show", "abc"}).exitCode, 2);
    EXPECT_EQ(cli({"queue", "list", "--status", "lost"}).exitCode, 2);
    EXPECT_EQ(cli({"queue", "frobnicate"}).exitCode, 2);
    // Global options after the command.
    const auto after = runCli({"queue", "list", "--json", "--data-dir", data.string()});
    EXPECT_EQ(after.exitCode, 0) << after.err;
    EXPECT_EQ(after.out, "[]\n");
}

TEST_F(StoreCli, StaffAccountsNeedAnAdmin) {
    // The first account must be an admin.
    EXPECT_EQ(
        cli({"staff", "add", "S009", "--name", "x", "--role", "staff"}, {"GRADPHOTO_PIN=111111"})
            .exitCode,
        1);
    EXPECT_EQ(cli({"staff", "add", "A001", "--name", "x", "--role", "admin"}, {"GRADPHOTO_PIN=12"})
                  .exitCode,
              3);
    addAccounts();
    EXPECT_EQ(cli({"staff", "add", "S002", "--name", "x", "--role", "staff"},
                  {"GRADPHOTO_PIN=246810", "GRADPHOTO_NEW_PIN=111111"})
                  .exitCode,
              2);
    EXPECT_EQ(cli({"staff", "add", "S002", "--name", "x", "--role", "staff", "--staff", "S001"},
                  {"GRADPHOTO_PIN=135790", "GRADPHOTO_NEW_PIN=111111"})
                  .exitCode,
              1);
    // Own PIN change, then the old PIN no longer works.
    EXPECT_EQ(cli({"staff", "passwd", "S001"}, {"GRADPHOTO_PIN=135790", "GRADPHOTO_NEW_PIN=5555"})
                  .exitCode,
              0);
    EXPECT_EQ(cli({"staff", "lock", "A001", "--staff", "S001"}, {"GRADPHOTO_PIN=5555"}).exitCode,
              1);
    EXPECT_EQ(cli({"staff", "lock", "S001", "--staff", "A001"}, {"GRADPHOTO_PIN=246810"}).exitCode,
              0);
    auto r = cli({"--json", "staff", "list"});
    const auto staff = nlohmann::json::parse(r.out);
    ASSERT_EQ(staff.size(), 2u);
    EXPECT_EQ(staff[1]["staff"], "S001");
    EXPECT_EQ(staff[1]["locked"], true);
    EXPECT_EQ(
        cli({"staff", "unlock", "S001", "--staff", "A001"}, {"GRADPHOTO_PIN=246810"}).exitCode, 0);
    // Without a PIN in the environment and no terminal: a usage error, never a hang.
    r = cli({"staff", "lock", "S001", "--staff", "A001"});
    if (!fs::exists("/dev/tty") || r.exitCode == 2) {
        EXPECT_EQ(r.exitCode, 2);
        EXPECT_NE(r.err.find("GRADPHOTO_PIN"), std::string::npos);
    }
}

TEST_F(StoreCli, StaffEditRenamesAndChangesRoles) {
    addAccounts();
    const std::vector<std::string> adminPin = {"GRADPHOTO_PIN=246810"};
    EXPECT_EQ(cli({"staff", "edit", "S001", "--staff", "A001"}, adminPin).exitCode,
              2);  // no change
    EXPECT_EQ(
        cli({"staff", "edit", "S001", "--role", "boss", "--staff", "A001"}, adminPin).exitCode, 2);
    EXPECT_EQ(cli({"staff", "edit", "S001", "--role", "admin"}, adminPin).exitCode,
              2);  // no --staff
    EXPECT_EQ(
        cli({"staff", "edit", "S404", "--role", "admin", "--staff", "A001"}, adminPin).exitCode, 1);
    // A staff member cannot promote themself.
    EXPECT_EQ(cli({"staff", "edit", "S001", "--role", "admin", "--staff", "S001"},
                  {"GRADPHOTO_PIN=135790"})
                  .exitCode,
              1);
    auto r =
        cli({"staff", "edit", "S001", "--name", "审核组长", "--role", "admin", "--staff", "A001"},
            adminPin);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("changed S001: admin"), std::string::npos);
    // A001 may step down while S001 is an admin too; then S001, the last admin, may not.
    r = cli({"staff", "edit", "A001", "--role", "staff", "--staff", "A001"}, adminPin);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    r = cli({"staff", "edit", "S001", "--role", "staff", "--staff", "S001"},
            {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("last admin"), std::string::npos);
    const auto staff = nlohmann::json::parse(cli({"--json", "staff", "list"}).out);
    ASSERT_EQ(staff.size(), 2u);
    EXPECT_EQ(staff[0]["role"], "staff");
    EXPECT_EQ(staff[1]["role"], "admin");
    EXPECT_EQ(staff[1]["name"], "审核组长");
}

TEST_F(StoreCli, FiveWrongPinsLock) {
    addAccounts();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(
            cli({"review", "approve", "1", "--staff", "S001"}, {"GRADPHOTO_PIN=000000"}).exitCode,
            1);
    const auto r = cli({"review", "approve", "1", "--staff", "S001"}, {"GRADPHOTO_PIN=135790"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("locked"), std::string::npos);
}

TEST_F(StoreCli, CorruptDatabaseExitsThree) {
    {
        std::ofstream out(data / SqliteRecordStore::kDatabaseFile,
                          std::ios::binary | std::ios::trunc);
        out << std::string(8192, 'x');
    }
    std::error_code ec;
    fs::remove(data / "gradphoto.db-wal", ec);
    fs::remove(data / "gradphoto.db-shm", ec);
    const auto r = cli({"queue", "list"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err.rfind("gradphoto: database ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("damaged"), std::string::npos);
    EXPECT_EQ(cli({"store", "check"}).exitCode, 3);
}

TEST_F(StoreCli, LockedDatabaseExitsThree) {
    addAccounts();
    auto holder = Database::open(data / SqliteRecordStore::kDatabaseFile);
    holder.exec("BEGIN EXCLUSIVE; INSERT INTO audit_log (at, actor, action) VALUES (1, 'x', 'y');");
    const auto r = cli({"submit", "--student", "2020001", "--photo", (dir / "final.jpg").string(),
                        "--capture", (dir / "raw.jpg").string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
    holder.exec("ROLLBACK");
}

TEST_F(StoreCli, StoreCheckReportsMissingFiles) {
    const auto id = submit("2020001", "final.jpg", "raw.jpg");
    EXPECT_EQ(cli({"store", "check"}).exitCode, 0);
    const auto photo = sha256Hex(fakeJpeg("final"));
    fs::remove(data / "photos" / photo.substr(0, 2) / (photo + ".jpg"));
    const auto r = cli({"--json", "store", "check"});
    EXPECT_EQ(r.exitCode, 1);
    const auto report = nlohmann::json::parse(r.out);
    ASSERT_EQ(report["rows_without_files"].size(), 1u);
    EXPECT_NE(report["rows_without_files"][0].get<std::string>().find(std::to_string(id)),
              std::string::npos);
}

}  // namespace
}  // namespace gradphoto::store::testing
