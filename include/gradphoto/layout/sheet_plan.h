#pragma once

// Where the copies go on a layout sheet: a centred grid of upright copies inside the margins,
// separated by gaps, trying the paper in both orientations. The photo itself is never turned:
// turning the paper gives every arrangement a turned photo could.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "gradphoto/layout/layout_settings.h"

namespace gradphoto::layout {

struct SheetRequest {
    int copyWidthPx = 0;  // one copy at its printed size, in pixels at the layout dpi
    int copyHeightPx = 0;
    std::optional<int> copies;  // as many as fit when empty
    bool captions = false;      // reserve a caption band under each copy
};

struct SheetPlan {
    std::string paper;
    int widthPx = 0;  // the sheet as rendered (turned when `turned`)
    int heightPx = 0;
    bool turned = false;  // the paper is used in the other orientation than papers.json gives
    int columns = 0;      // of the grid in use
    int rows = 0;
    int capacity = 0;  // how many copies fit in this orientation
    int marginPx = 0;
    int gapPx = 0;
    int captionHeightPx = 0;
    std::vector<cv::Rect> copies;                           // one per copy, row by row
    std::vector<cv::Rect> captions;                         // under each copy when captions are on
    std::vector<std::pair<cv::Point, cv::Point>> cutLines;  // through the middle of the gaps
};

// Most copies that fit on the paper in either orientation (0 when none).
int sheetCapacity(const Paper& paper, const LayoutSettings& settings, const SheetRequest& request);

// The plan, or nullopt when not even one copy fits or more copies are asked for than fit.
std::optional<SheetPlan> planSheet(const Paper& paper, const LayoutSettings& settings,
                                   const SheetRequest& request);

}  // namespace gradphoto::layout
