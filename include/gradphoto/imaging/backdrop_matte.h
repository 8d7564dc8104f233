#pragma once

#include <opencv2/core.hpp>
#include <optional>

#include "gradphoto/imaging/face_locator.h"

namespace gradphoto {

// The person cut from the backdrop with a soft edge.
struct Matte {
    cv::Mat alpha;       // CV_32F in [0,1], 1 = person
    cv::Mat foreground;  // CV_32FC3 BGR in [0,255]: the person's colours with the old wall removed
    cv::Mat backdrop;    // CV_32FC3 BGR: the modelled (or plate) backdrop behind the person
    double backdropResidual = 0;  // RMS distance of the visible backdrop from its smooth model
    double clutter = 0;           // share of the visible backdrop that does not fit the model
    double overreach = 0;         // person area beyond a plausible head and shoulders, relative
};

// Separates the person from a plain, smooth backdrop (a light wall, a studio gradient):
// a smooth backdrop model fitted to the borders (or the empty-booth plate), a GrabCut seeded with
// the face and torso priors, the component that holds the face with its holes filled, then a
// known-backdrop alpha estimate in a band around the edge, smoothed by a guided filter.
class BackdropMatte {
  public:
    struct Options {
        double clutterLimit = 0.08;  // share of backdrop pixels that may misfit before refusing
    };

    // image: 8-bit BGR; face: in image coordinates; plate: the empty backdrop, same size, or empty.
    static Matte extract(const cv::Mat& image, const FaceLandmarks& face, const cv::Mat& plate,
                         const Options& options);
    static Matte extract(const cv::Mat& image, const FaceLandmarks& face, const cv::Mat& plate) {
        return extract(image, face, plate, Options{});
    }
};

// The top of the person's head (the hair's top) in a matte: the topmost row where the person
// covers a twelfth of the columns within 0.3 face widths of the face centre; -1 when none does.
int headTopRow(const cv::Mat& alpha, double centerX, double faceWidth);

}  // namespace gradphoto
