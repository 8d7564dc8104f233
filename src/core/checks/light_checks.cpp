// Light, exposure, focus, red eye and retouching: CHSI "light" and "integrity" rows, seed §10
// items 1, 6 and 7.

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"

namespace gradphoto::checks {

namespace {

// The face polygon split at the nose line: the image-left and image-right halves.
std::pair<cv::Mat, cv::Mat> faceHalves(const CheckSession& s) {
    const int split = cvRound(s.workFace().points[30].x);
    cv::Mat left = s.faceMask().clone(), right = s.faceMask().clone();
    const int w = left.cols;
    const int sx = std::clamp(split, 0, w);
    left(cv::Rect(sx, 0, w - sx, left.rows)).setTo(0);
    right(cv::Rect(0, 0, sx, right.rows)).setTo(0);
    // Only below the eyes (cheeks and jaw: no hair, no brows), without the mouth.
    const int top =
        std::clamp(cvRound(s.workFace().eyeLineY() + 0.05 * s.workFace().faceWidth), 0, left.rows);
    left(cv::Rect(0, 0, w, top)).setTo(0);
    right(cv::Rect(0, 0, w, top)).setTo(0);
    for (const cv::Rect& r : {s.regions().leftEye, s.regions().rightEye, s.regions().mouth}) {
        left(r).setTo(0);
        right(r).setTo(0);
    }
    return {left, right};
}

class FaceLighting final : public ComplianceCheck {
  public:
    std::string id() const override { return "face_lighting"; }
    std::string rule() const override {
        return "seed §10.6 no shadows, no half-lit face (阴阳脸); CHSI light: even, no asymmetric "
               "highlights";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return unknownResult(id(), kNoFaceZh, kNoFaceEn);
        const cv::Mat l = labChannel(s, 0);
        const auto [left, right] = faceHalves(s);
        const cv::Rect all(0, 0, l.cols, l.rows);
        const double halfL = meanIn(l, all, left), halfR = meanIn(l, all, right);
        const double cheekL = meanIn(l, s.regions().leftCheek),
                     cheekR = meanIn(l, s.regions().rightCheek);
        if (!std::isfinite(halfL) || !std::isfinite(halfR) || !std::isfinite(cheekL) ||
            !std::isfinite(cheekR))
            return unknownResult(id(), "脸部区域不完整", "part of the face is outside the image");
        const double halves = std::abs(halfL - halfR);
        const double cheeks = std::abs(cheekL - cheekR);
        const double diff = std::max(halves, 0.5 * (halves + cheeks));
        const CheckStatus st = grade(diff, t.number("warn_delta_l"), t.number("fail_delta_l"));
        return makeResult(
            id(), st, rounded(diff, 1), t.number("fail_delta_l"),
            st == CheckStatus::kPass ? "脸部光线均匀" : "脸部左右光线不均匀，请调整灯光",
            "left/right face lightness differs by " + fixed(diff) + " L* (halves " + fixed(halves) +
                ", cheeks " + fixed(cheeks) + ")");
    }
};

class Exposure final : public ComplianceCheck {
    // No face: a burnt-out or black frame is still an exposure fault (and may be why no face
    // was found); anything else cannot be judged.
    CheckResult withoutFace(const CheckSession& s, const CheckThresholds& t) const {
        cv::Mat g;
        cv::cvtColor(s.image(), g, cv::COLOR_BGR2GRAY);
        const double mean = cv::mean(g)[0];
        const double clipped = double(cv::countNonZero(g >= 250)) / double(g.total());
        const nlohmann::json value = {{"image_mean", rounded(mean, 1)},
                                      {"clipped", rounded(clipped, 3)}};
        if (clipped > t.number("fail_clipped_frame") || mean > t.number("fail_bright"))
            return makeResult(id(), CheckStatus::kFail, value, t.number("fail_clipped_frame"),
                              "照片严重过曝，请减弱灯光",
                              "no face found and the frame is over-exposed");
        if (mean < t.number("fail_dark"))
            return makeResult(id(), CheckStatus::kFail, value, t.number("fail_dark"),
                              "照片太暗，请增加灯光",
                              "no face found and the frame is under-exposed");
        return unknownResult(id(), kNoFaceZh, kNoFaceEn);
    }

  public:
    std::string id() const override { return "exposure"; }
    std::string rule() const override {
        return "seed §10.1 good light; CHSI integrity: true colours (no under/over exposure, no "
               "clipped highlights on the face)";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return withoutFace(s, t);
        const cv::Mat& g = s.workGrey();
        cv::Mat skin = s.faceMask().clone();
        for (const cv::Rect& r : {s.regions().leftEye, s.regions().rightEye, s.regions().mouth})
            skin(r).setTo(0);
        const int n = cv::countNonZero(skin);
        if (n < 50) return unknownResult(id(), "脸部区域太小", "face region too small");
        const double mean = cv::mean(g, skin)[0];
        cv::Mat hi = (g >= 250) & skin;
        const double clipped = double(cv::countNonZero(hi)) / n;
        // The brightest 1% of the whole working image: a dark face in a bright scene is skin,
        // a dark face in a dark scene is under-exposure.
        std::vector<uchar> values(g.begin<uchar>(), g.end<uchar>());
        std::nth_element(values.begin(), values.begin() + values.size() * 99 / 100, values.end());
        const double p99 = values[values.size() * 99 / 100];
        const nlohmann::json value = {
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
            zh = "照片太暗，请增加灯光", en = "under-exposed";
        else if (over != CheckStatus::kPass)
            zh = "照片过亮，脸部有过曝，请减弱灯光", en = "over-exposed";
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

class Sharpness final : public ComplianceCheck {
  public:
    std::string id() const override { return "sharpness"; }
    std::string rule() const override {
        return "CHSI integrity: sharp focus, no distortion (noise and compression artefacts "
               "included)";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return unknownResult(id(), kNoFaceZh, kNoFaceEn);
        const cv::Rect box = cv::boundingRect(s.regions().faceOutline) &
                             cv::Rect(0, 0, s.work().cols, s.work().rows);
        if (box.area() < 400) return unknownResult(id(), "脸部区域太小", "face region too small");
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
        // Compression: block edges in the original image around the face.
        const cv::Rect fb = cv::Rect(s.face().box) & cv::Rect(0, 0, s.image().cols, s.image().rows);
        cv::Mat og;
        cv::cvtColor(s.image()(fb), og, cv::COLOR_BGR2GRAY);
        const double blocks = blockiness(og, fb.x);
        const CheckStatus byFocus =
            grade(focus, t.number("warn_focus"), t.number("fail_focus"), true);
        const CheckStatus byNoise = grade(noise, t.number("warn_noise"), t.number("fail_noise"));
        const CheckStatus byBlocks =
            grade(blocks, t.number("warn_blockiness"), t.number("fail_blockiness"));
        const CheckStatus st = std::max({byFocus, byNoise, byBlocks});
        std::string zh = "对焦清晰";
        if (byFocus != CheckStatus::kPass)
            zh = "照片模糊，请保持不动并重新对焦";
        else if (st != CheckStatus::kPass)
            zh = "照片噪点或压缩痕迹过多，请重拍";
        return makeResult(id(), st,
                          {{"focus", rounded(focus, 2)},
                           {"noise", rounded(noise, 2)},
                           {"blockiness", rounded(blocks, 2)}},
                          {{"focus", t.number("fail_focus")},
                           {"noise", t.number("fail_noise")},
                           {"blockiness", t.number("fail_blockiness")}},
                          zh,
                          "face detail " + fixed(focus, 2) + ", cheek noise " + fixed(noise, 2) +
                              ", JPEG blockiness " + fixed(blocks, 2));
    }
};

class RedEye final : public ComplianceCheck {
  public:
    std::string id() const override { return "red_eye"; }
    std::string rule() const override { return "CHSI light: no red eye"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return unknownResult(id(), kNoFaceZh, kNoFaceEn);
        if (s.greyscale()) return unknownResult(id(), "黑白照片无法判断红眼", "greyscale image");
        const auto& p = s.workFace().points;
        double worst = 0;
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
                    red += r > 100 && r > t.number("red_over_green") * g &&
                           r > t.number("red_over_green") * b;
                }
            }
            if (n > 0) worst = std::max(worst, double(red) / n);
        }
        const CheckStatus st = grade(worst, t.number("warn_share"), t.number("fail_share"));
        return makeResult(id(), st, rounded(worst, 3), t.number("fail_share"),
                          st == CheckStatus::kPass ? "无红眼" : "有红眼，请调整闪光灯后重拍",
                          "red pixels " + fixed(worst * 100) + "% of the eye");
    }
};

class Retouching final : public ComplianceCheck {
  public:
    std::string id() const override { return "retouching"; }
    std::string rule() const override {
        return "seed §10.7 no beauty filters or makeup; CHSI integrity: no retouching of features";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace()) return unknownResult(id(), kNoFaceZh, kNoFaceEn);
        if (s.workScale() > t.number("max_upscale"))
            return unknownResult(id(), "分辨率太低，看不清皮肤纹理",
                                 "resolution too low to see skin texture");
        // Skin texture on the cheeks against the detail of the eyes: a beauty filter smooths
        // the first and keeps the second.
        auto detail = [&](const cv::Rect& r) {
            if (r.area() < 25) return std::nan("");
            cv::Mat g, b;
            s.workGrey()(r).convertTo(g, CV_32F);
            cv::GaussianBlur(g, b, cv::Size(), 1.5);
            cv::Scalar m, sd;
            cv::meanStdDev(g - b, m, sd);
            return sd[0];
        };
        const double cheek = 0.5 * (detail(s.regions().leftCheek) + detail(s.regions().rightCheek));
        const double eyes = 0.5 * (detail(s.regions().leftEye) + detail(s.regions().rightEye));
        if (!std::isfinite(cheek) || !std::isfinite(eyes) || eyes <= 0)
            return unknownResult(id(), "脸部区域不完整", "face regions incomplete");
        const double ratio = cheek / eyes;
        const CheckStatus st =
            ratio < t.number("warn_texture_ratio") ? CheckStatus::kWarn : CheckStatus::kPass;
        return makeResult(
            id(), st, rounded(ratio, 3), t.number("warn_texture_ratio"),
            st == CheckStatus::kPass ? "未发现明显美颜（化妆与美瞳请工作人员目视确认）"
                                     : "皮肤过于平滑，可能使用了美颜，请工作人员确认",
            st == CheckStatus::kPass ? "skin texture present (ratio " + fixed(ratio, 3) +
                                           "); makeup and coloured lenses need a staff look"
                                     : "skin unusually smooth (texture ratio " + fixed(ratio, 3) +
                                           "): possible beauty filter, staff please check");
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
