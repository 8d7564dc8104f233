#pragma once

// Deterministic defect variants of a portrait with known truth (issue 3, "Evaluation"): the
// generator behind tests/checks and scripts/check-accuracy.

#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "gradphoto/imaging/face_locator.h"

namespace gradphoto::test {

struct Variant {
    std::string name;    // e.g. "roll+8"
    std::string check;   // the check that must catch it
    std::string expect;  // "flag" (warn or fail) or "fail"
    cv::Mat image;
};

// A copy of bgr scaled down (never up) so the face is about faceWidth px wide, with the face
// mapped accordingly.
cv::Mat normalisedBase(const cv::Mat& bgr, const FaceLandmarks& face, FaceLandmarks& scaledFace,
                       double faceWidth = 220);

// A corpus portrait scaled as the accuracy report scales it (normalisedBase), with its landmarks;
// base is empty unless the file shows exactly one face.
struct VariantBase {
    cv::Mat base;
    FaceLandmarks face;
};
VariantBase variantBase(const std::filesystem::path& file);

// The named variant of p (makeVariants); empty when there is no such variant.
cv::Mat variantImage(const VariantBase& p, const std::string& name);

// Variants measured in the accuracy report but not required by the unit tests: the pitch
// variants (chin_up/down), rendered in 3D from generic landmark depths, are caught on about 90% of
// the portraits - a base that already leans the other way (its own mild pitch or the camera's
// height) ends near upright after a 20-degree nod (docs/checks-accuracy.md) - so they are tested
// per portrait in head_pose_test.cpp instead. Plain sensor noise (sigma 14, no compression) is
// missed on faces whose own skin texture reads as noisy as the grain (the report says which).
bool measuredOnly(const std::string& variantName);

// Every variant of base (already normalised). Names: roll±4/8/12, half_dark, blur, under, over,
// blue_clothing, second_face, noise, jpeg_heavy, noise_jpeg, chin_up, chin_down, eyes_closed,
// red_eye, glare, tint_dark, tint_light, retouched.
std::vector<Variant> makeVariants(const cv::Mat& base, const FaceLandmarks& face);

// Only the variants whose names are listed.
std::vector<Variant> makeVariants(const cv::Mat& base, const FaceLandmarks& face,
                                  const std::vector<std::string>& names);

}  // namespace gradphoto::test
