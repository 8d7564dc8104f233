// Shoulders, backdrop and clothing: CHSI "pose", "background" and "clothing" rows, seed §10 items
// 1, 2, 3 and 5.

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backdrop_survey.h"
#include "builtin_checks.h"

namespace gradphoto::checks {

namespace {

// The first row at or below y0 where the person covers column x, or -1.
int personTop(const cv::Mat& alpha, int x, int y0) {
    if (x < 0 || x >= alpha.cols) return -1;
    for (int y = std::max(0, y0); y < alpha.rows; ++y)
        if (alpha.at<float>(y, x) > 0.5f) return y;
    return -1;
}

// The shoulder line from the heights of the person's outline at the same distances left and right
// of the face centre (median over several distances), degrees, positive when the image's right
// side is lower; nullopt when no pair of heights is visible. Reads a turned or off-centre torso as
// a tilt: the outline slopes down from the neck, so the side the body is shifted to sits higher.
std::optional<double> shoulderLineByHeights(const cv::Mat& alpha, double cx, double fw, int y0) {
    std::vector<double> angles;
    for (double d : {0.75, 0.9, 1.05, 1.2, 1.4}) {
        const int xl = cvRound(cx - d * fw), xr = cvRound(cx + d * fw);
        const int yl = personTop(alpha, xl, y0), yr = personTop(alpha, xr, y0);
        if (yl < 0 || yr < 0 || yl >= alpha.rows - 2 || yr >= alpha.rows - 2) continue;
        angles.push_back(std::atan2(double(yr - yl), double(xr - xl)) * 180 / CV_PI);
    }
    if (angles.empty()) return std::nullopt;
    std::sort(angles.begin(), angles.end());
    return angles[angles.size() / 2];
}

// The outline's downward slope outwards from the neck on each side, in degrees, fitted as a
// straight line over the same distances from the face centre on both sides (a shoulder is steeper
// near the neck than further out, so unequal spans would differ by themselves); nullopt when too
// few distances show the outline on both sides below y0 or a side is not straight (hair, a flag
// or trees fused with the person).
std::optional<std::pair<double, double>> outlineSlopes(const cv::Mat& alpha, double cx, double fw,
                                                       int y0, const CheckThresholds& t) {
    if (y0 < 0 || y0 >= alpha.rows) return std::nullopt;
    auto outlineAt = [&](int x) {
        if (x < 0 || x >= alpha.cols || alpha.at<float>(y0, x) > 0.5f)
            return -1;  // outside, or hair or neck already there: no outline
        const int top = personTop(alpha, x, y0);
        return top >= alpha.rows - 2 ? -1 : top;
    };
    std::vector<cv::Point2f> left, right;
    for (double d = t.number("slope_from"); d <= t.number("slope_to"); d += 0.02) {
        const int xl = cvRound(cx - d * fw), xr = cvRound(cx + d * fw);
        const int yl = outlineAt(xl), yr = outlineAt(xr);
        if (yl < 0 || yr < 0) continue;
        left.emplace_back(float(xl), float(yl));
        right.emplace_back(float(xr), float(yr));
    }
    if (int(left.size()) < t.number("slope_min_columns")) return std::nullopt;
    auto slopeOf = [&](const std::vector<cv::Point2f>& pts, int side) -> std::optional<double> {
        cv::Vec4f line;
        cv::fitLine(pts, line, cv::DIST_HUBER, 0, 0.01, 0.01);
        if (std::abs(line[0]) < 1e-3f) return std::nullopt;
        const double slope = line[1] / line[0];
        const double intercept = line[3] - slope * line[2];
        double ss = 0;
        for (const auto& q : pts) ss += std::pow(q.y - (intercept + slope * q.x), 2);
        if (std::sqrt(ss / pts.size()) > t.number("slope_max_rms") * fw) return std::nullopt;
        return std::atan(side * slope) * 180 / CV_PI;
    };
    const auto l = slopeOf(left, -1), r = slopeOf(right, +1);
    if (!l || !r) return std::nullopt;
    return std::make_pair(*l, *r);
}

class ShouldersLevel final : public ComplianceCheck {
  public:
    std::string id() const override { return "shoulders_level"; }
    std::string rule() const override { return "seed §10.3 shoulders level; CHSI pose"; }
    bool needsMatte() const override { return true; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Mat& alpha = s.personAlpha();
        if (alpha.empty()) return withoutPersonMatte(id(), s);
        // On a busy backdrop the outline follows trees or a flag as much as the shoulders.
        if (const Matte* m = s.matte(); m && m->clutter >= t.number("max_clutter"))
            return unknownResult(id(), "背景杂乱，看不清双肩轮廓",
                                 "the shoulders' outline is lost in a busy backdrop (misfit " +
                                     fixed(m->clutter * 100) + "%)");
        const FaceLandmarks& f = s.workFace();
        const double fw = f.faceWidth, cx = f.faceCenterX();
        const int y0 = cvRound(f.chin.y - 0.1 * fw);
        const auto byHeights = shoulderLineByHeights(alpha, cx, fw, y0);
        if (!byHeights)
            return unknownResult(id(), "画面中看不到双肩", "shoulders not visible in the capture");
        // A second reading that an off-centre or slightly turned torso leaves alone: a level
        // body slopes down equally on both sides, a tilted one by the tilt more on the lower
        // side, so half the difference of the two slopes is the tilt. A real tilt shows in both
        // readings; the smaller one is taken, so only what both see is a warning.
        double angle = *byHeights;
        std::string how = "heights";
        if (const auto slopes = outlineSlopes(alpha, cx, fw, y0, t)) {
            const double bySlopes = (slopes->second - slopes->first) / 2;
            if (std::abs(bySlopes) < std::abs(angle)) angle = bySlopes, how = "slopes";
        }
        const CheckStatus st = grade(std::abs(angle), t.number("warn_deg"), t.number("fail_deg"));
        return makeResult(id(), st, rounded(angle, 1), t.number("fail_deg"),
                          st == CheckStatus::kPass ? "双肩水平" : "请放松双肩，保持水平",
                          "shoulder line " + fixed(angle) + " degrees (" + how + "; heights " +
                              fixed(*byHeights) + ")");
    }
};

class BackgroundUniform final : public ComplianceCheck {
  public:
    std::string id() const override { return "background_uniform"; }
    std::string rule() const override {
        return "seed §10.1 clean white wall; CHSI background: uniform, no gradient, no shadow, no "
               "other person or object";
    }
    bool needsMatte() const override { return true; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const Matte* m = s.matte();
        if (!m)
            return unknownResult(id(), "无法分离背景", "no backdrop model: " + s.matteProblem());
        const CheckStatus byClutter =
            grade(m->clutter, t.number("warn_clutter"), t.number("fail_clutter"));
        const CheckStatus byOverreach =
            grade(m->overreach, t.number("warn_overreach"), t.number("fail_overreach"));
        // The backdrop's distance from a smooth wall: patterned or busy scenes the clutter
        // share misses (outdoor greenery, a shuttle model).
        const CheckStatus byResidual =
            grade(m->backdropResidual, t.number("warn_residual"), t.number("fail_residual"));
        // The whole visible backdrop at a coarse scale: the matte's fit samples only the bands
        // beside the head, where a blown-out sky or a defocused hedge looks smooth.
        BackdropSurveyLimits limits;
        limits.cell = t.number("survey_cell");
        limits.personMargin = t.number("survey_person_margin");
        limits.hairZone = t.number("survey_hair_zone");
        limits.blotchDeltaE = t.number("blotch_delta_e");
        limits.minCells = int(t.number("survey_min_cells"));
        limits.shadowMinDarker = t.number("shadow_min_darker");
        limits.shadowMaxDarker = t.number("shadow_max_darker");
        limits.shadowMinLightShare = t.number("shadow_min_light_share");
        limits.shadowChroma = t.number("shadow_chroma");
        limits.shadowSmooth = t.number("shadow_smooth");
        limits.shadowSmoothPx = int(std::lround(t.number("shadow_smooth_px")));
        limits.shadowFaceMargin = t.number("shadow_face_margin");
        limits.shadowForehead = t.number("shadow_forehead");
        limits.castNear = t.number("cast_near");
        limits.castFarFrom = t.number("cast_far_from");
        limits.castFarTo = t.number("cast_far_to");
        limits.castBelowChin = t.number("cast_below_chin");
        limits.castSegment = t.number("cast_segment");
        limits.castMinPx = int(std::lround(t.number("cast_min_px")));
        const BackdropSurvey survey = surveyBackdrop(s, s.personAlpha(), limits);
        const CheckStatus byBlotches =
            survey.judged ? grade(survey.blotchShare, t.number("warn_blotch_share"),
                                  t.number("fail_blotch_share"))
                          : CheckStatus::kPass;
        // The scene fused with the person (a field below a blown-out sky, a hedge, a crowd):
        // the matte reaches the sides of the view near the shoulders.
        const CheckStatus byFusion = std::isfinite(survey.sideReach)
                                         ? grade(survey.sideReach, t.number("warn_side_reach"),
                                                 t.number("fail_side_reach"), true)
                                         : CheckStatus::kPass;
        // A shadow beside the head: taken into the matte (the photo would carry it), or on the
        // wall beside the person, kept out of the photo by the matte (only warns: staff look at
        // the hair's edge and the light).
        // (castShadow is NaN where no side was compared: not graded, not a verdict.)
        const bool castCompared = survey.judged && std::isfinite(survey.castShadow);
        CheckStatus byShadow = CheckStatus::kPass;
        if (survey.judged)
            byShadow = grade(survey.shadowArea, t.number("warn_shadow"), t.number("fail_shadow"));
        if (castCompared)
            byShadow = std::max(byShadow, grade(survey.castShadow, t.number("warn_cast_shadow"),
                                                t.number("fail_cast_shadow")));
        // A dark wall (seed §10.1: a clean white wall): dark hair cannot be told from it, so the
        // hair's edge in the photo is a guess. Only warns: staff look at the hair's edge.
        const bool wallJudged = survey.judged && std::isfinite(survey.wallLightness);
        const CheckStatus byDarkWall =
            wallJudged ? grade(survey.wallLightness, t.number("warn_wall_lightness"),
                               t.number("fail_wall_lightness"), true)
                       : CheckStatus::kPass;
        const CheckStatus st = std::max(
            {byClutter, byOverreach, byResidual, byBlotches, byFusion, byShadow, byDarkWall});
        // Not one survey cell of backdrop beside the person (a crop to the face, a person filling
        // the frame): the matte's bands alone are too little wall to call it clean.
        if (st == CheckStatus::kPass && survey.cells == 0)
            return unknownResult(id(), "画面中看不到背景",
                                 "no backdrop visible beside the person (no survey cell)");
        std::string zh = "背景干净均匀";
        const bool shadowFirst =
            st != CheckStatus::kPass && byShadow == st &&
            std::max({byClutter, byOverreach, byResidual, byBlotches, byFusion}) < st;
        const bool darkWallOnly =
            st != CheckStatus::kPass && byDarkWall == st &&
            std::max({byClutter, byOverreach, byResidual, byBlotches, byFusion, byShadow}) < st;
        if (shadowFirst)
            zh = "背景上有阴影，请离背景墙远一点";
        else if (darkWallOnly)
            zh = "背景太暗，请站在白色或浅色的墙前";
        else if (st != CheckStatus::kPass)
            zh = std::max(byBlotches, byFusion) == st &&
                         std::max({byClutter, byOverreach, byResidual}) < st
                     ? "背景不是纯色墙面，请站在纯色墙前"
                     : "背景不干净，请站在纯色墙前，身后不要有人或物品";
        const std::string reach = std::isfinite(survey.sideReach)
                                      ? "the person's outline reaches the side " +
                                            fixed(survey.sideReach, 2) +
                                            " face widths below the chin"
                                      : "the person's outline reaches no side";
        nlohmann::json value = {
            {"clutter", rounded(m->clutter, 3)},
            {"overreach", rounded(m->overreach, 3)},
            {"residual", rounded(m->backdropResidual, 1)},
            {"blotches", rounded(survey.blotchShare, 3)},
            {"shadow", survey.judged ? nlohmann::json(rounded(survey.shadowArea, 3))
                                     : nlohmann::json(nullptr)},
            {"cast_shadow", castCompared ? nlohmann::json(rounded(survey.castShadow, 1))
                                         : nlohmann::json(nullptr)},
            {"wall_lightness", wallJudged ? nlohmann::json(rounded(survey.wallLightness, 1))
                                          : nlohmann::json(nullptr)}};
        if (std::isfinite(survey.sideReach)) value["side_reach"] = rounded(survey.sideReach, 2);
        // "cause": what the student's message is about, for whoever words the advice.
        if (shadowFirst) value["cause"] = "shadow";
        if (darkWallOnly) value["cause"] = "dark_wall";
        return makeResult(
            id(), st, value,
            {{"clutter", t.number("fail_clutter")},
             {"overreach", t.number("fail_overreach")},
             {"blotches", t.number("fail_blotch_share")},
             {"side_reach", t.number("fail_side_reach")},
             {"shadow", t.number("fail_shadow")},
             // only warn (their fail levels are out of reach): the warn level is the limit
             {"cast_shadow", t.number("warn_cast_shadow")},
             {"wall_lightness", t.number("warn_wall_lightness")}},
            zh,
            "backdrop misfit " + fixed(m->clutter * 100) + "%, person overreach " +
                fixed(m->overreach * 100) + "%, blotches " +
                (survey.judged
                     ? fixed(survey.blotchShare * 100) + "% of " + std::to_string(survey.cells) +
                           " cells"
                     : "not judged (" + std::to_string(survey.cells) + " cells visible)") +
                ", " + reach + ", shadow beside the head " +
                (survey.judged ? fixed(survey.shadowArea, 3) + " face width²"
                               : std::string("not judged")) +
                ", wall beside the outline " +
                (castCompared ? fixed(survey.castShadow, 1) + " L* darker than further out"
                              : std::string("not compared (too little wall beside the person)")) +
                (wallJudged ? ", wall lightness " + fixed(survey.wallLightness, 0) + " L*"
                            : std::string()));
    }
};

// Bare skin may be skin-coloured clothing: the student is told the rule, staff decide.
constexpr const char* kBareSkinZh =
    "请穿有领上衣：无袖、吊带或低胸衣服不符合要求（请工作人员确认）";

cv::Vec3f labOf(const Rgb& c) {
    cv::Mat px(1, 1, CV_32FC3, cv::Scalar(c.b / 255.0, c.g / 255.0, c.r / 255.0)), lab;
    cv::cvtColor(px, lab, cv::COLOR_BGR2Lab);
    return lab.at<cv::Vec3f>(0, 0);
}

class ClothingContrast final : public ComplianceCheck {
  public:
    std::string id() const override { return "clothing_contrast"; }
    std::string rule() const override {
        return "seed §10.5 no blue clothing (the background is blue), plain clothes without "
               "complex patterns, no sleeveless, strapped or low-cut tops; CHSI clothing: clearly "
               "different from the background, no stripes";
    }
    bool needsMatte() const override { return true; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const cv::Mat& alpha = s.personAlpha();
        if (alpha.empty()) return withoutPersonMatte(id(), s);
        const cv::Rect chest = s.regions().chest;
        if (chest.height < t.number("min_chest_height") * s.workFace().faceWidth)
            return unknownResult(id(), "画面中看不到衣服", "clothing not visible in the capture");
        // The person inside the chest box, without the neck's skin.
        cv::Mat clothes = alpha(chest) > float(t.number("min_alpha"));
        const int person = cv::countNonZero(clothes);
        // Bare skin is judged more loosely than the neck is left out: skin away from the face
        // differs from the cheeks in shading (L*) more than in colour (a*b*).
        int skinPx = 0;
        {
            const double skinDeltaE = t.number("skin_delta_e");
            const double bareChroma = t.number("bare_skin_chroma");
            const double bareLightness = t.number("bare_skin_lightness");
            const cv::Scalar a = cv::mean(s.workLab()(s.regions().leftCheek)),
                             b = cv::mean(s.workLab()(s.regions().rightCheek));
            const cv::Vec3f skin(float((a[0] + b[0]) / 2), float((a[1] + b[1]) / 2),
                                 float((a[2] + b[2]) / 2));
            const cv::Mat lab = s.workLab()(chest);
            for (int y = 0; y < lab.rows; ++y)
                for (int x = 0; x < lab.cols; ++x) {
                    if (!clothes.at<uchar>(y, x)) continue;
                    const cv::Vec3f d = lab.at<cv::Vec3f>(y, x) - skin;
                    skinPx += std::hypot(d[1], d[2]) < bareChroma && std::abs(d[0]) < bareLightness;
                    if (cv::norm(d) < skinDeltaE) clothes.at<uchar>(y, x) = 0;
                }
        }
        const int n = cv::countNonZero(clothes);
        // Bare skin: the share of the person below the chin that is skin-coloured. A collar's V
        // shows a little; a sleeveless, strapped or low-cut top shows shoulders and chest.
        // Skin-coloured clothing reads the same, so this only warns: staff look.
        // A greyscale capture has no skin colour to tell, and a few pixels of person are no
        // top: not judged there.
        const bool skinJudged = !s.greyscale() && person >= t.number("min_clothing_px");
        const double bareSkin = person > 0 ? double(skinPx) / person : 0.0;
        const CheckStatus byBareSkin =
            skinJudged ? grade(bareSkin, t.number("warn_bare_skin"), t.number("fail_bare_skin"))
                       : CheckStatus::kPass;
        if (n < t.number("min_clothing_px") && byBareSkin != CheckStatus::kPass)
            return makeResult(id(), byBareSkin, {{"bare_skin", rounded(bareSkin, 3)}},
                              {{"bare_skin", t.number("warn_bare_skin")}}, kBareSkinZh,
                              "bare skin " + fixed(bareSkin * 100) +
                                  "% of the person below the chin (sleeveless, strapped or "
                                  "low-cut top, or skin-coloured clothing: staff please look)");
        if (n < t.number("min_clothing_px"))
            return unknownResult(id(), "画面中看不到衣服", "too little clothing visible");
        const cv::Vec3f bg = labOf(s.preset().background);
        cv::Mat hsv;
        cv::cvtColor(s.work()(chest), hsv, cv::COLOR_BGR2HSV);
        const Rgb backdrop = s.preset().background;
        const bool blueBackdrop =
            backdrop.b > backdrop.r + t.number("blue_backdrop_margin") && backdrop.b >= backdrop.g;
        // A greyscale capture shows no hue: whether the clothing is blue is not known.
        const bool blueJudged = blueBackdrop && !s.greyscale();
        const double closeDeltaE = t.number("close_delta_e");
        const double hueMin = t.number("blue_hue_min"), hueMax = t.number("blue_hue_max");
        const double minS = t.number("blue_min_s"), minV = t.number("blue_min_v");
        int close = 0, blue = 0;
        const cv::Mat lab = s.workLab()(chest);
        for (int y = 0; y < lab.rows; ++y) {
            const uchar* m = clothes.ptr<uchar>(y);
            const cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
            const cv::Vec3b* h = hsv.ptr<cv::Vec3b>(y);
            for (int x = 0; x < lab.cols; ++x) {
                if (!m[x]) continue;
                close += cv::norm(l[x] - bg) < closeDeltaE;
                blue +=
                    h[x][0] >= hueMin && h[x][0] <= hueMax && h[x][1] >= minS && h[x][2] >= minV;
            }
        }
        const double closeShare = double(close) / n;
        const double blueShare = blueJudged ? double(blue) / n : 0.0;
        // Busy patterns: dense fine edges all over the clothing. The edge density of square tiles
        // (pattern_tile face widths), the median over the tiles the clothing fills: a tie, a
        // collar, lapels or a necklace are lines through a few tiles, a print or stripes fill
        // most of them.
        cv::Mat edges;
        cv::Canny(s.workGrey()(chest), edges, t.number("canny_low"), t.number("canny_high"));
        cv::Mat inner;
        cv::erode(clothes, inner, cv::Mat(), cv::Point(-1, -1), 3);
        const int tile = std::max(8, cvRound(t.number("pattern_tile") * s.workFace().faceWidth));
        const double tileFill = t.number("pattern_tile_fill");
        std::vector<double> tileDensity;
        for (int y = 0; y + tile <= inner.rows; y += tile)
            for (int x = 0; x + tile <= inner.cols; x += tile) {
                const cv::Rect r(x, y, tile, tile);
                const int filled = cv::countNonZero(inner(r));
                if (filled < tileFill * tile * tile) continue;
                tileDensity.push_back(double(cv::countNonZero(edges(r) & inner(r))) / filled);
            }
        double busy = 0;
        if (!tileDensity.empty()) {
            auto mid = tileDensity.begin() + tileDensity.size() / 2;
            std::nth_element(tileDensity.begin(), mid, tileDensity.end());
            busy = *mid;
        } else {
            busy = double(cv::countNonZero(edges & inner)) / std::max(1, cv::countNonZero(inner));
        }
        const CheckStatus byClose =
            grade(closeShare, t.number("warn_close_share"), t.number("fail_close_share"));
        const CheckStatus byBlue =
            grade(blueShare, t.number("warn_blue_share"), t.number("fail_blue_share"));
        const CheckStatus byBusy = grade(busy, t.number("warn_busy"), t.number("fail_busy"));
        CheckStatus st = std::max({byClose, byBlue, byBusy, byBareSkin});
        // The student's message says what was measured: the worst of the three parts (blue
        // before closeness on a tie: on a blue backdrop blue clothing is both), the backdrop
        // named by its colour.
        std::string zh = "衣服与背景区分明显", en;
        if (byClose != CheckStatus::kPass) en = "clothing too close to the backdrop colour";
        if (byBlue != CheckStatus::kPass)
            en += (en.empty() ? "" : "; ") + std::string("blue clothing on a blue backdrop");
        if (byBusy != CheckStatus::kPass)
            en += (en.empty() ? "" : "; ") + std::string("busy pattern on the clothing");
        if (byBareSkin != CheckStatus::kPass)
            en += (en.empty() ? "" : "; ") +
                  std::string(
                      "much bare skin below the chin (sleeveless, strapped or low-cut "
                      "top, or skin-coloured clothing: staff please look)");
        if (en.empty()) en = "clothing contrasts with the backdrop";
        // On a tie the colour advice comes first: the student can act on it; bare skin may be
        // skin-coloured clothing, which staff judge.
        const bool bareSkinFirst =
            byBareSkin != CheckStatus::kPass && byBareSkin > std::max({byClose, byBlue, byBusy});
        if (bareSkinFirst) {
            zh = kBareSkinZh;
        } else if (byBlue != CheckStatus::kPass && byBlue >= std::max(byClose, byBusy)) {
            zh = "背景是蓝色，请勿穿蓝色衣服";
        } else if (byClose != CheckStatus::kPass && byClose >= byBusy) {
            if (blueBackdrop)
                zh = "衣服颜色与蓝色背景太接近，请换一件不是蓝色的衣服";
            else if (bg[0] >= t.number("light_backdrop_l"))
                zh = "衣服颜色与浅色背景太接近，请换一件颜色较深的衣服";
            else
                zh = "衣服颜色与背景太接近，请换一件颜色差别明显的衣服";
        } else if (byBusy != CheckStatus::kPass) {
            zh = "衣服图案或条纹过多，请穿素色衣服";
        }
        nlohmann::json value = {{"near_background", rounded(closeShare, 3)},
                                {"blue", rounded(blueShare, 3)},
                                {"pattern", rounded(busy, 3)},
                                {"bare_skin", rounded(bareSkin, 3)}};
        if (!skinJudged) value["bare_skin"] = nullptr;
        // "cause": what the student's message is about, for whoever words the advice.
        if (bareSkinFirst) value["cause"] = "bare_skin";
        std::string blueText = "blue " + fixed(blueShare * 100) + "%";
        if (blueBackdrop && !blueJudged) {
            // Never a silent pass: what else was measured stands, the blue part is for staff.
            value["blue"] = nullptr;
            blueText = "blue not judged (greyscale capture)";
            if (st == CheckStatus::kPass) {
                st = CheckStatus::kUnknown;
                zh = "黑白照片无法判断衣服是否为蓝色，请工作人员确认";
                en = "greyscale capture: whether the clothing is blue cannot be told; staff please "
                     "check";
            }
        }
        return makeResult(id(), st, value,
                          {{"near_background", t.number("fail_close_share")},
                           {"blue", t.number("fail_blue_share")},
                           {"pattern", t.number("fail_busy")},
                           {"bare_skin", t.number("warn_bare_skin")}},
                          zh,
                          en + ": " + fixed(closeShare * 100) + "% within dE " +
                              fixed(closeDeltaE, 0) + " of the backdrop colour, " + blueText +
                              ", edge density " + fixed(busy * 100) + "%, bare skin " +
                              (skinJudged ? fixed(bareSkin * 100) + "%" : "not judged"));
    }
};

}  // namespace

void addSceneChecks(CheckRegistry& r) {
    registerCheck<ShouldersLevel>(r);
    registerCheck<BackgroundUniform>(r);
    registerCheck<ClothingContrast>(r);
}

}  // namespace gradphoto::checks
