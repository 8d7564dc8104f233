// Each check on generated variants (the defect is caught, the clean original is not flagged),
// bad inputs (no face, tiny face, greyscale, empty) give `unknown` with a reason, the registry
// and the live subset.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <opencv2/imgproc.hpp>

#include "check_runner.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

using checks::AnalysisOptions;
using checks::ComplianceAnalyzer;

const std::vector<std::string> kContractIds = {
    "face_count",           "face_size",    "head_roll",     "head_yaw",
    "head_pitch",           "eyes_open",    "mouth_closed",  "shoulders_level",
    "face_lighting",        "exposure",     "sharpness",     "background_uniform",
    "clothing_contrast",    "glasses_tint", "glasses_glare", "red_eye",
    "hair_covers_features", "headwear",     "jewellery",     "retouching"};

bool caught(CheckStatus s, const std::string& expect) {
    if (expect == "fail") return s == CheckStatus::kFail;
    return s == CheckStatus::kWarn || s == CheckStatus::kFail;
}

TEST(CheckRegistry, HasEveryContractIdInOrderWithARule) {
    EXPECT_EQ(checks::CheckRegistry::builtin().ids(), kContractIds);
    for (const auto& id : kContractIds) {
        EXPECT_FALSE(checks::CheckConfig::shipped().thresholds(id).rule().empty()) << id;
        EXPECT_FALSE(checks::CheckRegistry::builtin().create(id)->rule().empty()) << id;
    }
}

// Clean portraits with closed lips, plain backdrops and non-blue clothes.
class VariantTest : public ::testing::TestWithParam<std::string> {};

TEST_P(VariantTest, EachDefectIsCaughtAndTheOriginalIsNot) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / GetParam());
    const auto faces = FaceLocator::shared()->locate(image);
    ASSERT_EQ(faces.size(), 1u);
    FaceLandmarks face;
    const cv::Mat base = normalisedBase(image, faces.front(), face);
    std::map<std::string, CheckStatus> original;
    for (const auto& v : makeVariants(base, face)) {
        if (measuredOnly(v.name)) continue;  // measured in docs/checks-accuracy.md only
        if (!original.count(v.check)) {
            original[v.check] = runOne(base, v.check).status;
            EXPECT_EQ(original[v.check], CheckStatus::kPass)
                << v.check << " flags the clean original " << GetParam();
        }
        const CheckResult r = runOne(v.image, v.check);
        EXPECT_TRUE(caught(r.status, v.expect))
            << GetParam() << " " << v.name << ": " << v.check << " is " << toString(r.status)
            << ", expected " << v.expect << " (" << r.message_en << ")";
    }
}

INSTANTIATE_TEST_SUITE_P(Portraits, VariantTest,
                         ::testing::Values("congress_L000582.jpg", "congress_M001198.jpg"));

// The ear areas beside a small ear reach into the backdrop; only the person's pixels count, so a
// portrait with both ears visible (labelled so) is not sent to staff.
TEST(CoverChecks, EarAreasCountOnlyThePersonsPixels) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    const CheckResult r = runOne(image, "hair_covers_features");
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_TRUE(r.value.contains("left_ear_skin")) << r.value.dump();
}

// Positive head_pitch is a bowed head: the nose tip displaced down between eyes and mouth (the
// chin_down warp) raises the measured pitch, chin_up lowers it.
TEST(HeadPitch, SignFollowsTheNoseTip) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    const auto faces = FaceLocator::shared()->locate(image);
    ASSERT_EQ(faces.size(), 1u);
    FaceLandmarks face;
    const cv::Mat base = normalisedBase(image, faces.front(), face);
    const double p0 = runOne(base, "head_pitch").value.get<double>();
    for (const auto& v : makeVariants(base, face, {"chin_up", "chin_down"})) {
        const CheckResult r = runOne(v.image, "head_pitch");
        ASSERT_TRUE(r.value.is_number()) << v.name << ": " << r.message_en;
        if (v.name == "chin_up")
            EXPECT_LT(r.value.get<double>(), p0 - 5) << r.message_en;
        else
            EXPECT_GT(r.value.get<double>(), p0 + 5) << r.message_en;
    }
}

void expectUnknownWithReason(const std::vector<CheckResult>& results,
                             const std::vector<std::string>& except) {
    for (const auto& r : results) {
        if (std::find(except.begin(), except.end(), r.id) != except.end()) continue;
        EXPECT_EQ(r.status, CheckStatus::kUnknown) << r.id << ": " << r.message_en;
        EXPECT_FALSE(r.message_en.empty()) << r.id;
        EXPECT_FALSE(r.message_zh.empty()) << r.id;
    }
}

TEST(BadInput, NoFaceGivesUnknownWithAReason) {
    const cv::Mat wall(480, 640, CV_8UC3, cv::Scalar(200, 210, 220));
    const auto results = analyzer().analyze(wall);
    ASSERT_EQ(results.size(), kContractIds.size());
    EXPECT_EQ(results.front().id, "face_count");
    EXPECT_EQ(results.front().status, CheckStatus::kFail);
    expectUnknownWithReason(results, {"face_count"});
    EXPECT_NE(results[1].message_en.find("no face"), std::string::npos);
}

TEST(BadInput, EmptyAndOddImagesNeverThrow) {
    expectUnknownWithReason(analyzer().analyze(cv::Mat()), {});
    const cv::Mat f32(100, 100, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5));
    expectUnknownWithReason(analyzer().analyze(f32), {});
    const cv::Mat bgra(120, 160, CV_8UC4, cv::Scalar(10, 20, 30, 255));
    EXPECT_NO_THROW(analyzer().analyze(bgra));
}

TEST(BadInput, TinyFaceIsTooFarOrUnknown) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    cv::Mat small, canvas(720, 1280, CV_8UC3, cv::Scalar(190, 190, 190));
    cv::resize(image, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
    small.copyTo(canvas(cv::Rect(600, 300, small.cols, small.rows)));
    const auto results = analyzer().analyze(canvas);
    for (const auto& r : results) {
        EXPECT_FALSE(r.message_en.empty()) << r.id;
        if (r.id == "face_size") {
            EXPECT_TRUE(r.status == CheckStatus::kFail || r.status == CheckStatus::kUnknown)
                << r.message_en;
        }
    }
}

TEST(BadInput, GreyscaleColourChecksAreUnknown) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    cv::Mat grey, bgr;
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    const auto fromGrey = analyzer().analyze(grey);  // one channel is accepted too
    cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
    const auto results = analyzer().analyze(bgr);
    ASSERT_EQ(results.size(), fromGrey.size());
    for (std::size_t i = 0; i < results.size(); ++i)
        EXPECT_EQ(results[i].status, fromGrey[i].status);
    for (const auto& r : results) {
        if (r.id == "red_eye" || r.id == "hair_covers_features") {
            EXPECT_EQ(r.status, CheckStatus::kUnknown) << r.id;
            EXPECT_NE(r.message_en.find("greyscale"), std::string::npos) << r.message_en;
        }
        if (r.id == "face_count") {
            EXPECT_EQ(r.status, CheckStatus::kPass);
        }
    }
}

TEST(LivePreview, RunsTheSubsetAndTracksTheFace) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    cv::Mat scaled, frame(720, 1280, CV_8UC3, cv::Scalar(200, 200, 200));
    const double s = 720.0 / image.rows;
    cv::resize(image, scaled, cv::Size(), s, s, cv::INTER_AREA);
    scaled.copyTo(frame(cv::Rect((1280 - scaled.cols) / 2, 0, scaled.cols, scaled.rows)));
    checks::LivePreviewAnalyzer live;
    const auto first = live.analyzeFrame(frame);
    ASSERT_TRUE(live.lastFace().has_value());
    const auto second = live.analyzeFrame(frame);
    const auto ids = checks::CheckConfig::shipped().liveIds();
    ASSERT_EQ(second.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(second[i].id, ids[i]);
        EXPECT_EQ(second[i].status, first[i].status) << ids[i];
    }
    EXPECT_EQ(second.front().status, CheckStatus::kPass);
    const auto none = live.analyzeFrame(cv::Mat(720, 1280, CV_8UC3, cv::Scalar(0, 0, 0)));
    EXPECT_FALSE(live.lastFace().has_value());
    EXPECT_EQ(none.front().status, CheckStatus::kFail);
}

TEST(PrecomputedData, FacesAndMatteFromTheCallerAreUsed) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_K000391.jpg");
    const auto faces = FaceLocator::shared()->locate(image);
    ASSERT_FALSE(faces.empty());
    // The caller's matte on a half-size copy, as the standardizer makes it.
    cv::Mat half;
    cv::resize(image, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    const Matte matte = BackdropMatte::extract(half, faces.front().scaled(0.5), cv::Mat{});
    AnalysisOptions o;
    o.faces = faces;
    o.matte = &matte;
    o.matteScale = 0.5;
    o.only = {"shoulders_level", "background_uniform", "clothing_contrast"};
    const auto given = analyzer().analyze(image, o);
    o.matte = nullptr;
    const auto own = analyzer().analyze(image, o);
    ASSERT_EQ(given.size(), 3u);
    for (std::size_t i = 0; i < given.size(); ++i) {
        EXPECT_NE(given[i].status, CheckStatus::kUnknown) << given[i].message_en;
        EXPECT_EQ(given[i].status, own[i].status) << given[i].id;
    }
}

TEST(CheckCommand, ExitCodesAndJson) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const auto r =
        runCli({"check", (data / "portraits" / "congress_L000582.jpg").string(), "--json"});
    ASSERT_TRUE(r.exitCode == 0 || r.exitCode == 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["checks"].size(), kContractIds.size());
    bool anyFail = false;
    for (std::size_t i = 0; i < kContractIds.size(); ++i) {
        EXPECT_EQ(j["checks"][i]["id"], kContractIds[i]);
        EXPECT_FALSE(j["checks"][i].value("rule", "").empty()) << kContractIds[i];
        anyFail = anyFail || j["checks"][i]["status"] == "fail";
    }
    EXPECT_EQ(r.exitCode, anyFail ? 1 : 0);
    EXPECT_EQ(j["ok"], !anyFail);
    EXPECT_EQ(j["preset"], "chsi-blue");
    EXPECT_TRUE(j["timing_ms"].contains("checks"));
    EXPECT_EQ(runCli({"check", (data / "portraits" / "hard" / "two_people.jpg").string()}).exitCode,
              1);
    EXPECT_EQ(runCli({"check", "/nonexistent/photo.jpg"}).exitCode, 3);
    EXPECT_EQ(runCli({"check"}).exitCode, 2);
    EXPECT_EQ(runCli({"check", "a.jpg", "--bogus"}).exitCode, 2);
    EXPECT_EQ(runCli({"check", "a.jpg", "--preset", "no-such-preset"}).exitCode, 2);
}

}  // namespace
}  // namespace gradphoto::test
