#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

namespace gradphoto {

// One face found in an image, in that image's pixel coordinates.
struct FaceLandmarks {
    cv::Rect2f box;                      // the detector's box
    std::array<cv::Point2f, 68> points;  // iBUG 300-W 68-point layout (dlib)
    cv::Point2f leftEye;                 // centre of the eye on the image's left
    cv::Point2f rightEye;                // centre of the eye on the image's right
    cv::Point2f chin;                    // point 8
    float faceWidth = 0;                 // jaw point 0 to 16 (cheek to cheek at ear height)
    float detectionScore = 0;

    cv::Point2f eyeMidpoint() const { return (leftEye + rightEye) * 0.5f; }
    float eyeLineY() const { return (leftEye.y + rightEye.y) * 0.5f; }
    float faceCenterX() const { return (points[0].x + points[16].x) * 0.5f; }
    double rollDegrees() const;  // angle of the eye line, positive when the right eye is lower
    FaceLandmarks scaled(double factor, cv::Point2f offset = {}) const;  // p * factor + offset
};

// Finds faces and their landmarks with dlib's HOG frontal detector and the 68-point shape model
// (Debian's libdlib-data). Detection runs on a downscaled copy and maps back. Thread-safe: each
// call uses its own detector state. Loading the model takes about a second: share one instance.
class FaceLocator {
  public:
    explicit FaceLocator(const std::filesystem::path& modelFile);
    ~FaceLocator();
    FaceLocator(const FaceLocator&) = delete;
    FaceLocator& operator=(const FaceLocator&) = delete;

    // The process-wide instance with the default model (landmarkModelPath()).
    static std::shared_ptr<const FaceLocator> shared();

    // Every face in an 8-bit BGR image, largest first. detectionMaxSide bounds the downscaled copy.
    std::vector<FaceLandmarks> locate(const cv::Mat& bgr, int detectionMaxSide = 800) const;

    // Every face in an 8-bit BGR image, largest first, detected on a copy scaled by
    // detectionScale (up or down, no further upsampling): to search a region where a face of a
    // known size is expected at the size the detector finds cheaply. Landmarks at full resolution.
    std::vector<FaceLandmarks> locateAtScale(const cv::Mat& bgr, double detectionScale) const;

    // The 68 landmarks fitted in a face box of an 8-bit BGR image, without detection (to follow a
    // face found earlier: the box its previous landmarks imply). The shape model always answers,
    // even where there is no face: the caller judges the fit. box = the given box (clipped to the
    // image), detectionScore 0.
    FaceLandmarks fitLandmarks(const cv::Mat& bgr, const cv::Rect2f& box) const;

  private:
    // Detection on input (grey scaled by scale from the full-resolution grey), landmarks on grey.
    std::vector<FaceLandmarks> detect(const cv::Mat& grey, const cv::Mat& input,
                                      double scale) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gradphoto
