// gradphoto roster import / roster list through the built binary, on real SQLite files.

#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "gradphoto/identify/id_number.h"
#include "gradphoto/identify/scanned_code.h"
#include "gradphoto/store/roster_store.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "test_support.h"

namespace gradphoto {
namespace {

using test::runCli;
using test::ScratchDir;

std::string validId(int n) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "44010620010101%03d", n % 1000);
    return std::string(first17) + identify::idNumberCheckCharacter(first17);
}

std::string toGbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* src = const_cast<char*>(utf8.data());
    std::size_t srcLeft = utf8.size(), dstLeft = out.size();
    char* dst = out.data();
    iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    out.resize(out.size() - dstLeft);
    return out;
}

void writeFile(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

const std::string kHeader = "学号,姓名,身份证号,院系,专业,层次,采集码\r\n";

std::string row(const std::string& no, const std::string& name, int idSeq,
                const std::string& code) {
    return no + "," + name + "," + validId(idSeq) + ",计算机学院,软件工程,本科," + code + "\r\n";
}

nlohmann::json listJson(const ScratchDir& dir) {
    const auto r = runCli({"--data-dir", (dir / "data").string(), "roster", "list", "--json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

TEST(RosterCommand, ImportsGbkFileAndListsMasked) {
    ScratchDir dir("roster-gbk");
    const auto csv = dir / "roster.csv";
    writeFile(csv, toGbk(kHeader + row("2020001", "张三丰", 1, "CODE-ONE") +
                         row("2020002", "欧阳娜娜", 2, "CODE-TWO")));
    const auto r =
        runCli({"--data-dir", (dir / "data").string(), "roster", "import", csv.string(), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["encoding"], "GB18030");
    EXPECT_EQ(report["inserted"], 2);
    EXPECT_EQ(report["refused_count"], 0);
    EXPECT_EQ(r.out.find(validId(1)), std::string::npos);

    const auto listed = runCli({"roster", "list", "--json", "--data-dir", (dir / "data").string()});
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const auto array = nlohmann::json::parse(listed.out);
    ASSERT_EQ(array.size(), 2u);
    EXPECT_EQ(array[0]["student"], "2020001");
    EXPECT_EQ(array[0]["name"], "张*丰");
    EXPECT_EQ(array[0]["department"], "计算机学院");
    EXPECT_EQ(array[0]["major"], "软件工程");
    EXPECT_EQ(array[0]["level"], "本科");
    EXPECT_EQ(array[0]["status"], "registered");
    EXPECT_EQ(array[1]["name"], "欧**娜");
    EXPECT_EQ(listed.out.find("张三丰"), std::string::npos);
    EXPECT_EQ(listed.out.find(validId(2)), std::string::npos);
    std::vector<std::string> keys;
    for (const auto& [k, v] : array[0].items()) keys.push_back(k);
    EXPECT_EQ(keys.size(), 6u);

    // The store finds the student by the code's hash.
    auto store = store::SqliteRecordStore::open(dir / "data");
    const auto found =
        store->students().findByCollectionCodeSha256(identify::payloadSha256Hex("CODE-TWO"));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->studentNo, "2020002");
}

TEST(RosterCommand, SecondImportUpdatesWithoutDuplicates) {
    ScratchDir dir("roster-dup");
    const auto data = (dir / "data").string();
    const auto csv = dir / "roster.csv";
    writeFile(csv, kHeader + row("2020001", "张三", 1, "A") + row("2020002", "李四", 2, "B"));
    ASSERT_EQ(runCli({"--data-dir", data, "roster", "import", csv.string()}).exitCode, 0);
    writeFile(csv, kHeader + row("2020001", "张三", 1, "A") + row("2020002", "李小四", 2, "B") +
                       row("2020003", "王五", 3, "C"));
    const auto r = runCli({"--data-dir", data, "--json", "roster", "import", csv.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["inserted"], 1);
    EXPECT_EQ(report["updated"], 2);
    const auto array = listJson(dir);
    ASSERT_EQ(array.size(), 3u);
    EXPECT_EQ(array[1]["name"], "李*四");
}

TEST(RosterCommand, BadRowRefusesWholeFileUnlessSkipBad) {
    ScratchDir dir("roster-bad");
    const auto data = (dir / "data").string();
    const auto csv = dir / "roster.csv";
    std::string badId = validId(2);
    badId.back() = badId.back() == '1' ? '2' : '1';  // wrong check digit
    writeFile(csv, kHeader + row("2020001", "张三", 1, "A") + "2020002,李四," + badId +
                       ",经管,会计,本科,B\r\n" + row("2020003", "王五", 3, "C"));

    auto r = runCli({"--data-dir", data, "roster", "import", csv.string()});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("nothing imported"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("line 3"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(badId), std::string::npos);
    EXPECT_TRUE(listJson(dir).empty());

    r = runCli({"--data-dir", data, "--json", "roster", "import", csv.string(), "--skip-bad"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["inserted"], 2);
    ASSERT_EQ(report["refused"].size(), 1u);
    EXPECT_EQ(report["refused"][0]["reason"], "bad_id_number");
    EXPECT_EQ(report["refused"][0]["line"], 3);
    const auto array = listJson(dir);
    ASSERT_EQ(array.size(), 2u);
    EXPECT_EQ(array[0]["student"], "2020001");
    EXPECT_EQ(array[1]["student"], "2020003");
}

TEST(RosterCommand, CodeHeldByAnotherStoredStudentIsRefused) {
    ScratchDir dir("roster-code");
    const auto data = (dir / "data").string();
    const auto first = dir / "first.csv";
    writeFile(first, kHeader + row("2020001", "张三", 1, "SAME"));
    ASSERT_EQ(runCli({"--data-dir", data, "roster", "import", first.string()}).exitCode, 0);
    const auto second = dir / "second.csv";
    writeFile(second, kHeader + row("2020009", "赵六", 9, "SAME"));
    const auto r = runCli({"--data-dir", data, "--json", "roster", "import", second.string()});
    EXPECT_EQ(r.exitCode, 1);
    const auto report = nlohmann::json::parse(r.out);
    ASSERT_EQ(report["refused"].size(), 1u);
    EXPECT_EQ(report["refused"][0]["reason"], "duplicate_collection_code");
    EXPECT_EQ(listJson(dir).size(), 1u);
}

TEST(RosterCommand, StaffUnlockClearsWrongTriesAndIsAudited) {
    ScratchDir dir("roster-unlock");
    const auto data = (dir / "data").string();
    writeFile(dir / "roster.csv", kHeader + row("2021001", "王小明", 1, "CODE-1"));
    ASSERT_EQ(
        runCli({"--data-dir", data, "roster", "import", (dir / "roster.csv").string()}).exitCode,
        0);
    ASSERT_EQ(
        runCli({"--data-dir", data, "staff", "add", "A001", "--name", "管理员", "--role", "admin"},
               {"GRADPHOTO_PIN=246810"})
            .exitCode,
        0);
    {  // five wrong last-four tries at the kiosk lock the record
        auto store = store::SqliteRecordStore::open(dir / "data");
        store::StoredAttemptCounter attempts(*store);
        for (int i = 0; i < 5; ++i) attempts.addFailure("2021001");
        ASSERT_EQ(attempts.failures("2021001"), 5);
    }
    // No credentials, a wrong PIN and an unknown student change nothing.
    EXPECT_EQ(runCli({"--data-dir", data, "roster", "unlock", "2021001"}).exitCode, 2);
    EXPECT_EQ(runCli({"--data-dir", data, "roster", "unlock", "2021001", "--staff", "A001"},
                     {"GRADPHOTO_PIN=000000"})
                  .exitCode,
              1);
    EXPECT_EQ(runCli({"--data-dir", data, "roster", "unlock", "2029999", "--staff", "A001"},
                     {"GRADPHOTO_PIN=246810"})
                  .exitCode,
              1);
    {
        auto store = store::SqliteRecordStore::open(dir / "data");
        EXPECT_EQ(store::StoredAttemptCounter(*store).failures("2021001"), 5);
    }
    const auto r = runCli({"--data-dir", data, "roster", "unlock", "2021001", "--staff", "A001"},
                          {"GRADPHOTO_PIN=246810"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("5 wrong tries cleared"), std::string::npos) << r.out;
    auto store = store::SqliteRecordStore::open(dir / "data");
    EXPECT_EQ(store::StoredAttemptCounter(*store).failures("2021001"), 0);
    bool audited = false;
    for (const auto& e : store->audit().recent(20)) {
        if (e.action == "identify.attempts_cleared" && e.actor == "A001" &&
            e.subject == "student:2021001")
            audited = true;
        EXPECT_EQ(e.detailJson.find(validId(1)), std::string::npos) << "no ID number in the log";
    }
    EXPECT_TRUE(audited);
}

TEST(RosterCommand, UsageAndUnreadableInput) {
    ScratchDir dir("roster-usage");
    EXPECT_EQ(runCli({"roster", "import"}).exitCode, 2);
    EXPECT_EQ(runCli({"roster", "list", "--bogus"}).exitCode, 2);
    EXPECT_EQ(runCli({"roster", "list", "--offset", "-5"}).exitCode, 2);
    EXPECT_EQ(runCli({"roster", "frobnicate"}).exitCode, 2);
    const auto r = runCli({"--data-dir", (dir / "data").string(), "roster", "import",
                           (dir / "missing.csv").string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u) << r.err;
}

}  // namespace
}  // namespace gradphoto
