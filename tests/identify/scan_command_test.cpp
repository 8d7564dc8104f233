#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "code_corpus.h"
#include "test_support.h"

namespace gradphoto::identify {
namespace {

std::vector<nlohmann::json> lines(const std::string& out) {
    std::vector<nlohmann::json> result;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) result.push_back(nlohmann::json::parse(line));
    return result;
}

TEST(ScanCommand, PrintsOneJsonLinePerImage) {
    test::CorpusPlan plan;
    plan.casesPerCell = 0;
    plan.severePerCell = 0;
    plan.otherFormatCases = 0;
    plan.negatives = 1;
    auto corpus = test::makeCodeCorpus({}, plan);
    test::ScratchDir dir;
    // One code image, made directly.
    test::CorpusPlan one;
    one.casesPerCell = 1;
    one.severePerCell = 0;
    one.otherFormatCases = 0;
    one.negatives = 0;
    const auto withCode = test::makeCodeCorpus({}, one).front();
    ASSERT_TRUE(cv::imwrite((dir / "code.png").string(), withCode.frame));
    ASSERT_TRUE(cv::imwrite((dir / "none.png").string(), corpus.back().frame));

    auto r = test::runCli({"scan", (dir / "code.png").string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto out = lines(r.out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0]["file"], (dir / "code.png").string());
    EXPECT_EQ(out[0]["found"], true);
    EXPECT_EQ(out[0]["format"], "qr_code");
    EXPECT_EQ(out[0]["payload"], *withCode.payload);

    r = test::runCli({"scan", (dir / "code.png").string(), (dir / "none.png").string()});
    EXPECT_EQ(r.exitCode, 1);
    out = lines(r.out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[1]["found"], false);
    EXPECT_TRUE(out[1]["payload"].is_null());
    EXPECT_NE(r.err.find("gradphoto: "), std::string::npos);
    EXPECT_NE(r.err.find("save the image"), std::string::npos);

    r = test::runCli({"scan", (dir / "none.png").string(), "--lang", "zh"});
    EXPECT_NE(r.err.find("截图"), std::string::npos);

    std::ofstream(dir / "junk.png") << "not an image";
    r = test::runCli({"scan", (dir / "junk.png").string(), (dir / "code.png").string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(lines(r.out).size(), 2u);
    EXPECT_NE(r.err.find("junk.png"), std::string::npos);

    EXPECT_EQ(test::runCli({"scan"}).exitCode, 2);
    EXPECT_EQ(test::runCli({"scan", "--bogus", "x.png"}).exitCode, 2);
}

}  // namespace
}  // namespace gradphoto::identify
