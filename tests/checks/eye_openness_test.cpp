// eyes_open with the appearance measure (src/core/checks/eye_openness.h): generated closed eyes
// fail and their originals pass, in colour, in greyscale, on a small face and in the live preview;
// the iris band is reported; covered eyes and eye corners outside the image give a clear result.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "check_runner.h"
#include "checks/eye_openness.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

using checks::AnalysisOptions;
using checks::ComplianceAnalyzer;

const checks::CheckThresholds& limits() {
    static const auto t = checks::CheckConfig::shipped().thresholds("eyes_open");
    return t;
}

CheckResult eyesOpen(const cv::Mat& image, std::optional<std::vector<FaceLandmarks>> faces = {}) {
    AnalysisOptions o;
    o.only = {"eyes_open"};
    o.faces = std::move(faces);
    const auto r = analyzer().analyze(image, o);
    EXPECT_EQ(r.size(), 1u);
    return r.front();
}

// The iris bands of a result (null for an eye that is not visible: -1 here).
std::vector<double> irisBands(const CheckResult& r) {
    std::vector<double> out;
    if (!r.value.contains("iris")) return out;
    for (const auto& b : r.value["iris"]) out.push_back(b.is_number() ? b.get<double>() : -1.0);
    return out;
}

struct Portrait {
    cv::Mat base, closed;
    FaceLandmarks face;
};

Portrait portrait(const std::filesystem::path& file) {
    Portrait p;
    const cv::Mat image = loadImage(file);
    const auto faces = FaceLocator::shared()->locate(image);
    EXPECT_EQ(faces.size(), 1u) << file;
    if (faces.empty()) return p;
    p.base = normalisedBase(image, faces.front(), p.face);
    for (auto& v : makeVariants(p.base, p.face, {"eyes_closed"})) p.closed = v.image;
    return p;
}

cv::Mat greyBgr(const cv::Mat& bgr) {
    cv::Mat grey, out;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(grey, out, cv::COLOR_GRAY2BGR);
    return out;
}

class ClosedEyes : public ::testing::TestWithParam<std::string> {};

TEST_P(ClosedEyes, FailWhileTheOriginalPassesAndTheIrisBandIsReported) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / GetParam());
    ASSERT_FALSE(p.closed.empty());
    const CheckResult open = eyesOpen(p.base);
    EXPECT_EQ(open.status, CheckStatus::kPass) << open.message_en;
    const auto openBands = irisBands(open);
    ASSERT_EQ(openBands.size(), 2u) << open.value.dump();
    for (double b : openBands) EXPECT_GE(b, limits().number("warn_iris")) << open.message_en;
    EXPECT_NE(open.message_en.find("iris band"), std::string::npos) << open.message_en;

    const CheckResult closed = eyesOpen(p.closed);
    EXPECT_EQ(closed.status, CheckStatus::kFail) << closed.message_en;
    EXPECT_EQ(closed.message_zh, "请睁开眼睛");
    const auto closedBands = irisBands(closed);
    ASSERT_EQ(closedBands.size(), 2u) << closed.value.dump();
    for (double b : closedBands) EXPECT_LT(b, limits().number("fail_iris")) << closed.message_en;
}

TEST_P(ClosedEyes, GreyscaleGivesTheSameVerdict) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / GetParam());
    ASSERT_FALSE(p.closed.empty());
    EXPECT_EQ(eyesOpen(greyBgr(p.base)).status, CheckStatus::kPass);
    EXPECT_EQ(eyesOpen(greyBgr(p.closed)).status, CheckStatus::kFail);
}

// The face at 0.4 of the normalised size (about 90 px wide, as in a far shot): the working
// copy enlarges it, blurring the lash line; open eyes must not fail, closed ones still must.
TEST_P(ClosedEyes, SmallFaceOpenDoesNotFailClosedDoes) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / GetParam());
    ASSERT_FALSE(p.closed.empty());
    cv::Mat smallOpen, smallClosed;
    cv::resize(p.base, smallOpen, cv::Size(), 0.4, 0.4, cv::INTER_AREA);
    cv::resize(p.closed, smallClosed, cv::Size(), 0.4, 0.4, cv::INTER_AREA);
    const FaceLandmarks face = p.face.scaled(0.4);
    const CheckResult open = eyesOpen(smallOpen, std::vector<FaceLandmarks>{face});
    EXPECT_NE(open.status, CheckStatus::kFail) << open.message_en;
    const CheckResult closed = eyesOpen(smallClosed, std::vector<FaceLandmarks>{face});
    EXPECT_EQ(closed.status, CheckStatus::kFail) << closed.message_en;
}

// Tuning-half portraits (scripts/check-accuracy held_out): dark and light skin, glasses (K000400),
// light eyes (M001163).
INSTANTIATE_TEST_SUITE_P(Portraits, ClosedEyes,
                         ::testing::Values("congress_F000468.jpg", "congress_K000400.jpg",
                                           "congress_M001163.jpg", "congress_V000135.jpg"));

// The kiosk's live guidance sees the closed eyes too (LivePreviewAnalyzer, face-only crop).
TEST(EyeOpenness, LivePreviewFailsClosedEyes) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / "congress_F000468.jpg");
    ASSERT_FALSE(p.closed.empty());
    for (const bool closed : {false, true}) {
        checks::LivePreviewAnalyzer live;
        const auto results = live.analyzeFrame(closed ? p.closed : p.base);
        const auto it = std::find_if(results.begin(), results.end(),
                                     [](const CheckResult& r) { return r.id == "eyes_open"; });
        ASSERT_NE(it, results.end());
        EXPECT_EQ(it->status, closed ? CheckStatus::kFail : CheckStatus::kPass) << it->message_en;
    }
}

// Both eyes under flat dark patches (an eye patch, opaque glasses): nothing to measure, so staff
// are asked to look; the landmarks are the original's, as a detector would still place them.
TEST(EyeOpenness, CoveredEyesAreNotVisibleAndWarn) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / "congress_M001163.jpg");
    ASSERT_FALSE(p.base.empty());
    cv::Mat covered = p.base.clone();
    for (int from : {36, 42}) {
        const cv::Point2f c = from == 36 ? p.face.leftEye : p.face.rightEye;
        const float w = float(cv::norm(p.face.points[from] - p.face.points[from + 3]));
        cv::ellipse(covered, c, cv::Size(cvRound(0.9f * w), cvRound(0.7f * w)), 0, 0, 360,
                    cv::Scalar(25, 25, 28), cv::FILLED);
    }
    const CheckResult r = eyesOpen(covered, std::vector<FaceLandmarks>{p.face});
    EXPECT_EQ(r.status, CheckStatus::kWarn) << r.message_en;
    EXPECT_NE(r.message_en.find("not visible"), std::string::npos) << r.message_en;
    EXPECT_EQ(irisBands(r), (std::vector<double>{-1, -1})) << r.value.dump();
}

// Eye corners outside the image (a face cut off at the top, landmarks extrapolated): a result
// with a reason, never a crash; the measure itself reports both eyes as not visible.
TEST(EyeOpenness, EyesOutsideTheImageGiveAClearResult) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = portrait(data / "portraits" / "congress_M001163.jpg");
    ASSERT_FALSE(p.base.empty());
    const int cut = cvRound(p.face.eyeLineY() + 0.1f * p.face.faceWidth);
    const cv::Mat lower = p.base(cv::Rect(0, cut, p.base.cols, p.base.rows - cut)).clone();
    const FaceLandmarks face = p.face.scaled(1.0, cv::Point2f(0, -float(cut)));
    const CheckResult r = eyesOpen(lower, std::vector<FaceLandmarks>{face});
    EXPECT_NE(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_FALSE(r.message_en.empty());

    const Preset preset = Preset::load("chsi-blue");
    checks::CheckSession::Inputs in;
    in.image = &lower;
    in.preset = &preset;
    in.faces = {face};
    in.withMatte = false;
    const checks::CheckSession session(in);
    for (const auto& eye : checks::measureEyeOpenness(session, {})) EXPECT_FALSE(eye.visible);
}

TEST(EyeOpenness, NoFaceMeasuresNothing) {
    const cv::Mat wall(240, 320, CV_8UC3, cv::Scalar(200, 210, 220));
    const Preset preset = Preset::load("chsi-blue");
    checks::CheckSession::Inputs in;
    in.image = &wall;
    in.preset = &preset;
    const checks::CheckSession session(in);
    for (const auto& eye : checks::measureEyeOpenness(session, {})) {
        EXPECT_FALSE(eye.visible);
        EXPECT_EQ(eye.band, 0);
    }
    EXPECT_EQ(eyesOpen(wall).status, CheckStatus::kUnknown);
}

}  // namespace
}  // namespace gradphoto::test
