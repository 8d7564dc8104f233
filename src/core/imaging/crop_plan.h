#pragma once

// Internal to the imaging module: where to crop and how far to scale so that the head top, the
// eye line and the face width all fall inside the preset's ranges. Scale and crop only.

#include <optional>
#include <string>

#include "gradphoto/imaging/preset.h"

namespace gradphoto::imaging {

struct HeadMeasure {
    double headTopY;   // top of the hair, image px
    double eyeLineY;   // image px
    double faceWidth;  // image px
    double centerX;    // image px
};

struct CropPlan {
    double scale;  // output px per image px
    double x0;     // crop origin in image px
    double y0;
    double width() const;  // crop size in image px (set by the preset)
    double height() const;
    double outWidth = 0, outHeight = 0;
};

// nullopt when no scale satisfies both the face width and the eye-to-head-top ranges.
std::optional<CropPlan> planCrop(const HeadMeasure& head, const Preset& preset);

}  // namespace gradphoto::imaging
