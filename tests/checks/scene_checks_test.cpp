// shoulders_level and clothing_contrast on real portraits: a capture turned as a whole tilts the
// shoulder line (both ways, with the sign of the turn), a turned torso under a level head does not,
// a backdrop too busy to trace the outline is `unknown`; a pale blue jacket is too close to the
// light blue backdrop, a dark suit is not.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <string>

#include "check_runner.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

using checks::AnalysisOptions;
using checks::ComplianceAnalyzer;

// The whole capture turned by degrees (counter-clockwise when positive) about a point above its
// centre, the wall's edge pixels repeated into the corners so the backdrop stays plain.
cv::Mat turned(const cv::Mat& image, double degrees) {
    const cv::Mat m = cv::getRotationMatrix2D(
        cv::Point2f(float(image.cols / 2.0), float(image.rows * 0.4)), degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

TEST(ShouldersLevel, ATurnedCaptureTiltsTheShoulderLineBothWays) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name : {"congress_L000582.jpg", "congress_K000391.jpg"}) {
        const cv::Mat image = loadImage(data / "portraits" / name);
        for (const double degrees : {12.0, -12.0}) {
            const CheckResult r = runOne(turned(image, degrees), "shoulders_level");
            SCOPED_TRACE(std::string(name) + " turned " + std::to_string(degrees));
            EXPECT_TRUE(r.status == CheckStatus::kWarn || r.status == CheckStatus::kFail)
                << r.message_en;
            ASSERT_TRUE(r.value.is_number()) << r.message_en;
            // Counter-clockwise lifts the image's right side: a negative shoulder line.
            EXPECT_LT(r.value.get<double>() * degrees, 0) << r.message_en;
            EXPECT_GE(std::abs(r.value.get<double>()), 8.0) << r.message_en;
        }
    }
}

TEST(ShouldersLevel, ATurnedTorsoUnderALevelHeadReadsLevel) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    // His body is turned a little to the image's right: the outline sits 10 degrees higher on
    // that side at equal distances from the face, yet both sides slope down alike.
    const CheckResult r =
        runOne(loadImage(data / "portraits" / "hard" / "congress_E000296.jpg"), "shoulders_level");
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_NE(r.message_en.find("slopes"), std::string::npos) << r.message_en;
}

TEST(ShouldersLevel, ABusyBackdropIsLeftToStaff) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    // Trees and the Capitol fuse with her outline on both sides.
    const CheckResult r =
        runOne(loadImage(data / "portraits" / "congress_P000618.jpg"), "shoulders_level");
    EXPECT_EQ(r.status, CheckStatus::kUnknown) << r.message_en;
    EXPECT_NE(r.message_zh.find("请工作人员确认"), std::string::npos) << r.message_zh;
}

TEST(ClothingContrast, APaleBlueJacketIsTooCloseToTheLightBlueBackdrop) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CheckResult pale =
        runOne(loadImage(data / "portraits" / "congress_H001094.jpg"), "clothing_contrast");
    EXPECT_NE(pale.status, CheckStatus::kPass) << pale.message_en;
    EXPECT_NE(pale.message_en.find("too close to the backdrop"), std::string::npos)
        << pale.message_en;
    const CheckResult dark =
        runOne(loadImage(data / "portraits" / "congress_L000582.jpg"), "clothing_contrast");
    EXPECT_EQ(dark.status, CheckStatus::kPass) << dark.message_en;
}

// Vertical stripes (light and dark, period faceWidth / 12) over the dark clothing below the chin:
// a striped jacket.
cv::Mat striped(const cv::Mat& image, const FaceLandmarks& face) {
    cv::Mat out = image.clone();
    const int period = std::max(4, cvRound(face.faceWidth / 12));
    const int y0 = std::clamp(cvRound(face.chin.y + 0.2 * face.faceWidth), 0, out.rows);
    for (int y = y0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            cv::Vec3b& px = out.at<cv::Vec3b>(y, x);
            if ((px[0] + px[1] + px[2]) / 3 > 90 || (x / (period / 2)) % 2) continue;
            px = cv::Vec3b(cv::saturate_cast<uchar>(px[0] + 90),
                           cv::saturate_cast<uchar>(px[1] + 90),
                           cv::saturate_cast<uchar>(px[2] + 90));
        }
    return out;
}

TEST(ClothingContrast, StripesAreBusyATieIsNot) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    // A dark suit with a patterned red tie and a white shirt collar: lines, not a pattern.
    const cv::Mat suit = loadImage(data / "portraits" / "hard" / "congress_E000296.jpg");
    const CheckResult plain = runOne(suit, "clothing_contrast");
    ASSERT_TRUE(plain.value.is_object()) << plain.message_en;
    EXPECT_LT(plain.value["pattern"].get<double>(), 0.12) << plain.message_en;
    const auto faces = FaceLocator::shared()->locate(suit);
    ASSERT_FALSE(faces.empty());
    const CheckResult stripes = runOne(striped(suit, faces.front()), "clothing_contrast");
    ASSERT_TRUE(stripes.value.is_object()) << stripes.message_en;
    EXPECT_GE(stripes.value["pattern"].get<double>(), 0.12) << stripes.message_en;
    EXPECT_NE(stripes.status, CheckStatus::kPass) << stripes.message_en;
}

}  // namespace
}  // namespace gradphoto::test
