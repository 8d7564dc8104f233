#include "gradphoto/flow/live_guidance.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gradphoto::flow {
namespace {

using Hint = LiveGuidance::Hint;

// A level face of the given width centred at (cx, eyeY) in frame pixels.
FaceLandmarks face(float cx, float eyeY, float width) {
    FaceLandmarks f;
    f.box = cv::Rect2f(cx - width / 2, eyeY - width * 0.4f, width, width * 1.1f);
    f.points.fill(cv::Point2f(cx, eyeY));
    f.points[0] = cv::Point2f(cx - width / 2, eyeY + 10);
    f.points[16] = cv::Point2f(cx + width / 2, eyeY + 10);
    f.leftEye = cv::Point2f(cx - width * 0.2f, eyeY);
    f.rightEye = cv::Point2f(cx + width * 0.2f, eyeY);
    f.faceWidth = width;
    return f;
}

bool has(const LiveGuidance& g, Hint h) {
    return std::find(g.hints.begin(), g.hints.end(), h) != g.hints.end();
}

const cv::Mat kFrame(720, 960, CV_8UC3, cv::Scalar(160, 160, 160));

TEST(LiveGuidanceTest, NoFace) {
    const auto g = assessFrame(kFrame, {});
    EXPECT_TRUE(has(g, Hint::kNoFace));
    EXPECT_FALSE(g.ready);
}

TEST(LiveGuidanceTest, WellPlacedFaceIsReady) {
    const auto g = assessFrame(kFrame, {face(480, 300, 250)});
    EXPECT_TRUE(g.ready) << g.hints.size();
    ASSERT_TRUE(g.face);
}

TEST(LiveGuidanceTest, DistanceAndPlacement) {
    EXPECT_TRUE(has(assessFrame(kFrame, {face(480, 300, 60)}), Hint::kComeCloser));
    EXPECT_TRUE(has(assessFrame(kFrame, {face(480, 300, 700)}), Hint::kStepBack));
    EXPECT_TRUE(has(assessFrame(kFrame, {face(700, 300, 250)}), Hint::kMoveLeft));
    EXPECT_TRUE(has(assessFrame(kFrame, {face(250, 300, 250)}), Hint::kMoveRight));
    EXPECT_TRUE(has(assessFrame(kFrame, {face(480, 80, 250)}), Hint::kCameraLower));
    EXPECT_TRUE(has(assessFrame(kFrame, {face(480, 600, 250)}), Hint::kCameraHigher));
}

TEST(LiveGuidanceTest, TwoPeople) {
    EXPECT_TRUE(
        has(assessFrame(kFrame, {face(480, 300, 250), face(200, 300, 220)}), Hint::kManyFaces));
}

TEST(LiveGuidanceTest, Light) {
    cv::Mat dark(720, 960, CV_8UC3, cv::Scalar(20, 20, 20));
    EXPECT_TRUE(has(assessFrame(dark, {face(480, 300, 250)}), Hint::kTooDark));
    cv::Mat halfLit = kFrame.clone();
    halfLit(cv::Rect(480, 0, 480, 720)).setTo(cv::Scalar(60, 60, 60));
    EXPECT_TRUE(has(assessFrame(halfLit, {face(480, 300, 250)}), Hint::kUnevenLight));
}

}  // namespace
}  // namespace gradphoto::flow
