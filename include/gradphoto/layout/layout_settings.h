#pragma once

// The data of layout sheets (排版照): resources/layout/papers.json. Papers, margins, gaps,
// captions and the printed size of each preset's photo are data, not code.
//
//   const auto settings = LayoutSettings::load();
//   const Paper* paper = settings.findPaper("6in");

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gradphoto/layout/paper.h"

namespace gradphoto::layout {

// Printed width × height of one copy of a photo, in millimetres.
struct PhotoSizeMm {
    double width = 0;
    double height = 0;
};

struct LayoutSettings {
    int dpi = 300;
    std::string defaultPaper = "6in";
    double marginMm = 3;   // unprinted border on every side of the sheet
    double gapMm = 2;      // between neighbouring copies (the cut lines run in its middle)
    double captionMm = 4;  // height of the caption band under each copy, when captions are on
    std::filesystem::path captionFont;
    int captionFontIndex = 0;  // face index inside a .ttc collection
    int cutLineGrey = 200;     // 0..255, light grey
    std::vector<Paper> papers;
    std::map<std::string, PhotoSizeMm> photoSizes;  // preset name → printed size

    // resourcesDir()/layout/papers.json. Throws Error(kInput) when missing or malformed.
    static LayoutSettings load();
    static LayoutSettings fromJsonText(const std::string& text, const std::string& origin);

    // nullptr when unknown (names compare case-insensitively).
    const Paper* findPaper(std::string_view name) const;
    // Millimetres to pixels at dpi (rounded).
    int px(double mm) const;
    // "6in, 5in, a4"
    std::string paperNames() const;
};

}  // namespace gradphoto::layout
