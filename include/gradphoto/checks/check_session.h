#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/imaging/backdrop_matte.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/preset.h"

namespace gradphoto::checks {

// Head orientation from cv::solvePnP on a generic 3D face model, in degrees. Yaw is positive when
// the face turns towards the image's right, pitch positive when the head is bowed (chin lowered:
// the nose tip, in front of the eye plane, moves down relative to the eyes). roll and noseDrop
// come from the 2D landmarks (headRollDegrees, noseDropBelowEars): a generic model's per-person
// bias is larger than the pitch cue it gives.
struct HeadPose {
    double yaw = 0;
    double pitch = 0;
    double roll = 0;
    double noseDrop = 0;
    bool valid = false;
};

// The head's tilt in degrees, positive when the image's right side is lower: the mean angle of
// four lines across the face (eye centres, outer eye corners, brows, jaw at the ears). The eye
// line alone follows a turned image only partly on some faces (the landmark model is drawn to
// an upright mean shape); the mean of lines that err independently is steadier.
double headRollDegrees(const FaceLandmarks& face);

// The pitch cue: how far the nose tip lies below the ears' height (jaw points 0, 1, 15, 16), in
// face widths, measured across the tilted face. The ears sit near the axis a head nods about,
// about 100 mm behind the nose tip, so a bowed head lowers the nose tip by about 0.3 face widths
// per radian and a raised chin lifts it. The landmark model lets the contour points at the ears
// slide along with the inner face (on the rendered 20-degree nods they move 0.08-0.10 face widths
// where the ears move 0.01), so a 20-degree nod reads about 0.13 face widths, not 0.22. Other
// landmark cues (nose tip between eye and mouth lines, ears against eyes, chin against ears, the
// solvePnP pitch) respond less against their spread across good photos (the best of all landmark
// pairs, upper lip against the jaw, about a third more, and it moves with a smile), and they read
// the same faces as raised or bowed (correlation 0.7-0.9): that spread is mostly the photos' real
// pitch or camera height, which no mix of them removes.
double noseDropBelowEars(const FaceLandmarks& face);

// Named areas of the normalised working image (CheckSession::work()), clipped to it. An empty
// rectangle means the area lies outside the capture.
struct FaceRegions {
    cv::Rect leftCheek, rightCheek;  // image left / image right
    cv::Rect leftEye, rightEye;      // the eye with some skin around it (the lens area)
    cv::Rect mouth;
    cv::Rect forehead;  // the band just above the eyebrows
    cv::Rect headTop;   // from the eyebrows up to one face width above them
    cv::Rect leftEar, rightEar;
    cv::Rect leftLobe, rightLobe;  // below the ears, where earrings hang
    cv::Rect neck;
    cv::Rect chest;                      // clothing
    std::vector<cv::Point> faceOutline;  // jaw + brows, the skin polygon
};

// Everything the checks read, computed once per image: the faces, the landmarks, the pose, a
// working copy normalised to a fixed face width, the regions and, on first use, the person's matte.
// Checks only read the session; none detects the face again.
class CheckSession {
  public:
    struct Inputs {
        const cv::Mat* image = nullptr;  // 8-bit BGR
        const Preset* preset = nullptr;
        std::vector<FaceLandmarks> faces;  // every face in image coordinates, largest first
        double workFaceWidth = 200;        // face width in the working copy, px
        bool withMatte = true;             // false: the live subset never needs the matte
        double stillScale = 1;             // the final still's width / this image's width
        bool faceOnly = false;  // the working copy holds the face only (live frames: faster)
        // A matte computed by the caller on a scaled crop of image: matteImage = image * scale +
        // offset. Used instead of extracting again.
        const Matte* matte = nullptr;
        double matteScale = 1;
        cv::Point2f matteOffset;
    };
    explicit CheckSession(const Inputs& inputs);

    const cv::Mat& image() const { return *image_; }
    const Preset& preset() const { return *preset_; }
    const std::vector<FaceLandmarks>& faces() const { return faces_; }
    bool hasFace() const { return !faces_.empty(); }
    const FaceLandmarks& face() const { return faces_.front(); }  // in image coordinates
    bool greyscale() const { return greyscale_; }
    double stillScale() const { return stillScale_; }

    // The working copy: a crop around head and shoulders scaled so the face is workFaceWidth wide.
    const cv::Mat& work() const { return work_; }
    const cv::Mat& workGrey() const { return workGrey_; }
    const cv::Mat& workLab() const { return workLab_; }  // CV_32FC3, L in 0..100
    const FaceLandmarks& workFace() const { return workFace_; }
    double workScale() const { return workScale_; }
    cv::Point2f workOffset() const { return workOffset_; }  // work = image * workScale + this
    const FaceRegions& regions() const { return regions_; }
    const HeadPose& pose() const { return pose_; }
    // Pixels of work() inside the face polygon (255) - the skin of the face.
    const cv::Mat& faceMask() const { return faceMask_; }

    // The person's matte over work(): computed on first use (the live subset never asks), or
    // empty with matteProblem() saying why.
    const cv::Mat& personAlpha() const;  // CV_32F in [0,1], work() size
    const Matte* matte() const;
    const std::string& matteProblem() const;

  private:
    void computePose();
    void computeRegions();
    void ensureMatte() const;

    const cv::Mat* image_;
    const Preset* preset_;
    std::vector<FaceLandmarks> faces_;
    bool greyscale_ = false;
    double stillScale_ = 1;
    cv::Mat work_, workGrey_, workLab_, faceMask_;
    FaceLandmarks workFace_;
    double workScale_ = 1;
    cv::Point2f workOffset_;  // work = image * workScale + workOffset
    FaceRegions regions_;
    HeadPose pose_;
    bool withMatte_ = true;
    const Matte* givenMatte_ = nullptr;
    double givenMatteScale_ = 1;
    cv::Point2f givenMatteOffset_;
    mutable bool matteTried_ = false;
    mutable std::optional<Matte> matte_;
    mutable cv::Mat alpha_;
    mutable std::string matteProblem_;
};

}  // namespace gradphoto::checks
