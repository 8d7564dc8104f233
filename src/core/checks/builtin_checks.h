#pragma once

// The built-in checks, grouped by what they look at. Each group adds its checks to the registry.

#include <cstdio>
#include <string>

#include "gradphoto/checks/compliance_check.h"

namespace gradphoto::checks {

void addFaceGeometryChecks(CheckRegistry& registry);  // face_count, face_size, head_*
void addExpressionChecks(CheckRegistry& registry);    // eyes_open, mouth_closed
void addLightChecks(
    CheckRegistry& registry);  // face_lighting, exposure, sharpness, red_eye, retouching
void addSceneChecks(CheckRegistry& registry);  // shoulders_level, background_uniform, clothing
void addCoverChecks(
    CheckRegistry& registry);  // glasses_*, hair_covers_features, headwear, jewellery

// Shared measures.
// Mean of a single-channel image over rect, optionally only where mask != 0; NaN when empty.
double meanIn(const cv::Mat& channel, const cv::Rect& rect, const cv::Mat& mask = {});
// The L (0..100) of work Lab as an 8-bit-free float image.
cv::Mat labChannel(const CheckSession& session, int channel);
// The `unknown` of a check that cannot judge without the person's matte, with the matte's problem.
CheckResult withoutPersonMatte(const std::string& id, const CheckSession& session);

// Registers class T under T{}.id().
template <class T>
void registerCheck(CheckRegistry& registry) {
    registry.add(T{}.id(), [] { return std::make_unique<T>(); });
}

// Shared by the check files: the "no face" texts and a number with fixed decimals.
inline constexpr const char* kNoFaceZh = "未检测到人脸";
inline constexpr const char* kNoFaceEn = "no face found";

inline std::string fixed(double v, int decimals = 1) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace gradphoto::checks
