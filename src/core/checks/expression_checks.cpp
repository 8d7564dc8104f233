// Expression: eyes open and lips closed (CHSI pose row, seed §10 item 3).

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"
#include "eye_openness.h"

namespace gradphoto::checks {

namespace {

double eyeAspect(const std::array<cv::Point2f, 68>& p, int o) {
    const double w = cv::norm(p[o] - p[o + 3]);
    return (cv::norm(p[o + 1] - p[o + 5]) + cv::norm(p[o + 2] - p[o + 4])) /
           (2 * std::max(w, 1e-6));
}

// Two measures of the smaller eye: the landmarks' eye aspect ratio (EAR) and the height of the
// dark iris band the pixels show (eye_openness.h), which does not trust the landmarks' lids. Either
// one saying clearly closed fails; an iris clearly visible in both eyes overrules a narrow EAR
// (small or narrow eyes), but not a closed one, which becomes a warning for staff.
class EyesOpen final : public ComplianceCheck {
  public:
    std::string id() const override { return "eyes_open"; }
    std::string rule() const override { return "CHSI pose: eyes open, looking straight"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const auto& p = s.face().points;
        const double ear = std::min(eyeAspect(p, 36), eyeAspect(p, 42));
        const CheckStatus byEar = classify(ear, t.number("warn_ear"), t.number("fail_ear"), true);
        const auto eyes =
            measureEyeOpenness(s, {t.number("dark_fraction"), t.number("min_contrast"),
                                   t.number("search_band"), t.number("skin_from")});
        // The visible eyes' bands: fail when even the more open one is closed, warn when one is
        // narrow (a squint or a wink) or no eye can be seen at all.
        double moreOpen = -1, lessOpen = 1e9;
        for (const EyeOpenness& e : eyes) {
            if (!e.visible) continue;
            moreOpen = std::max(moreOpen, e.band);
            lessOpen = std::min(lessOpen, e.band);
        }
        const bool seen = moreOpen >= 0;
        CheckStatus byIris = CheckStatus::kWarn;
        if (seen) {
            byIris = grade(moreOpen, t.number("warn_iris"), t.number("fail_iris"), true);
            // The narrower eye only warns (a squint, a wink): its fail level is the band's
            // floor, never reached, so it scores from 60 at warn_iris down to 30 at no band.
            byIris = std::max(byIris, grade(lessOpen, t.number("warn_iris"),
                                            t.number("fail_narrower_iris"), true));
        }
        CheckStatus st = std::max(byEar, byIris);
        if (byIris == CheckStatus::kPass)
            st = byEar == CheckStatus::kFail ? CheckStatus::kWarn : CheckStatus::kPass;
        // The eye aspect ratio scores unless the iris overruled it (a narrow eye that is open).
        if (!(byIris == CheckStatus::kPass && byEar == CheckStatus::kWarn))
            grade(ear, t.number("warn_ear"), t.number("fail_ear"), true);
        auto band = [](const EyeOpenness& e) -> nlohmann::json {
            return e.visible ? nlohmann::json(rounded(e.band, 3)) : nlohmann::json(nullptr);
        };
        auto bandText = [](const EyeOpenness& e) {
            return e.visible ? fixed(e.band, 2) : std::string("not visible");
        };
        std::string en = "eye aspect ratio " + fixed(ear, 3) + " (smaller eye), iris band " +
                         bandText(eyes[0]) + " / " + bandText(eyes[1]) + " eye widths";
        std::string zh = "眼睛自然睁开";
        if (st == CheckStatus::kFail) {
            zh = "请睁开眼睛";
        } else if (st == CheckStatus::kWarn && !seen) {
            zh = "眼睛看不清楚，请工作人员查看";
            en += "; eyes not visible (covered or too dark), staff please check";
        } else if (st == CheckStatus::kWarn && byIris == CheckStatus::kPass) {
            zh = "请自然睁开眼睛";
            en += "; landmarks read closed eyes but an iris is visible, staff please check";
        } else if (st == CheckStatus::kWarn) {
            zh = "请睁大眼睛，不要眯眼";
        }
        return makeResult(id(), st,
                          {{"ear", rounded(ear, 3)}, {"iris", {band(eyes[0]), band(eyes[1])}}},
                          {{"ear", t.number("fail_ear")}, {"iris", t.number("fail_iris")}}, zh, en);
    }
};

class MouthClosed final : public ComplianceCheck {
  public:
    std::string id() const override { return "mouth_closed"; }
    std::string rule() const override {
        return "seed §10.3 natural expression, lips closed; CHSI pose: lips closed";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const auto& p = s.workFace().points;
        const double width = std::max(1.0, cv::norm(p[48] - p[54]));
        const double gap =
            (cv::norm(p[61] - p[67]) + cv::norm(p[62] - p[66]) + cv::norm(p[63] - p[65])) /
            (3 * width);
        // Teeth: bright, nearly colourless pixels between the outer lip contours.
        std::vector<cv::Point> lips;
        for (int i = 48; i <= 59; ++i) lips.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
        cv::Mat mask = cv::Mat::zeros(s.work().size(), CV_8U);
        cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{lips}, 255);
        const cv::Mat& lab = s.workLab();
        const double lipL = meanIn(labChannel(s, 0), s.regions().mouth, mask);
        int teeth = 0, area = 0;
        for (int y = 0; y < lab.rows; ++y) {
            const uchar* m = mask.ptr<uchar>(y);
            const cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
            for (int x = 0; x < lab.cols; ++x) {
                if (!m[x]) continue;
                ++area;
                const double chroma = std::hypot(l[x][1], l[x][2]);
                if (l[x][0] > lipL + t.number("teeth_l_above_lips") &&
                    chroma < t.number("teeth_max_chroma"))
                    ++teeth;
            }
        }
        if (area < t.number("min_lip_px"))
            return unknownResult(id(), "嘴部太小无法判断", "mouth region too small");
        const double teethShare = double(teeth) / area;
        const CheckStatus byGap = grade(gap, t.number("warn_gap"), t.number("fail_gap"));
        const std::string measured = "lip gap " + fixed(gap, 3) + " of mouth width";
        // Teeth are told from lips by colour: a greyscale capture cannot show them, and the
        // landmarks' inner lips often close over a smile's teeth, so closed landmark lips are
        // "cannot judge" there (staff look), never a pass.
        if (s.greyscale()) {
            const CheckStatus st = byGap == CheckStatus::kPass ? CheckStatus::kUnknown : byGap;
            return makeResult(
                id(), st, {{"gap", rounded(gap, 3)}, {"teeth", nullptr}},
                {{"gap", t.number("fail_gap")}, {"teeth", t.number("fail_teeth")}},
                st == CheckStatus::kUnknown ? "黑白照片无法判断是否露齿，请工作人员查看"
                                            : "请自然闭嘴，不要露齿",
                measured + "; teeth not judged (greyscale image), staff please check");
        }
        const CheckStatus byTeeth =
            grade(teethShare, t.number("warn_teeth"), t.number("fail_teeth"));
        // Parted lips with teeth between them are an open mouth even when each alone is small:
        // both past their warn levels fails, measured as the lesser of the two in warn levels
        // (scored over both_score_span warn levels past that, as far as each one's own fail
        // level lies past its warn level).
        const double both =
            std::min(gap / t.number("warn_gap"), teethShare / t.number("warn_teeth"));
        const CheckStatus st =
            std::max({byGap, byTeeth, grade(both, 1.0, 1.0, false, t.number("both_score_span"))});
        return makeResult(id(), st, {{"gap", rounded(gap, 3)}, {"teeth", rounded(teethShare, 3)}},
                          {{"gap", t.number("fail_gap")}, {"teeth", t.number("fail_teeth")}},
                          st == CheckStatus::kPass ? "嘴唇自然闭合" : "请自然闭嘴，不要露齿",
                          measured + ", teeth " + fixed(teethShare * 100) + "% of the lips");
    }
};

}  // namespace

void addExpressionChecks(CheckRegistry& r) {
    registerCheck<EyesOpen>(r);
    registerCheck<MouthClosed>(r);
}

}  // namespace gradphoto::checks
