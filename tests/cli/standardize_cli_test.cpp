// The `gradphoto standardize` and `inspect` commands as a script would use them.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "test_support.h"

namespace gradphoto {
namespace {
namespace fs = std::filesystem;
using test::runCli;
using test::ScratchDir;

bool startsWithGradphoto(const std::string& err) {
    return err.rfind("gradphoto: ", 0) == 0;
}

TEST(StandardizeCli, BadUsageExitsTwo) {
    EXPECT_EQ(runCli({"standardize"}).exitCode, 2);
    EXPECT_EQ(runCli({"standardize", "a.jpg"}).exitCode, 2);  // no -o
    const auto r = runCli({"standardize", "a.jpg", "-o", "b.jpg", "--bogus"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(startsWithGradphoto(r.err)) << r.err;
    EXPECT_EQ(runCli({"no-such-command"}).exitCode, 2);
    EXPECT_EQ(runCli({"standardize", "a.jpg", "-o", "b.jpg", "--preset", "nope"}).exitCode, 3);
}

TEST(StandardizeCli, UnreadableInputExitsThreeAndWritesNothing) {
    ScratchDir dir;
    std::ofstream(dir / "text.jpg") << "hello";
    const auto r =
        runCli({"standardize", (dir / "text.jpg").string(), "-o", (dir / "out.jpg").string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(startsWithGradphoto(r.err)) << r.err;
    EXPECT_NE(r.err.find("text.jpg"), std::string::npos) << "names the file";
    EXPECT_FALSE(fs::exists(dir / "out.jpg"));
    EXPECT_EQ(
        runCli({"standardize", (dir / "missing.jpg").string(), "-o", (dir / "o.jpg").string()})
            .exitCode,
        3);
}

TEST(StandardizeCli, RefusalExitsOneWithReasonsAndNoOutput) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    ScratchDir dir;
    const auto r = runCli({"standardize", (data / "portraits/hard/two_people.jpg").string(), "-o",
                           (dir / "out.jpg").string(), "--report", (dir / "r.json").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("more than one face"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.jpg"));
    const auto report = nlohmann::json::parse(test::readText(dir / "r.json"));
    EXPECT_FALSE(report["ok"].get<bool>());
    EXPECT_EQ(report["errors"][0]["code"], "multiple_faces");
    EXPECT_FALSE(report["errors"][0]["message_zh"].get<std::string>().empty());
    // Chinese messages on request.
    const auto zh =
        runCli({"--lang", "zh", "standardize", (data / "portraits/hard/two_people.jpg").string(),
                "-o", (dir / "out.jpg").string()});
    EXPECT_NE(zh.err.find("多个人"), std::string::npos) << zh.err;
    // Nothing half-written is left behind.
    for (const auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

TEST(StandardizeCli, CompliantPhotoWithReportAndAlpha) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    ScratchDir dir;
    const auto r = runCli({"standardize", (data / "portraits/congress_J000294.jpg").string(), "-o",
                           (dir / "out.jpg").string(), "--report", (dir / "r.json").string(),
                           "--alpha", (dir / "a.png").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_TRUE(fs::exists(dir / "out.jpg"));
    const auto size = fs::file_size(dir / "out.jpg");
    EXPECT_GE(size, 20u * 1024);
    EXPECT_LE(size, 40u * 1024);
    const cv::Mat alpha = cv::imread((dir / "a.png").string(), cv::IMREAD_UNCHANGED);
    EXPECT_EQ(alpha.type(), CV_8UC1);
    EXPECT_EQ(alpha.cols, 480);
    const auto j = nlohmann::json::parse(test::readText(dir / "r.json"));
    EXPECT_TRUE(j["ok"].get<bool>());
    EXPECT_EQ(j["preset"], "chsi-blue");
    for (const char* k : {"file", "width", "height"}) EXPECT_TRUE(j["input"].contains(k)) << k;
    for (const char* k : {"file", "width", "height", "bytes", "quality", "dpi"})
        EXPECT_TRUE(j["output"].contains(k)) << k;
    EXPECT_EQ(j["output"]["dpi"], 300);
    EXPECT_EQ(j["output"]["bytes"].get<std::uintmax_t>(), size);
    for (const char* k : {"head_top_px", "eye_line_px", "face_width_px", "center_offset_px"})
        EXPECT_TRUE(j["geometry"][k].is_number()) << k;
    ASSERT_TRUE(j["checks"].is_array());
    for (const auto& c : j["checks"]) {
        for (const char* k : {"id", "status", "value", "limit", "message_zh", "message_en"})
            EXPECT_TRUE(c.contains(k)) << k;
    }
    EXPECT_TRUE(j["errors"].empty());
    EXPECT_TRUE(j["timing_ms"].contains("matte"));

    // inspect agrees, with global options after the command too.
    const auto ins = runCli({"inspect", (dir / "out.jpg").string(), "--json"});
    EXPECT_EQ(ins.exitCode, 0) << ins.err;
    EXPECT_TRUE(nlohmann::json::parse(ins.out)["ok"].get<bool>());
}

TEST(StandardizeCli, StrictFailsOnAFailedComplianceCheck) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    ScratchDir dir;
    // The head is tilted about 11 degrees: a photo can be made, but head_roll fails.
    const auto in = (data / "portraits/hard/congress_A000375.jpg").string();
    EXPECT_EQ(runCli({"standardize", in, "-o", (dir / "a.jpg").string()}).exitCode, 0);
    EXPECT_EQ(runCli({"standardize", in, "-o", (dir / "b.jpg").string(), "--strict"}).exitCode, 1);
}

TEST(StandardizeCli, SeveralInputsIntoADirectory) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    ScratchDir dir;
    const auto r =
        runCli({"standardize", (data / "portraits/congress_J000294.jpg").string(),
                (data / "portraits/congress_S001200.jpg").string(),
                (data / "portraits/hard/two_people.jpg").string(), "-o", (dir / "out").string(),
                "--report", (dir / "reports").string(), "--json"});
    EXPECT_EQ(r.exitCode, 1) << "one input was refused";
    EXPECT_TRUE(fs::exists(dir / "out/congress_J000294.jpg"));
    EXPECT_TRUE(fs::exists(dir / "out/congress_S001200.jpg"));
    EXPECT_FALSE(fs::exists(dir / "out/two_people.jpg"));
    EXPECT_TRUE(fs::exists(dir / "reports/two_people.json"));
    int lines = 0;
    std::istringstream out(r.out);
    for (std::string line; std::getline(out, line);) {
        EXPECT_NO_THROW(nlohmann::json::parse(line));
        ++lines;
    }
    EXPECT_EQ(lines, 3);
}

TEST(InspectCli, RejectsAPhotoThatBreaksTheSpec) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    // A raw corpus portrait is not a CHSI photo: wrong size, wrong backdrop.
    const auto r = runCli({"inspect", (data / "portraits/congress_J000294.jpg").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("wrong pixel size"), std::string::npos) << r.err;
    ScratchDir dir;
    std::ofstream(dir / "t.jpg") << "text";
    EXPECT_EQ(runCli({"inspect", (dir / "t.jpg").string()}).exitCode, 3);
    EXPECT_EQ(runCli({"inspect"}).exitCode, 2);
}

TEST(Cli, HelpDescribesEachCommand) {
    const auto r = runCli({"help", "standardize"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("--plate"), std::string::npos);
    EXPECT_EQ(runCli({"--help"}).exitCode, 0);
}

}  // namespace
}  // namespace gradphoto
