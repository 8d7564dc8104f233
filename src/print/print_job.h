#pragma once

// One thing to print: a standard photo at its physical size, or a layout sheet filling its paper.

#include <QImage>
#include <cstdint>
#include <optional>
#include <string>

#include "gradphoto/layout/layout_settings.h"
#include "gradphoto/layout/paper.h"

namespace gradphoto::print {

enum class PrintKind { kStandard, kSheet };

struct PrintJob {
    PrintKind kind = PrintKind::kSheet;
    QImage image;                 // the standard photo, or the rendered sheet (layout::LayoutSheet)
    layout::Paper paper;          // the paper in the printer
    bool turned = false;          // sheet: the paper is used turned (layout::SheetPlan::turned)
    layout::PhotoSizeMm photoMm;  // standard: the printed size (layout::printSizeOf)
    // For the print_jobs record:
    std::optional<std::int64_t> captureId;
    std::string boothId;
    std::string staffNo;
};

}  // namespace gradphoto::print
