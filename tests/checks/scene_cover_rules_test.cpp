// Scene, cover and face-geometry rules on real portraits (issue 3 audit): head_yaw passes a
// frontal face and flags a turned one with the sign of the turn; clothing_contrast never passes
// silently where it cannot see blue (a greyscale capture on a blue backdrop) and words its message
// for what it measured (a blue backdrop, a light one, another colour); face_size near its limit
// says which way to move.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>

#include "check_runner.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/common/resources.h"
#include "gradphoto/imaging/crop_ranges.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/preset.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

using checks::AnalysisOptions;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

CheckResult runWith(const cv::Mat& image, const std::string& id, const Preset& preset) {
    AnalysisOptions options;
    options.only = {id};
    options.preset = &preset;
    const auto results = analyzer().analyze(image, options);
    EXPECT_EQ(results.size(), 1u);
    return results.empty() ? CheckResult{} : results.front();
}

FaceLandmarks onlyFace(const cv::Mat& image) {
    const auto faces = FaceLocator::shared()->locate(image);
    EXPECT_FALSE(faces.empty());
    return faces.empty() ? FaceLandmarks{} : faces.front();
}

double yawOf(const CheckResult& r) {
    EXPECT_TRUE(r.value.is_object() && r.value.contains("yaw_deg") &&
                r.value["yaw_deg"].is_number())
        << r.value.dump();
    return r.value.value("yaw_deg", std::nan(""));
}

// ---- head_yaw ---------------------------------------------------------------------------------

// The capture squeezed horizontally on one side of the face centre and stretched on the other
// (by factor and 1/factor): the cheek on the squeezed side narrows against the nose, as when the
// head turns that way. squeezeRight: the image's right side is squeezed.
cv::Mat turnedLike(const cv::Mat& image, double centreX, double factor, bool squeezeRight) {
    cv::Mat mapX(image.size(), CV_32F), mapY(image.size(), CV_32F);
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x) {
            const double d = x - centreX;
            const bool squeezed = (d > 0) == squeezeRight;
            mapX.at<float>(y, x) = float(centreX + (squeezed ? d / factor : d * factor));
            mapY.at<float>(y, x) = float(y);
        }
    cv::Mat out;
    cv::remap(image, out, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// A frontal portrait passes with a small yaw and symmetric cheeks. The heads turned sideways in
// portraits/hard (labelled head_yaw "flag") show no frontal face: flagged as unknown, never a
// pass. A frontal face made to look turned (one cheek squeezed against the nose) is flagged, its
// yaw far from the frontal one and its symmetry low, and the other way round the yaw has the other
// sign; a real, slightly turned portrait and its mirror image have yaws of opposite sign too.
TEST(HeadYawRule, FrontalPassesATurnedHeadFlagsWithTheSignOfTheTurn) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_F000468.jpg");
    const CheckResult frontal = runOne(portrait, "head_yaw");
    EXPECT_EQ(frontal.status, CheckStatus::kPass) << frontal.message_en;
    const double frontalYaw = yawOf(frontal);
    EXPECT_LT(std::abs(frontalYaw), 5.0) << frontal.message_en;
    EXPECT_GT(frontal.value["symmetry"].get<double>(), 0.8) << frontal.message_en;

    for (const char* name : {"side_view_bgmatting_1000.jpg", "side_view_cc0_cameraman.png"}) {
        const CheckResult side = runOne(loadImage(data / "portraits" / "hard" / name), "head_yaw");
        EXPECT_NE(side.status, CheckStatus::kPass) << name << ": " << side.message_en;
    }

    const FaceLandmarks f = onlyFace(portrait);
    double yaws[2] = {0, 0};
    for (const bool right : {false, true}) {
        SCOPED_TRACE(right ? "right cheek squeezed" : "left cheek squeezed");
        const CheckResult turned =
            runOne(turnedLike(portrait, f.points[30].x, 0.6, right), "head_yaw");
        EXPECT_TRUE(turned.status == CheckStatus::kWarn || turned.status == CheckStatus::kFail)
            << turned.message_en;
        EXPECT_EQ(turned.message_zh, "请正对镜头，不要侧脸");
        EXPECT_LT(turned.value["symmetry"].get<double>(), 0.45) << turned.message_en;
        yaws[right] = yawOf(turned);
        EXPECT_GT(std::abs(yaws[right] - frontalYaw), 5.0) << turned.message_en;
    }
    EXPECT_LT(yaws[0] * yaws[1], 0) << yaws[0] << " / " << yaws[1];

    const cv::Mat leaning = loadImage(data / "portraits" / "congress_J000294.jpg");
    cv::Mat mirrored;
    cv::flip(leaning, mirrored, 1);
    const double one = yawOf(runOne(leaning, "head_yaw")),
                 other = yawOf(runOne(mirrored, "head_yaw"));
    EXPECT_GT(std::abs(one), 8.0);
    EXPECT_LT(one * other, 0) << one << " / " << other;
    EXPECT_NEAR(std::abs(other), std::abs(one), 0.35 * std::abs(one)) << one << " / " << other;
}

// ---- clothing_contrast ------------------------------------------------------------------------

cv::Mat greyscaleOf(const cv::Mat& image) {
    cv::Mat grey, bgr;
    cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

// On a blue backdrop a greyscale capture cannot show blue clothing: a dark suit that passes in
// colour is `unknown` in grey, the blue share null, staff asked to look. On a white backdrop blue
// clothing is no rule, so the same greyscale capture is judged on the other parts.
TEST(ClothingContrastRule, GreyscaleOnABlueBackdropIsNotASilentPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat suit = loadImage(data / "portraits" / "congress_L000582.jpg");
    const Preset blue = Preset::load("chsi-blue"), white = Preset::load("chsi-white");
    const CheckResult colour = runWith(suit, "clothing_contrast", blue);
    ASSERT_EQ(colour.status, CheckStatus::kPass) << colour.message_en;
    EXPECT_TRUE(colour.value["blue"].is_number()) << colour.value.dump();

    const CheckResult grey = runWith(greyscaleOf(suit), "clothing_contrast", blue);
    EXPECT_EQ(grey.status, CheckStatus::kUnknown) << grey.message_en;
    EXPECT_TRUE(grey.value["blue"].is_null()) << grey.value.dump();
    EXPECT_TRUE(grey.value["near_background"].is_number()) << grey.value.dump();
    EXPECT_TRUE(contains(grey.message_zh, "工作人员")) << grey.message_zh;
    EXPECT_TRUE(contains(grey.message_en, "greyscale")) << grey.message_en;

    const CheckResult onWhite = runWith(greyscaleOf(suit), "clothing_contrast", white);
    EXPECT_NE(onWhite.status, CheckStatus::kUnknown) << onWhite.message_en;
    EXPECT_TRUE(onWhite.value["blue"].is_number()) << onWhite.value.dump();
    EXPECT_FALSE(contains(onWhite.message_en, "greyscale")) << onWhite.message_en;
}

// The student reads what was measured: a pale blue jacket on the light blue backdrop is told about
// blue; a white jacket on the white backdrop about a light backdrop and darker clothes (not blue);
// a dark suit on a backdrop of its own dark colour to pick a clearly different colour.
TEST(ClothingContrastRule, TheMessageNamesWhatWasMeasured) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Preset blue = Preset::load("chsi-blue"), white = Preset::load("chsi-white");

    const CheckResult pale =
        runWith(loadImage(data / "portraits" / "congress_H001094.jpg"), "clothing_contrast", blue);
    ASSERT_NE(pale.status, CheckStatus::kPass) << pale.message_en;
    EXPECT_TRUE(contains(pale.message_zh, "蓝色")) << pale.message_zh;

    const CheckResult jacket =
        runWith(loadImage(data / "portraits" / "congress_D000594.jpg"), "clothing_contrast", white);
    ASSERT_NE(jacket.status, CheckStatus::kPass) << jacket.message_en;
    EXPECT_TRUE(contains(jacket.message_en, "too close to the backdrop")) << jacket.message_en;
    EXPECT_FALSE(contains(jacket.message_zh, "蓝色")) << jacket.message_zh;
    EXPECT_TRUE(contains(jacket.message_zh, "浅色背景")) << jacket.message_zh;

    // A preset whose backdrop is the dark suit's own colour (mean of the chest's darker half).
    const cv::Mat suit = loadImage(data / "portraits" / "congress_L000582.jpg");
    const FaceLandmarks f = onlyFace(suit);
    const cv::Rect chest = cv::Rect(cvRound(f.faceCenterX() - 0.5 * f.faceWidth),
                                    cvRound(f.chin.y + 0.4 * f.faceWidth), cvRound(f.faceWidth),
                                    cvRound(0.3 * f.faceWidth)) &
                           cv::Rect(0, 0, suit.cols, suit.rows);
    ASSERT_GT(chest.area(), 100);
    cv::Mat grey;
    cv::cvtColor(suit(chest), grey, cv::COLOR_BGR2GRAY);
    const cv::Scalar dark = cv::mean(suit(chest), grey < cv::mean(grey)[0]);
    std::ifstream in(resourcesDir() / "presets" / "chsi-white.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string json = text.str();
    const std::string key = "\"background_rgb\": [255, 255, 255]";
    ASSERT_NE(json.find(key), std::string::npos) << "chsi-white.json changed its backdrop";
    json.replace(json.find(key), key.size(),
                 "\"background_rgb\": [" + std::to_string(cvRound(dark[2])) + ", " +
                     std::to_string(cvRound(dark[1])) + ", " + std::to_string(cvRound(dark[0])) +
                     "]");
    const Preset darkWall = Preset::fromJsonText(json, "a backdrop the suit's colour");
    const CheckResult same = runWith(suit, "clothing_contrast", darkWall);
    ASSERT_NE(same.status, CheckStatus::kPass) << same.message_en;
    EXPECT_FALSE(contains(same.message_zh, "蓝色")) << same.message_zh;
    EXPECT_FALSE(contains(same.message_zh, "浅色")) << same.message_zh;
    EXPECT_TRUE(contains(same.message_zh, "颜色差别明显")) << same.message_zh;
}

// ---- face_size --------------------------------------------------------------------------------

// The portrait scaled by factor and placed in a plain grey frame with the eye line at eyeY and the
// face centre at centreX (frame pixels); the frame is large enough elsewhere.
cv::Mat placed(const cv::Mat& image, const FaceLandmarks& f, double factor, double eyeY,
               double centreX, cv::Size frame) {
    cv::Mat scaled;
    cv::resize(image, scaled, cv::Size(), factor, factor, cv::INTER_AREA);
    cv::Mat out(frame, CV_8UC3, cv::Scalar(200, 200, 200));
    const int dx = cvRound(centreX - f.faceCenterX() * factor);
    const int dy = cvRound(eyeY - f.eyeLineY() * factor);
    const cv::Rect to = cv::Rect(dx, dy, scaled.cols, scaled.rows) & cv::Rect(cv::Point(), frame);
    scaled(to - cv::Point(dx, dy)).copyTo(out(to));
    return out;
}

// Near the limit the warning says the way to move (the value's "too" and the words agree): a face
// a little small asks to come closer; one with little room above the eyes to step back; one near
// the frame's side to step back and to the middle.
TEST(FaceSizeRule, NearTheLimitTheWarningSaysWhichWayToMove) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    const FaceLandmarks f = onlyFace(portrait);
    const Preset p = Preset::load("chsi-blue");
    // Far: the enlargement to the preset's smallest face is 95% of the largest allowed (warn from
    // 90%, see resources/checks.json face_size warn_share).
    const double smallFace = p.faceWidth.min / (0.95 * p.maxUpscale);
    const double k = smallFace / f.faceWidth;
    const CheckResult far =
        runWith(placed(portrait, f, k, 500, 600, cv::Size(1200, 1200)), "face_size", p);
    ASSERT_EQ(far.status, CheckStatus::kWarn) << far.message_en;
    EXPECT_EQ(far.value.value("too", ""), "far") << far.value.dump();
    EXPECT_TRUE(contains(far.message_zh, "请靠近一点")) << far.message_zh;

    // Near: at full size, the room below the eyes 1.025 times the smallest crop's (warn below
    // 1.05); above and beside the face plenty. L000582's hair is high (0.9 face widths above the
    // eyes), so the eye line and the head top's margin cap the crop's scale, not the largest face.
    const CheckResult roomy =
        runWith(placed(portrait, f, 1.0, 2.0 * f.faceWidth, 3 * f.faceWidth,
                       cv::Size(cvRound(6 * f.faceWidth), cvRound(8 * f.faceWidth))),
                "face_size", p);
    ASSERT_EQ(roomy.status, CheckStatus::kPass) << roomy.message_en;
    const double eyeToTop = roomy.value.at("eye_to_top_px").get<double>();
    EXPECT_GT(eyeToTop, 0.8 * f.faceWidth) << roomy.value.dump();
    const CropRanges r = cropRanges(p);
    const double sc = std::min(
        {r.faceWidth.max / f.faceWidth, p.maxUpscale, (r.eyeLine.max - r.headTop.min) / eyeToTop});
    const double below =
        1.025 * (p.height / sc - std::min(r.eyeLine.max / sc, eyeToTop + r.headTop.max / sc));
    const double half = p.width / 2.0 / sc;
    const double eyeY = 2.0 * f.faceWidth;
    const cv::Size frame(cvRound(6 * half), cvRound(eyeY + below));
    const CheckResult near =
        runWith(placed(portrait, f, 1.0, eyeY, frame.width / 2.0, frame), "face_size", p);
    ASSERT_EQ(near.status, CheckStatus::kWarn) << near.message_en;
    EXPECT_EQ(near.value.value("too", ""), "near") << near.value.dump();
    EXPECT_TRUE(contains(near.message_zh, "请稍微后退")) << near.message_zh;
    EXPECT_FALSE(contains(near.message_zh, "中间")) << near.message_zh;

    // Off centre: plenty of room above and below, the face centre 1.025 half crops from the side.
    const cv::Size tall(cvRound(6 * half), cvRound(4 * p.height / sc));
    const CheckResult aside =
        runWith(placed(portrait, f, 1.0, tall.height / 2.0, 1.025 * half, tall), "face_size", p);
    ASSERT_EQ(aside.status, CheckStatus::kWarn) << aside.message_en;
    EXPECT_EQ(aside.value.value("too", ""), "near") << aside.value.dump();
    EXPECT_TRUE(contains(aside.message_zh, "请稍微后退")) << aside.message_zh;
    EXPECT_TRUE(contains(aside.message_zh, "中间")) << aside.message_zh;
}

// Asked alone, face_size still reads the hair's top from the matte, as the standardizer does:
// B001288's short hair lies 0.63 face widths above his eyes, not at the live estimate's 0.9.
TEST(FaceSizeRule, TheHeadTopComesFromTheMatte) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_B001288.jpg");
    const FaceLandmarks f = onlyFace(portrait);
    const CheckResult r = runWith(portrait, "face_size", Preset::load("chsi-blue"));
    const double eyeToTop = r.value.at("eye_to_top_px").get<double>();
    EXPECT_LT(eyeToTop, 0.75 * f.faceWidth) << r.value.dump();
    EXPECT_GT(eyeToTop, 0.5 * f.faceWidth) << r.value.dump();
}

// A live frame has no matte: face_size takes the hair's top 0.9 face widths above the eyes (see
// resources/checks.json). Studio crops with little above short hair still pass (the estimate lies
// above the frame there, which says nothing about the real head), and the head shots cropped
// under the chin, which the standardizer refuses for want of shoulders, already fail live. Hair
// cut off by the frame's top is not seen live (the estimate cannot), a forehead cut off is.
TEST(FaceSizeRule, LiveFramesJudgeTheCropWithAnEstimatedHeadTop) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const auto liveFaceSize = [](const cv::Mat& frame) {
        checks::LivePreviewAnalyzer live;
        for (const CheckResult& r : live.analyzeFrame(frame))
            if (r.id == "face_size") return r;
        return CheckResult{};
    };
    for (const auto& [name, passes] :
         {std::pair{"congress_S001200.jpg", true}, std::pair{"congress_D000629.jpg", true},
          std::pair{"congress_B001281.jpg", false}, std::pair{"congress_L000582.jpg", false}}) {
        SCOPED_TRACE(name);
        const CheckResult size = liveFaceSize(loadImage(data / "portraits" / name));
        ASSERT_EQ(size.id, "face_size");
        if (passes) {
            EXPECT_EQ(size.status, CheckStatus::kPass) << size.message_en;
        } else {
            EXPECT_EQ(size.status, CheckStatus::kFail) << size.message_en;
            EXPECT_EQ(size.value.value("too", ""), "near") << size.value.dump();
        }
    }
    // A capture cut through the forehead (K000391 without its top 100 px: the eyes 0.5 face
    // widths from the top, nearer than any head's top lies above the eyes) fails live as well.
    const cv::Mat full = loadImage(data / "portraits" / "congress_K000391.jpg");
    const CheckResult cut = liveFaceSize(full.rowRange(100, full.rows).clone());
    ASSERT_EQ(cut.id, "face_size");
    EXPECT_EQ(cut.status, CheckStatus::kFail) << cut.message_en;
}

}  // namespace
}  // namespace gradphoto::test
