#pragma once

// Internal to the imaging module: where to crop and how far to scale so that the head top, the
// eye line and the face width all fall inside the preset's ranges. Scale and crop only.

#include <optional>
#include <string>

#include "gradphoto/imaging/preset.h"

namespace gradphoto::imaging {

struct HeadMeasure {
    double headTopY;          // top of the hair, image px
    double eyeLineY;          // image px
    double faceWidth;         // image px
    double centerX;           // image px
    double maxBottomY = 1e9;  // the crop may not reach below this (the end of the capture)
    double minX = -1e9;       // nor beyond these where the person touches the capture's side
    double maxX = 1e9;
    double maxScale = 1e9;  // the largest enlargement allowed (output px per image px)
    double maxShiftPx = 6;  // output px the face may sit off centre to fit the sides
};

struct CropPlan {
    double scale;  // output px per image px
    double x0;     // crop origin in image px
    double y0;
    double width() const;  // crop size in image px (set by the preset)
    double height() const;
    double outWidth = 0, outHeight = 0;
};

// The plan closest to the middle of every range that keeps each measure inside its range (with a
// small margin for measuring noise) and the crop above maxBottomY. nullopt when none exists.
std::optional<CropPlan> planCrop(const HeadMeasure& head, const Preset& preset);

}  // namespace gradphoto::imaging
