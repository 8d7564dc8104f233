#pragma once

#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/checks/compliance_check.h"
#include "gradphoto/imaging/backdrop_matte.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/report/report.h"

namespace gradphoto::checks {

// What the caller already knows, so nothing is computed twice.
struct AnalysisOptions {
    const Preset* preset = nullptr;  // null: the chsi-blue preset
    // Every face of the image (image coordinates, largest first) as FaceLocator::locate gives
    // them; nullopt: the analyzer detects them.
    std::optional<std::vector<FaceLandmarks>> faces;
    // A matte the caller made on a scaled crop of the image: matte pixel = image pixel * scale +
    // offset (the standardizer's work copy). Null: extracted when a check needs it.
    const Matte* matte = nullptr;
    double matteScale = 1;
    cv::Point2f matteOffset;
    // Only these ids (contract order kept); empty: every registered check.
    std::vector<std::string> only;
};

// Runs compliance checks on a capture. Reentrant: one analyzer may serve several threads.
class ComplianceAnalyzer {
  public:
    explicit ComplianceAnalyzer(std::shared_ptr<const FaceLocator> faces = FaceLocator::shared(),
                                const CheckConfig& config = CheckConfig::shipped());

    // Every check (or options.only) on one 8-bit BGR image, in contract order. Never throws for
    // image content: a check that cannot decide is `unknown` with its reason.
    std::vector<CheckResult> analyze(const cv::Mat& bgr, const AnalysisOptions& options = {}) const;

    const CheckConfig& config() const { return config_; }

  private:
    friend class LivePreviewAnalyzer;
    std::vector<CheckResult> analyzeBgr(const cv::Mat& bgr, const std::vector<std::string>& ids,
                                        const AnalysisOptions& options) const;
    std::vector<CheckResult> run(const CheckSession& session,
                                 const std::vector<std::string>& ids) const;
    std::shared_ptr<const FaceLocator> faces_;
    const CheckConfig& config_;
};

// The fast subset for live preview frames (face_count, face_size, head_roll, head_yaw,
// head_pitch, eyes_open, face_lighting, exposure, sharpness). Detects on the whole frame at a
// small size (live_detection_side); when that misses, searches at full resolution around the
// previous frame's face for up to live_roi_frames frames (small or blurred faces). Between
// detections the face is tracked: the 68 landmarks are fitted in the box the previous frame's
// landmarks imply, no detection, while the fit stays plausible (see trackFace); a full detection
// runs every live_track_frames frames, on a new frame size and whenever the fit fails. The working
// copy holds the face only and no matte is made. One instance per camera stream (not thread-safe;
// copyable, the copy goes on from the same state).
class LivePreviewAnalyzer {
  public:
    explicit LivePreviewAnalyzer(std::shared_ptr<const FaceLocator> faces = FaceLocator::shared(),
                                 const CheckConfig& config = CheckConfig::shipped());

    // stillScale: the still's width / the preview's width (face_size is judged for the still).
    std::vector<CheckResult> analyzeFrame(const cv::Mat& bgr, double stillScale = 1.0);
    void reset();
    std::optional<FaceLandmarks> lastFace() const { return previous_; }
    // True when the last frame's face was tracked from the frame before, not detected.
    bool lastFaceTracked() const { return lastTracked_; }

  private:
    std::vector<FaceLandmarks> findFaces(const cv::Mat& bgr);
    std::vector<FaceLandmarks> detectFaces(const cv::Mat& bgr);
    std::optional<FaceLandmarks> trackFace(const cv::Mat& bgr) const;
    void keepForTracking(const cv::Mat& bgr, const FaceLandmarks& face);
    std::vector<CheckResult> analyzeBgrFrame(const cv::Mat& bgr,
                                             const std::vector<std::string>& ids,
                                             double stillScale);
    ComplianceAnalyzer analyzer_;
    Preset preset_;
    std::optional<FaceLandmarks> previous_;
    int framesSinceFull_ = 0;  // frames since the small-size detection last found the face
    int trackedFrames_ = 0;    // frames tracked since the last detection
    bool lastTracked_ = false;
    cv::Size frameSize_;      // of the last detection
    cv::Vec4f boxFromShape_;  // detector box in units of the landmarks' bounding box
    cv::Mat keyPatch_;        // the face, aligned on the eyes, at the last detection
};

}  // namespace gradphoto::checks
