#pragma once

#include <filesystem>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "gradphoto/imaging/face_locator.h"

namespace gradphoto::flow {

// Limits of the live guidance (resources/kiosk/guidance.json), as fractions of the preview frame.
struct GuidanceLimits {
    double minFaceWidth = 0.12;     // face width / frame width below this: come closer
    double maxFaceWidth = 0.6;      // above this: step back
    double maxCentreOffset = 0.10;  // face centre from the frame centre / frame width
    double minEyeLine = 0.22;       // eye line / frame height above this: camera too low
    double maxEyeLine = 0.62;       // below this: camera too high
    double maxRollDegrees = 8;
    double maxLightImbalance = 0.22;  // |left - right| / mean brightness of the face halves
    double minFaceBrightness = 60;    // 0-255

    // Missing keys keep their defaults; a malformed file throws Error(kInput).
    static GuidanceLimits load(const std::filesystem::path& file);
};

// What the live view tells the student and the operator. The hints are ordered, most important
// first; ready is true when there are none.
struct LiveGuidance {
    enum class Hint {
        kNoFace,
        kManyFaces,
        kComeCloser,
        kStepBack,
        kMoveLeft,
        kMoveRight,
        kCameraLower,
        kCameraHigher,
        kHeadLevel,
        kUnevenLight,
        kTooDark
    };
    std::vector<Hint> hints;
    std::optional<cv::Rect2f> face;  // in frame pixels
    bool ready = false;
};

// The fast subset of the checks, for a preview frame: from the faces found in it (largest first)
// and the frame itself for the light on the face. "Move left/right" is from the student's view.
LiveGuidance assessFrame(const cv::Mat& frameBgr, const std::vector<FaceLandmarks>& faces,
                         const GuidanceLimits& limits = {});

}  // namespace gradphoto::flow
