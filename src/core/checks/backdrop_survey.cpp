#include "backdrop_survey.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace gradphoto::checks {

namespace {

// A row or column of one flat colour (every channel's spread below 2 grey levels): padding bars
// (a pillarboxed photo) or a clipped wall, either way nothing to survey.
bool flat(const cv::Mat& line) {
    cv::Scalar mean, spread;
    cv::meanStdDev(line, mean, spread);
    return spread[0] < 2 && spread[1] < 2 && spread[2] < 2;
}

// The part of the image between flat bars at its left and right edges (a pillarboxed photo). Rows
// are left alone: a clipped sky above a field is flat along the top and is part of the backdrop.
cv::Rect withoutFlatBars(const cv::Mat& bgr) {
    int left = 0, right = bgr.cols;
    while (left < bgr.cols / 2 && flat(bgr.col(left))) ++left;
    while (right > std::max(left + 1, bgr.cols / 2) && flat(bgr.col(right - 1))) --right;
    return {left, 0, right - left, bgr.rows};
}

std::array<double, 6> basis(cv::Point2d p) {
    return {1.0, p.x, p.y, p.x * p.x, p.x * p.y, p.y * p.y};
}

// A shadow the person casts on the wall beside the head: inside the matte, above the chin,
// outside the face, pixels that are the wall (the fitted surface at that point) darker, with its
// chromaticity, and as smooth as a wall. Hair is darker or textured, skin and clothes differ in
// colour. Specks under three pixels across are dropped.
// Relative luminance Y (0-1) of a CIE L* (the inverse of L* = 116 Y^(1/3) - 16, linear near black).
double luminanceOf(double lightness) {
    if (lightness <= 8) return std::max(0.0, lightness) / 903.3;
    const double f = (lightness + 16) / 116;
    return f * f * f;
}

void findShadow(const CheckSession& session, const cv::Mat& alpha, const cv::Mat& wall,
                const BackdropSurveyLimits& limits, BackdropSurvey& out) {
    const cv::Mat& lab = session.workLab();
    const FaceLandmarks& f = session.workFace();
    const double fw = std::max(8.0f, f.faceWidth);
    cv::Mat l, mean, meanSq;
    cv::extractChannel(lab, l, 0);
    const cv::Size patch(std::max(3, limits.shadowSmoothPx), std::max(3, limits.shadowSmoothPx));
    cv::blur(l, mean, patch);
    cv::blur(l.mul(l), meanSq, patch);
    // The face and its skin: the landmarks' hull and the forehead above it.
    cv::Mat face = cv::Mat::zeros(lab.size(), CV_8U);
    {
        std::vector<cv::Point> pts, hull;
        for (const auto& p : f.points) pts.emplace_back(cvRound(p.x), cvRound(p.y));
        for (int i = 17; i <= 26; ++i)
            pts.emplace_back(cvRound(f.points[i].x),
                             cvRound(f.points[i].y - limits.shadowForehead * fw));
        cv::convexHull(pts, hull);
        cv::fillConvexPoly(face, hull, 255);
        cv::dilate(face, face, cv::Mat(), cv::Point(-1, -1),
                   std::max(1, cvRound(limits.shadowFaceMargin * fw)));
    }
    cv::Mat shadowMask = cv::Mat::zeros(lab.size(), CV_8U);
    const int bottom = std::clamp(cvRound(f.chin.y), 0, lab.rows);
    for (int y = 0; y < bottom; ++y) {
        const float* a = alpha.ptr<float>(y);
        const cv::Vec3f* px = lab.ptr<cv::Vec3f>(y);
        const float* m = mean.ptr<float>(y);
        const float* m2 = meanSq.ptr<float>(y);
        const uchar* inFace = face.ptr<uchar>(y);
        uchar* shadow = shadowMask.ptr<uchar>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (a[x] <= 0.5f || inFace[x]) continue;
            const auto b = basis({x / fw, y / fw});
            cv::Vec3d w(0, 0, 0);
            for (int c = 0; c < 3; ++c)
                for (int k = 0; k < 6; ++k) w[c] += wall.at<double>(k, c) * b[k];
            const double darker = w[0] - px[x][0];
            if (darker < limits.shadowMinDarker || darker > limits.shadowMaxDarker) continue;
            // A shadow keeps some of the wall's light (ambient and bounced light reach it);
            // near-black hair on a grey wall, its texture crushed in a dark capture, does not.
            if (luminanceOf(px[x][0]) < limits.shadowMinLightShare * luminanceOf(w[0])) continue;
            const double r = px[x][0] / std::max(1.0, w[0]);
            if (std::hypot(px[x][1] - r * w[1], px[x][2] - r * w[2]) > limits.shadowChroma)
                continue;
            const double spread = std::sqrt(std::max(0.0f, m2[x] - m[x] * m[x]));
            if (spread > limits.shadowSmooth) continue;
            shadow[x] = 255;
        }
    }
    cv::morphologyEx(shadowMask, shadowMask, cv::MORPH_OPEN, cv::Mat());
    out.shadowArea = cv::countNonZero(shadowMask) / (fw * fw);
}

// The wall next to the person's outline against the wall further out, on each side of the face:
// the mean of (fitted wall L* - pixel L*) over the backdrop pixels (matte under 0.05) of each
// band, row by row (a flash to one side shades the wall beside part of the outline: above the
// head the wall is lit, so a whole side's mean halves the shadow). The fitted surface takes out a
// gradient; comparing with the far band of the same row takes out what the fit absorbed of the
// shadow and a wall darker or mottled all over, or darker lower down.
void findCastShadow(const CheckSession& session, const cv::Mat& alpha, const cv::Mat& distance,
                    const cv::Rect& inner, const cv::Mat& wall, const BackdropSurveyLimits& limits,
                    BackdropSurvey& out) {
    const cv::Mat& lab = session.workLab();
    const FaceLandmarks& f = session.workFace();
    const double fw = std::max(8.0f, f.faceWidth);
    const int bottom = std::clamp(cvRound(f.chin.y + limits.castBelowChin * fw), 0, lab.rows);
    // Rows castSegment face widths high; the last takes what is left below the others.
    const double height = std::max(1.0, limits.castSegment * fw);
    const int rows = std::max(1, int(bottom / height));
    // [side][row]: the sums of (fitted wall L* - pixel L*) and the pixel counts of each band.
    std::vector<double> nearSum(2 * rows, 0.0), farSum(2 * rows, 0.0);
    std::vector<int> nearCount(2 * rows, 0), farCount(2 * rows, 0);
    for (int y = 0; y < bottom; ++y) {
        const float* a = alpha.ptr<float>(y);
        const float* d = distance.ptr<float>(y);
        const cv::Vec3f* px = lab.ptr<cv::Vec3f>(y);
        const int row = std::min(rows - 1, int(y / height));
        for (int x = inner.x; x < inner.x + inner.width; ++x) {
            if (a[x] >= 0.05f) continue;
            const double away = d[x] / fw;
            const bool isNear = away >= limits.personMargin && away <= limits.castNear;
            const bool isFar = away >= limits.castFarFrom && away <= limits.castFarTo;
            if (!isNear && !isFar) continue;
            const auto b = basis({x / fw, y / fw});
            double w = 0;
            for (int k = 0; k < 6; ++k) w += wall.at<double>(k, 0) * b[k];
            const int i = (x < f.faceCenterX() ? 0 : rows) + row;
            (isNear ? nearSum : farSum)[i] += w - px[x][0];
            ++(isNear ? nearCount : farCount)[i];
        }
    }
    // Each row beside the outline against the wall further out on its side in the same row (a
    // wall darker lower down is no shadow), or, where a tight crop leaves none there, in the
    // nearest rows that have some.
    for (int side = 0; side < 2; ++side)
        for (int row = 0; row < rows; ++row) {
            const int i = side * rows + row;
            if (nearCount[i] < limits.castMinPx) continue;
            double far = farSum[i];
            int farN = farCount[i];
            for (int reach = 1; farN < limits.castMinPx && reach < rows; ++reach)
                for (const int r : {row - reach, row + reach})
                    if (r >= 0 && r < rows) {
                        far += farSum[side * rows + r];
                        farN += farCount[side * rows + r];
                    }
            if (farN < limits.castMinPx) continue;
            const double darker = nearSum[i] / nearCount[i] - far / farN;
            out.castShadow =
                std::isfinite(out.castShadow) ? std::max(out.castShadow, darker) : darker;
        }
}

}  // namespace

BackdropSurvey surveyBackdrop(const CheckSession& session, const cv::Mat& alpha,
                              const BackdropSurveyLimits& limits) {
    BackdropSurvey out;
    const cv::Mat& lab = session.workLab();
    const FaceLandmarks& f = session.workFace();
    const double fw = std::max(8.0f, f.faceWidth);
    out.cellResidual = cv::Mat(lab.size(), CV_32F, cv::Scalar(-1));
    out.backdropMask = cv::Mat::zeros(lab.size(), CV_8U);
    if (alpha.size() != lab.size()) return out;

    // The visible backdrop: away from the person, outside the head ellipse where hair the matte
    // missed may be, between flat bars at the sides.
    cv::Mat outside = alpha < 0.05f, distance;
    cv::distanceTransform(outside, distance, cv::DIST_L2, cv::DIST_MASK_5);
    cv::Mat mask = distance > float(limits.personMargin * fw);
    cv::ellipse(mask, cv::Point(cvRound(f.faceCenterX()), cvRound(f.eyeLineY() - 0.1 * fw)),
                cv::Size(cvRound(limits.hairZone * 0.78 * fw), cvRound(limits.hairZone * fw)), 0, 0,
                360, cv::Scalar(0), cv::FILLED);
    const cv::Rect inner = withoutFlatBars(session.work());
    out.backdropMask(inner).setTo(255, mask(inner));
    mask = out.backdropMask;

    // The person reaching a side of the working copy inside the capture.
    {
        const FaceLandmarks& original = session.face();
        const double scale = session.workScale();
        const double offset = f.points[0].x - original.points[0].x * scale;
        const int width = session.image().cols;
        auto firstRow = [&](int x) {
            for (int y = 0; y < alpha.rows; ++y)
                if (alpha.at<float>(y, x) > 0.5f) return y;
            return -1;
        };
        for (const int x : {0, alpha.cols - 1}) {
            // The capture's pixels under this column of the working copy (a working pixel spans
            // 1 / scale of them, the resize rounds the copy's size to whole pixels): a column
            // within one working pixel of the capture's own edge is not the scene's.
            const double from = (x - offset) / scale, to = (x + 1 - offset) / scale;
            const double slack = std::max(1.0, 1.0 / scale);
            if (from < slack || to > width - slack) continue;
            const int y = firstRow(x);
            if (y >= 0) out.sideReach = std::min(out.sideReach, (y - f.chin.y) / fw);
        }
    }

    // Cells mostly of backdrop, their mean Lab colour.
    const int cell = std::max(4, cvRound(limits.cell * fw));
    std::vector<cv::Point2d> where;  // cell centres, face widths
    std::vector<cv::Vec3d> colour;
    std::vector<cv::Rect> rects;
    for (int y = 0; y + cell <= lab.rows; y += cell)
        for (int x = 0; x + cell <= lab.cols; x += cell) {
            const cv::Rect r(x, y, cell, cell);
            if (cv::countNonZero(mask(r)) < 0.9 * cell * cell) continue;
            const cv::Scalar m = cv::mean(lab(r), mask(r));
            where.emplace_back((x + cell / 2.0) / fw, (y + cell / 2.0) / fw);
            colour.emplace_back(m[0], m[1], m[2]);
            rects.push_back(r);
        }
    out.cells = int(where.size());
    if (!colour.empty()) {
        std::vector<double> lightness;
        for (const cv::Vec3d& q : colour) lightness.push_back(q[0]);
        std::nth_element(lightness.begin(), lightness.begin() + lightness.size() / 2,
                         lightness.end());
        out.wallLightness = lightness[lightness.size() / 2];
    }
    if (out.cells < std::max(limits.minCells, 7)) return out;
    out.judged = true;

    // One smooth surface per Lab channel, refitted without the cells far off it: the wall is what
    // most of the backdrop is, a blotch is what differs from it.
    const std::size_t n = where.size();
    std::vector<double> residual(n, 0.0);
    std::vector<char> use(n, 1);
    cv::Mat X;  // the wall: 6 coefficients per Lab channel
    for (int iteration = 0; iteration < 3; ++iteration) {
        const int m = int(std::count(use.begin(), use.end(), 1));
        if (m < 7) break;
        cv::Mat A(m, 6, CV_64F), B(m, 3, CV_64F);
        for (std::size_t i = 0, r = 0; i < n; ++i) {
            if (!use[i]) continue;
            const auto b = basis(where[i]);
            for (int k = 0; k < 6; ++k) A.at<double>(int(r), k) = b[k];
            for (int c = 0; c < 3; ++c) B.at<double>(int(r), c) = colour[i][c];
            ++r;
        }
        cv::solve(A, B, X, cv::DECOMP_SVD);
        for (std::size_t i = 0; i < n; ++i) {
            const auto b = basis(where[i]);
            double d2 = 0;
            for (int c = 0; c < 3; ++c) {
                double fitted = 0;
                for (int k = 0; k < 6; ++k) fitted += X.at<double>(k, c) * b[k];
                d2 += (colour[i][c] - fitted) * (colour[i][c] - fitted);
            }
            residual[i] = std::sqrt(d2);
        }
        std::vector<double> sorted = residual;
        std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.end());
        const double cut = std::max(limits.blotchDeltaE / 2, 3 * sorted[n / 2]);
        for (std::size_t i = 0; i < n; ++i) use[i] = residual[i] <= cut;
    }
    int blotches = 0;
    for (std::size_t i = 0; i < n; ++i) {
        blotches += residual[i] > limits.blotchDeltaE;
        out.cellResidual(rects[i]).setTo(residual[i]);
    }
    out.blotchShare = double(blotches) / double(n);
    std::vector<double> sorted = residual;
    const std::size_t p90 = (n - 1) * 9 / 10;
    std::nth_element(sorted.begin(), sorted.begin() + p90, sorted.end());
    out.residualP90 = sorted[p90];
    if (!X.empty()) {
        findShadow(session, alpha, X, limits, out);
        findCastShadow(session, alpha, distance, inner, X, limits, out);
    }
    return out;
}

}  // namespace gradphoto::checks
