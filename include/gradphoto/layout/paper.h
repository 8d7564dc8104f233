#pragma once

#include <string>

namespace gradphoto::layout {

// A paper for layout sheets (resources/layout/papers.json), in its natural orientation: the
// pixel size at the layout dpi and the physical size the printer is asked for.
struct Paper {
    std::string name;  // "6in", "5in", "a4"
    std::string titleZh;
    std::string titleEn;
    int widthPx = 0;
    int heightPx = 0;
    double widthMm = 0;
    double heightMm = 0;
};

}  // namespace gradphoto::layout
