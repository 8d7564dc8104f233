// The lighting check of the empty booth (checks::BoothLighting) on generated images.

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgproc.hpp>

#include "gradphoto/checks/booth_lighting.h"
#include "gradphoto/common/error.h"
#include "test_support.h"

namespace {

using gradphoto::checks::BoothLighting;
using gradphoto::checks::BoothLightingStatus;

// A blue backdrop like CHSI's (BGR), with a little sensor noise.
cv::Mat backdrop(int width = 960, int height = 720, cv::Scalar bgr = {190, 130, 60}) {
    cv::Mat image(height, width, CV_16SC3, bgr);
    cv::Mat noise(height, width, CV_16SC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(3));
    image += noise;
    cv::Mat out;
    image.convertTo(out, CV_8UC3);
    return out;
}

// Brightness scaled from `from` on one side to `to` on the other (horizontal or vertical).
cv::Mat graded(double from, double to, bool horizontal) {
    cv::Mat image = backdrop();
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x) {
            const double t =
                horizontal ? double(x) / (image.cols - 1) : double(y) / (image.rows - 1);
            const double gain = from + (to - from) * t;
            auto& p = image.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c) p[c] = cv::saturate_cast<uchar>(p[c] * gain);
        }
    return image;
}

BoothLighting shipped() {
    return BoothLighting::load();
}

TEST(BoothLighting, UniformBackdropPasses) {
    const auto report = shipped().assess(backdrop());
    EXPECT_TRUE(report.pass()) << report.summaryEn();
    EXPECT_EQ(report.items.size(), 5u);
    EXPECT_LT(report.item("backdrop_spread")->value, 3.0);
    EXPECT_LT(std::abs(report.item("gradient_lr")->value), 1.0);
    EXPECT_EQ(report.summaryZh(), "灯光良好：背景均匀，曝光正常");
}

TEST(BoothLighting, LeftRightGradientWarnsAndSaysWhichSide) {
    const auto report = shipped().assess(graded(1.25, 0.7, true));
    EXPECT_FALSE(report.pass());
    const auto* lr = report.item("gradient_lr");
    ASSERT_NE(lr, nullptr);
    EXPECT_EQ(lr->status, BoothLightingStatus::kWarn);
    EXPECT_GT(lr->value, 0);  // left brighter
    EXPECT_NE(lr->message_zh.find("左侧比右侧亮"), std::string::npos) << lr->message_zh;
    EXPECT_EQ(report.item("gradient_tb")->status, BoothLightingStatus::kPass);
    EXPECT_EQ(report.item("backdrop_spread")->status, BoothLightingStatus::kWarn);
}

TEST(BoothLighting, BottomBrighterWarnsOnTopBottom) {
    const auto report = shipped().assess(graded(0.7, 1.25, false));
    const auto* tb = report.item("gradient_tb");
    EXPECT_EQ(tb->status, BoothLightingStatus::kWarn);
    EXPECT_LT(tb->value, 0);
    EXPECT_NE(tb->message_zh.find("下方比上方亮"), std::string::npos);
    EXPECT_EQ(report.item("gradient_lr")->status, BoothLightingStatus::kPass);
}

TEST(BoothLighting, ShadowPatchMakesTheBackdropUneven) {
    cv::Mat image = backdrop();
    cv::rectangle(image, cv::Rect(360, 270, 240, 180), cv::Scalar(95, 65, 30), cv::FILLED);
    const auto report = shipped().assess(image);
    EXPECT_EQ(report.item("backdrop_spread")->status, BoothLightingStatus::kWarn);
    EXPECT_EQ(report.item("gradient_lr")->status, BoothLightingStatus::kPass);
}

TEST(BoothLighting, DarkBoothWarnsOnExposure) {
    const auto report = shipped().assess(backdrop(960, 720, {40, 28, 14}));
    const auto* exposure = report.item("exposure");
    EXPECT_EQ(exposure->status, BoothLightingStatus::kWarn);
    EXPECT_NE(exposure->message_zh.find("太暗"), std::string::npos);
}

TEST(BoothLighting, BlownOutBoothWarnsOnClipping) {
    cv::Mat image = backdrop(960, 720, {250, 250, 250});
    image(cv::Rect(0, 0, 480, 720)).setTo(cv::Scalar::all(255));
    const auto report = shipped().assess(image);
    const auto* clipped = report.item("clipped");
    EXPECT_EQ(clipped->status, BoothLightingStatus::kWarn);
    EXPECT_GT(clipped->value, 0.4);
    EXPECT_NE(clipped->message_zh.find("过曝"), std::string::npos);
}

TEST(BoothLighting, GreyImagesAreAcceptedAndBadInputRefused) {
    cv::Mat grey(480, 640, CV_8UC1, cv::Scalar(150));
    EXPECT_TRUE(shipped().assess(grey).pass());
    EXPECT_THROW(shipped().assess(cv::Mat()), gradphoto::Error);
    EXPECT_THROW(shipped().assess(cv::Mat(10, 10, CV_32FC3)), gradphoto::Error);
    // A tiny image (fewer pixels than grid blocks) still gives an answer.
    EXPECT_NO_THROW(shipped().assess(cv::Mat(3, 3, CV_8UC3, cv::Scalar(120, 120, 120))));
}

TEST(BoothLighting, LimitsComeFromTheDataFile) {
    gradphoto::test::ScratchDir dir("booth-lighting");
    const auto file = dir / "limits.json";
    std::ofstream(file) << R"({"grid_columns": 4, "grid_rows": 3, "gradient_l_warn": 0.5})";
    const auto lighting = BoothLighting::load(file);
    EXPECT_EQ(lighting.limits().gridColumns, 4);
    EXPECT_DOUBLE_EQ(lighting.limits().gradientLWarn, 0.5);
    // A gentle gradient the shipped limits accept is a warning under the strict file.
    const cv::Mat gentle = graded(1.03, 0.97, true);
    EXPECT_EQ(shipped().assess(gentle).item("gradient_lr")->status, BoothLightingStatus::kPass);
    EXPECT_EQ(lighting.assess(gentle).item("gradient_lr")->status, BoothLightingStatus::kWarn);

    std::ofstream(dir / "bad.json") << "[1, 2";
    EXPECT_THROW(BoothLighting::load(dir / "bad.json"), gradphoto::Error);
    std::ofstream(dir / "grid.json") << R"({"grid_columns": 1})";
    EXPECT_THROW(BoothLighting::load(dir / "grid.json"), gradphoto::Error);
    EXPECT_THROW(BoothLighting::load(dir / "absent.json"), gradphoto::Error);
}

}  // namespace
