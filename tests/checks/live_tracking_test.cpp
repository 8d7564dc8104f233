// The live preview tracks the face's landmarks between full detections: on real frames made from
// a corpus portrait (moving a few pixels a frame, then leaving, then joined by a second person)
// the tracked results match a fresh detection's, the face is gone within live_track_frames frames
// of leaving, and the second person is counted at the next full detection.

#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

using checks::LivePreviewAnalyzer;

// A portrait scaled to the frame's height, its left edge at x, on a light grey 1280x720 frame.
void paste(cv::Mat& frame, const cv::Mat& portrait, int x) {
    cv::Mat scaled;
    const double s = double(frame.rows) / portrait.rows;
    cv::resize(portrait, scaled, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Rect to =
        cv::Rect(x, 0, scaled.cols, scaled.rows) & cv::Rect(0, 0, frame.cols, frame.rows);
    scaled(cv::Rect(to.x - x, 0, to.width, to.height)).copyTo(frame(to));
}

cv::Mat blankFrame() {
    return cv::Mat(720, 1280, CV_8UC3, cv::Scalar(200, 198, 195));
}

const CheckResult& resultOf(const std::vector<CheckResult>& results, const std::string& id) {
    for (const auto& r : results)
        if (r.id == id) return r;
    throw std::runtime_error("no result for " + id);
}

// The measured number of a live check (degrees; face_size: the face's pixels).
double measure(const std::vector<CheckResult>& results, const std::string& id) {
    const nlohmann::json& v = resultOf(results, id).value;
    if (v.is_number()) return v.get<double>();
    if (id == "head_yaw") return v.at("yaw_deg").get<double>();
    if (id == "face_size") return v.at("face_px").get<double>();
    throw std::runtime_error("no number in " + id + ": " + v.dump());
}

int trackFrames() {
    return int(checks::CheckConfig::shipped().number("live_track_frames", 0));
}

TEST(LiveTracking, TrackedFramesMatchAFreshDetection) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    const int n = trackFrames();
    ASSERT_GE(n, 2) << "live_track_frames missing from checks.json";
    LivePreviewAnalyzer live;
    int tracked = 0;
    for (int i = 0; i < 2 * n + 1; ++i) {
        SCOPED_TRACE("frame " + std::to_string(i));
        cv::Mat frame = blankFrame();
        paste(frame, portrait, 300 + 3 * i);  // 3 px a frame to the right, 1 px up and down
        if (i % 2)
            cv::copyMakeBorder(frame(cv::Rect(0, 1, 1280, 719)), frame, 0, 1, 0, 0,
                               cv::BORDER_REPLICATE);
        const auto got = live.analyzeFrame(frame);
        ASSERT_TRUE(live.lastFace().has_value());
        // Every live_track_frames-th frame is detected in full; the others are tracked.
        EXPECT_EQ(live.lastFaceTracked(), i % n != 0);
        tracked += live.lastFaceTracked() ? 1 : 0;
        LivePreviewAnalyzer fresh;
        const auto want = fresh.analyzeFrame(frame);
        ASSERT_FALSE(fresh.lastFaceTracked());
        // Tolerances: a fresh detection on these frames, 3 px apart, itself spreads over 0.2
        // degrees of roll, 1.2 of pitch and 2.4 of yaw (solvePnP on the 68 points).
        EXPECT_NEAR(measure(got, "head_roll"), measure(want, "head_roll"), 1.0);
        EXPECT_NEAR(measure(got, "head_pitch"), measure(want, "head_pitch"), 2.5);
        EXPECT_NEAR(measure(got, "head_yaw"), measure(want, "head_yaw"), 4.5);
        EXPECT_NEAR(measure(got, "face_size"), measure(want, "face_size"),
                    0.03 * measure(want, "face_size"));
        EXPECT_EQ(resultOf(got, "face_count").status, resultOf(want, "face_count").status);
        EXPECT_EQ(resultOf(got, "eyes_open").status, resultOf(want, "eyes_open").status);
        // The tracked face sits where the detector puts it.
        const cv::Rect2f a = live.lastFace()->box, b = fresh.lastFace()->box;
        EXPECT_GT((a & b).area() / (a | b).area(), 0.8f);
    }
    EXPECT_EQ(tracked, 2 * (n - 1));
}

TEST(LiveTracking, AFaceThatLeavesAndASecondPersonAreSeen) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    const cv::Mat other = loadImage(data / "portraits" / "congress_K000391.jpg");
    const int n = trackFrames();
    ASSERT_GE(n, 2);
    LivePreviewAnalyzer live;
    auto withStudent = [&](int i) {
        cv::Mat frame = blankFrame();
        paste(frame, portrait, 40 + 2 * i);
        return frame;
    };
    for (int i = 0; i < 2; ++i) live.analyzeFrame(withStudent(i));
    ASSERT_TRUE(live.lastFaceTracked()) << "the second frame should be tracked";

    // The student leaves: the backdrop alone, or the backdrop with the portrait blurred past
    // recognition (a shoulder, hair) where the face was.
    for (const bool blurred : {false, true}) {
        SCOPED_TRACE(blurred ? "face blurred away" : "empty frame");
        live.reset();
        live.analyzeFrame(withStudent(0));
        live.analyzeFrame(withStudent(1));
        ASSERT_TRUE(live.lastFace().has_value());
        cv::Mat gone = withStudent(2);
        if (blurred)
            cv::GaussianBlur(gone, gone, cv::Size(), 40);
        else
            gone = blankFrame();
        int seenGone = -1;
        for (int i = 0; i < n && seenGone < 0; ++i) {
            const auto r = live.analyzeFrame(gone);
            if (!live.lastFace()) {
                seenGone = i;
                EXPECT_NE(resultOf(r, "face_count").status, CheckStatus::kPass);
            }
        }
        EXPECT_GE(seenGone, 0) << "still 'tracking' a face that left after " << n << " frames";
        // On the bare backdrop the fit fails at once; a face-shaped blur may pass the tracking
        // test until the next full detection.
        if (!blurred) {
            EXPECT_EQ(seenGone, 0) << "the fit on the empty place should fail at once";
        }
    }

    // The student is back, tracked; then a second person steps in beside them.
    live.reset();
    live.analyzeFrame(withStudent(0));
    ASSERT_TRUE(live.lastFace().has_value());
    const auto alone = live.analyzeFrame(withStudent(1));
    ASSERT_TRUE(live.lastFaceTracked());
    EXPECT_EQ(resultOf(alone, "face_count").status, CheckStatus::kPass);
    int counted = -1;
    bool countedOnDetection = false;
    for (int i = 0; i < n && counted < 0; ++i) {
        cv::Mat frame = withStudent(2 + i);
        paste(frame, other, 1280 - 560);
        const auto r = live.analyzeFrame(frame);
        if (resultOf(r, "face_count").status != CheckStatus::kPass) {
            counted = i;
            countedOnDetection = !live.lastFaceTracked();
        }
    }
    EXPECT_GE(counted, 0) << "the second person was not counted within " << n << " frames";
    EXPECT_TRUE(countedOnDetection);
    // Tracking kept the first face for the frames before the next full detection.
    EXPECT_LE(counted, n - 2);
}

// A 1280x720 frame with the portrait scaled so its face is faceWidth px wide, the face centred.
cv::Mat frameWithFace(const cv::Mat& portrait, const FaceLandmarks& face, double faceWidth) {
    cv::Mat frame = blankFrame(), scaled;
    const double s = faceWidth / face.faceWidth;
    cv::resize(portrait, scaled, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Point2f eyes = face.eyeMidpoint() * float(s);
    const cv::Matx23d m(1, 0, 640 - eyes.x, 0, 1, 300 - eyes.y);
    cv::warpAffine(scaled, frame, m, frame.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    return frame;
}

// The student steps back until the face is too small for the live_detection_side detection: the
// full detections find it again around where it was (live_search_face_px), for live_roi_frames
// frames, so the preview goes on guiding; a new analyzer (no face before) does not see it.
TEST(LiveTracking, ASmallFaceIsFoundAgainAroundWhereItWas) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    const auto faces = FaceLocator::shared()->locate(portrait);
    ASSERT_EQ(faces.size(), 1u);
    const auto& c = checks::CheckConfig::shipped();
    const cv::Mat small = frameWithFace(portrait, faces.front(), 110);
    ASSERT_TRUE(
        FaceLocator::shared()->locate(small, int(c.number("live_detection_side", 0))).empty())
        << "the small-size detection sees a 110 px face: this test no longer tests the search";

    // Four frames stepping back (240 px, the size the small detection still finds, to 123 px),
    // then two detection cycles, all within the live_roi_frames the search lasts.
    const int frames = 2 * trackFrames();
    ASSERT_LE(4 + frames, int(c.number("live_roi_frames", 0)));
    LivePreviewAnalyzer live;
    for (double w = 240; w > 110; w *= 0.8)
        live.analyzeFrame(frameWithFace(portrait, faces.front(), w));
    ASSERT_TRUE(live.lastFace().has_value());
    int detected = 0;
    for (int i = 0; i < frames; ++i) {
        const auto r = live.analyzeFrame(small);
        ASSERT_TRUE(live.lastFace().has_value()) << "lost the small face at frame " << i;
        EXPECT_EQ(resultOf(r, "face_count").status, CheckStatus::kPass);
        if (live.lastFaceTracked()) continue;
        EXPECT_NEAR(live.lastFace()->faceWidth, 110, 11) << "frame " << i;
        ++detected;
    }
    EXPECT_GE(detected, 2) << "no full detection ran: the search was not exercised";

    LivePreviewAnalyzer fresh;
    fresh.analyzeFrame(small);
    EXPECT_FALSE(fresh.lastFace().has_value());

    // A bigger step back in one frame: from 160 px (already followed by the search) to 110 px,
    // a third smaller than the box the search is scaled for.
    LivePreviewAnalyzer stepping;
    for (const double w : {240.0, 200.0, 160.0, 160.0})
        stepping.analyzeFrame(frameWithFace(portrait, faces.front(), w));
    ASSERT_TRUE(stepping.lastFace().has_value());
    ASSERT_NEAR(stepping.lastFace()->faceWidth, 160, 16);
    stepping.analyzeFrame(small);
    ASSERT_TRUE(stepping.lastFace().has_value()) << "lost the face that stepped back to 110 px";
    EXPECT_NEAR(stepping.lastFace()->faceWidth, 110, 11);
}

// Frames of every size and content, also in an order that hands tracking a face box from a frame
// of another size: analyzeFrame never throws and every check answers.
TEST(LiveTracking, NeverThrowsOnEdgeFrames) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat portrait = loadImage(data / "portraits" / "congress_L000582.jpg");
    const auto ids = checks::CheckConfig::shipped().liveIds();
    cv::Mat frame = blankFrame();
    paste(frame, portrait, 300);
    const cv::Mat frames[] = {
        frame,
        frame(cv::Rect(600, 0, 680, 720)),  // the face cut at the left edge
        frame(cv::Rect(0, 0, 1280, 200)),   // a strip above the eyes
        frame,
        cv::Mat(1, 1, CV_8UC3, cv::Scalar::all(255)),
        frame,
        cv::Mat(720, 1280, CV_8UC3, cv::Scalar::all(0)),
        frame,
        cv::Mat(3, 20000, CV_8UC3, cv::Scalar::all(128)),
        frame,
        cv::Mat(),
        frame,
        frame,
    };
    LivePreviewAnalyzer live;
    int i = 0;
    for (const cv::Mat& f : frames) {
        SCOPED_TRACE("frame " + std::to_string(i++));
        std::vector<CheckResult> results;
        EXPECT_NO_THROW(results = live.analyzeFrame(f, 2.0));
        ASSERT_EQ(results.size(), ids.size());
        for (const auto& r : results)
            EXPECT_EQ(r.message_en.find("cannot be analysed"), std::string::npos) << r.message_en;
    }
    // A face moved far out of the frame between two frames of the same size.
    live.reset();
    live.analyzeFrame(frame);
    cv::Mat away = blankFrame();
    paste(away, portrait, 1250);
    EXPECT_NO_THROW(live.analyzeFrame(away));
}

}  // namespace
}  // namespace gradphoto::test
