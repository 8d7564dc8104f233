#include "gradphoto/checks/check_session.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

namespace gradphoto::checks {

namespace {

cv::Rect clipped(cv::Rect r, const cv::Size& size) {
    return r & cv::Rect(cv::Point(), size);
}

cv::Rect rectFrom(double x0, double y0, double x1, double y1, const cv::Size& size) {
    if (x1 < x0) std::swap(x0, x1);
    if (y1 < y0) std::swap(y0, y1);
    return clipped(cv::Rect(cvRound(x0), cvRound(y0), std::max(1, cvRound(x1 - x0)),
                            std::max(1, cvRound(y1 - y0))),
                   size);
}

cv::Rect around(cv::Point2f c, double halfW, double halfH, const cv::Size& size) {
    return rectFrom(c.x - halfW, c.y - halfH, c.x + halfW, c.y + halfH, size);
}

bool looksGreyscale(const cv::Mat& bgr) {
    // At most 256 px on the long side, at least 1 px on the short one (a 64x40000 strip).
    const double f = std::min(1.0, 256.0 / std::max(bgr.cols, bgr.rows));
    cv::Mat small;
    cv::resize(bgr, small,
               cv::Size(std::max(1, cvRound(bgr.cols * f)), std::max(1, cvRound(bgr.rows * f))), 0,
               0, cv::INTER_AREA);
    std::vector<cv::Mat> ch;
    cv::split(small, ch);
    cv::Mat d1, d2;
    cv::absdiff(ch[0], ch[1], d1);
    cv::absdiff(ch[1], ch[2], d2);
    return cv::mean(d1)[0] + cv::mean(d2)[0] < 2.0;
}

double lineDegrees(cv::Point2f from, cv::Point2f to) {
    return std::atan2(to.y - from.y, to.x - from.x) * 180.0 / CV_PI;
}

cv::Point2f meanOf(const FaceLandmarks& f, std::initializer_list<int> indices) {
    cv::Point2f sum;
    for (int i : indices) sum += f.points[i];
    return sum / float(indices.size());
}

}  // namespace

double headRollDegrees(const FaceLandmarks& f) {
    const auto& p = f.points;
    const double lines[] = {
        lineDegrees(f.leftEye, f.rightEye),
        lineDegrees(p[36], p[45]),
        lineDegrees(meanOf(f, {17, 18, 19, 20, 21}), meanOf(f, {22, 23, 24, 25, 26})),
        lineDegrees(meanOf(f, {0, 1, 2}), meanOf(f, {14, 15, 16})),
    };
    double sum = 0;
    for (double a : lines) sum += a;
    return sum / std::size(lines);
}

double noseDropBelowEars(const FaceLandmarks& f) {
    const auto& p = f.points;
    const double a = -headRollDegrees(f) * CV_PI / 180;
    // Heights in the upright face: y rotated by -roll about the eye midpoint.
    const cv::Point2f c = f.eyeMidpoint();
    auto uprightY = [&](cv::Point2f q) {
        return std::sin(a) * (q.x - c.x) + std::cos(a) * (q.y - c.y);
    };
    const double ears = (uprightY(p[0]) + uprightY(p[1]) + uprightY(p[15]) + uprightY(p[16])) / 4;
    return (uprightY(p[30]) - ears) / std::max(1.0f, f.faceWidth);
}

CheckSession::CheckSession(const Inputs& in)
    : image_(in.image),
      preset_(in.preset),
      faces_(in.faces),
      stillScale_(in.stillScale),
      withMatte_(in.withMatte),
      givenMatte_(in.matte),
      givenMatteScale_(in.matteScale),
      givenMatteOffset_(in.matteOffset) {
    CV_Assert(image_ && preset_ && image_->type() == CV_8UC3 && !image_->empty());
    // Greyscale: judged on the working copy around the face when there is one (a colour portrait
    // padded with a grey frame is still colour), else on the whole capture.
    greyscale_ = looksGreyscale(*image_);
    if (faces_.empty()) return;
    const FaceLandmarks& f = faces_.front();
    const double fw = std::max(8.0f, f.faceWidth);
    const double cx = f.faceCenterX(), ey = f.eyeLineY();
    const cv::Rect crop =
        in.faceOnly
            ? rectFrom(cx - 0.8 * fw, ey - 0.8 * fw, cx + 0.8 * fw, ey + 1.1 * fw, image_->size())
            : rectFrom(cx - 1.8 * fw, ey - 1.6 * fw, cx + 1.8 * fw, ey + 2.8 * fw, image_->size());
    workScale_ = in.workFaceWidth / fw;
    cv::resize((*image_)(crop), work_, cv::Size(), workScale_, workScale_,
               workScale_ < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    greyscale_ = looksGreyscale(work_);
    workOffset_ = cv::Point2f(-float(crop.x * workScale_), -float(crop.y * workScale_));
    workFace_ = f.scaled(workScale_, workOffset_);
    cv::cvtColor(work_, workGrey_, cv::COLOR_BGR2GRAY);
    cv::Mat f32;
    work_.convertTo(f32, CV_32FC3, 1.0 / 255);
    cv::cvtColor(f32, workLab_, cv::COLOR_BGR2Lab);
    computePose();
    computeRegions();
}

void CheckSession::computePose() {
    pose_.roll = headRollDegrees(faces_.front());
    pose_.noseDrop = noseDropBelowEars(faces_.front());
    // A generic head (mm) in camera axes: x right, y down, z away from the camera.
    static const std::vector<cv::Point3d> model = {
        {0, 0, 0},          // 30 nose tip
        {0, 330, 65},       // 8 chin
        {-225, -170, 135},  // 36 outer corner of the eye on the image's left
        {225, -170, 135},   // 45
        {-150, 150, 125},   // 48 mouth corner
        {150, 150, 125},    // 54
    };
    const auto& p = faces_.front().points;
    const std::vector<cv::Point2d> seen = {p[30], p[8], p[36], p[45], p[48], p[54]};
    const double focal = std::max(image_->cols, image_->rows);
    const cv::Matx33d camera(focal, 0, image_->cols / 2.0, 0, focal, image_->rows / 2.0, 0, 0, 1);
    cv::Mat rvec, tvec;
    try {
        if (!cv::solvePnP(model, seen, camera, cv::noArray(), rvec, tvec)) return;
        cv::Mat r;
        cv::Rodrigues(rvec, r);
        cv::Mat q1, q2;
        const cv::Vec3d euler = cv::RQDecomp3x3(r, q1, q2);
        auto wrap = [](double a) { return a > 90 ? a - 180 : (a < -90 ? a + 180 : a); };
        pose_.pitch = wrap(euler[0]);
        pose_.yaw = wrap(euler[1]);
        pose_.valid = std::isfinite(pose_.pitch) && std::isfinite(pose_.yaw);
    } catch (const cv::Exception&) {
        pose_.valid = false;
    }
}

void CheckSession::computeRegions() {
    const auto& p = workFace_.points;
    const cv::Size size = work_.size();
    const double fw = workFace_.faceWidth;
    FaceRegions& r = regions_;
    auto eyeBox = [&](int from) {
        cv::Point2f lo(1e9f, 1e9f), hi(-1e9f, -1e9f);
        for (int i = from; i < from + 6; ++i) {
            lo.x = std::min(lo.x, p[i].x), lo.y = std::min(lo.y, p[i].y);
            hi.x = std::max(hi.x, p[i].x), hi.y = std::max(hi.y, p[i].y);
        }
        const double w = hi.x - lo.x;
        return rectFrom(lo.x - 0.35 * w, (lo.y + hi.y) / 2 - 0.55 * w, hi.x + 0.35 * w,
                        (lo.y + hi.y) / 2 + 0.5 * w, size);
    };
    r.leftEye = eyeBox(36);
    r.rightEye = eyeBox(42);
    r.leftCheek = around((p[2] + p[31]) * 0.5f + cv::Point2f(0, float(0.02 * fw)), 0.08 * fw,
                         0.08 * fw, size);
    r.rightCheek = around((p[14] + p[35]) * 0.5f + cv::Point2f(0, float(0.02 * fw)), 0.08 * fw,
                          0.08 * fw, size);
    r.mouth = rectFrom(p[48].x - 0.03 * fw, std::min(p[50].y, p[52].y) - 0.03 * fw,
                       p[54].x + 0.03 * fw, p[57].y + 0.03 * fw, size);
    float browTop = 1e9f;
    for (int i = 17; i <= 26; ++i) browTop = std::min(browTop, p[i].y);
    r.forehead = rectFrom(p[19].x, browTop - 0.16 * fw, p[24].x, browTop - 0.03 * fw, size);
    r.headTop = rectFrom(p[0].x, browTop - 0.9 * fw, p[16].x, browTop - 0.25 * fw, size);
    r.leftEar = rectFrom(p[0].x - 0.16 * fw, p[0].y - 0.05 * fw, p[0].x - 0.01 * fw, p[2].y, size);
    r.rightEar =
        rectFrom(p[16].x + 0.01 * fw, p[16].y - 0.05 * fw, p[16].x + 0.16 * fw, p[14].y, size);
    r.leftLobe = rectFrom(p[2].x - 0.14 * fw, p[2].y, p[3].x + 0.02 * fw, p[5].y, size);
    r.rightLobe = rectFrom(p[13].x - 0.02 * fw, p[14].y, p[14].x + 0.14 * fw, p[11].y, size);
    const float chinY = p[8].y;
    r.neck = rectFrom(p[4].x, chinY + 0.05 * fw, p[12].x, chinY + 0.7 * fw, size);
    const double cx = workFace_.faceCenterX();
    r.chest = rectFrom(cx - 1.1 * fw, chinY + 0.15 * fw, cx + 1.1 * fw, chinY + 1.5 * fw, size);
    for (int i = 0; i <= 16; ++i) r.faceOutline.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    for (int i = 26; i >= 17; --i)
        r.faceOutline.emplace_back(cvRound(p[i].x), cvRound(p[i].y - 0.04 * fw));
    faceMask_ = cv::Mat::zeros(size, CV_8U);
    cv::fillPoly(faceMask_, std::vector<std::vector<cv::Point>>{r.faceOutline}, 255);
}

void CheckSession::ensureMatte() const {
    if (matteTried_) return;
    matteTried_ = true;
    if (faces_.empty()) {
        matteProblem_ = "no face";
        return;
    }
    if (givenMatte_ && !givenMatte_->alpha.empty()) {
        // work = image * ws + wo and matte = image * ms + mo, so work = matte * ws/ms + ...
        const double k = workScale_ / givenMatteScale_;
        const cv::Matx23d m(k, 0, workOffset_.x - givenMatteOffset_.x * k, 0, k,
                            workOffset_.y - givenMatteOffset_.y * k);
        cv::warpAffine(givenMatte_->alpha, alpha_, m, work_.size(), cv::INTER_LINEAR,
                       cv::BORDER_CONSTANT, 0);
        matte_ = *givenMatte_;
        return;
    }
    if (!withMatte_) {
        matteProblem_ = "not computed for live frames";
        return;
    }
    try {
        matte_ = BackdropMatte::extract(work_, workFace_, cv::Mat{});
        alpha_ = matte_->alpha;
    } catch (const std::exception& e) {
        matteProblem_ = e.what();
        matte_.reset();
    }
}

const cv::Mat& CheckSession::personAlpha() const {
    ensureMatte();
    return alpha_;
}

const Matte* CheckSession::matte() const {
    ensureMatte();
    return matte_ ? &*matte_ : nullptr;
}

const std::string& CheckSession::matteProblem() const {
    ensureMatte();
    return matteProblem_;
}

}  // namespace gradphoto::checks
