// Light, exposure, focus, red eye and retouching: CHSI "light" and "integrity" rows, seed §10
// items 1, 6 and 7.

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"

namespace gradphoto::checks {

namespace {

// Luminance (CIE Y, relative) of a mean L* (0..100).
double luminanceOf(double l) {
    return std::pow((std::max(l, 0.0) + 16) / 116, 3);
}

// Mirrored skin patches: jaw point i and its mirror 16 - i, each moved part of the way towards
// the nose tip, and the forehead just above brow points 18-20 and their mirrors 25-23. Returns
// the light ratio of each pair in stops (log2 of image-left over image-right luminance), only for
// pairs whose patches both lie inside the image.
std::vector<double> mirroredPairStops(const CheckSession& s, const cv::Mat& l) {
    const auto& p = s.workFace().points;
    const double fw = s.workFace().faceWidth;
    const double r = 0.06 * fw;
    const cv::Rect inside(0, 0, l.cols, l.rows);
    auto patchL = [&](cv::Point2f c) {
        const cv::Rect box(cvRound(c.x - r), cvRound(c.y - r), cvRound(2 * r), cvRound(2 * r));
        if ((box & inside) != box || box.area() < 4) return std::nan("");
        return cv::mean(l(box))[0];
    };
    std::vector<std::pair<cv::Point2f, cv::Point2f>> pairs;
    for (int i = 1; i <= 6; ++i)
        for (const float t : {0.3f, 0.55f})
            pairs.emplace_back(p[i] + t * (p[30] - p[i]), p[16 - i] + t * (p[30] - p[16 - i]));
    const cv::Point2f up(0, float(-0.12 * fw));
    for (int i = 18; i <= 20; ++i) pairs.emplace_back(p[i] + up, p[43 - i] + up);
    std::vector<double> stops;
    for (const auto& [a, b] : pairs) {
        const double la = patchL(a), lb = patchL(b);
        if (std::isfinite(la) && std::isfinite(lb))
            stops.push_back(std::log2(luminanceOf(la) / std::max(1e-4, luminanceOf(lb))));
    }
    return stops;
}

// The L* histogram asymmetry of the two face halves: the skin of the face polygon (jaw and
// brows) on either side of the line from the nose bridge (point 27) to the chin (point 8),
// without eyes, brows, nose and lips (their own dark and light parts are not light). The
// distance is the earth mover's distance between the halves' L* histograms (1 L* bins), in L*
// units: the mean lightness gap between equally ranked pixels of the two halves. Its physical
// reading: a shadow that darkens a share s of one half by dL adds about s * dL, wherever on
// the half it falls (the median of mirrored patches sees only the pairs it covers), while skin
// texture and small highlights, which move few pixels, add little. Returns NaN when either half has
// fewer than minPixels pixels (a turned head or a face cut by the image's edge).
double histogramAsymmetry(const CheckSession& s, const cv::Mat& l, double minPixels) {
    const auto& p = s.workFace().points;
    const double fw = s.workFace().faceWidth;
    const cv::Rect box = cv::boundingRect(s.regions().faceOutline) & cv::Rect(0, 0, l.cols, l.rows);
    if (box.area() <= 0) return std::nan("");
    cv::Mat skin = s.faceMask()(box).clone();
    const cv::Point shift(-box.x, -box.y);
    auto cut = [&](int from, int to, double grow) {
        std::vector<cv::Point> part, hull;
        for (int i = from; i <= to; ++i)
            part.emplace_back(cvRound(p[i].x) + shift.x, cvRound(p[i].y) + shift.y);
        cv::convexHull(part, hull);
        cv::fillConvexPoly(skin, hull, 0);
        const int thick = std::max(1, cvRound(2 * grow * fw));
        cv::polylines(skin, hull, true, 0, thick);
    };
    cut(36, 41, 0.04);  // eyes
    cut(42, 47, 0.04);
    cut(17, 21, 0.04);  // brows
    cut(22, 26, 0.04);
    cut(27, 35, 0.03);  // nose
    cut(48, 59, 0.04);  // lips
    std::array<std::array<double, 101>, 2> hist{};
    std::array<double, 2> count{};
    const cv::Point2f a = p[27], d = p[8] - p[27];
    for (int y = 0; y < box.height; ++y) {
        const uchar* m = skin.ptr<uchar>(y);
        const float* lv = l.ptr<float>(y + box.y) + box.x;
        for (int x = 0; x < box.width; ++x) {
            if (!m[x]) continue;
            const float cross = d.x * (float(y + box.y) - a.y) - d.y * (float(x + box.x) - a.x);
            const int side = cross > 0 ? 1 : 0;
            hist[side][std::clamp(int(std::lround(lv[x])), 0, 100)] += 1;
            count[side] += 1;
        }
    }
    if (std::min(count[0], count[1]) < minPixels) return std::nan("");
    double fa = 0, fb = 0, emd = 0;
    for (int k = 0; k <= 100; ++k) {
        fa += hist[0][k] / count[0];
        fb += hist[1][k] / count[1];
        emd += std::abs(fa - fb);
    }
    return emd;
}

class FaceLighting final : public ComplianceCheck {
  public:
    std::string id() const override { return "face_lighting"; }
    std::string rule() const override {
        return "seed §10.6 no shadows, no half-lit face (阴阳脸); CHSI light: even, no asymmetric "
               "highlights";
    }
    // Two measures of the same L* channel. The median light ratio of mirrored skin patch pairs,
    // in stops: a half-lit face differs in every pair, while the 3D shading of a studio key light
    // (the nose's shadow side, the turn of one cheek) changes only a few pairs and moves the
    // median little. And the halves' histogram asymmetry (histogramAsymmetry): a shadow over
    // part of one half. The student cannot move the lights: the message asks them to face the
    // camera in the middle of the light and leaves the lights to staff.
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Mat l = labChannel(s, 0);
        std::vector<double> stops = mirroredPairStops(s, l);
        if (stops.size() < size_t(t.number("min_pairs")))
            return unknownResult(id(), "脸部区域不完整", "part of the face is outside the image");
        std::nth_element(stops.begin(), stops.begin() + stops.size() / 2, stops.end());
        const double median = stops[stops.size() / 2];
        const double ratio = std::abs(median);
        const double hist = histogramAsymmetry(s, l, t.number("min_half_px"));
        const CheckStatus byStops = grade(ratio, t.number("warn_stops"), t.number("fail_stops"));
        const CheckStatus byHist = std::isfinite(hist) ? grade(hist, t.number("warn_histogram"),
                                                               t.number("fail_histogram"))
                                                       : CheckStatus::kPass;
        const CheckStatus st = std::max(byStops, byHist);
        const std::string darker = median > 0 ? "image-right" : "image-left";
        std::string en = "left/right face light differs by " + fixed(ratio, 2) +
                         " stops (median of " + std::to_string(stops.size()) +
                         " mirrored skin patch pairs; " + darker +
                         " side darker), L* histogram "
                         "asymmetry ";
        en += std::isfinite(hist) ? fixed(hist, 1) + " L*"
                                  : std::string("not measured (a face half is too small)");
        if (st != CheckStatus::kPass)
            en += byStops >= byHist ? "; one side of the face is darker, staff check the lights"
                                    : "; a shadow over part of the face, staff check the lights";
        const nlohmann::json value = {
            {"stops", rounded(ratio, 2)},
            {"histogram",
             std::isfinite(hist) ? nlohmann::json(rounded(hist, 1)) : nlohmann::json(nullptr)}};
        return makeResult(
            id(), st, value,
            {{"stops", t.number("fail_stops")}, {"histogram", t.number("fail_histogram")}},
            st == CheckStatus::kPass ? "脸部光线均匀"
                                     : "脸部一侧偏暗，请正对镜头站在灯光中间（请工作人员调整灯光）",
            en);
    }
};

class Exposure final : public ComplianceCheck {
    // No face: a burnt-out or black frame is still an exposure fault (and may be why no face
    // was found); anything else cannot be judged.
    CheckResult withoutFace(const CheckSession& s, const CheckThresholds& t) const {
        cv::Mat g;
        cv::cvtColor(s.image(), g, cv::COLOR_BGR2GRAY);
        const double mean = cv::mean(g)[0];
        const double clipped =
            double(cv::countNonZero(g >= t.number("clip_level"))) / double(g.total());
        nlohmann::json value = {{"image_mean", rounded(mean, 1)}, {"clipped", rounded(clipped, 3)}};
        // "too": dark or bright, for whoever words the advice (the kiosk), not parsed from text.
        if (clipped > t.number("fail_clipped_frame") || mean > t.number("fail_bright"))
            return makeResult(id(), CheckStatus::kFail, with(value, "bright"),
                              t.number("fail_clipped_frame"), "照片严重过曝（请工作人员调整灯光）",
                              "no face found and the frame is over-exposed: staff check the "
                              "lights and the camera's exposure");
        if (mean < t.number("fail_dark"))
            return makeResult(id(), CheckStatus::kFail, with(value, "dark"), t.number("fail_dark"),
                              "照片太暗，请站到灯光下（请工作人员调整灯光）",
                              "no face found and the frame is under-exposed: staff check the "
                              "lights and the camera's exposure");
        return unknownResult(id(), kNoFaceZh, kNoFaceEn);
    }

    static nlohmann::json with(nlohmann::json value, const char* too) {
        value["too"] = too;
        return value;
    }

  public:
    std::string id() const override { return "exposure"; }
    std::string rule() const override {
        return "seed §10.1 good light; CHSI integrity: true colours (no under/over exposure, no "
               "clipped highlights on the face)";
    }
    bool needsFace() const override { return false; }  // the whole capture, without a face
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return withoutFace(s, t);
        const cv::Mat& g = s.workGrey();
        cv::Mat skin = s.faceMask().clone();
        for (const cv::Rect& r : {s.regions().leftEye, s.regions().rightEye, s.regions().mouth})
            skin(r).setTo(0);
        const int n = cv::countNonZero(skin);
        if (n < t.number("min_skin_px"))
            return unknownResult(id(), "脸部区域太小", "face region too small");
        const double mean = cv::mean(g, skin)[0];
        cv::Mat hi = (g >= t.number("clip_level")) & skin;
        const double clipped = double(cv::countNonZero(hi)) / n;
        // The brightest 1% (scene_quantile) of the whole working image: a dark face in a bright
        // scene is skin, a dark face in a dark scene is under-exposure.
        std::vector<uchar> values(g.begin<uchar>(), g.end<uchar>());
        const size_t at =
            std::min(values.size() - 1, size_t(double(values.size()) * t.number("scene_quantile")));
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
        const double p99 = values[at];
        nlohmann::json value = {
            {"face_mean", rounded(mean, 1)}, {"clipped", rounded(clipped, 3)}, {"p99", p99}};
        const nlohmann::json limit = {
            {"face_mean", {t.number("fail_dark"), t.number("fail_bright")}},
            {"clipped", t.number("fail_clipped")},
            {"p99", t.number("fail_p99")}};
        CheckStatus under =
            std::max(grade(mean, t.number("warn_dark"), t.number("fail_dark"), true),
                     grade(p99, t.number("warn_p99"), t.number("fail_p99"), true));
        if (p99 >= t.number("warn_p99") && under == CheckStatus::kFail) under = CheckStatus::kWarn;
        const CheckStatus over =
            std::max(grade(clipped, t.number("warn_clipped"), t.number("fail_clipped")),
                     grade(mean, t.number("warn_bright"), t.number("fail_bright")));
        const CheckStatus st = std::max(under, over);
        std::string zh = "曝光正常", en = "exposure fine";
        if (under >= over && under != CheckStatus::kPass)
            zh = "脸部太暗，请站到灯光中间、正对镜头（请工作人员调整灯光）",
            en = "under-exposed (staff check the lights)", value["too"] = "dark";
        else if (over != CheckStatus::kPass)
            zh = "脸部过亮（请工作人员调整灯光）", en = "over-exposed (staff check the lights)",
            value["too"] = "bright";
        return makeResult(id(), st, value, limit, zh,
                          en + ": face mean " + fixed(mean) + ", clipped " + fixed(clipped * 100) +
                              "%, scene p99 " + fixed(p99, 0));
    }
};

// Mean absolute step across the 8x8 JPEG block edges over the mean step inside blocks; x0 is
// the crop's column in the decoded image, whose grid the blocks follow.
double blockiness(const cv::Mat& grey, int x0) {
    double edge = 0, inner = 0;
    long ne = 0, ni = 0;
    for (int y = 0; y < grey.rows; ++y) {
        const uchar* r = grey.ptr<uchar>(y);
        for (int x = 1; x < grey.cols; ++x) {
            const int d = std::abs(int(r[x]) - int(r[x - 1]));
            if ((x0 + x) % 8 == 0)
                edge += d, ++ne;
            else
                inner += d, ++ni;
        }
    }
    if (!ne || !ni || inner <= 0) return 1;
    return (edge / ne) / (inner / ni);
}

// Colour grain on the cheeks: the mean absolute difference of each chroma channel (YCrCb) from
// its 3x3 median. A camera's or a JPEG's colour is smooth at the pixel scale (the chroma is
// interpolated or subsampled) while skin texture is mostly luminance, so grain here is sensor
// noise, which strikes the three colour channels independently.
double chromaGrain(const CheckSession& s) {
    double sum = 0;
    int cheeks = 0;
    for (const cv::Rect& r : {s.regions().leftCheek, s.regions().rightCheek}) {
        if (r.area() < 25) continue;
        cv::Mat ycc, med, d;
        cv::cvtColor(s.work()(r), ycc, cv::COLOR_BGR2YCrCb);
        cv::medianBlur(ycc, med, 3);
        cv::absdiff(ycc, med, d);
        const cv::Scalar m = cv::mean(d);
        sum += (m[1] + m[2]) / 2;
        ++cheeks;
    }
    return cheeks ? sum / cheeks : 0;
}

class Sharpness final : public ComplianceCheck {
  public:
    std::string id() const override { return "sharpness"; }
    std::string rule() const override {
        return "CHSI integrity: sharp focus, no distortion (noise and compression artefacts "
               "included)";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Rect box = cv::boundingRect(s.regions().faceOutline) &
                             cv::Rect(0, 0, s.work().cols, s.work().rows);
        if (box.area() < t.number("min_face_box_px"))
            return unknownResult(id(), "脸部区域太小", "face region too small");
        cv::Mat g;
        s.workGrey()(box).convertTo(g, CV_32F);
        // Focus: band-pass energy (difference of Gaussians) relative to the face's contrast, at
        // the normalised face width.
        cv::Mat b1, b2;
        cv::GaussianBlur(g, b1, cv::Size(), 1.0);
        cv::GaussianBlur(g, b2, cv::Size(), 2.0);
        cv::Mat band = b1 - b2;
        cv::Scalar m, sd;
        cv::meanStdDev(band, m, sd, s.faceMask()(box));
        const double focus = sd[0];
        // Noise: the finest detail (pixel minus its 3x3 median) on the cheeks.
        double noise = 0;
        int cheeks = 0;
        for (const cv::Rect& r : {s.regions().leftCheek, s.regions().rightCheek}) {
            if (r.area() < 25) continue;
            cv::Mat c = s.workGrey()(r), med, d;
            cv::medianBlur(c, med, 3);
            cv::absdiff(c, med, d);
            noise += cv::mean(d)[0];
            ++cheeks;
        }
        noise = cheeks ? noise / cheeks : 0;
        const double grain = s.greyscale() ? 0.0 : chromaGrain(s);
        // Compression: block edges in the original image around the face.
        const cv::Rect fb = cv::Rect(s.face().box) & cv::Rect(0, 0, s.image().cols, s.image().rows);
        cv::Mat og;
        cv::cvtColor(s.image()(fb), og, cv::COLOR_BGR2GRAY);
        const double blocks = blockiness(og, fb.x);
        const CheckStatus byFocus =
            grade(focus, t.number("warn_focus"), t.number("fail_focus"), true);
        CheckStatus byNoise = grade(noise, t.number("warn_noise"), t.number("fail_noise"));
        if (!s.greyscale())
            byNoise = std::max(byNoise, grade(grain, t.number("warn_chroma_grain"),
                                              t.number("fail_chroma_grain")));
        const CheckStatus byBlocks =
            grade(blocks, t.number("warn_blockiness"), t.number("fail_blockiness"));
        const CheckStatus st = std::max({byFocus, byNoise, byBlocks});
        std::string zh = "对焦清晰";
        // "cause": blur (hold still, refocus) or noise (retake), for whoever words the advice.
        nlohmann::json value = {{"focus", rounded(focus, 2)},
                                {"noise", rounded(noise, 2)},
                                {"chroma_grain", s.greyscale() ? nlohmann::json(nullptr)
                                                               : nlohmann::json(rounded(grain, 2))},
                                {"blockiness", rounded(blocks, 2)}};
        if (byFocus != CheckStatus::kPass)
            zh = "照片模糊，请保持不动并重新对焦", value["cause"] = "blur";
        else if (st != CheckStatus::kPass)
            zh = "照片噪点或压缩痕迹过多，请重拍", value["cause"] = "noise";
        return makeResult(id(), st, value,
                          {{"focus", t.number("fail_focus")},
                           {"noise", t.number("fail_noise")},
                           {"chroma_grain", t.number("fail_chroma_grain")},
                           {"blockiness", t.number("fail_blockiness")}},
                          zh,
                          "face detail " + fixed(focus, 2) + ", cheek noise " + fixed(noise, 2) +
                              ", colour grain " +
                              (s.greyscale() ? std::string("not judged") : fixed(grain, 2)) +
                              ", JPEG blockiness " + fixed(blocks, 2));
    }
};

class RedEye final : public ComplianceCheck {
  public:
    std::string id() const override { return "red_eye"; }
    std::string rule() const override { return "CHSI light: no red eye"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (s.greyscale()) return unknownResult(id(), "黑白照片无法判断红眼", "greyscale image");
        const auto& p = s.workFace().points;
        double worst = 0;
        int judged = 0;  // eyes with pixels left after the erosion
        const double minRed = t.number("red_min_level"), overGreen = t.number("red_over_green");
        for (int o : {36, 42}) {
            std::vector<cv::Point> eye;
            for (int i = o; i < o + 6; ++i) eye.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
            cv::Mat mask = cv::Mat::zeros(s.work().size(), CV_8U);
            cv::fillConvexPoly(mask, eye, 255);
            cv::erode(mask, mask, cv::Mat(), cv::Point(-1, -1), 2);
            int red = 0, n = 0;
            for (int y = 0; y < mask.rows; ++y) {
                const uchar* m = mask.ptr<uchar>(y);
                const cv::Vec3b* c = s.work().ptr<cv::Vec3b>(y);
                for (int x = 0; x < mask.cols; ++x) {
                    if (!m[x]) continue;
                    ++n;
                    const double r = c[x][2], g = c[x][1], b = c[x][0];
                    red += r > minRed && r > overGreen * g && r > overGreen * b;
                }
            }
            if (n > 0) worst = std::max(worst, double(red) / n), ++judged;
        }
        // Both eyes eroded away: the eyes are too narrow or closed to see a pupil, which is
        // "cannot judge", not "no red eye".
        if (judged == 0)
            return unknownResult(id(), "眼睛太小或闭着，看不到瞳孔",
                                 "no pupil area left inside either eye's landmarks (eyes narrow "
                                 "or closed)");
        const CheckStatus st = grade(worst, t.number("warn_share"), t.number("fail_share"));
        return makeResult(
            id(), st, rounded(worst, 3), t.number("fail_share"),
            st == CheckStatus::kPass ? "无红眼" : "有红眼，需要重拍（请工作人员调整闪光灯）",
            "red pixels " + fixed(worst * 100) + "% of the eye" +
                (st == CheckStatus::kPass ? std::string() : "; staff check the flash and retake"));
    }
};

// The face at the capture's own resolution or below (never enlarged: interpolation would smooth
// away the very texture measured), as grey with its landmarks.
struct NativeFace {
    cv::Mat grey;
    std::array<cv::Point2f, 68> points;
    double width = 0;
};

NativeFace nativeFace(const CheckSession& s) {
    const FaceLandmarks& f = s.face();
    const double k = std::min(1.0, s.workScale());
    const double m = 0.25 * f.faceWidth;
    cv::Rect2f around =
        cv::boundingRect(std::vector<cv::Point2f>(f.points.begin(), f.points.end()));
    around = cv::Rect2f(around.x - m, around.y - m, around.width + 2 * m, around.height + 2 * m);
    const cv::Rect box = cv::Rect(around) & cv::Rect(0, 0, s.image().cols, s.image().rows);
    NativeFace out;
    if (box.area() <= 0) return out;
    cv::cvtColor(s.image()(box), out.grey, cv::COLOR_BGR2GRAY);
    if (k < 1) cv::resize(out.grey, out.grey, cv::Size(), k, k, cv::INTER_AREA);
    for (size_t i = 0; i < f.points.size(); ++i)
        out.points[i] = (f.points[i] - cv::Point2f(float(box.x), float(box.y))) * float(k);
    out.width = f.faceWidth * k;
    return out;
}

// The convex hull of landmarks from..to, grown by grow px.
cv::Mat landmarkHull(const NativeFace& f, int from, int to, double grow) {
    std::vector<cv::Point> part, hull;
    for (int i = from; i <= to; ++i)
        part.emplace_back(cvRound(f.points[i].x), cvRound(f.points[i].y));
    cv::convexHull(part, hull);
    cv::Mat m = cv::Mat::zeros(f.grey.size(), CV_8U);
    cv::fillConvexPoly(m, hull, 255);
    if (cvRound(grow) > 0) cv::dilate(m, m, cv::Mat(), cv::Point(-1, -1), cvRound(grow));
    return m;
}

double medianAbsIn(const cv::Mat& f32, const cv::Mat& mask) {
    std::vector<float> v;
    for (int y = 0; y < f32.rows; ++y) {
        const float* r = f32.ptr<float>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < f32.cols; ++x)
            if (m[x]) v.push_back(std::abs(r[x]));
    }
    if (v.empty()) return std::nan("");
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

class Retouching final : public ComplianceCheck {
  public:
    std::string id() const override { return "retouching"; }
    std::string rule() const override {
        return "seed §10.7 no beauty filters or makeup; CHSI integrity: no retouching of features";
    }
    // A beauty filter removes the skin's micro-texture (pores, fine wrinkles, sensor grain) and
    // keeps the edges of eyes and brows. Measured at the capture's own resolution: the finest
    // detail (pixel minus a 0.7 px Gaussian) on cheeks, forehead and chin, its median (edges are
    // few), against the same detail around eyes and brows, which a filter leaves alone.
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const NativeFace f = nativeFace(s);
        if (f.width < t.number("min_face_px"))
            return unknownResult(
                id(), "分辨率太低，看不清皮肤纹理",
                "resolution too low to see skin texture (face " + fixed(f.width, 0) + " px wide)");
        const double fw = f.width;
        cv::Mat skin = cv::Mat::zeros(f.grey.size(), CV_8U);
        std::vector<cv::Point> outline;
        for (int i = 0; i <= 16; ++i)
            outline.emplace_back(cvRound(f.points[i].x), cvRound(f.points[i].y));
        for (int i = 26; i >= 17; --i)
            outline.emplace_back(cvRound(f.points[i].x), cvRound(f.points[i].y - 0.04 * fw));
        cv::fillPoly(skin, std::vector<std::vector<cv::Point>>{outline}, 255);
        cv::erode(skin, skin, cv::Mat(), cv::Point(-1, -1), std::max(1, cvRound(0.04 * fw)));
        const cv::Mat eyes =
            landmarkHull(f, 36, 41, 0.03 * fw) | landmarkHull(f, 42, 47, 0.03 * fw);
        const cv::Mat brows =
            landmarkHull(f, 17, 21, 0.02 * fw) | landmarkHull(f, 22, 26, 0.02 * fw);
        skin.setTo(0, landmarkHull(f, 36, 41, 0.06 * fw) | landmarkHull(f, 42, 47, 0.06 * fw));
        skin.setTo(0, landmarkHull(f, 17, 21, 0.05 * fw) | landmarkHull(f, 22, 26, 0.05 * fw));
        skin.setTo(0, landmarkHull(f, 48, 59, 0.05 * fw));
        skin.setTo(0, landmarkHull(f, 27, 35, 0.03 * fw));
        if (cv::countNonZero(skin) < 100)
            return unknownResult(id(), "脸部区域不完整", "face regions incomplete");
        cv::Mat g, b;
        f.grey.convertTo(g, CV_32F);
        cv::GaussianBlur(g, b, cv::Size(), 0.7);
        const cv::Mat fine = cv::abs(g - b);
        const double texture = medianAbsIn(fine, skin);
        const double detail = cv::mean(fine, eyes | brows)[0];
        const cv::Rect fb = cv::Rect(s.face().box) & cv::Rect(0, 0, s.image().cols, s.image().rows);
        cv::Mat og;
        cv::cvtColor(s.image()(fb), og, cv::COLOR_BGR2GRAY);
        const double blocks = blockiness(og, fb.x);
        const double ratio = texture / std::max(1e-3, detail);
        const nlohmann::json value = {{"skin_texture", rounded(texture, 3)},
                                      {"feature_detail", rounded(detail, 2)},
                                      {"ratio", rounded(ratio, 3)},
                                      {"blockiness", rounded(blocks, 2)}};
        const std::string measured = "skin texture " + fixed(texture, 2) + ", eye/brow detail " +
                                     fixed(detail, 2) + ", ratio " + fixed(ratio, 3);
        // Where the whole photo lacks fine detail, or compression flattened it, a smooth skin
        // says nothing about a filter: sharpness reports those; staff look.
        if (detail < t.number("min_feature_detail"))
            return makeResult(id(), CheckStatus::kUnknown, value, t.number("min_feature_detail"),
                              "照片模糊，无法判断是否美颜，请工作人员确认",
                              "cannot assess: the whole face lacks fine detail (blur; " + measured +
                                  "); staff please check");
        if (blocks >= t.number("max_blockiness"))
            return makeResult(id(), CheckStatus::kUnknown, value, t.number("max_blockiness"),
                              "照片压缩过度，无法判断是否美颜，请工作人员确认",
                              "cannot assess: JPEG compression flattened the skin (blockiness " +
                                  fixed(blocks, 2) + "); staff please check");
        // Only warns: the fail levels are the measures' floor (0), never reached, so a score runs
        // from the warn level's 60 down to 30 at no texture at all.
        const CheckStatus st = std::max(
            grade(texture, t.number("warn_skin_texture"), t.number("fail_skin_texture"), true),
            grade(ratio, t.number("warn_texture_ratio"), t.number("fail_texture_ratio"), true));
        return makeResult(
            id(), st, value,
            {{"skin_texture", t.number("warn_skin_texture")},
             {"ratio", t.number("warn_texture_ratio")}},
            st == CheckStatus::kPass ? "未发现明显美颜（化妆与美瞳请工作人员目视确认）"
                                     : "皮肤过于平滑，可能使用了美颜，请工作人员确认",
            st == CheckStatus::kPass ? "skin texture present (" + measured +
                                           "); makeup and coloured lenses cannot be judged "
                                           "from pixels: staff confirm by eye"
                                     : "skin unusually smooth (" + measured +
                                           "): possible beauty filter, staff please "
                                           "check");
    }
};

}  // namespace

void addLightChecks(CheckRegistry& r) {
    registerCheck<FaceLighting>(r);
    registerCheck<Exposure>(r);
    registerCheck<Sharpness>(r);
    registerCheck<RedEye>(r);
    registerCheck<Retouching>(r);
}

}  // namespace gradphoto::checks
