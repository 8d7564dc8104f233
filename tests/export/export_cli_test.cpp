// `gradphoto export` as an admin runs it: usage, credentials, the summary and its JSON, exit
// codes, and an export killed mid-way (SIGKILL) that a re-run completes without duplicates or a
// partial ZIP.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <thread>

#include "export_fixture.h"
#include "gradphoto/store/photo_folder.h"
#include "zip_reader.h"

namespace gradphoto::exports {
namespace {

namespace fs = std::filesystem;
using testing::ExportTest;
using testing::idNumber;
using testing::student;

class ExportCli : public ExportTest {
  protected:
    test::CommandResult cli(std::vector<std::string> args, const std::string& pin = "246810") {
        args.insert(args.begin(), {"--data-dir", dataDir().string()});
        return test::runCli(args, {"GRADPHOTO_PIN=" + pin});
    }
    void approveMany(int n) {
        for (int i = 0; i < n; ++i)
            approveCompliant(student(std::to_string(2021000 + i), "学生" + std::to_string(i),
                                     idNumber("110105199003" + std::to_string(10000 + i))));
    }
};

TEST_F(ExportCli, UsageErrorsExitTwo) {
    EXPECT_EQ(cli({"export"}).exitCode, 2);                              // no --out
    EXPECT_EQ(cli({"export", "--out", outDir().string()}).exitCode, 2);  // no --staff
    EXPECT_EQ(cli({"export", "--out", "x", "--staff", "A001", "--bogus"}).exitCode, 2);
    EXPECT_EQ(cli({"export", "--out", "x", "--staff", "A001", "--since", "2026-02-30"}).exitCode,
              2);
    EXPECT_EQ(cli({"export", "--out", "x", "--staff", "A001", "--since", "June"}).exitCode, 2);
    const auto pattern = cli({"export", "--out", "x", "--staff", "A001", "--pattern", "{生日}"});
    EXPECT_EQ(pattern.exitCode, 2);
    EXPECT_EQ(pattern.err.rfind("gradphoto: ", 0), 0u) << pattern.err;
    EXPECT_EQ(cli({"export", "--out", "x", "--staff", "A001", "--encoding", "latin1"}).exitCode, 2);
    const auto help = test::runCli({"help", "export"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--pattern"), std::string::npos) << help.out;
}

TEST_F(ExportCli, OnlyAnAdminWithTheRightPin) {
    EXPECT_EQ(cli({"export", "--out", outDir().string(), "--staff", "S001"}, "135790").exitCode, 1);
    EXPECT_EQ(cli({"export", "--out", outDir().string(), "--staff", "A001"}, "000000").exitCode, 1);
    EXPECT_FALSE(fs::exists(outDir()));
}

TEST_F(ExportCli, SummaryJsonAndExitCodes) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveMany(2);
    const auto r = cli({"--json", "export", "--out", outDir().string(), "--zip", "--batch", "june",
                        "--encoding", "gbk", "--staff", "A001"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["batch"], "june");
    EXPECT_EQ(json["exported"].size(), 2u);
    EXPECT_EQ(json["already_in_batch"], 0);
    EXPECT_EQ(json["total_in_batch"], 2);
    EXPECT_TRUE(json["refused"].empty());
    EXPECT_EQ(json["zip"], (outDir() / "june.zip").string());
    EXPECT_EQ(r.out.find("学生"), std::string::npos) << "no names on the terminal";
    const auto csv = test::readText(outDir() / "june" / "manifest.csv");
    EXPECT_EQ(csv.substr(0, 4), "\xD1\xA7\xBA\xC5") << "GBK 学号";

    // Again: nothing new. Then a photo that fails inspect: exit 1, listed, others stay.
    const auto again =
        cli({"export", "--out", outDir().string(), "--zip", "--batch", "june", "--staff", "A001"});
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("0 exported, 2 already in the batch, 0 refused"), std::string::npos)
        << again.out;
    approve(student("2021999", "王五", idNumber("32010219950101001")), {0xFF, 0xD8, 0xFF, 0xD9});
    const auto refused = cli({"--json", "export", "--out", outDir().string(), "--zip", "--batch",
                              "june", "--staff", "A001"});
    EXPECT_EQ(refused.exitCode, 1) << refused.err;
    const auto rj = nlohmann::json::parse(refused.out);
    ASSERT_EQ(rj["refused"].size(), 1u);
    EXPECT_EQ(rj["refused"][0]["student"], "2021999");
    EXPECT_EQ(rj["refused"][0]["code"], "inspect_failed");
    EXPECT_EQ(test::readZip(outDir() / "june.zip")->size(), 4u);
}

TEST_F(ExportCli, UnwritableOutputExitsThree) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveMany(1);
    std::ofstream(dir / "file") << "not a folder";
    const auto r = cli(
        {"export", "--out", (dir / "file" / "out").string(), "--batch", "b", "--staff", "A001"});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u) << r.err;
}

// Runs the CLI in a child and SIGKILLs it as soon as ready() holds (polled every 2 ms); returns
// true when it was killed, false when it finished first.
bool killExportWhen(const std::vector<std::string>& args, const std::function<bool()>& ready) {
    std::vector<std::string> argStrings{GRADPHOTO_CLI_PATH};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    const pid_t child = fork();
    if (child == 0) {
        std::vector<char*> argv;
        for (auto& a : argStrings) argv.push_back(a.data());
        argv.push_back(nullptr);
        setenv("GRADPHOTO_PIN", "246810", 1);
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    for (;;) {
        if (waitpid(child, &status, WNOHANG) == child) return false;
        if (ready()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    return WIFSIGNALED(status);
}

// Photo files (complete or temporary) in the batch folder.
int photoFiles(const fs::path& folder) {
    std::error_code ec;
    int n = 0;
    for (const auto& e : fs::directory_iterator(folder, ec))
        n += e.path().filename().string().find(".jpg") != std::string::npos;
    return n;
}

bool zipInProgress(const fs::path& outDir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(outDir, ec))
        if (e.path().filename().string().rfind("k.zip.part", 0) == 0) return true;
    return false;
}

TEST_F(ExportCli, KilledExportResumesWithoutDuplicatesOrPartialZip) {
    GRADPHOTO_REQUIRE_COMPLIANT_PHOTO();
    approveMany(16);
    const std::vector<std::string> args{
        "--data-dir", dataDir().string(), "export", "--out",   outDir().string(),
        "--zip",      "--batch",          "k",      "--staff", "A001"};
    int killed = 0;
    // Killed while writing photos, a few more each time (the folder then holds files the ledger
    // may not know yet), and once while the ZIP is being written.
    for (int round = 0; round < 4; ++round) {
        const int target = photoFiles(outDir() / "k") + 3;
        killed += killExportWhen(args, [&] { return photoFiles(outDir() / "k") >= target; });
        if (fs::exists(outDir() / "k.zip")) {
            EXPECT_TRUE(test::readZip(outDir() / "k.zip"));
        }
    }
    const bool killedInZip = killExportWhen(args, [&] { return zipInProgress(outDir()); });
    killed += killedInZip;
    if (killedInZip) {
        EXPECT_FALSE(fs::exists(outDir() / "k.zip")) << "no ZIP under its name while unfinished";
    }
    EXPECT_GT(killed, 0) << "no run was interrupted; the test proves nothing";

    const auto r = cli({"--json", "export", "--out", outDir().string(), "--zip", "--batch", "k",
                        "--staff", "A001"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["total_in_batch"], 16);
    EXPECT_EQ(json["exported"].size() + json["already_in_batch"].get<std::size_t>(), 16u);
    // How far the killed runs got (for the record: the resume path ran when this is > 0).
    RecordProperty("photos_before_final_run", json["already_in_batch"].get<int>());
    std::cout << "killed " << killed << " runs; " << json["already_in_batch"]
              << " photos were exported by them\n";

    // Consistent: the ledger, the folder and the ZIP hold each photo once, whole.
    auto reopened = store::SqliteRecordStore::open(dataDir());
    EXPECT_TRUE(reopened->database().integrityCheck().empty());
    const auto batch = ExportLedger(reopened->database()).findBatch("k");
    ASSERT_TRUE(batch);
    EXPECT_EQ(batch->state, "complete");
    const auto items = ExportLedger(reopened->database()).items(batch->id);
    ASSERT_EQ(items.size(), 16u);
    std::set<std::int64_t> captures;
    const auto zip = test::readZip(outDir() / "k.zip");
    ASSERT_TRUE(zip);
    EXPECT_EQ(zip->size(), 18u);
    for (const auto& item : items) {
        EXPECT_TRUE(captures.insert(item.captureId).second) << "capture twice";
        ASSERT_TRUE(zip->count(item.fileName)) << item.fileName;
        EXPECT_EQ(store::sha256Hex(zip->at(item.fileName)), item.sha256);
    }
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(outDir() / "k")) {
        const std::string name = e.path().filename();
        EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
        ++files;
    }
    EXPECT_EQ(files, 18u);
    for (const auto& e : fs::directory_iterator(outDir())) {
        const std::string name = e.path().filename();
        EXPECT_EQ(name.find(".part"), std::string::npos) << name;
    }
}

}  // namespace
}  // namespace gradphoto::exports
