// background_uniform on generated backdrops: a real person (the tuning-half portrait
// hard/congress_E000296.jpg, cut out with its own matte) set in front of walls a booth may have
// (a studio gradient with a soft spotlight, a clipped white wall) and of scenes it must not pass
// (defocused foliage, a blown-out sky over a field). The backdrops are drawn here, pixel by pixel.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <string>

#include "check_runner.h"
#include "gradphoto/imaging/backdrop_matte.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

struct CutOut {
    cv::Mat image;  // 8-bit BGR
    cv::Mat alpha;  // CV_32F, 1 = person
    FaceLandmarks face;
};

const CutOut* person() {
    static const std::optional<CutOut> cut = []() -> std::optional<CutOut> {
        const auto data = testdataDir();
        if (!data) return std::nullopt;
        CutOut c;
        c.image = loadImage(*data / "portraits" / "hard" / "congress_E000296.jpg");
        const auto faces = FaceLocator::shared()->locate(c.image);
        if (faces.empty()) return std::nullopt;
        c.face = faces.front();
        c.alpha = BackdropMatte::extract(c.image, c.face, cv::Mat{}).alpha;
        return c;
    }();
    return cut ? &*cut : nullptr;
}

// The person over backdrop (same size, 8-bit BGR).
cv::Mat composite(const CutOut& c, const cv::Mat& backdrop) {
    cv::Mat out(c.image.size(), CV_8UC3);
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const float a = c.alpha.at<float>(y, x);
            const cv::Vec3b p = c.image.at<cv::Vec3b>(y, x), b = backdrop.at<cv::Vec3b>(y, x);
            for (int ch = 0; ch < 3; ++ch)
                out.at<cv::Vec3b>(y, x)[ch] = cv::saturate_cast<uchar>(a * p[ch] + (1 - a) * b[ch]);
        }
    return out;
}

// Smooth random blotches in [-1, 1]: noise blurred at sigma px, stretched to full range.
cv::Mat blotches(cv::Size size, double sigma, unsigned seed) {
    cv::RNG rng(seed);
    cv::Mat noise(size, CV_32F);
    rng.fill(noise, cv::RNG::UNIFORM, -1.0, 1.0);
    cv::GaussianBlur(noise, noise, cv::Size(), sigma);
    double lo = 0, hi = 0;
    cv::minMaxLoc(noise, &lo, &hi);
    return (noise - (lo + hi) / 2) * (2 / std::max(1e-6, hi - lo));
}

// A blue-grey studio gradient, lighter behind the head (a soft spotlight), with sensor noise.
cv::Mat studioGradient(const CutOut& c) {
    cv::Mat out(c.image.size(), CV_8UC3);
    cv::RNG rng(7);
    const cv::Point2f head = c.face.eyeMidpoint();
    const double reach = 2.5 * c.face.faceWidth;
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const double r = std::hypot(x - head.x, y - head.y) / reach;
            const double light = 40 * std::exp(-r * r) - 30.0 * y / out.rows;
            const double noise = rng.gaussian(2.0);
            out.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(150 + light + noise),
                                                cv::saturate_cast<uchar>(125 + light + noise),
                                                cv::saturate_cast<uchar>(105 + light + noise));
        }
    return out;
}

// Defocused foliage: dark green with lighter and darker leaf blotches about a fifth of a face
// wide.
cv::Mat foliage(const CutOut& c) {
    const cv::Mat light = blotches(c.image.size(), 0.08 * c.face.faceWidth, 11);
    cv::Mat out(c.image.size(), CV_8UC3);
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const double v = light.at<float>(y, x);
            out.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(50 + 25 * v),
                                                cv::saturate_cast<uchar>(95 + 45 * v),
                                                cv::saturate_cast<uchar>(60 + 30 * v));
        }
    return out;
}

// Outdoors: a blown-out white sky down to the shoulders, a pale field with rows of plants below.
cv::Mat skyOverField(const CutOut& c) {
    const cv::Mat texture = blotches(c.image.size(), 0.03 * c.face.faceWidth, 23);
    const int horizon = cvRound(c.face.chin.y + 0.3 * c.face.faceWidth);
    cv::Mat out(c.image.size(), CV_8UC3, cv::Scalar(255, 255, 255));
    for (int y = horizon; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const double v = texture.at<float>(y, x);
            out.at<cv::Vec3b>(y, x) = cv::Vec3b(cv::saturate_cast<uchar>(150 + 60 * v),
                                                cv::saturate_cast<uchar>(175 + 50 * v),
                                                cv::saturate_cast<uchar>(180 + 50 * v));
        }
    return out;
}

double blotchShare(const CheckResult& r) {
    return r.value.is_object() && r.value.contains("blotches") ? r.value["blotches"].get<double>()
                                                               : -1;
}

TEST(BackdropSurvey, AStudioGradientWithASpotlightPasses) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const CheckResult r = runOne(composite(*c, studioGradient(*c)), "background_uniform");
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_GE(blotchShare(r), 0.0) << r.message_en;  // judged: the backdrop is wide enough
    EXPECT_LT(blotchShare(r), 0.05) << r.message_en;
}

TEST(BackdropSurvey, AClippedWhiteWallPasses) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const cv::Mat white(c->image.size(), CV_8UC3, cv::Scalar(255, 255, 255));
    const CheckResult r = runOne(composite(*c, white), "background_uniform");
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.message_en;
}

// wall (8-bit BGR) with the person's shadow on it: the matte moved by (dx, dy) face widths,
// softened by soft face widths (0: a hard flash shadow), darkening the wall to 55 %.
cv::Mat withShadow(const CutOut& c, const cv::Mat& wall, double dx, double dy, double soft) {
    const double fw = c.face.faceWidth;
    cv::Mat shadow;
    cv::warpAffine(c.alpha, shadow, cv::Matx23d(1, 0, dx * fw, 0, 1, dy * fw), c.alpha.size());
    if (soft > 0) cv::GaussianBlur(shadow, shadow, cv::Size(), soft * fw);
    cv::Mat light, shaded;
    cv::cvtColor(cv::Mat(1 - 0.45 * shadow), light, cv::COLOR_GRAY2BGR);
    wall.convertTo(shaded, CV_32FC3);
    cv::multiply(shaded, light, shaded);
    shaded.convertTo(shaded, CV_8UC3);
    return shaded;
}

cv::Mat whiteWallWithShadow(const CutOut& c, double dx, double dy, double soft) {
    return withShadow(c, cv::Mat(c.image.size(), CV_8UC3, cv::Scalar(255, 255, 255)), dx, dy, soft);
}

// A dark grey painted canvas, mottled (lighter and darker patches about a fifth of a face wide,
// a few L* either way), as studios hang behind official portraits.
cv::Mat darkMottledCanvas(const CutOut& c) {
    const cv::Mat patches = blotches(c.image.size(), 0.08 * c.face.faceWidth, 23);
    cv::Mat out(c.image.size(), CV_8UC3);
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x) {
            const double v = 90 + 10 * patches.at<float>(y, x);
            out.at<cv::Vec3b>(y, x) =
                cv::Vec3b(cv::saturate_cast<uchar>(v + 6), cv::saturate_cast<uchar>(v),
                          cv::saturate_cast<uchar>(v - 4));
        }
    return out;
}

// A reading of the result's value, NaN where it is null (not measured) or missing.
double readingOf(const CheckResult& r, const char* key) {
    return r.value.is_object() && r.value.contains(key) && r.value[key].is_number()
               ? r.value[key].get<double>()
               : std::numeric_limits<double>::quiet_NaN();
}

// The cast-shadow reading, NaN when the wall beside the person was not compared (null).
double castShadow(const CheckResult& r) {
    return readingOf(r, "cast_shadow");
}

double shadowArea(const CheckResult& r) {
    return r.value.is_object() ? r.value.value("shadow", -1.0) : -1.0;
}

// CHSI: no shadow on the backdrop. A shadow touching the person is darker than the wall, so the
// matte takes it for the person (and the photo would carry it beside the head); it is found
// inside the matte as the wall's colour, darker and smooth.
TEST(BackdropSurvey, AShadowBesideTheHeadIsFlagged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const double warn =
        checks::CheckConfig::shipped().thresholds("background_uniform").number("warn_shadow");
    const cv::Mat white(c->image.size(), CV_8UC3, cv::Scalar(255, 255, 255));
    const CheckResult clean = runOne(composite(*c, white), "background_uniform");
    EXPECT_EQ(clean.status, CheckStatus::kPass) << clean.message_en;
    EXPECT_GE(shadowArea(clean), 0.0) << clean.message_en;
    EXPECT_LT(shadowArea(clean), warn / 2) << clean.message_en;
    struct Case {
        const char* what;
        double dx, dy, soft;
    };
    for (const Case& k :
         {Case{"soft, to the right", 0.35, 0.1, 0.08}, Case{"soft, to the left", -0.35, 0.1, 0.08},
          Case{"hard flash shadow", 0.25, 0.05, 0.0}}) {
        SCOPED_TRACE(k.what);
        const CheckResult r = runOne(composite(*c, whiteWallWithShadow(*c, k.dx, k.dy, k.soft)),
                                     "background_uniform");
        EXPECT_NE(r.status, CheckStatus::kPass) << r.message_en;
        EXPECT_GE(shadowArea(r), warn) << r.message_en;
        if (r.status != CheckStatus::kPass && shadowArea(r) >= warn) {
            EXPECT_NE(r.message_zh.find("影"), std::string::npos) << r.message_zh;
            EXPECT_EQ(r.value.value("cause", ""), "shadow") << r.value.dump();
        }
    }
}

// On a dark wall a shadow darkens it by a few L* only, less than the shadow inside the matte must
// be darker by, and the matte keeps it out of the person: the wall right beside the person's
// outline is darker than the wall further out on that side. A clean mottled canvas and a wall lit
// from behind the head are not.
TEST(BackdropSurvey, AShadowOnADarkMottledCanvasIsFlagged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const double warn =
        checks::CheckConfig::shipped().thresholds("background_uniform").number("warn_cast_shadow");
    const cv::Mat canvas = darkMottledCanvas(*c);
    const CheckResult clean = runOne(composite(*c, canvas), "background_uniform");
    EXPECT_EQ(clean.status, CheckStatus::kPass) << clean.message_en;
    ASSERT_TRUE(std::isfinite(castShadow(clean))) << clean.message_en;  // compared
    EXPECT_LT(castShadow(clean), warn / 2) << clean.message_en;
    const CheckResult spot = runOne(composite(*c, studioGradient(*c)), "background_uniform");
    ASSERT_TRUE(std::isfinite(castShadow(spot))) << spot.message_en;
    // Lit behind the head: lighter beside the outline, except the lowest rows (about 0 there).
    EXPECT_LT(castShadow(spot), warn / 4) << spot.message_en;
    // A wall darker (70%) from two thirds of the height down, a lower panel: each row is compared
    // with the wall further out in the same row, so that is no shadow (against the whole side's
    // wall further out it read 5.2).
    cv::Mat lower = canvas.clone();
    lower.rowRange(lower.rows * 2 / 3, lower.rows)
        .convertTo(lower.rowRange(lower.rows * 2 / 3, lower.rows), -1, 0.7);
    const CheckResult panel = runOne(composite(*c, lower), "background_uniform");
    EXPECT_LT(castShadow(panel), warn / 2) << panel.message_en;
    // A flash to one side, and one high to the side: its shadow narrower, or lower down, beside
    // part of the outline only, the wall above the head lit. Each row of the wall beside the
    // outline is compared on its own, so the lit rows do not dilute it (a whole side's mean read
    // the narrow and the low ones at 3-4 L*).
    struct Case {
        const char* what;
        double dx, dy;
    };
    for (const Case& k :
         {Case{"to the right", 0.4, 0.1}, Case{"to the left", -0.4, 0.1}, Case{"narrow", 0.2, 0.3},
          Case{"low", 0.25, 0.5}, Case{"low, to the left", -0.25, 0.5}}) {
        SCOPED_TRACE(k.what);
        const CheckResult r =
            runOne(composite(*c, withShadow(*c, canvas, k.dx, k.dy, 0.08)), "background_uniform");
        EXPECT_EQ(r.status, CheckStatus::kWarn) << r.message_en;  // it only warns
        EXPECT_GE(castShadow(r), warn) << r.message_en;
        EXPECT_EQ(r.value.value("cause", ""), "shadow") << r.value.dump();
        EXPECT_NE(r.message_zh.find("影"), std::string::npos) << r.message_zh;
    }
}

// A plain wall with sensor noise, grey level v (8-bit, all channels).
cv::Mat plainWall(const CutOut& c, double v) {
    cv::Mat out(c.image.size(), CV_8UC3);
    cv::RNG rng(5);
    for (int y = 0; y < out.rows; ++y)
        for (int x = 0; x < out.cols; ++x)
            out.at<cv::Vec3b>(y, x) = cv::Vec3b::all(cv::saturate_cast<uchar>(v + rng.gaussian(2)));
    return out;
}

double wallLightness(const CheckResult& r) {
    return readingOf(r, "wall_lightness");
}

// Seed §10.1: a clean white wall. A dark wall, however smooth, warns (dark hair cannot be told
// from it); a grey wall as dim as a studio's canvas passes.
TEST(BackdropSurvey, ADarkWallWarnsAndAGreyOnePasses) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const double warn = checks::CheckConfig::shipped()
                            .thresholds("background_uniform")
                            .number("warn_wall_lightness");
    const CheckResult grey = runOne(composite(*c, plainWall(*c, 100)), "background_uniform");
    EXPECT_EQ(grey.status, CheckStatus::kPass) << grey.message_en;
    EXPECT_GT(wallLightness(grey), warn) << grey.message_en;  // about 42 L*
    const CheckResult dark = runOne(composite(*c, plainWall(*c, 40)), "background_uniform");
    EXPECT_EQ(dark.status, CheckStatus::kWarn) << dark.message_en;
    EXPECT_LT(wallLightness(dark), warn) << dark.message_en;  // about 17 L*
    EXPECT_EQ(dark.value.value("cause", ""), "dark_wall") << dark.value.dump();
    EXPECT_NE(dark.message_zh.find("暗"), std::string::npos) << dark.message_zh;
    EXPECT_NE(dark.message_en.find("wall lightness"), std::string::npos) << dark.message_en;
}

// A capture a little dark (0.85 and 0.7 of every grey level, as an under-exposure) of a student
// with black hair on a grey canvas (congress_G000600): the hair goes near-black, its texture
// crushed, smooth and as neutral as the wall, darker than it; a shadow keeps some of the wall's
// light (ambient, bounced), near-black hair does not, so it is no shadow. A real shadow on a grey
// wall still is one.
TEST(BackdropSurvey, BlackHairInADarkCaptureOnAGreyCanvasIsNoShadow) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const double warn =
        checks::CheckConfig::shipped().thresholds("background_uniform").number("warn_shadow");
    const cv::Mat photo = loadImage(data / "portraits" / "congress_G000600.jpg");
    for (const double exposure : {1.0, 0.85, 0.7}) {
        SCOPED_TRACE(exposure);
        cv::Mat dark;
        photo.convertTo(dark, -1, exposure);
        const CheckResult r = runOne(dark, "background_uniform");
        EXPECT_GE(shadowArea(r), 0.0) << r.message_en;  // judged
        EXPECT_LT(shadowArea(r), warn / 2) << r.message_en;
        EXPECT_NE(r.value.value("cause", ""), "shadow") << r.value.dump();
    }
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const CheckResult shadow = runOne(
        composite(*c, withShadow(*c, plainWall(*c, 110), 0.35, 0.1, 0.08)), "background_uniform");
    EXPECT_NE(shadow.status, CheckStatus::kPass) << shadow.message_en;
    EXPECT_EQ(shadow.value.value("cause", ""), "shadow") << shadow.value.dump();
}

// Grey hair on a white wall is the wall's colour and darker too, but hair has texture: the
// shadow measure must not read it as shadow. Portraits with full hair, the hair (the person above
// the chin outside the face and forehead) turned neutral grey keeping its own light and texture,
// over a white wall.
TEST(BackdropSurvey, GreyHairOnAWhiteWallIsNoShadow) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const double warn =
        checks::CheckConfig::shipped().thresholds("background_uniform").number("warn_shadow");
    for (const char* file :
         {"congress_D000594.jpg", "congress_K000400.jpg", "congress_G000600.jpg"}) {
        SCOPED_TRACE(file);
        CutOut c;
        c.image = loadImage(data / "portraits" / file);
        const auto faces = FaceLocator::shared()->locate(c.image);
        ASSERT_EQ(faces.size(), 1u);
        c.face = faces.front();
        c.alpha = BackdropMatte::extract(c.image, c.face, cv::Mat{}).alpha;
        const auto& p = c.face.points;
        const float fw = c.face.faceWidth;
        std::vector<cv::Point> pts, hull;
        for (const auto& q : p) pts.emplace_back(cvRound(q.x), cvRound(q.y));
        cv::convexHull(pts, hull);
        cv::Mat face = cv::Mat::zeros(c.image.size(), CV_8U);
        cv::fillConvexPoly(face, hull, 255);
        const cv::Point2f brows = (p[19] + p[24]) * 0.5f;
        cv::ellipse(face, cv::Point(cvRound(brows.x), cvRound(brows.y)),
                    cv::Size(cvRound(0.45 * fw), cvRound(0.3 * fw)), 0, 180, 360, 255, cv::FILLED);
        cv::dilate(face, face, cv::Mat(), cv::Point(-1, -1), cvRound(0.04 * fw));
        cv::Mat lab;
        c.image.convertTo(lab, CV_32FC3, 1.0 / 255);
        cv::cvtColor(lab, lab, cv::COLOR_BGR2Lab);
        int hair = 0;
        for (int y = 0; y < std::min(lab.rows, cvRound(c.face.chin.y)); ++y)
            for (int x = 0; x < lab.cols; ++x) {
                if (c.alpha.at<float>(y, x) < 0.5f || face.at<uchar>(y, x)) continue;
                cv::Vec3f& l = lab.at<cv::Vec3f>(y, x);
                l = cv::Vec3f(std::clamp(l[0] * 0.6f + 40.0f, 0.0f, 100.0f), 0, 0);
                ++hair;
            }
        ASSERT_GT(hair, int(0.1 * fw * fw));
        cv::cvtColor(lab, lab, cv::COLOR_Lab2BGR);
        lab.convertTo(c.image, CV_8UC3, 255);
        const cv::Mat white(c.image.size(), CV_8UC3, cv::Scalar(255, 255, 255));
        const CheckResult r = runOne(composite(c, white), "background_uniform");
        EXPECT_GE(shadowArea(r), 0.0) << r.message_en;
        EXPECT_LT(shadowArea(r), warn) << r.message_en;
    }
}

TEST(BackdropSurvey, DefocusedFoliageIsFlagged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const CheckResult r = runOne(composite(*c, foliage(*c)), "background_uniform");
    EXPECT_NE(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_NE(r.status, CheckStatus::kUnknown) << r.message_en;
    EXPECT_GE(blotchShare(r), 0.2) << r.message_en;
}

// The matte fuses the field with the person (far from the white sky, touching the torso): the
// cells see only the sky, the person's outline reaching the sides near the shoulders gives it
// away.
TEST(BackdropSurvey, ABlownOutSkyOverAFieldIsFlagged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const CheckResult r = runOne(composite(*c, skyOverField(*c)), "background_uniform");
    EXPECT_NE(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_NE(r.status, CheckStatus::kUnknown) << r.message_en;
    ASSERT_TRUE(r.value.contains("side_reach")) << r.message_en;
    EXPECT_LT(r.value["side_reach"].get<double>(), 0.8) << r.message_en;
}

// A tight crop: the shoulders fill the capture's width, as in a studio head-and-shoulders
// photo. The capture's own edges are not the scene's, also when the capture is larger than the
// working copy (a working pixel then spans several of the capture's).
TEST(BackdropSurvey, ShouldersReachingTheCapturesEdgesPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CutOut* c = person();
    ASSERT_NE(c, nullptr) << "no face in congress_E000296.jpg";
    const cv::Mat wide = composite(*c, studioGradient(*c));
    const double fw = c->face.faceWidth, cx = c->face.faceCenterX();
    const cv::Rect tight = cv::Rect(cvRound(cx - 1.1 * fw), 0, cvRound(2.2 * fw), wide.rows) &
                           cv::Rect(0, 0, wide.cols, wide.rows);
    for (const double enlarge : {1.0, 4.0}) {
        cv::Mat capture;
        cv::resize(wide(tight), capture, cv::Size(), enlarge, enlarge, cv::INTER_CUBIC);
        const CheckResult r = runOne(capture, "background_uniform");
        SCOPED_TRACE("enlarged " + std::to_string(enlarge));
        EXPECT_EQ(r.status, CheckStatus::kPass) << r.message_en;
        EXPECT_FALSE(r.value.contains("side_reach")) << r.message_en;
    }
}

}  // namespace
}  // namespace gradphoto::test
