#include "crop_plan.h"

#include <algorithm>
#include <cmath>

#include "gradphoto/imaging/crop_ranges.h"

namespace gradphoto::imaging {

double CropPlan::width() const {
    return outWidth / scale;
}
double CropPlan::height() const {
    return outHeight / scale;
}

std::optional<CropPlan> planCrop(const HeadMeasure& head, const Preset& preset) {
    const double eyeToTop = head.eyeLineY - head.headTopY;
    if (eyeToTop <= 1 || head.faceWidth <= 1) return std::nullopt;
    // Inside each range by a margin for the noise of measuring the result again.
    const CropRanges ranges = cropRanges(preset);
    const Range& fw = ranges.faceWidth;
    const Range& top = ranges.headTop;
    const Range& eye = ranges.eyeLine;
    const double lo = std::max(fw.min / head.faceWidth, (eye.min - top.max) / eyeToTop);
    const double hi =
        std::min({fw.max / head.faceWidth, (eye.max - top.min) / eyeToTop, head.maxScale});
    if (lo > hi) return std::nullopt;

    auto deviation = [](double v, const Range& r) {
        const double half = (r.max - r.min) / 2;
        return (v - r.middle()) / std::max(half, 1.0);
    };
    std::optional<CropPlan> best;
    double bestCost = 1e18;
    const int steps = 80;
    for (int i = 0; i <= steps; ++i) {
        const double s = lo + (hi - lo) * i / steps;
        // y0 keeps the head top and eye line in range and the bottom inside the capture.
        const double yLo = std::max(head.headTopY - top.max / s, head.eyeLineY - eye.max / s);
        double yHi = std::min(head.headTopY - top.min / s, head.eyeLineY - eye.min / s);
        yHi = std::min(yHi, head.maxBottomY - preset.height / s);
        if (yLo > yHi) continue;
        // x0 keeps the face centred (within maxShiftPx) and the crop inside touched sides.
        const double cropW = preset.width / s;
        const double centred = head.centerX - cropW / 2;
        const double xLo = std::max(centred - head.maxShiftPx / s, head.minX);
        const double xHi = std::min(centred + head.maxShiftPx / s, head.maxX - cropW);
        if (xLo > xHi) continue;
        const double x0 = std::clamp(centred, xLo, xHi);
        const double ideal = ((head.headTopY - preset.headTop.middle() / s) +
                              (head.eyeLineY - preset.eyeLine.middle() / s)) /
                             2;
        const double y0 = std::clamp(ideal, yLo, yHi);
        const double cost = std::pow(deviation(head.faceWidth * s, preset.faceWidth), 2) +
                            std::pow(deviation((head.headTopY - y0) * s, preset.headTop), 2) +
                            std::pow(deviation((head.eyeLineY - y0) * s, preset.eyeLine), 2);
        if (cost < bestCost) {
            bestCost = cost;
            CropPlan plan{};
            plan.scale = s;
            plan.outWidth = preset.width;
            plan.outHeight = preset.height;
            plan.y0 = y0;
            plan.x0 = x0;
            best = plan;
        }
    }
    return best;
}

}  // namespace gradphoto::imaging
