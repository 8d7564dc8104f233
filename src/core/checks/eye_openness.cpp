#include "eye_openness.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace gradphoto::checks {

namespace {

// The eye resampled into a square frame one eye width on each side: columns run from corner to
// corner, rows across the eye from half an eye width above the corners' line to half below.
// (The frame's resolution, not a judgement limit: the band is measured in eye widths.)
constexpr int kSide = 40;

double quantile(std::vector<float> v, double q) {
    if (v.empty()) return 0;
    const auto it = v.begin() + std::min<std::ptrdiff_t>(std::ptrdiff_t(v.size()) - 1,
                                                         std::ptrdiff_t(q * double(v.size())));
    std::nth_element(v.begin(), it, v.end());
    return *it;
}

cv::Mat eyeFrame(const cv::Mat& grey, cv::Point2f a, cv::Point2f b, float width) {
    const cv::Point2f along = (b - a) / width, across(-along.y, along.x);
    const float step = width / kSide;
    // frame (x, y) -> work: a + along * x * step + across * (y * step - width / 2)
    const cv::Matx23f m(along.x * step, across.x * step, a.x - across.x * 0.5f * width,
                        along.y * step, across.y * step, a.y - across.y * 0.5f * width);
    cv::Mat frame;
    cv::warpAffine(grey, frame, m, cv::Size(kSide, kSide), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REPLICATE);
    frame.convertTo(frame, CV_32F);
    return frame;
}

// The longest run of a column below cut, with sub-pixel ends, in frame pixels.
double longestDarkRun(const cv::Mat& frame, int x, int from, int to, double cut) {
    auto at = [&](int y) { return double(frame.at<float>(y, x)); };
    // The share of the step from pixel i to pixel j (one apart) that is still above the cut.
    auto lighter = [&](int i, int j) {
        return std::clamp((at(i) - cut) / std::max(1e-3, at(i) - at(j)), 0.0, 1.0);
    };
    double best = 0;
    int start = -1;
    for (int y = from; y <= to; ++y) {
        const bool dark = y < to && at(y) < cut;
        if (dark && start < 0) start = y;
        if (dark || start < 0) continue;
        double length = y - start;
        if (start > 0) length += 0.5 - lighter(start - 1, start);
        if (y < frame.rows) length += 0.5 - lighter(y, y - 1);
        best = std::max(best, length);
        start = -1;
    }
    return best;
}

EyeOpenness measureEye(const cv::Mat& grey, cv::Point2f a, cv::Point2f b,
                       const EyeOpennessLimits& limits) {
    EyeOpenness eye;
    const float width = float(cv::norm(b - a));
    if (!(width >= 4)) return eye;  // also NaN corners
    // The searched part of the eye must lie in the image (not a replicated border).
    const cv::Point2f across = cv::Point2f(-(b - a).y, (b - a).x) * float(limits.searchBand);
    const cv::Rect2f inside(0, 0, float(grey.cols), float(grey.rows));
    for (const cv::Point2f q : {a - across, a + across, b - across, b + across})
        if (!inside.contains(q)) return eye;
    const cv::Mat frame = eyeFrame(grey, a, b, width);
    std::vector<float> skin, middle;
    for (int y = 0; y < kSide; ++y) {
        const double across = (y + 0.5) / kSide - 0.5;
        for (int x = kSide / 4; x < 3 * kSide / 4; ++x)
            (std::abs(across) > limits.skinFrom ? skin : middle).push_back(frame.at<float>(y, x));
    }
    // The lighter reference is the skin around the eye, or the eye's middle's 75th percentile
    // when that is darker: a closed lid darker than the cheek (socket shadow, eye shadow) is then
    // the reference, not dark itself.
    const double skinGrey = std::min(quantile(skin, 0.5), quantile(middle, 0.75));
    const double darkest = quantile(middle, 0.03);
    eye.contrast = skinGrey - darkest;
    eye.visible = eye.contrast >= limits.minContrast;
    const double cut = darkest + limits.darkFraction * eye.contrast;
    const int from = std::max(0, int(std::lround((0.5 - limits.searchBand) * kSide)));
    const int to = std::min(kSide, int(std::lround((0.5 + limits.searchBand) * kSide)));
    std::vector<float> runs;
    for (int x = kSide / 4; x < 3 * kSide / 4; ++x)
        runs.push_back(float(longestDarkRun(frame, x, from, to, cut) / kSide));
    eye.band = quantile(runs, 0.75);
    return eye;
}

}  // namespace

std::array<EyeOpenness, 2> measureEyeOpenness(const CheckSession& s,
                                              const EyeOpennessLimits& limits) {
    if (!s.hasFace() || s.workGrey().empty()) return {};
    const auto& p = s.workFace().points;
    return {measureEye(s.workGrey(), p[36], p[39], limits),
            measureEye(s.workGrey(), p[42], p[45], limits)};
}

}  // namespace gradphoto::checks
