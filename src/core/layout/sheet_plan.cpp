#include "gradphoto/layout/sheet_plan.h"

#include <algorithm>

namespace gradphoto::layout {

namespace {

struct Orientation {
    int width = 0;
    int height = 0;
    bool turned = false;
};

struct Fit {
    int columns = 0;
    int rows = 0;
    int capacity() const { return columns * rows; }
};

// Copies per row (column) of cells `cell` wide separated by `gap` inside `length - 2·margin`.
int countAlong(int length, int margin, int gap, int cell) {
    const int usable = length - 2 * margin;
    if (cell <= 0 || usable < cell) return 0;
    return (usable + gap) / (cell + gap);
}

int captionHeight(const LayoutSettings& settings, const SheetRequest& request) {
    return request.captions ? settings.px(settings.captionMm) : 0;
}

Fit fitOn(const Orientation& o, const LayoutSettings& settings, const SheetRequest& request) {
    const int margin = settings.px(settings.marginMm), gap = settings.px(settings.gapMm);
    const int cellHeight = request.copyHeightPx + captionHeight(settings, request);
    return {countAlong(o.width, margin, gap, request.copyWidthPx),
            countAlong(o.height, margin, gap, cellHeight)};
}

std::vector<Orientation> orientationsOf(const Paper& paper) {
    return {{paper.widthPx, paper.heightPx, false}, {paper.heightPx, paper.widthPx, true}};
}

}  // namespace

int sheetCapacity(const Paper& paper, const LayoutSettings& settings, const SheetRequest& request) {
    int best = 0;
    for (const auto& o : orientationsOf(paper))
        best = std::max(best, fitOn(o, settings, request).capacity());
    return best;
}

std::optional<SheetPlan> planSheet(const Paper& paper, const LayoutSettings& settings,
                                   const SheetRequest& request) {
    if (request.copyWidthPx <= 0 || request.copyHeightPx <= 0) return std::nullopt;
    if (request.copies && *request.copies <= 0) return std::nullopt;
    // The natural orientation wins ties; with a number of copies, the first that holds them.
    std::optional<Orientation> chosen;
    Fit fit;
    for (const auto& o : orientationsOf(paper)) {
        const Fit f = fitOn(o, settings, request);
        if (f.capacity() == 0) continue;
        const bool better = request.copies ? (!chosen && f.capacity() >= *request.copies)
                                           : (!chosen || f.capacity() > fit.capacity());
        if (better) {
            chosen = o;
            fit = f;
        }
    }
    if (!chosen) return std::nullopt;

    SheetPlan plan;
    plan.paper = paper.name;
    plan.widthPx = chosen->width;
    plan.heightPx = chosen->height;
    plan.turned = chosen->turned;
    plan.capacity = fit.capacity();
    plan.marginPx = settings.px(settings.marginMm);
    plan.gapPx = settings.px(settings.gapMm);
    plan.captionHeightPx = captionHeight(settings, request);
    const int count = request.copies.value_or(fit.capacity());
    plan.columns = std::min(fit.columns, count);
    plan.rows = (count + plan.columns - 1) / plan.columns;

    const int cw = request.copyWidthPx, ch = request.copyHeightPx + plan.captionHeightPx;
    const int gap = plan.gapPx;
    const int gridWidth = plan.columns * cw + (plan.columns - 1) * gap;
    const int gridHeight = plan.rows * ch + (plan.rows - 1) * gap;
    const int x0 = (plan.widthPx - gridWidth) / 2, y0 = (plan.heightPx - gridHeight) / 2;
    for (int i = 0; i < count; ++i) {
        const int col = i % plan.columns, row = i / plan.columns;
        const cv::Rect copy(x0 + col * (cw + gap), y0 + row * (ch + gap), request.copyWidthPx,
                            request.copyHeightPx);
        plan.copies.push_back(copy);
        if (plan.captionHeightPx > 0)
            plan.captions.emplace_back(copy.x, copy.y + copy.height, copy.width,
                                       plan.captionHeightPx);
    }
    // Cut lines in the middle of each gap and half a gap outside the grid, across the grid.
    const int half = gap / 2;
    const int left = std::max(0, x0 - gap + half),
              right = std::min(plan.widthPx - 1, x0 + gridWidth + half);
    const int top = std::max(0, y0 - gap + half),
              bottom = std::min(plan.heightPx - 1, y0 + gridHeight + half);
    for (int col = 0; col <= plan.columns; ++col) {
        const int x = col == plan.columns ? right : x0 + col * (cw + gap) - gap + half;
        plan.cutLines.push_back({{std::max(0, x), top}, {std::max(0, x), bottom}});
    }
    for (int row = 0; row <= plan.rows; ++row) {
        const int y = row == plan.rows ? bottom : y0 + row * (ch + gap) - gap + half;
        plan.cutLines.push_back({{left, std::max(0, y)}, {right, std::max(0, y)}});
    }
    return plan;
}

}  // namespace gradphoto::layout
