#include "crop_plan.h"

#include <algorithm>
#include <cmath>

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
    // Aim at the middle of each range but keep a margin inside it for measuring noise.
    const double marginFw = 0.08 * (preset.faceWidth.max - preset.faceWidth.min);
    const double spanMin = preset.eyeLine.min - preset.headTop.max;  // eye line minus head top
    const double spanMax = preset.eyeLine.max - preset.headTop.min;
    const double marginSpan = 0.08 * (spanMax - spanMin);
    const double targetFw = preset.faceWidth.middle();
    const double targetSpan = preset.eyeLine.middle() - preset.headTop.middle();

    // Weighted least squares between the face-width scale and the eye-to-top scale.
    const double wf = 1.0 / std::pow(preset.faceWidth.max - preset.faceWidth.min, 2);
    const double ws = 1.0 / std::pow(spanMax - spanMin, 2);
    double s = (wf * head.faceWidth * targetFw + ws * eyeToTop * targetSpan) /
               (wf * head.faceWidth * head.faceWidth + ws * eyeToTop * eyeToTop);
    const double lo = std::max((preset.faceWidth.min + marginFw) / head.faceWidth,
                               (spanMin + marginSpan) / eyeToTop);
    const double hi = std::min((preset.faceWidth.max - marginFw) / head.faceWidth,
                               (spanMax - marginSpan) / eyeToTop);
    if (lo > hi) return std::nullopt;
    s = std::clamp(s, lo, hi);

    CropPlan plan{};
    plan.scale = s;
    plan.outWidth = preset.width;
    plan.outHeight = preset.height;
    // Vertical placement: centre the head top and the eye line in their ranges together, then
    // keep each inside its range (with a small margin).
    double y0 = ((head.headTopY - preset.headTop.middle() / s) +
                 (head.eyeLineY - preset.eyeLine.middle() / s)) /
                2;
    const double m = 3;
    const double yLo = std::max(head.headTopY - (preset.headTop.max - m) / s,
                                head.eyeLineY - (preset.eyeLine.max - m) / s);
    const double yHi = std::min(head.headTopY - (preset.headTop.min + m) / s,
                                head.eyeLineY - (preset.eyeLine.min + m) / s);
    if (yLo <= yHi) y0 = std::clamp(y0, yLo, yHi);
    plan.y0 = y0;
    plan.x0 = head.centerX - preset.width / (2 * s);
    return plan;
}

}  // namespace gradphoto::imaging
