// The checks whose correction has a direction say which in their value, so that the kiosk can
// word the advice without reading the English text: exposure "too" dark/bright, face_size "too"
// far/near, sharpness "cause" blur/noise. Generated frames without a face (exposure's frame
// rule), and a real portrait made far, near, dark, bright, blurred and noisy.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "check_runner.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

std::string field(const CheckResult& r, const char* key) {
    if (!r.value.is_object() || !r.value.contains(key) || !r.value[key].is_string()) return "";
    return r.value[key].get<std::string>();
}

bool flagged(const CheckResult& r) {
    return r.status == CheckStatus::kWarn || r.status == CheckStatus::kFail;
}

TEST(CorrectionDirection, ExposureOfAFrameWithoutAFace) {
    // Blown out: 40% of the frame at white, the rest mid-grey, so the mean is middling (100).
    cv::Mat blown(720, 1280, CV_8UC3, cv::Scalar(30, 30, 30));
    blown(cv::Rect(0, 0, 512, 720)).setTo(cv::Scalar(255, 255, 255));
    const CheckResult bright = runOne(blown, "exposure");
    ASSERT_EQ(bright.status, CheckStatus::kFail) << bright.message_en;
    EXPECT_EQ(field(bright, "too"), "bright") << bright.value.dump();

    const CheckResult dark = runOne(cv::Mat(720, 1280, CV_8UC3, cv::Scalar(4, 4, 4)), "exposure");
    ASSERT_EQ(dark.status, CheckStatus::kFail) << dark.message_en;
    EXPECT_EQ(field(dark, "too"), "dark") << dark.value.dump();
}

class PortraitDirections : public ::testing::Test {
  protected:
    void SetUp() override {
        GRADPHOTO_REQUIRE_TESTDATA(data);
        portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    }
    cv::Mat portrait;
};

TEST_F(PortraitDirections, ExposureSaysDarkOrBright) {
    cv::Mat dark, bright;
    portrait.convertTo(dark, -1, 0.25, 0);
    portrait.convertTo(bright, -1, 1.0, 110);  // saturates the face's highlights
    const CheckResult d = runOne(dark, "exposure"), b = runOne(bright, "exposure");
    ASSERT_TRUE(flagged(d)) << d.message_en;
    ASSERT_TRUE(flagged(b)) << b.message_en;
    EXPECT_EQ(field(d, "too"), "dark") << d.value.dump();
    EXPECT_EQ(field(b, "too"), "bright") << b.value.dump();
    EXPECT_EQ(field(runOne(portrait, "exposure"), "too"), "");
}

TEST_F(PortraitDirections, FaceSizeSaysFarOrNear) {
    // Far: the portrait shrunk to a small part of a large grey frame.
    cv::Mat small, far(800, 1000, CV_8UC3, cv::Scalar(200, 200, 200));
    cv::resize(portrait, small, cv::Size(), 0.3, 0.3, cv::INTER_AREA);
    small.copyTo(far(cv::Rect(400, 300, small.cols, small.rows)));
    // Near: only the middle of the face, enlarged.
    const auto faces = FaceLocator::shared()->locate(portrait);
    ASSERT_EQ(faces.size(), 1u);
    const cv::Rect box = cv::Rect(faces.front().box) & cv::Rect(0, 0, portrait.cols, portrait.rows);
    cv::Mat near;
    cv::resize(portrait(box), near, cv::Size(), 2.0, 2.0);
    const CheckResult f = runOne(far, "face_size"), n = runOne(near, "face_size");
    ASSERT_TRUE(flagged(f)) << f.message_en;
    ASSERT_TRUE(flagged(n)) << n.message_en;
    EXPECT_EQ(field(f, "too"), "far") << f.value.dump();
    EXPECT_EQ(field(n, "too"), "near") << n.value.dump();
}

TEST_F(PortraitDirections, SharpnessSaysBlurOrNoise) {
    cv::Mat blurred, noisy, p16, noise16(portrait.size(), CV_16SC3);
    cv::GaussianBlur(portrait, blurred, cv::Size(), 6.0);
    cv::setRNGSeed(7);
    cv::randn(noise16, cv::Scalar::all(0), cv::Scalar::all(30));
    portrait.convertTo(p16, CV_16SC3);
    cv::Mat(p16 + noise16).convertTo(noisy, CV_8UC3);
    const CheckResult b = runOne(blurred, "sharpness"), n = runOne(noisy, "sharpness");
    ASSERT_TRUE(flagged(b)) << b.message_en;
    ASSERT_TRUE(flagged(n)) << n.message_en;
    EXPECT_EQ(field(b, "cause"), "blur") << b.value.dump();
    EXPECT_EQ(field(n, "cause"), "noise") << n.value.dump();
}

}  // namespace
}  // namespace gradphoto::test
