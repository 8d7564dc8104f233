#pragma once

// How large one printed copy of a standard photo is. A photo whose pixel size matches a preset
// (resources/presets) prints at that preset's physical size from papers.json (CHSI 33×48 mm,
// 一寸 25×35 mm, 二寸 35×49 mm); any other photo at its pixel size over its own dpi (300 when
// the file states none).

#include <string>

#include "gradphoto/layout/layout_settings.h"

namespace gradphoto::layout {

struct PrintSize {
    PhotoSizeMm mm;
    std::string preset;  // the matching preset, empty when the size came from the file's dpi
};

PrintSize printSizeOf(int widthPx, int heightPx, int fileDpi, const LayoutSettings& settings);

}  // namespace gradphoto::layout
