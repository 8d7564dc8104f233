// Face presence, size and pose: CHSI "pose" and "geometry" rows, seed §10 item 3.

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"
#include "gradphoto/imaging/backdrop_matte.h"
#include "gradphoto/imaging/crop_ranges.h"

namespace gradphoto::checks {

namespace {

class FaceCount final : public ComplianceCheck {
  public:
    std::string id() const override { return "face_count"; }
    std::string rule() const override { return "CHSI background: no other person in the photo"; }
    bool needsFace() const override { return false; }  // no face at all is a fail
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        if (!s.hasFace())
            return makeResult(id(), CheckStatus::kFail, 0, 1, "未检测到人脸，请正对镜头",
                              "no face found");
        // The measure: the largest other face's width as a share of the main face's (0 alone).
        const double main = s.face().faceWidth;
        int others = 0, small = 0;
        double largest = 0;
        for (std::size_t i = 1; i < s.faces().size(); ++i) {
            const double r = s.faces()[i].faceWidth / main;
            largest = std::max(largest, r);
            if (r >= t.number("second_face_ratio"))
                ++others;
            else if (r >= t.number("warn_face_ratio"))
                ++small;
        }
        // Scored only (the counts decide, at or above a ratio): alone, the measure is 0 against
        // warn_face_ratio, a score of 84; a smaller face further back scores lower.
        grade(largest, t.number("warn_face_ratio"), t.number("second_face_ratio"));
        if (others)
            return makeResult(id(), CheckStatus::kFail, 1 + others, 1, "画面中有其他人，请单独拍摄",
                              std::to_string(1 + others) + " faces in the photo");
        if (small)
            return makeResult(id(), CheckStatus::kWarn, 1 + small, 1,
                              "背景中可能有其他人脸，请工作人员确认",
                              "a small second face in the background; staff please check");
        return makeResult(id(), CheckStatus::kPass, 1, 1, "只有一张人脸", "one face");
    }
};

class FaceSize final : public ComplianceCheck {
  public:
    std::string id() const override { return "face_size"; }
    // The hair's top from the matte (live frames have none and estimate it).
    bool needsMatte() const override { return true; }
    std::string rule() const override {
        return "CHSI geometry: face width, eye line and head top of the preset reachable by "
               "scaling and cropping (seed §10: half body, about 1 m)";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const Preset& p = s.preset();
        const FaceLandmarks& f = s.face();
        const double k = s.stillScale();
        const double fw = f.faceWidth * k;
        const double upscale = p.faceWidth.min / fw;
        const double cols = s.image().cols * k, rows = s.image().rows * k;
        const double eyeY = f.eyeLineY() * k, cx = f.faceCenterX() * k;
        // The top of the hair: from the person's matte where the analysis has one (as the
        // standardizer measures it), else (live frames) the usual height above the eyes.
        double headTopY = eyeY - t.number("eye_to_top") * fw;
        bool topMeasured = false;
        if (const cv::Mat& alpha = s.personAlpha(); !alpha.empty()) {
            const FaceLandmarks& wf = s.workFace();
            const int row = headTopRow(alpha, wf.faceCenterX(), wf.faceWidth);
            if (row >= 0) headTopY = (row - s.workOffset().y) / s.workScale() * k;
            topMeasured = row >= 0;
        }
        // The photo's smallest crop around the head, as the standardizer plans it (the same
        // ranges): its scale (photo px per still px) is capped by the largest face, by the
        // preset's enlargement limit and, with high hair, by the eye line and the head top's
        // margin; its top lies as low as the eye line and the head top allow, its bottom a photo
        // height below.
        const CropRanges r = cropRanges(p);
        const double eyeToTop = std::max(1.0, eyeY - headTopY);
        const double sc = std::min(
            {r.faceWidth.max / fw, p.maxUpscale, (r.eyeLine.max - r.headTop.min) / eyeToTop});
        const double below =
            p.height / sc - std::min(r.eyeLine.max / sc, eyeToTop + r.headTop.max / sc);
        // The room for it below the eyes and beside the face centre (1 = it just fits): a face too
        // near, or off centre to one side. Above, the photo's backdrop may fill what the capture
        // lacks, as long as the hair's top is in it: a head the matte finds cut off at the top
        // leaves no room; so does (live frames, no matte) an eye line nearer the top than any
        // head's top lies above the eyes (min_eye_to_top). The estimate alone says nothing of a
        // cut: studio crops leave little above short hair.
        const bool headCut = topMeasured ? headTopY <= 1 : eyeY < t.number("min_eye_to_top") * fw;
        const double upDown = headCut ? 0.0 : (rows - eyeY) / below;
        const double sideways =
            std::min(cx / (p.width / 2.0 / sc), (cols - cx) / (p.width / 2.0 / sc));
        const double fit = std::min(upDown, sideways);
        const nlohmann::json limit = {{"min_face_px", rounded(p.faceWidth.min / p.maxUpscale, 0)},
                                      {"min_room", 1.0}};
        nlohmann::json value = {{"face_px", rounded(fw, 0)},
                                {"room", rounded(fit, 2)},
                                {"eye_to_top_px", rounded(eyeY - headTopY, 0)}};
        // Too far: the enlargement the photo needs; too near or off centre: the crop's room.
        // (A face of no width needs infinite enlargement: too far, not unknown.)
        const CheckStatus byFar =
            std::isfinite(upscale)
                ? grade(upscale, p.maxUpscale * t.number("warn_share"), p.maxUpscale)
                : CheckStatus::kFail;
        const CheckStatus byRoom = grade(fit, t.number("warn_room"), 1.0, true);
        // "too": which way the student should move (the kiosk words it from this, not from text).
        const bool far = byFar != CheckStatus::kPass;
        if (far || byRoom != CheckStatus::kPass) value["too"] = far ? "far" : "near";
        if (byFar == CheckStatus::kFail)
            return makeResult(id(), CheckStatus::kFail, value, limit, "离镜头太远，请靠近一些",
                              "face " + fixed(fw, 0) + " px wide needs " + fixed(upscale, 2) +
                                  "x enlargement (max " + fixed(p.maxUpscale, 2) + ")");
        if (byRoom == CheckStatus::kFail) {
            value["too"] = "near";
            return makeResult(id(), CheckStatus::kFail, value, limit,
                              "离镜头太近或人不在画面中间，请后退一些并居中",
                              "too near or off centre: the photo's crop does not fit (room " +
                                  fixed(fit, 2) + ")");
        }
        // Near the limit: the message says which way to move, as "too" does.
        if (far)
            return makeResult(id(), CheckStatus::kWarn, value, limit, "离镜头稍远，请靠近一点",
                              "face " + fixed(fw, 0) + " px wide needs " + fixed(upscale, 2) +
                                  "x enlargement, near the limit (max " + fixed(p.maxUpscale, 2) +
                                  "): move closer");
        if (byRoom == CheckStatus::kWarn)
            return sideways < upDown
                       ? makeResult(id(), CheckStatus::kWarn, value, limit,
                                    "离镜头稍近或没站在画面中间，请稍微后退并站到中间",
                                    "little room beside the face for the photo's crop (room " +
                                        fixed(fit, 2) + "): step back a little or centre")
                       : makeResult(id(), CheckStatus::kWarn, value, limit,
                                    "离镜头稍近，请稍微后退",
                                    "little room above or below the face for the photo's crop "
                                    "(room " +
                                        fixed(fit, 2) + "): step back a little");
        return makeResult(id(), CheckStatus::kPass, value, limit, "距离合适",
                          "face " + fixed(fw, 0) + " px wide");
    }
};

class HeadRoll final : public ComplianceCheck {
  public:
    std::string id() const override { return "head_roll"; }
    std::string rule() const override { return "CHSI pose: head upright (no rotation allowed)"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        // The mean of the eye, eye-corner, brow and jaw lines (headRollDegrees).
        const double roll = s.pose().roll;
        const CheckStatus st = grade(std::abs(roll), t.number("warn_deg"), t.number("fail_deg"));
        return makeResult(id(), st, rounded(roll, 1), t.number("fail_deg"),
                          st == CheckStatus::kPass ? "头部端正" : "请把头摆正，不要歪头",
                          "head roll " + fixed(roll) + " degrees (eye, brow and jaw lines)");
    }
};

class HeadYaw final : public ComplianceCheck {
  public:
    std::string id() const override { return "head_yaw"; }
    std::string rule() const override {
        return "CHSI pose: face the camera, ears symmetric; seed §10.3 head facing the camera";
    }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        const auto& p = s.face().points;
        const double left = p[30].x - p[0].x, right = p[16].x - p[30].x;
        const double symmetry = std::min(left, right) / std::max({left, right, 1e-6});
        const double yaw = s.pose().valid ? s.pose().yaw : std::nan("");
        CheckStatus st = grade(left <= 0 || right <= 0 ? 0.0 : symmetry, t.number("warn_symmetry"),
                               t.number("fail_symmetry"), true);
        if (std::isfinite(yaw))
            st = std::max(st, grade(std::abs(yaw), t.number("warn_deg"), t.number("fail_deg")));
        return makeResult(
            id(), st, {{"yaw_deg", rounded(yaw, 1)}, {"symmetry", rounded(symmetry, 2)}},
            {{"yaw_deg", t.number("fail_deg")}, {"symmetry", t.number("fail_symmetry")}},
            st == CheckStatus::kPass ? "正对镜头" : "请正对镜头，不要侧脸",
            "head yaw " + fixed(yaw) + " degrees, left/right symmetry " + fixed(symmetry, 2));
    }
};

class HeadPitch final : public ComplianceCheck {
  public:
    std::string id() const override { return "head_pitch"; }
    std::string rule() const override { return "CHSI pose: upright, looking straight ahead"; }
    CheckResult evaluate(const CheckSession& s, const CheckThresholds& t) const override {
        // The nose tip's height below the ears (noseDropBelowEars) against the corpus's neutral
        // value, turned into degrees by the nod's geometry.
        const double drop = s.pose().noseDrop;
        if (!std::isfinite(drop))
            return unknownResult(id(), "无法估计头部姿态", "head pose estimation failed");
        const double pitch = (drop - t.number("neutral_nose_drop")) * t.number("deg_per_drop");
        const CheckStatus st = grade(std::abs(pitch), t.number("warn_deg"), t.number("fail_deg"));
        // Positive pitch: the nose tip sits low against the ears, the head is bowed.
        const char* zh = st == CheckStatus::kPass ? "头部平视"
                         : pitch > 0              ? "请稍微抬头，平视镜头"
                                                  : "请稍微低头，平视镜头";
        return makeResult(id(), st, rounded(pitch, 1), t.number("fail_deg"), zh,
                          "head pitch " + fixed(pitch) + " degrees (nose tip " + fixed(drop, 3) +
                              " face widths below the ears, neutral " +
                              fixed(t.number("neutral_nose_drop"), 3) + ")");
    }
};

}  // namespace

void addFaceGeometryChecks(CheckRegistry& r) {
    registerCheck<FaceCount>(r);
    registerCheck<FaceSize>(r);
    registerCheck<HeadRoll>(r);
    registerCheck<HeadYaw>(r);
    registerCheck<HeadPitch>(r);
}

}  // namespace gradphoto::checks
