#pragma once

// The ranges a standardized photo is cropped to land inside: the preset's face width, head top and
// eye line, each narrowed by a small margin for the noise of measuring the result again. The crop
// plan aims inside them, and face_size judges a capture's room against the same ranges.

#include "gradphoto/imaging/preset.h"

namespace gradphoto {

struct CropRanges {
    Range faceWidth;  // px in the photo
    Range headTop;    // px from the photo's top edge to the top of the head
    Range eyeLine;    // px from the photo's top edge to the eye line
};

CropRanges cropRanges(const Preset& preset);

}  // namespace gradphoto
