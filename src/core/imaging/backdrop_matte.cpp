#include "gradphoto/imaging/backdrop_matte.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>
#include <opencv2/ximgproc/edge_filter.hpp>
#include <vector>

namespace gradphoto {

namespace {

// ---- Priors from the face -------------------------------------------------------------------

// Where the person surely is (face and neck core, torso below the chin) and where they may be
// (head with hair, shoulders). Both in image coordinates, 8-bit masks.
struct PersonPriors {
    cv::Mat sure;
    cv::Mat likely;
    cv::Mat headZone;  // above the eye line, where hair needs a wide soft band
};

PersonPriors makePriors(cv::Size size, const FaceLandmarks& f) {
    PersonPriors p;
    p.sure = cv::Mat::zeros(size, CV_8U);
    p.likely = cv::Mat::zeros(size, CV_8U);
    p.headZone = cv::Mat::zeros(size, CV_8U);
    const float fw = f.faceWidth;
    const cv::Point2f eyes = f.eyeMidpoint();
    const float cx = f.faceCenterX();

    // Face core: the convex hull of the jaw and brows, shrunk towards the nose.
    std::vector<cv::Point> hull;
    const cv::Point2f nose = f.points[30];
    for (int i = 0; i <= 26; ++i) {
        const cv::Point2f q = nose + (f.points[i] - nose) * 0.85f;
        hull.emplace_back(cvRound(q.x), cvRound(q.y));
    }
    std::vector<cv::Point> convex;
    cv::convexHull(hull, convex);
    cv::fillConvexPoly(p.sure, convex, 255);

    // Neck and torso: a trapezoid widening from the chin down to the bottom edge.
    const float chinY = f.chin.y;
    const std::vector<cv::Point> torso{{cvRound(cx - 0.22f * fw), cvRound(chinY + 0.05f * fw)},
                                       {cvRound(cx + 0.22f * fw), cvRound(chinY + 0.05f * fw)},
                                       {cvRound(cx + 0.75f * fw), cvRound(chinY + 1.1f * fw)},
                                       {cvRound(cx + 0.75f * fw), size.height + 2},
                                       {cvRound(cx - 0.75f * fw), size.height + 2},
                                       {cvRound(cx - 0.75f * fw), cvRound(chinY + 1.1f * fw)}};
    cv::fillConvexPoly(p.sure, torso, 255);

    // Likely: the head with hair (an ellipse around the skull) and the shoulders.
    cv::ellipse(p.likely, cv::Point(cvRound(cx), cvRound(eyes.y - 0.1f * fw)),
                cv::Size(cvRound(0.78f * fw), cvRound(1.05f * fw)), 0, 0, 360, 255, cv::FILLED);
    const std::vector<cv::Point> shoulders{{cvRound(cx - 0.45f * fw), cvRound(chinY - 0.1f * fw)},
                                           {cvRound(cx + 0.45f * fw), cvRound(chinY - 0.1f * fw)},
                                           {cvRound(cx + 1.6f * fw), cvRound(chinY + 0.7f * fw)},
                                           {cvRound(cx + 2.2f * fw), size.height + 2},
                                           {cvRound(cx - 2.2f * fw), size.height + 2},
                                           {cvRound(cx - 1.6f * fw), cvRound(chinY + 0.7f * fw)}};
    cv::fillConvexPoly(p.likely, shoulders, 255);
    p.likely |= p.sure;

    cv::rectangle(p.headZone, cv::Rect(0, 0, size.width, std::max(0, cvRound(eyes.y))), 255,
                  cv::FILLED);
    return p;
}

// ---- A smooth backdrop model ----------------------------------------------------------------

// Per-channel quadratic surface c0 + c1 x + c2 y + c3 x^2 + c4 xy + c5 y^2 over normalised
// coordinates, fitted to sample pixels by least squares with outliers dropped.
class SmoothBackdrop {
  public:
    // samples: 8-bit mask of pixels that should be backdrop. Returns the share of samples
    // rejected as outliers (objects in front of the wall, or a wall that is not smooth).
    double fit(const cv::Mat& image, const cv::Mat& samples) {
        std::vector<cv::Point> pts;
        cv::findNonZero(samples, pts);
        if (pts.size() < 50) return 1.0;
        // Subsample for speed: at most ~20k points.
        const std::size_t step = std::max<std::size_t>(1, pts.size() / 20000);
        std::vector<cv::Point> use;
        for (std::size_t i = 0; i < pts.size(); i += step) use.push_back(pts[i]);
        size_ = image.size();
        std::vector<char> inlier(use.size(), 1);
        double outlierShare = 0;
        for (int iteration = 0; iteration < 4; ++iteration) {
            solve(image, use, inlier);
            // Residuals and a robust spread.
            std::vector<float> res(use.size());
            for (std::size_t i = 0; i < use.size(); ++i) res[i] = residualAt(image, use[i]);
            std::vector<float> sorted = res;
            std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
            const float median = sorted[sorted.size() / 2];
            const float cut = std::max(10.0f, 3.0f * median + 4.0f);
            std::size_t out = 0;
            double sumSq = 0;
            std::size_t in = 0;
            for (std::size_t i = 0; i < use.size(); ++i) {
                inlier[i] = res[i] <= cut;
                if (!inlier[i]) {
                    ++out;
                } else {
                    sumSq += double(res[i]) * res[i];
                    ++in;
                }
            }
            outlierShare = double(out) / double(use.size());
            rms_ = in ? std::sqrt(sumSq / double(in)) : 0;
        }
        return outlierShare;
    }

    cv::Mat render() const {
        cv::Mat out(size_, CV_32FC3);
        for (int y = 0; y < size_.height; ++y) {
            auto* row = out.ptr<cv::Vec3f>(y);
            for (int x = 0; x < size_.width; ++x) row[x] = valueAt(x, y);
        }
        return out;
    }

    double rms() const { return rms_; }

  private:
    std::array<double, 6> basis(double x, double y) const {
        const double u = x / std::max(1, size_.width) - 0.5;
        const double v = y / std::max(1, size_.height) - 0.5;
        return {1.0, u, v, u * u, u * v, v * v};
    }
    cv::Vec3f valueAt(int x, int y) const {
        const auto b = basis(x, y);
        cv::Vec3f out;
        for (int c = 0; c < 3; ++c) {
            double s = 0;
            for (int k = 0; k < 6; ++k) s += coef_[c][k] * b[k];
            out[c] = float(s);
        }
        return out;
    }
    float residualAt(const cv::Mat& image, cv::Point p) const {
        const cv::Vec3b px = image.at<cv::Vec3b>(p);
        const cv::Vec3f m = valueAt(p.x, p.y);
        const float d0 = px[0] - m[0], d1 = px[1] - m[1], d2 = px[2] - m[2];
        return std::sqrt(d0 * d0 + d1 * d1 + d2 * d2);
    }
    void solve(const cv::Mat& image, const std::vector<cv::Point>& pts,
               const std::vector<char>& inlier) {
        int n = 0;
        for (char c : inlier) n += c;
        if (n < 12) return;
        cv::Mat A(n, 6, CV_64F), B(n, 3, CV_64F);
        int r = 0;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            if (!inlier[i]) continue;
            const auto b = basis(pts[i].x, pts[i].y);
            for (int k = 0; k < 6; ++k) A.at<double>(r, k) = b[k];
            const cv::Vec3b px = image.at<cv::Vec3b>(pts[i]);
            for (int c = 0; c < 3; ++c) B.at<double>(r, c) = px[c];
            ++r;
        }
        cv::Mat X;
        cv::solve(A, B, X, cv::DECOMP_SVD);
        for (int c = 0; c < 3; ++c)
            for (int k = 0; k < 6; ++k) coef_[c][k] = X.at<double>(k, c);
    }

    cv::Size size_;
    std::array<std::array<double, 6>, 3> coef_{};
    double rms_ = 0;
};

cv::Mat distanceFrom(const cv::Mat& image, const cv::Mat& backdrop) {
    cv::Mat img32;
    image.convertTo(img32, CV_32FC3);
    cv::Mat diff = img32 - backdrop;
    std::vector<cv::Mat> ch;
    cv::split(diff, ch);
    cv::Mat d = ch[0].mul(ch[0]) + ch[1].mul(ch[1]) + ch[2].mul(ch[2]);
    cv::sqrt(d, d);
    return d;
}

// The region the backdrop is sampled from: the top band and the side bands above the shoulders,
// away from the head.
cv::Mat backdropSamples(cv::Size size, const FaceLandmarks& f, const PersonPriors& priors) {
    cv::Mat m = cv::Mat::zeros(size, CV_8U);
    const int band = std::max(6, std::min(size.width, size.height) / 14);
    const int shoulderY = std::clamp(cvRound(f.chin.y), band, size.height);
    m(cv::Rect(0, 0, size.width, band)) = 255;
    m(cv::Rect(0, 0, band, shoulderY)) = 255;
    m(cv::Rect(size.width - band, 0, band, shoulderY)) = 255;
    cv::Mat keepOut;
    cv::dilate(priors.likely, keepOut, cv::Mat(), cv::Point(-1, -1), 3);
    m.setTo(0, keepOut);
    return m;
}

void keepComponentWith(cv::Mat& mask, cv::Point seed) {
    cv::Mat labels;
    const int n = cv::connectedComponents(mask, labels, 8, CV_32S);
    if (n <= 1) return;
    seed.x = std::clamp(seed.x, 0, mask.cols - 1);
    seed.y = std::clamp(seed.y, 0, mask.rows - 1);
    const int keep = labels.at<int>(seed);
    if (keep == 0) return;
    mask = (labels == keep);
}

void fillHoles(cv::Mat& mask) {
    // Background regions that do not touch the border are holes in the person.
    cv::Mat inverse = ~mask;
    cv::Mat labels;
    const int n = cv::connectedComponents(inverse, labels, 4, CV_32S);
    std::vector<char> touches(n, 0);
    for (int x = 0; x < mask.cols; ++x) {
        touches[labels.at<int>(0, x)] = 1;
        touches[labels.at<int>(mask.rows - 1, x)] = 1;
    }
    for (int y = 0; y < mask.rows; ++y) {
        touches[labels.at<int>(y, 0)] = 1;
        touches[labels.at<int>(y, mask.cols - 1)] = 1;
    }
    for (int y = 0; y < mask.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < mask.cols; ++x)
            if (!m[x] && l[x] > 0 && !touches[l[x]]) m[x] = 255;
    }
}

// Morphology with a round element of any radius in time independent of the radius, through the
// distance transform (a large elliptic kernel costs radius^2 per pixel).
cv::Mat grown(const cv::Mat& mask, int radius) {
    cv::Mat outside = mask == 0, dist;
    cv::distanceTransform(outside, dist, cv::DIST_L2, cv::DIST_MASK_5);
    return dist <= float(radius);
}

cv::Mat shrunk(const cv::Mat& mask, int radius) {
    cv::Mat dist;
    cv::distanceTransform(mask != 0, dist, cv::DIST_L2, cv::DIST_MASK_5);
    return dist > float(radius);
}

cv::Mat disk(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// The plate moved onto the capture: the camera may have shifted a little between the two shots.
// An affine ECC fit on the visible wall of a downscaled grey copy; the plate as it is when the
// fit fails.
cv::Mat alignPlate(const cv::Mat& image, const cv::Mat& plate, const cv::Mat& personZone) {
    const double f = std::min(1.0, 480.0 / std::max(image.cols, image.rows));
    cv::Mat gi, gp, wall;
    cv::cvtColor(image, gi, cv::COLOR_BGR2GRAY);
    cv::cvtColor(plate, gp, cv::COLOR_BGR2GRAY);
    cv::resize(gi, gi, cv::Size(), f, f, cv::INTER_AREA);
    cv::resize(gp, gp, gi.size(), 0, 0, cv::INTER_AREA);
    cv::resize(personZone, wall, gi.size(), 0, 0, cv::INTER_NEAREST);
    cv::dilate(wall, wall, disk(6));
    wall = ~wall;
    cv::Mat warp = cv::Mat::eye(2, 3, CV_32F);
    try {
        cv::findTransformECC(
            gp, gi, warp, cv::MOTION_AFFINE,
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 60, 1e-5), wall, 5);
    } catch (const cv::Exception&) {
        return plate;
    }
    warp.at<float>(0, 2) /= float(f);
    warp.at<float>(1, 2) /= float(f);
    cv::Mat aligned;
    cv::warpAffine(plate, aligned, warp, plate.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REPLICATE);
    return aligned;
}

// The smallest colour distance between a pixel and the backdrop within +-radius px.
cv::Mat shiftTolerantDistance(const cv::Mat& image, const cv::Mat& backdrop, int radius) {
    cv::Mat best;
    cv::Mat padded;
    cv::copyMakeBorder(backdrop, padded, radius, radius, radius, radius, cv::BORDER_REPLICATE);
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const cv::Mat shifted =
                padded(cv::Rect(radius + dx, radius + dy, backdrop.cols, backdrop.rows));
            const cv::Mat d = distanceFrom(image, shifted);
            best = best.empty() ? d : cv::min(best, d);
        }
    }
    return best;
}

// The wall behind the person, estimated from the visible wall nearby (normalised convolution
// over pixels surely outside the person), falling back to the smooth model far from any wall.
cv::Mat localBackdrop(const cv::Mat& image, const cv::Mat& personMask, const cv::Mat& model,
                      double faceWidth) {
    cv::Mat wall;
    wall = grown(personMask, std::max(2, cvRound(faceWidth * 0.04)));
    wall = ~wall;
    // Work at quarter size: the wall is smooth, and large blurs are costly at full size.
    const double f = 0.25;
    cv::Mat img32, smallImg, smallWall, smallModel;
    image.convertTo(img32, CV_32FC3);
    cv::resize(img32, smallImg, cv::Size(), f, f, cv::INTER_AREA);
    cv::resize(wall, smallWall, smallImg.size(), 0, 0, cv::INTER_NEAREST);
    cv::resize(model, smallModel, smallImg.size(), 0, 0, cv::INTER_AREA);
    cv::Mat w;
    smallWall.convertTo(w, CV_32F, 1.0 / 255.0);
    cv::Mat masked = smallImg.clone();
    masked.setTo(cv::Scalar::all(0), ~smallWall);
    const double sigma = std::max(2.0, faceWidth * f * 0.12);
    cv::Mat num, den;
    cv::GaussianBlur(masked, num, cv::Size(), sigma);
    cv::GaussianBlur(w, den, cv::Size(), sigma);
    // Blend with the model where little wall is near: weight 0.02 of one full neighbourhood.
    const float prior = 0.02f;
    cv::Mat out(smallImg.size(), CV_32FC3);
    for (int y = 0; y < out.rows; ++y) {
        const auto* n = num.ptr<cv::Vec3f>(y);
        const float* d = den.ptr<float>(y);
        const auto* m = smallModel.ptr<cv::Vec3f>(y);
        auto* o = out.ptr<cv::Vec3f>(y);
        for (int x = 0; x < out.cols; ++x) o[x] = (n[x] + prior * m[x]) / (d[x] + prior);
    }
    cv::Mat full;
    cv::resize(out, full, image.size(), 0, 0, cv::INTER_LINEAR);
    return full;
}

}  // namespace

Matte BackdropMatte::extract(const cv::Mat& image, const FaceLandmarks& face, const cv::Mat& plate,
                             const Options& options) {
    CV_Assert(image.type() == CV_8UC3);
    Matte result;
    const PersonPriors priors = makePriors(image.size(), face);
    const cv::Mat samples = backdropSamples(image.size(), face, priors);

    // 1. The backdrop behind the person: the plate (gain-matched) or a smooth model of the wall.
    SmoothBackdrop model;
    const double outliers = model.fit(image, samples);
    result.backdropResidual = model.rms();
    if (!plate.empty()) {
        cv::Mat plate32, img32;
        alignPlate(image, plate, priors.likely).convertTo(plate32, CV_32FC3);
        image.convertTo(img32, CV_32FC3);
        // Exposure may drift between the plate and the capture: match per-channel gains.
        const cv::Scalar pm = cv::mean(plate32, samples), im = cv::mean(img32, samples);
        cv::Mat gained;
        cv::multiply(plate32,
                     cv::Scalar(im[0] / std::max(1.0, pm[0]), im[1] / std::max(1.0, pm[1]),
                                im[2] / std::max(1.0, pm[2])),
                     gained);
        cv::GaussianBlur(gained, result.backdrop, cv::Size(5, 5), 0);
        result.clutter = 0;  // with a plate, any backdrop the camera sees is known
    } else {
        result.backdrop = model.render();
    }
    (void)options;

    // 2. A hard segmentation: GrabCut on a half-size copy, seeded by the priors and the backdrop
    // distance, then the component holding the face with its holes filled.
    // With a plate, small misalignments at the plate's own edges must not look like a person.
    const cv::Mat distance = plate.empty() ? distanceFrom(image, result.backdrop)
                                           : shiftTolerantDistance(image, result.backdrop, 2);
    const double noise = std::max(3.0, result.backdropResidual);
    const double lowCut = std::clamp(2.5 * noise, 8.0, 30.0);
    const double highCut = std::max(2.0 * lowCut, 28.0);

    const double gcScale = std::min(1.0, 320.0 / std::max(image.cols, image.rows));
    cv::Mat small, smallDist, smallSure, smallLikely;
    cv::resize(image, small, cv::Size(), gcScale, gcScale, cv::INTER_AREA);
    cv::resize(distance, smallDist, small.size(), 0, 0, cv::INTER_AREA);
    cv::resize(priors.sure, smallSure, small.size(), 0, 0, cv::INTER_NEAREST);
    cv::resize(priors.likely, smallLikely, small.size(), 0, 0, cv::INTER_NEAREST);

    cv::Mat gc(small.size(), CV_8U, cv::Scalar(cv::GC_PR_BGD));
    gc.setTo(cv::GC_PR_FGD, (smallDist > highCut) & smallLikely);
    gc.setTo(cv::GC_PR_FGD, (smallDist > highCut * 1.5));
    cv::Mat definiteBg = (smallDist < lowCut) & ~smallLikely;
    gc.setTo(cv::GC_BGD, definiteBg);
    // With a plate the distance is trustworthy: what matches the plate is wall, even near the
    // person; without one, only probably.
    gc.setTo(plate.empty() ? cv::GC_PR_BGD : cv::GC_BGD,
             (smallDist < lowCut) & smallLikely & ~smallSure);
    gc.setTo(cv::GC_FGD, smallSure);
    // The top rows are wall unless the person is there.
    cv::Mat topBand = cv::Mat::zeros(small.size(), CV_8U);
    topBand(cv::Rect(0, 0, small.cols, 2)) = 255;
    gc.setTo(cv::GC_BGD, topBand & (smallDist < highCut));

    cv::Mat bgdModel, fgdModel;
    // GrabCut seeds its colour models from OpenCV's thread-local RNG: fix it, so the same capture
    // always gives the same photo.
    cv::theRNG().state = 0x5eed5eedULL;
    try {
        cv::grabCut(small, gc, cv::Rect(), bgdModel, fgdModel, 3, cv::GC_INIT_WITH_MASK);
    } catch (const cv::Exception&) {
        // A degenerate colour model (for example an image of one colour): keep the seeds.
    }
    cv::Mat smallMask = (gc == cv::GC_FGD) | (gc == cv::GC_PR_FGD);
    cv::Mat mask;
    cv::resize(smallMask, mask, image.size(), 0, 0, cv::INTER_LINEAR);
    mask = mask > 127;
    if (plate.empty()) {
        // The wall right behind the person (a lit spot behind the head, a vignette) is what the
        // edge blends with: estimate it from the nearby visible wall, the smooth model filling in.
        result.backdrop = localBackdrop(image, mask, result.backdrop, face.faceWidth);
    }
    const cv::Mat localDistance = plate.empty() ? distanceFrom(image, result.backdrop) : distance;
    // Refine the upsampled edge against the backdrop distance: pixels far from the wall near the
    // person belong to it, pixels that match the wall outside the sure core do not.
    cv::Mat nearEdge;
    cv::dilate(mask, nearEdge, disk(3));
    mask |= nearEdge & (localDistance > highCut);
    cv::Mat erodedCore;
    cv::erode(mask, erodedCore, disk(3));
    mask &= ~(~erodedCore & (localDistance < lowCut) & ~priors.sure);
    mask |= priors.sure;
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, disk(1));
    keepComponentWith(mask, cv::Point(cvRound(face.points[30].x), cvRound(face.points[30].y)));
    fillHoles(mask);

    // Clutter: backdrop samples that misfit the wall and are not part of the person (a flag, a
    // door, another person); hair that reaches into the samples does not count.
    if (plate.empty()) {
        cv::Mat personZone;
        personZone = grown(mask, std::max(3, cvRound(face.faceWidth * 0.04)));
        const cv::Mat misfit = (distance > std::max(highCut, 25.0)) & samples & ~personZone;
        const double total = std::max(1, cv::countNonZero(samples));
        result.clutter =
            std::max(cv::countNonZero(misfit) / total, outliers > 0.45 ? outliers : 0.0);
    }

    // How far the person reaches beyond where a head and shoulders can be: hair falls a little
    // past the prior, a building or a crowd fused with the person reaches far.
    {
        cv::Mat zone;
        zone = grown(priors.likely, std::max(3, cvRound(face.faceWidth * 0.15)));
        result.overreach =
            double(cv::countNonZero(mask & ~zone)) / std::max(1, cv::countNonZero(priors.likely));
    }

    // 3. The soft edge: a trimap band around the hard edge (wide over the hair), alpha from the
    // known backdrop (I = a F + (1 - a) B, F propagated inwards from the sure person), then a
    // guided filter to follow the image's own edges.
    const int band = std::max(2, cvRound(face.faceWidth * 0.02));
    const int hairBand = std::max(band + 2, cvRound(face.faceWidth * 0.05));
    cv::Mat sureFg, sureBgWide, sureBgNarrow;
    sureFg = shrunk(mask, band);
    sureBgNarrow = grown(mask, band);
    sureBgWide = grown(mask, hairBand);
    cv::Mat outer = sureBgNarrow.clone();
    sureBgWide.copyTo(outer, priors.headZone);
    sureFg |= priors.sure;
    const cv::Mat unknown = outer & ~sureFg;

    cv::Mat img32;
    image.convertTo(img32, CV_32FC3);
    // Person colours spread outwards into the band (normalised convolution), at quarter size:
    // the spread colours are smooth, and a wide blur at full size is the costliest step.
    const double q = 0.25;
    cv::Mat smallImg, smallFg;
    cv::resize(img32, smallImg, cv::Size(), q, q, cv::INTER_AREA);
    cv::resize(sureFg, smallFg, smallImg.size(), 0, 0, cv::INTER_NEAREST);
    cv::Mat fgWeight;
    smallFg.convertTo(fgWeight, CV_32F, 1.0 / 255.0);
    cv::Mat fgColours = smallImg.clone();
    fgColours.setTo(cv::Scalar::all(0), ~smallFg);
    const double sigma = std::max(1.0, hairBand * q);
    cv::Mat spreadColours, spreadWeight;
    cv::GaussianBlur(fgColours, spreadColours, cv::Size(), sigma);
    cv::GaussianBlur(fgWeight, spreadWeight, cv::Size(), sigma);
    cv::Mat weight3;
    cv::merge(std::vector<cv::Mat>{spreadWeight, spreadWeight, spreadWeight}, weight3);
    cv::Mat smallEstimate, fgEstimate;
    cv::divide(spreadColours, cv::max(weight3, 1e-4), smallEstimate);
    cv::resize(smallEstimate, fgEstimate, image.size(), 0, 0, cv::INTER_LINEAR);

    cv::Mat hard;
    mask.convertTo(hard, CV_32F, 1.0 / 255.0);
    cv::Mat alpha = hard.clone();
    for (int y = 0; y < image.rows; ++y) {
        const uchar* u = unknown.ptr<uchar>(y);
        const auto* I = img32.ptr<cv::Vec3f>(y);
        const auto* B = result.backdrop.ptr<cv::Vec3f>(y);
        const auto* F = fgEstimate.ptr<cv::Vec3f>(y);
        const float* h = hard.ptr<float>(y);
        float* a = alpha.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (!u[x]) continue;
            const cv::Vec3f fb = F[x] - B[x];
            const float len2 = fb.dot(fb);
            if (len2 < 25.0f * 25.0f) {
                a[x] = h[x];  // person and wall look alike here: trust the segmentation
                continue;
            }
            const float est = std::clamp((I[x] - B[x]).dot(fb) / len2, 0.0f, 1.0f);
            // Blend with the hard mask where the colour evidence is weak.
            const float confidence = std::min(1.0f, (std::sqrt(len2) - 25.0f) / 40.0f);
            a[x] = confidence * est + (1 - confidence) * h[x];
        }
    }
    cv::Mat guide;
    cv::cvtColor(image, guide, cv::COLOR_BGR2GRAY);
    cv::Mat smooth;
    cv::ximgproc::guidedFilter(guide, alpha, smooth, std::max(2, band), 1e-3);
    smooth.copyTo(alpha, unknown);
    alpha.setTo(1.0f, sureFg);
    alpha.setTo(0.0f, ~outer);
    alpha = cv::min(cv::max(alpha, 0.0f), 1.0f);
    result.alpha = alpha;

    // 4. The person's own colours at the edge, with the old wall taken out (no colour spill).
    result.foreground = img32.clone();
    for (int y = 0; y < image.rows; ++y) {
        const float* a = alpha.ptr<float>(y);
        const auto* I = img32.ptr<cv::Vec3f>(y);
        const auto* B = result.backdrop.ptr<cv::Vec3f>(y);
        const auto* Fe = fgEstimate.ptr<cv::Vec3f>(y);
        auto* F = result.foreground.ptr<cv::Vec3f>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (a[x] >= 0.98f || a[x] <= 0.0f) continue;
            cv::Vec3f unmixed = (I[x] - (1.0f - a[x]) * B[x]) / std::max(a[x], 0.05f);
            for (int c = 0; c < 3; ++c) unmixed[c] = std::clamp(unmixed[c], 0.0f, 255.0f);
            // Where alpha is small the unmixed colour is noisy: lean on the propagated colour.
            const float trust = std::clamp((a[x] - 0.15f) / 0.5f, 0.0f, 1.0f);
            F[x] = trust * unmixed + (1.0f - trust) * Fe[x];
        }
    }
    return result;
}

int headTopRow(const cv::Mat& alpha, double centerX, double faceWidth) {
    const int x0 = std::clamp(cvRound(centerX - 0.3 * faceWidth), 0, alpha.cols - 1);
    const int x1 = std::clamp(cvRound(centerX + 0.3 * faceWidth), x0 + 1, alpha.cols);
    const int need = std::max(2, (x1 - x0) / 12);
    for (int y = 0; y < alpha.rows; ++y) {
        const float* a = alpha.ptr<float>(y);
        int count = 0;
        for (int x = x0; x < x1; ++x) count += a[x] > 0.5f;
        if (count >= need) return y;
    }
    return -1;
}

}  // namespace gradphoto
