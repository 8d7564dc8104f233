#include "variants.h"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/imaging/backdrop_matte.h"

namespace gradphoto::test {

namespace {

cv::Mat rotated(const cv::Mat& img, const FaceLandmarks& f, double degrees) {
    const cv::Mat m = cv::getRotationMatrix2D(f.eyeMidpoint(), degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(img, out, m, img.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// The darker half of the face (forehead to chin) darkened further to 45%, with a soft edge:
// darkening the half a key light already brightens would even the face out instead.
cv::Mat halfDark(const cv::Mat& img, const FaceLandmarks& f) {
    const auto& p = f.points;
    std::vector<cv::Point> poly;
    for (int i = 0; i <= 16; ++i) poly.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    const float lift = 0.35f * f.faceWidth;
    for (int i = 26; i >= 17; --i) poly.emplace_back(cvRound(p[i].x), cvRound(p[i].y - lift));
    cv::Mat mask = cv::Mat::zeros(img.size(), CV_32F);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, 1.0);
    const int split = cvRound(p[30].x);
    cv::Mat grey, whole;
    cv::cvtColor(img, grey, cv::COLOR_BGR2GRAY);
    mask.convertTo(whole, CV_8U, 255);
    cv::Mat leftMask = whole.clone(), rightMask = whole.clone();
    leftMask(cv::Rect(split, 0, img.cols - split, img.rows)).setTo(0);
    rightMask(cv::Rect(0, 0, split, img.rows)).setTo(0);
    const bool leftDarker = cv::mean(grey, leftMask)[0] <= cv::mean(grey, rightMask)[0];
    if (leftDarker)
        mask(cv::Rect(split, 0, img.cols - split, img.rows)).setTo(0);
    else
        mask(cv::Rect(0, 0, split, img.rows)).setTo(0);
    cv::GaussianBlur(mask, mask, cv::Size(), f.faceWidth / 40.0);
    cv::Mat f32, out;
    img.convertTo(f32, CV_32FC3);
    cv::Mat gain;
    cv::merge(std::vector<cv::Mat>(3, 1.0 - 0.55 * mask), gain);
    cv::multiply(f32, gain, f32);
    f32.convertTo(out, CV_8UC3);
    return out;
}

// The clothing (the person below the chin) recoloured to the chsi-blue backdrop's light blue,
// keeping its shading.
cv::Mat blueClothing(const cv::Mat& img, const FaceLandmarks& f) {
    const Matte matte = BackdropMatte::extract(img, f, cv::Mat{});
    cv::Mat f32, lab;
    img.convertTo(f32, CV_32FC3, 1.0 / 255);
    cv::cvtColor(f32, lab, cv::COLOR_BGR2Lab);
    cv::Mat px(1, 1, CV_32FC3, cv::Scalar(255 / 255.0, 197 / 255.0, 100 / 255.0)), blue;
    cv::cvtColor(px, blue, cv::COLOR_BGR2Lab);
    const cv::Vec3f b = blue.at<cv::Vec3f>(0, 0);
    const int y0 = std::clamp(cvRound(f.chin.y + 0.3 * f.faceWidth), 0, img.rows);
    cv::Scalar meanL = cv::mean(lab(cv::Rect(0, y0, img.cols, img.rows - y0)));
    for (int y = y0; y < img.rows; ++y) {
        const float* a = matte.alpha.ptr<float>(y);
        cv::Vec3f* l = lab.ptr<cv::Vec3f>(y);
        for (int x = 0; x < img.cols; ++x) {
            const float w = a[x];
            if (w <= 0.05f) continue;
            const cv::Vec3f target(float(b[0] + 0.4 * (l[x][0] - meanL[0])), b[1], b[2]);
            l[x] = l[x] * (1 - w) + target * w;
        }
    }
    cv::Mat bgr, out;
    cv::cvtColor(lab, bgr, cv::COLOR_Lab2BGR);
    bgr.convertTo(out, CV_8UC3, 255);
    return out;
}

// A second, smaller copy of the face pasted beside the person on a widened canvas.
cv::Mat secondFace(const cv::Mat& img, const FaceLandmarks& f) {
    cv::Rect box(cvRound(f.box.x - 0.25 * f.box.width), cvRound(f.box.y - 0.35 * f.box.height),
                 cvRound(1.5 * f.box.width), cvRound(1.7 * f.box.height));
    box &= cv::Rect(0, 0, img.cols, img.rows);
    cv::Mat face;
    cv::resize(img(box), face, cv::Size(), 0.8, 0.8, cv::INTER_AREA);
    cv::Mat canvas;
    cv::copyMakeBorder(img, canvas, 0, 0, 0, face.cols + 20, cv::BORDER_REPLICATE);
    const int y = std::clamp(box.y, 0, canvas.rows - face.rows);
    face.copyTo(canvas(cv::Rect(img.cols + 10, y, face.cols, face.rows)));
    return canvas;
}

cv::Mat noisyJpeg(const cv::Mat& img) {
    cv::Mat noise(img.size(), CV_16SC3), out;
    cv::RNG rng(20240601);
    rng.fill(noise, cv::RNG::NORMAL, 0, 14);
    cv::Mat s16;
    img.convertTo(s16, CV_16SC3);
    s16 += noise;
    s16.convertTo(out, CV_8UC3);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", out, jpeg, {cv::IMWRITE_JPEG_QUALITY, 8});
    return cv::imdecode(jpeg, cv::IMREAD_COLOR);
}

}  // namespace

cv::Mat normalisedBase(const cv::Mat& bgr, const FaceLandmarks& face, FaceLandmarks& scaledFace,
                       double faceWidth) {
    const double s = std::min(1.0, faceWidth / std::max(1.0f, face.faceWidth));
    cv::Mat out;
    if (s < 1)
        cv::resize(bgr, out, cv::Size(), s, s, cv::INTER_AREA);
    else
        out = bgr.clone();
    scaledFace = face.scaled(s);
    return out;
}

std::vector<Variant> makeVariants(const cv::Mat& base, const FaceLandmarks& face) {
    return makeVariants(base, face, {});
}

std::vector<Variant> makeVariants(const cv::Mat& base, const FaceLandmarks& f,
                                  const std::vector<std::string>& names) {
    auto wanted = [&](const std::string& n) {
        return names.empty() || std::find(names.begin(), names.end(), n) != names.end();
    };
    std::vector<Variant> out;
    for (int deg : {4, 8, 12}) {
        for (int sign : {1, -1}) {
            const std::string name =
                std::string("roll") + (sign > 0 ? "+" : "-") + std::to_string(deg);
            // Rotated so that the head ends up tilted by deg (the eye line defines the tilt):
            // a measured roll r changes to r - angle.
            if (wanted(name))
                out.push_back({name, "head_roll", deg >= 8 ? "fail" : "flag",
                               rotated(base, f, f.rollDegrees() - sign * deg)});
        }
    }
    if (wanted("half_dark"))
        out.push_back({"half_dark", "face_lighting", "fail", halfDark(base, f)});
    if (wanted("blur")) {
        cv::Mat b;
        cv::GaussianBlur(base, b, cv::Size(), f.faceWidth / 45.0);
        out.push_back({"blur", "sharpness", "fail", b});
    }
    if (wanted("under")) {
        cv::Mat d;
        base.convertTo(d, -1, 0.3, 0);
        out.push_back({"under", "exposure", "fail", d});
    }
    if (wanted("over")) {
        cv::Mat o;
        base.convertTo(o, -1, 1.7, 50);
        out.push_back({"over", "exposure", "fail", o});
    }
    if (wanted("blue_clothing"))
        out.push_back({"blue_clothing", "clothing_contrast", "fail", blueClothing(base, f)});
    if (wanted("second_face"))
        out.push_back({"second_face", "face_count", "fail", secondFace(base, f)});
    if (wanted("noise_jpeg")) out.push_back({"noise_jpeg", "sharpness", "flag", noisyJpeg(base)});
    return out;
}

}  // namespace gradphoto::test
