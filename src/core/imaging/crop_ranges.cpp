#include "gradphoto/imaging/crop_ranges.h"

namespace gradphoto {

CropRanges cropRanges(const Preset& preset) {
    return {{preset.faceWidth.min + 6, preset.faceWidth.max - 6},
            {preset.headTop.min + 3, preset.headTop.max - 3},
            {preset.eyeLine.min + 4, preset.eyeLine.max - 4}};
}

}  // namespace gradphoto
