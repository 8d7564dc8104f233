// face_lighting (median light ratio of mirrored skin patch pairs, in stops; value["stops"]) and
// retouching (fine skin texture at the capture's resolution against eye and brow detail) on real
// portraits and their generated variants (tests/checks/variants.cpp).

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "check_runner.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

using Portrait = VariantBase;

class RetouchingOnPortraits : public ::testing::TestWithParam<std::string> {};

// The beauty filter (5 bilateral passes over the face skin) is flagged; the original is not.
TEST_P(RetouchingOnPortraits, FilteredSkinWarnsTheOriginalPasses) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / GetParam());
    ASSERT_FALSE(p.base.empty());
    const CheckResult original = runOne(p.base, "retouching");
    EXPECT_EQ(original.status, CheckStatus::kPass) << original.message_en;
    const CheckResult filtered = runOne(variantImage(p, "retouched"), "retouching");
    EXPECT_EQ(filtered.status, CheckStatus::kWarn) << filtered.message_en;
    ASSERT_TRUE(filtered.value.contains("skin_texture")) << filtered.value.dump();
    EXPECT_LT(filtered.value["skin_texture"].get<double>(),
              original.value["skin_texture"].get<double>());
}

// Blur and heavy JPEG are sharpness's defects: retouching cannot judge them and says so
// (unknown, staff look) instead of blaming a beauty filter, and never fails.
TEST_P(RetouchingOnPortraits, BlurAndCompressionAreUnknownWithAReason) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / GetParam());
    ASSERT_FALSE(p.base.empty());
    const CheckResult blurred = runOne(variantImage(p, "blur"), "retouching");
    EXPECT_EQ(blurred.status, CheckStatus::kUnknown) << blurred.message_en;
    EXPECT_NE(blurred.message_en.find("blur"), std::string::npos) << blurred.message_en;
    const CheckResult jpeg = runOne(variantImage(p, "noise_jpeg"), "retouching");
    EXPECT_EQ(jpeg.status, CheckStatus::kUnknown) << jpeg.message_en;
    EXPECT_NE(jpeg.message_en.find("JPEG"), std::string::npos) << jpeg.message_en;
}

INSTANTIATE_TEST_SUITE_P(Portraits, RetouchingOnPortraits,
                         ::testing::Values("congress_C001131.jpg", "congress_M001163.jpg",
                                           "congress_V000135.jpg"));

// A face too small to show skin texture is unknown with the reason, not a silent pass.
TEST(Retouching, TinyFaceIsUnknownWithTheReason) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_K000400.jpg");
    ASSERT_FALSE(p.base.empty());
    cv::Mat small;
    const double k = 60.0 / p.face.faceWidth;  // a face about 60 px wide
    cv::resize(p.base, small, cv::Size(), k, k, cv::INTER_AREA);
    cv::Mat canvas(std::max(small.rows, 400), std::max(small.cols, 400), CV_8UC3,
                   cv::Scalar(200, 200, 200));
    small.copyTo(canvas(cv::Rect(0, 0, small.cols, small.rows)));
    const CheckResult r = runOne(canvas, "retouching");
    ASSERT_EQ(r.status, CheckStatus::kUnknown) << r.message_en;
    EXPECT_NE(r.message_en.find("resolution"), std::string::npos) << r.message_en;
}

// Studio key light from one side (the nose's shadow side, one cheek turning away) passes; the
// half-lit face (阴阳脸) of the half_dark variant fails.
TEST(FaceLighting, StudioKeyLightPassesHalfLitFaceFails) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const std::string name : {"congress_K000400.jpg", "congress_C001131.jpg"}) {
        const Portrait p = variantBase(data / "portraits" / name);
        ASSERT_FALSE(p.base.empty());
        const CheckResult original = runOne(p.base, "face_lighting");
        EXPECT_EQ(original.status, CheckStatus::kPass) << name << ": " << original.message_en;
        const CheckResult dark = runOne(variantImage(p, "half_dark"), "face_lighting");
        EXPECT_EQ(dark.status, CheckStatus::kFail) << name << ": " << dark.message_en;
        EXPECT_GT(dark.value["stops"].get<double>(), original.value["stops"].get<double>() + 1.5)
            << name;
    }
    // Hard-set portraits with a clear side light, labelled pass.
    for (const std::string name : {"congress_C001120.jpg", "congress_E000296.jpg"}) {
        const CheckResult r =
            runOne(loadImage(data / "portraits" / "hard" / name), "face_lighting");
        EXPECT_EQ(r.status, CheckStatus::kPass) << name << ": " << r.message_en;
    }
}

// The measure is a left/right ratio: the mirrored photo gives the same size, the other side.
TEST(FaceLighting, MirroredPhotoGivesTheSameRatio) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_K000400.jpg");
    ASSERT_FALSE(p.base.empty());
    const cv::Mat dark = variantImage(p, "half_dark");
    cv::Mat mirrored;
    cv::flip(dark, mirrored, 1);
    const CheckResult a = runOne(dark, "face_lighting");
    const CheckResult b = runOne(mirrored, "face_lighting");
    EXPECT_EQ(a.status, b.status);
    EXPECT_NEAR(a.value["stops"].get<double>(), b.value["stops"].get<double>(), 0.25);
    const bool aLeft = a.message_en.find("image-left side darker") != std::string::npos;
    const bool bLeft = b.message_en.find("image-left side darker") != std::string::npos;
    EXPECT_NE(aLeft, bLeft) << a.message_en << " / " << b.message_en;
}

}  // namespace
}  // namespace gradphoto::test
