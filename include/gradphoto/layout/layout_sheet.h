#pragma once

// A layout sheet (排版照): copies of a standard photo at their printed size on a paper, light
// grey cut lines and a small caption (the student's name) on request, as a 300 dpi JPEG.
//
//   const auto settings = LayoutSettings::load();
//   auto sheet = makeLayoutSheet(photoJpegBytes, {.paper = "6in", .cutLines = true}, settings);
//   writeFileAtomically("sheet.jpg", sheet.jpeg);
//
// Errors (gradphoto::Error): layout_paper_unknown (kUsage), layout_photo_unreadable (kInput),
// layout_copies (kInput: more copies asked for than fit, or none fits), layout_font (kInput:
// the caption font is missing).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "gradphoto/layout/layout_settings.h"
#include "gradphoto/layout/print_size.h"
#include "gradphoto/layout/sheet_plan.h"

namespace gradphoto::layout {

struct SheetOptions {
    std::string paper;  // empty: settings.defaultPaper
    std::optional<int> copies;
    bool cutLines = false;
    std::string caption;  // UTF-8, empty for none
};

struct LayoutSheet {
    PrintSize printSize;
    SheetPlan plan;
    cv::Mat image;                   // BGR, plan.widthPx × plan.heightPx
    std::vector<std::uint8_t> jpeg;  // JFIF at settings.dpi
};

inline constexpr int kSheetJpegQuality = 95;

LayoutSheet makeLayoutSheet(std::span<const std::uint8_t> photoJpeg, const SheetOptions& options,
                            const LayoutSettings& settings);

// Draws the sheet of a plan: white paper, each copy scaled (and centre-cropped when the aspect
// differs) to its rectangle, then cut lines and captions.
cv::Mat renderSheet(const cv::Mat& photoBgr, const SheetPlan& plan, const SheetOptions& options,
                    const LayoutSettings& settings);

}  // namespace gradphoto::layout
