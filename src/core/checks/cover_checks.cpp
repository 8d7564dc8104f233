// Glasses, hair, headwear and jewellery: CHSI "glasses" and "cover" rows, seed §10 items 3 and 4.
// Pixels decide these only partly: where they cannot, the result is `warn` asking staff to look.

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"

namespace gradphoto::checks {

namespace {

cv::Mat eyePolygonMask(const CheckSession& s, int from) {
    const auto& p = s.workFace().points;
    std::vector<cv::Point> eye;
    for (int i = from; i < from + 6; ++i) eye.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    cv::Mat mask = cv::Mat::zeros(s.work().size(), CV_8U);
    cv::fillConvexPoly(mask, eye, 255);
    cv::dilate(mask, mask, cv::Mat(), cv::Point(-1, -1), 2);
    return mask;
}

// Edge density on the nose bridge between the eyes: a glasses bridge or rim draws lines there.
double bridgeEdges(const CheckSession& s) {
    const auto& p = s.workFace().points;
    const double fw = s.workFace().faceWidth;
    const cv::Rect r =
        cv::Rect(cv::Point(cvRound(p[39].x + 0.02 * fw), cvRound(p[27].y - 0.06 * fw)),
                 cv::Point(cvRound(p[42].x - 0.02 * fw), cvRound(p[28].y + 0.02 * fw))) &
        cv::Rect(0, 0, s.work().cols, s.work().rows);
    if (r.area() < 20) return 0;
    cv::Mat gy;
    cv::Sobel(s.workGrey()(r), gy, CV_32F, 0, 1);
    return cv::mean(cv::abs(gy))[0];
}

// The mean skin colour (Lab) of both cheeks.
cv::Vec3f cheekSkin(const CheckSession& s) {
    cv::Scalar a = cv::mean(s.workLab()(s.regions().leftCheek)),
               b = cv::mean(s.workLab()(s.regions().rightCheek));
    return cv::Vec3f(float((a[0] + b[0]) / 2), float((a[1] + b[1]) / 2), float((a[2] + b[2]) / 2));
}

bool skinLike(const cv::Vec3f& l, const cv::Vec3f& skin, double chromaDelta, double lDelta) {
    return std::hypot(l[1] - skin[1], l[2] - skin[2]) < chromaDelta &&
           std::abs(l[0] - skin[0]) < lDelta;
}

// Share of rect's pixels that look like the cheeks' skin. With a person matte, only the person's
// pixels count (an ear area that reaches into the backdrop is not hidden by it); NaN when too
// few of them are left.
double skinShare(const CheckSession& s, const cv::Rect& rect, const CheckThresholds& t,
                 const cv::Mat& personAlpha = {}) {
    if (rect.area() < 10) return std::nan("");
    const cv::Vec3f skin = cheekSkin(s);
    const cv::Mat lab = s.workLab()(rect);
    const cv::Mat alpha = personAlpha.empty() ? cv::Mat{} : personAlpha(rect);
    int n = 0, counted = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
        const float* a = alpha.empty() ? nullptr : alpha.ptr<float>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (a && a[x] < 0.5f) continue;
            ++counted;
            n += skinLike(l[x], skin, t.number("skin_chroma_delta"), t.number("skin_l_delta"));
        }
    }
    if (counted < std::max(10.0, t.number("min_person_share", 0) * rect.area()))
        return std::nan("");
    return double(n) / counted;
}

class GlassesTint final : public ComplianceCheck {
  public:
    std::string id() const override { return "glasses_tint"; }
    std::string rule() const override {
        return "seed §10.4 glasses never tinted; CHSI glasses: no tinted lenses, frames must not "
               "cover the eyes";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Mat l = labChannel(s, 0);
        const double cheek =
            0.5 * (meanIn(l, s.regions().leftCheek) + meanIn(l, s.regions().rightCheek));
        // The skin around each eye (the lens area without the eye itself) against the cheeks.
        double darkest = 1e9;
        for (int side = 0; side < 2; ++side) {
            const cv::Rect box = side ? s.regions().rightEye : s.regions().leftEye;
            cv::Mat around = cv::Mat::zeros(s.work().size(), CV_8U);
            around(box).setTo(255);
            around.setTo(0, eyePolygonMask(s, side ? 42 : 36));
            darkest = std::min(darkest, meanIn(l, box, around) / std::max(cheek, 1.0));
        }
        const double bridge = bridgeEdges(s);
        const bool glasses = bridge > t.number("glasses_bridge_edges");
        if (!std::isfinite(darkest))
            return unknownResult(id(), "眼部区域不完整", "eye regions incomplete");
        CheckStatus st = grade(darkest, t.number("warn_ratio"), t.number("fail_ratio"), true);
        if (st == CheckStatus::kWarn && !glasses) st = CheckStatus::kPass;
        const nlohmann::json value = {{"eye_area_to_cheek", rounded(darkest, 3)},
                                      {"glasses", glasses}};
        if (st == CheckStatus::kFail)
            return makeResult(id(), st, value, t.number("fail_ratio"),
                              "眼部被遮挡或镜片有颜色，请摘下有色眼镜",
                              "eye area much darker than the cheeks (" + fixed(darkest, 2) +
                                  "): tinted lenses or a covered eye");
        if (st == CheckStatus::kWarn)
            return makeResult(id(), st, value, t.number("fail_ratio"),
                              "镜片可能有颜色，请工作人员确认",
                              "lenses may be tinted; staff please check");
        return makeResult(
            id(), st, value, t.number("fail_ratio"), glasses ? "镜片无明显颜色" : "未发现有色眼镜",
            glasses ? "glasses seen, lenses not tinted (" + fixed(darkest, 2) + ")"
                    : "no tinted glasses seen (eye area " + fixed(darkest, 2) + " of the cheeks)");
    }
};

// The share of an eye box covered by a reflection: the pixels brighter than halfway from the box's
// typical level (its median: the skin around the eye) to the reflection's peak, in the bright areas
// that reach the specular level somewhere. Counting only pixels at the specular level misses soft
// reflections: on a small face the blur of the lens and the optics (a pixel or two) is a large part
// of a reflection a few pixels high, so its core barely reaches the level while the area at half
// its contrast keeps the reflection's size (a blur spreads the edge, it does not move the middle).
// A catchlight in the iris is tiny at any level; a box without a near-white pixel has no glare.
// NaN when the typical level is the peak itself (half the box or more blown out, or the box one
// grey level): neither the skin nor a reflection's extent can be told there.
double glareShare(const cv::Mat& grey, const CheckThresholds& t) {
    double peak = 0;
    cv::minMaxLoc(grey, nullptr, &peak);
    const double specular = t.number("glare_level");
    if (peak < specular) return 0;
    std::vector<uchar> values(grey.begin<uchar>(), grey.end<uchar>());
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    const double typical = values[values.size() / 2];
    if (typical >= peak) return std::nan("");
    const double level = typical + t.number("glare_contrast") * (peak - typical);
    const cv::Mat bright = grey >= level;
    cv::Mat labels;
    const int n = cv::connectedComponents(bright, labels, 8, CV_32S);
    std::vector<bool> reachesPeak(n, false);
    for (int y = 0; y < grey.rows; ++y) {
        const uchar* g = grey.ptr<uchar>(y);
        const int* l = labels.ptr<int>(y);
        for (int x = 0; x < grey.cols; ++x)
            if (g[x] >= specular) reachesPeak[l[x]] = true;
    }
    int covered = 0;
    for (int y = 0; y < grey.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        for (int x = 0; x < grey.cols; ++x) covered += l[x] > 0 && reachesPeak[l[x]];
    }
    return double(covered) / grey.total();
}

class GlassesGlare final : public ComplianceCheck {
  public:
    std::string id() const override { return "glasses_glare"; }
    std::string rule() const override { return "CHSI glasses: no glare; CHSI light: no spots"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        double worst = 0;
        int seen = 0, blownOut = 0;
        for (const cv::Rect& r : {s.regions().leftEye, s.regions().rightEye}) {
            if (r.area() < 20) continue;
            ++seen;
            const double share = glareShare(s.workGrey()(r), t);
            if (std::isfinite(share))
                worst = std::max(worst, share);
            else
                ++blownOut;
        }
        if (!seen)
            return unknownResult(id(), "眼部不在画面中，无法判断反光",
                                 "eye areas outside the capture: glare not judged");
        const CheckStatus st = grade(worst, t.number("warn_share"), t.number("fail_share"));
        // A blown-out eye area may hide a reflection as large as the lens: only the other eye's
        // fail stands, anything less is for staff to look at.
        if (blownOut && st != CheckStatus::kFail)
            return unknownResult(id(), "眼部过曝，看不清有无眼镜反光",
                                 "eye area blown out (half of it or more at its peak level): "
                                 "glare not judged");
        return makeResult(id(), st, rounded(worst, 3), t.number("fail_share"),
                          st == CheckStatus::kPass ? "眼部无反光" : "眼镜反光，请调整角度或灯光",
                          "reflection " + fixed(worst * 100) + "% of the eye area");
    }
};

class HairCoversFeatures final : public ComplianceCheck {
  public:
    std::string id() const override { return "hair_covers_features"; }
    std::string rule() const override {
        return "seed §10.3 ears and forehead visible; CHSI cover: hair must not cover eyebrows, "
               "eyes or ears";
    }
    bool needsMatte() const override { return true; }  // ears: only the person's pixels
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (s.greyscale())
            return unknownResult(id(), "黑白照片无法区分头发与皮肤", "greyscale image");
        const double forehead = skinShare(s, s.regions().forehead, t);
        // Ears: only the person's pixels of each ear area (the matte when there is one).
        const cv::Mat& alpha = s.personAlpha();
        const double earL = skinShare(s, s.regions().leftEar, t, alpha);
        const double earR = skinShare(s, s.regions().rightEar, t, alpha);
        if (!std::isfinite(forehead))
            return unknownResult(id(), "额头不在画面中", "forehead outside the image");
        const CheckStatus byForehead =
            grade(forehead, t.number("warn_forehead_skin"), t.number("fail_forehead_skin"), true);
        // The mean of both ear areas: one ear alone may be out of sight on a turned head.
        // An ear area without any of the person's pixels (beside a small or turned head) has
        // neither ear nor hair in it: only the other counts; with neither, the ears are not judged.
        const bool anyEar = std::isfinite(earL) || std::isfinite(earR);
        const double ears = std::isfinite(earL) && std::isfinite(earR) ? 0.5 * (earL + earR)
                            : std::isfinite(earL)                      ? earL
                            : std::isfinite(earR)                      ? earR
                                                                       : 1.0;
        // Facing the camera, both ears show: one ear area almost without skin is hair over it
        // (curls the colour of the skin can lift the mean of both).
        const bool frontal = s.pose().valid && std::abs(s.pose().yaw) < t.number("frontal_yaw_deg");
        // Ears only warn: their fail levels are the skin shares' floor, never reached, so a
        // score runs from the warn level's 60 down to 30 at no skin at all.
        CheckStatus byEars = CheckStatus::kPass;
        if (anyEar)
            byEars = grade(ears, t.number("warn_ear_skin"), t.number("fail_ear_skin"), true);
        if (frontal && std::isfinite(earL) && std::isfinite(earR))
            byEars = std::max(byEars, grade(std::min(earL, earR), t.number("hidden_ear_skin"),
                                            t.number("fail_ear_skin"), true));
        const CheckStatus st = std::max(byForehead, byEars);
        std::string zh = "额头、眉毛和耳朵露出", en = "forehead, eyebrows and ears visible";
        if (byForehead != CheckStatus::kPass)
            zh = "头发遮住了额头或眉毛，请把头发梳到后面", en = "hair over the forehead/eyebrows";
        else if (byEars != CheckStatus::kPass)
            zh = "耳朵可能被头发遮住，请露出双耳（工作人员确认）",
            en = "ears may be hidden by hair; staff please check";
        return makeResult(id(), st,
                          {{"forehead_skin", rounded(forehead, 2)},
                           {"left_ear_skin", rounded(earL, 2)},
                           {"right_ear_skin", rounded(earR, 2)}},
                          {{"forehead_skin", t.number("fail_forehead_skin")},
                           {"ear_skin", t.number("warn_ear_skin")}},
                          zh,
                          en + ": skin " + fixed(forehead * 100, 0) + "% of the forehead band, " +
                              fixed(earL * 100, 0) + "% / " + fixed(earR * 100, 0) +
                              "% of the ear areas");
    }
};

class Headwear final : public ComplianceCheck {
  public:
    std::string id() const override { return "headwear"; }
    std::string rule() const override {
        return "seed §10.4 no headwear; CHSI cover: no headwear (religious or medical allowed if "
               "the face is neither covered nor shadowed)";
    }
    bool needsMatte() const override { return true; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Mat& alpha = s.personAlpha();
        if (alpha.empty()) return withoutPersonMatte(id(), s);
        const FaceLandmarks& f = s.workFace();
        const double fw = f.faceWidth, cx = f.faceCenterX();
        // 1. Silhouette width above the brows: a brim or a wrapped scarf is wider than hair.
        const cv::Rect top = s.regions().headTop;
        double widest = 0;
        for (int y = top.y; y < top.y + top.height; ++y) {
            int x0 = cvRound(cx), x1 = cvRound(cx);
            if (x0 < 0 || x0 >= alpha.cols || alpha.at<float>(y, x0) < 0.5f) continue;
            while (x0 > 0 && alpha.at<float>(y, x0 - 1) >= 0.5f) --x0;
            while (x1 < alpha.cols - 1 && alpha.at<float>(y, x1 + 1) >= 0.5f) ++x1;
            widest = std::max(widest, (x1 - x0 + 1) / fw);
        }
        // 2. Colour on the head: hair is dark or weakly coloured; fabric often is neither.
        // Skin-coloured pixels as light as the cheeks or lighter are skin (the neck, the ears, the
        // shine on a bald head or a pale forehead), not headwear.
        const cv::Vec3f skin = cheekSkin(s);
        const cv::Mat lab = s.workLab();
        const cv::Rect sides =
            cv::Rect(cvRound(cx - 0.75 * fw), top.y, cvRound(1.5 * fw), cvRound(f.chin.y) - top.y) &
            cv::Rect(0, 0, lab.cols, lab.rows);
        const double skinHue = t.number("skin_hue_delta"), skinDarker = t.number("skin_darker_l");
        const double brightL = t.number("bright_l"), colourChroma = t.number("colour_chroma");
        const double colourFromSkin = t.number("colour_skin_delta");
        const float minAlpha = float(t.number("min_alpha"));
        int head = 0, odd = 0;
        for (int y = sides.y; y < sides.y + sides.height; ++y) {
            const float* a = alpha.ptr<float>(y);
            const uchar* face = s.faceMask().ptr<uchar>(y);
            const cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
            for (int x = sides.x; x < sides.x + sides.width; ++x) {
                if (a[x] < minAlpha || face[x]) continue;
                const double chroma = std::hypot(l[x][1], l[x][2]);
                const double skinDist = std::hypot(l[x][1] - skin[1], l[x][2] - skin[2]);
                if (skinDist < skinHue && l[x][0] > skin[0] - skinDarker) continue;
                ++head;
                odd += l[x][0] > brightL || (chroma > colourChroma && skinDist > colourFromSkin);
            }
        }
        const double oddShare = head ? double(odd) / head : 0;
        const CheckStatus st = std::max(grade(widest, t.number("warn_width"), 1e9),
                                        grade(oddShare, t.number("warn_odd_share"), 1e9));
        return makeResult(
            id(), st, {{"head_width", rounded(widest, 2)}, {"unusual", rounded(oddShare, 3)}},
            {{"head_width", t.number("warn_width")}, {"unusual", t.number("warn_odd_share")}},
            st == CheckStatus::kPass
                ? "未发现帽子或头饰"
                : "可能戴有帽子、头巾或头饰，请摘下（宗教或医疗原因请工作人员确认）",
            st == CheckStatus::kPass
                ? "no headwear seen (head " + fixed(widest, 2) + " face widths)"
                : "possible headwear: head " + fixed(widest, 2) + " face widths wide, " +
                      fixed(oddShare * 100) + "% unusual colours; staff please check");
    }
};

// What the jewellery check measures, per face width squared (so independent of the image size).
struct JewelleryMeasure {
    double ears = 0;  // metal-like small spots below either ear (the larger side)
    double neck = 0;  // small bright things lying on the neck and chest skin
    // Whether the capture shows an ear's lobe area / the neck below the chin at least a spot wide
    // and high (a face at the capture's side or bottom edge): what is not shown is not judged.
    bool earsSeen = false;
    bool neckSeen = false;
};

// Earrings and necklaces are small, high-contrast bright things (a white top-hat at a sixteenth of
// the face finds them). What else is small and bright there decides the rest:
// - necklace: only metal-coloured spots lying on skin (most of their neighbourhood skin-coloured,
//   themselves not) count, so collars, ties, shirt buttons and patterned clothing (not skin) and
//   the sheen of the neck under the jaw (skin) do not;
// - earrings: only spots on the person (not the backdrop), outside the face polygon (beard and jaw
//   sheen), of a metal or stone colour: neutral (silver, pearls, stones) or brighter than the
//   skin in a colour that is not the skin's (gold) - hair highlights have the hair's colour and are
//   darker than the skin;
// - neither: spots inside a large bright area (a white collar, a gap onto a light backdrop).
// The spots that are studs: compact (at least stud_fill of their bounding box, at most stud_aspect
// times as long as wide) with a near-white specular peak (stud_peak grey) above a shaded body (the
// peak stud_shading grey levels above the spot's mean). Strands of grey hair or a beard are long,
// thin or dull; a corner of a white collar is white all over; a polished stud or pearl is round,
// shaded, with a highlight, beside grey hair or a light backdrop as anywhere. (The peak's height
// above its surroundings says less: on a light ear or backdrop a stud stands out less than on dark
// hair.)
cv::Mat studs(const cv::Mat& spots, const cv::Mat& grey, const CheckThresholds& t) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(spots, labels, stats, centroids, 8);
    cv::Mat out = cv::Mat::zeros(spots.size(), CV_8U);
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (area < t.number("stud_fill") * w * h ||
            std::max(w, h) > t.number("stud_aspect") * std::min(w, h))
            continue;
        const cv::Mat mine = labels == i;
        double peak = 0;
        cv::minMaxLoc(grey, nullptr, &peak, nullptr, nullptr, mine);
        if (peak >= t.number("stud_peak") &&
            peak - cv::mean(grey, mine)[0] >= t.number("stud_shading"))
            out.setTo(255, mine);
    }
    return out;
}

JewelleryMeasure measureJewellery(const CheckSession& s, const CheckThresholds& t) {
    const FaceLandmarks& f = s.workFace();
    const auto& p = f.points;
    const double fw = f.faceWidth;
    const cv::Rect all(0, 0, s.work().cols, s.work().rows);
    const FaceRegions& r = s.regions();
    const cv::Rect neckArea =
        cv::Rect(cv::Point(cvRound(p[4].x), cvRound(p[8].y + 0.05 * fw)),
                 cv::Point(cvRound(p[12].x), cvRound(p[8].y + t.number("neck_depth") * fw))) &
        all;
    const cv::Rect area = r.leftLobe | r.rightLobe | neckArea;
    if (area.area() < 20) return {};
    const cv::Mat grey = s.workGrey()(area), lab = s.workLab()(area);
    const int k = std::max(3, cvRound(t.number("spot_size") * fw)) | 1;
    auto shows = [k](const cv::Rect& rect) { return rect.width >= k && rect.height >= k; };
    cv::Mat hat;
    cv::morphologyEx(grey, hat, cv::MORPH_TOPHAT,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
    const cv::Mat spot = hat > t.number("spot_contrast");
    const cv::Mat& alpha = s.personAlpha();
    const cv::Mat person =
        alpha.empty() ? cv::Mat(area.size(), CV_8U, cv::Scalar(255)) : cv::Mat(alpha(area) >= 0.5f);
    const cv::Mat outsideFace = s.faceMask()(area) == 0;
    const cv::Vec3f skin = cheekSkin(s);
    const double brightL = skin[0] + t.number("bright_margin");
    const double neutralChroma = t.number("neutral_chroma"), greyHairL = t.number("grey_hair_l");
    const double skinChroma = t.number("skin_chroma_delta"), skinL = t.number("skin_l_delta");
    // Per pixel: skin, bright (above the cheeks), neutral (silver, pearl - or grey hair), gold
    // (bright in a colour that is not the skin's), light grey (grey or white hair).
    cv::Mat skinMask(area.size(), CV_8U), bright(area.size(), CV_8U), neutral(area.size(), CV_8U),
        gold(area.size(), CV_8U), lightGrey(area.size(), CV_8U);
    for (int y = 0; y < area.height; ++y) {
        const cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
        uchar *sk = skinMask.ptr<uchar>(y), *br = bright.ptr<uchar>(y), *ne = neutral.ptr<uchar>(y),
              *go = gold.ptr<uchar>(y), *lg = lightGrey.ptr<uchar>(y);
        for (int x = 0; x < area.width; ++x) {
            const double chroma = std::hypot(l[x][1], l[x][2]);
            const double fromSkin = std::hypot(l[x][1] - skin[1], l[x][2] - skin[2]);
            sk[x] = skinLike(l[x], skin, skinChroma, skinL) ? 255 : 0;
            br[x] = l[x][0] > brightL ? 255 : 0;
            ne[x] = chroma < neutralChroma ? 255 : 0;
            go[x] = br[x] && !ne[x] && fromSkin > skinChroma ? 255 : 0;
            lg[x] = ne[x] && l[x][0] > greyHairL ? 255 : 0;
        }
    }
    skinMask &= person;
    bright &= person & ~skinMask;
    // Large bright areas other than skin (collars, shirts, light gaps in the hair) are not
    // jewellery.
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(bright, labels, stats, centroids, 8);
    cv::Mat large = cv::Mat::zeros(area.size(), CV_8U);
    const double maxBlob = t.number("max_blob") * fw * fw;
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) > maxBlob) large.setTo(255, labels == i);
    cv::Mat skinNear;
    cv::boxFilter(skinMask, skinNear, CV_32F, cv::Size(2 * k + 1, 2 * k + 1));
    const cv::Mat candidates = spot & outsideFace & ~large;
    JewelleryMeasure m;
    m.neckSeen = shows(neckArea);
    m.earsSeen = shows(r.leftLobe) || shows(r.rightLobe);
    const cv::Rect neckIn = neckArea - area.tl();
    const cv::Mat onSkin =
        candidates & (skinNear >= 255 * t.number("neck_skin_share")) & (gold | neutral) & ~skinMask;
    m.neck = neckIn.area() ? cv::countNonZero(onSkin(neckIn)) / (fw * fw) : 0;
    // A stud hangs from the lobe, and a matte often gives a small thing at the outline to the
    // backdrop: studs count within a spot's size of the person too (a stud's shape and highlight
    // already tell it from the backdrop's own marks).
    cv::Mat personReach;
    cv::dilate(person, personReach, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
    // Beside grey or white hair (or a white beard) neutral spots are hair too: there only gold
    // counts.
    cv::Mat earSpots = cv::Mat::zeros(area.size(), CV_8U);
    for (const cv::Rect& side : {r.leftLobe, r.rightLobe}) {
        if (side.area() == 0) continue;
        const cv::Rect lobe = side - area.tl();
        const cv::Mat hair = person(lobe) & ~skinMask(lobe) & ~spot(lobe);
        const int hairN = cv::countNonZero(hair);
        const bool greyHair = hairN > 0 && cv::countNonZero(hair & lightGrey(lobe)) >
                                               t.number("grey_hair_share") * hairN;
        const cv::Mat metal = greyHair ? gold(lobe) : cv::Mat(gold(lobe) | neutral(lobe));
        earSpots(lobe) |= candidates(lobe) & person(lobe) & metal;
        earSpots(lobe) |= studs(spot(lobe) & outsideFace(lobe) & personReach(lobe), grey(lobe), t) &
                          (gold(lobe) | neutral(lobe));
        m.ears = std::max(m.ears, cv::countNonZero(earSpots(lobe)) / (fw * fw));
    }
    return m;
}

class Jewellery final : public ComplianceCheck {
  public:
    std::string id() const override { return "jewellery"; }
    std::string rule() const override {
        return "seed §10.4 no earrings, necklaces or other jewellery; CHSI cover";
    }
    bool needsMatte() const override { return true; }  // earrings: only the person's pixels
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (s.greyscale())
            return unknownResult(id(), "黑白照片无法判断饰品",
                                 "greyscale image: metal colours cannot be told");
        const JewelleryMeasure m = measureJewellery(s, t);
        const CheckStatus st =
            std::max(grade(m.ears, t.number("warn_ears"), t.number("fail_ears")),
                     grade(m.neck, t.number("warn_neck"), t.number("fail_neck")));
        // Nothing seen is not "no jewellery": an ear or the neck outside the capture is unknown.
        if (st == CheckStatus::kPass && (!m.earsSeen || !m.neckSeen))
            return unknownResult(id(),
                                 m.neckSeen ? "画面中看不到耳垂，无法判断有无耳环"
                                            : "画面中看不到脖子，无法判断有无项链",
                                 std::string(m.neckSeen ? "no ear lobe" : "no neck") +
                                     " in the capture: jewellery not judged");
        const std::string measured = "small metal-like spots below the ears " +
                                     fixed(m.ears * 1e4, 0) + ", on the neck skin " +
                                     fixed(m.neck * 1e4, 0) + " (per 10,000 face-width² px)";
        return makeResult(id(), st, {{"ears", rounded(m.ears, 5)}, {"neck", rounded(m.neck, 5)}},
                          {{"ears", t.number("warn_ears")}, {"neck", t.number("warn_neck")}},
                          st == CheckStatus::kPass ? "未发现耳环或项链（请工作人员目视确认）"
                          : st == CheckStatus::kWarn ? "可能戴有耳环或项链，请摘下（工作人员确认）"
                                                     : "请摘下耳环、项链等饰品",
                          st == CheckStatus::kPass
                              ? "no jewellery seen (" + measured + "); staff confirm by eye"
                              : "possible earrings/necklace: " + measured);
    }
};

}  // namespace

void addCoverChecks(CheckRegistry& r) {
    registerCheck<GlassesTint>(r);
    registerCheck<GlassesGlare>(r);
    registerCheck<HairCoversFeatures>(r);
    registerCheck<Headwear>(r);
    registerCheck<Jewellery>(r);
}

}  // namespace gradphoto::checks
