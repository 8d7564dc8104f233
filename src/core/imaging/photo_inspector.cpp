// inspectPhoto: measures a final photo against a preset, knowing nothing of how it was made.

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/imaging_problem.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto {

namespace {

struct BackdropSample {
    cv::Vec3d mean;
    double spread = 0;  // largest difference between the means of the sampled patches
};

// Samples the top band and the upper side strips in patches; the spread between patch means
// shows gradients and shadows.
BackdropSample sampleBackdrop(const cv::Mat& photo) {
    const int band = std::max(4, photo.rows / 40);
    std::vector<cv::Rect> patches;
    const int n = 6;
    for (int i = 0; i < n; ++i) {
        const int w = (photo.cols - 2 * band) / n;
        patches.emplace_back(band + i * w, 2, w, band);
    }
    const int sideH = photo.rows / 5;
    for (int i = 0; i < 2; ++i) {
        patches.emplace_back(2, band + 2 + i * sideH, band, sideH);
        patches.emplace_back(photo.cols - band - 2, band + 2 + i * sideH, band, sideH);
    }
    BackdropSample s;
    std::vector<cv::Vec3d> means;
    for (const auto& r : patches) {
        const cv::Scalar m = cv::mean(photo(r & cv::Rect(0, 0, photo.cols, photo.rows)));
        means.emplace_back(m[0], m[1], m[2]);
    }
    // The backdrop colour: the median patch (robust to hair reaching one patch).
    for (int c = 0; c < 3; ++c) {
        std::vector<double> v;
        for (const auto& m : means) v.push_back(m[c]);
        std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
        s.mean[c] = v[v.size() / 2];
    }
    std::vector<double> dist;
    for (const auto& m : means) dist.push_back(cv::norm(m - s.mean));
    std::sort(dist.begin(), dist.end());
    // Ignore the two most deviant patches (hair or a shoulder may touch them).
    s.spread = dist.size() > 2 ? dist[dist.size() - 3] : dist.back();
    return s;
}

int headTopFromColour(const cv::Mat& photo, const cv::Vec3d& backdrop, double cx, double fw) {
    const int x0 = std::clamp(cvRound(cx - 0.3 * fw), 0, photo.cols - 1);
    const int x1 = std::clamp(cvRound(cx + 0.3 * fw), x0 + 1, photo.cols);
    const int need = std::max(2, (x1 - x0) / 12);
    for (int y = 0; y < photo.rows; ++y) {
        const auto* p = photo.ptr<cv::Vec3b>(y);
        int count = 0;
        for (int x = x0; x < x1; ++x) {
            const double d = cv::norm(cv::Vec3d(p[x][0], p[x][1], p[x][2]) - backdrop);
            count += d > 40.0;
        }
        if (count >= need) return y;
    }
    return -1;
}

}  // namespace

Report inspectPhoto(std::span<const std::uint8_t> bytes, const std::string& fileName,
                    const Preset& preset, const FaceLocator& faces) {
    Report report;
    report.preset = preset.name;
    report.input.file = fileName;
    auto problem = [&](const std::string& code, const std::string& detail) {
        report.errors.push_back(imagingProblem(code, detail));
    };
    const auto info = readJpegInfo(bytes);
    if (!info) {
        problem("not_jpeg", fileName);
        return report;
    }
    report.input.width = info->width;
    report.input.height = info->height;
    report.output = OutputSummary{
        fileName,   info->width, info->height, long(bytes.size()), info->estimatedQuality,
        info->dpi()};
    if (info->width != preset.width || info->height != preset.height) {
        problem("size_wrong", std::to_string(info->width) + "x" + std::to_string(info->height) +
                                  ", expected " + std::to_string(preset.width) + "x" +
                                  std::to_string(preset.height));
    }
    if (info->components != 3)
        problem("not_colour", std::to_string(info->components) + " channels");
    if (info->progressive) problem("not_baseline", "progressive");
    if (info->dpi() != preset.dpi) {
        problem("dpi_wrong",
                std::to_string(info->dpi()) + " dpi, expected " + std::to_string(preset.dpi));
    }
    const long size = long(bytes.size());
    if (size < preset.minBytes || size > preset.maxBytes) {
        problem("bytes_out_of_range", std::to_string(size) + " bytes, expected " +
                                          std::to_string(preset.minBytes) + "-" +
                                          std::to_string(preset.maxBytes));
    }
    if (info->estimatedQuality < preset.minQuality) {
        problem("quality_low", "estimated quality " + std::to_string(info->estimatedQuality));
    }

    cv::Mat photo;
    try {
        photo = decodeImage(bytes, fileName, ImageLimits{50'000'000, 16});
    } catch (const Error& e) {
        report.errors.push_back(e.problem());
        return report;
    }

    // Backdrop colour and uniformity.
    const BackdropSample bg = sampleBackdrop(photo);
    const cv::Vec3d want(preset.background.b, preset.background.g, preset.background.r);
    const double colourDistance = cv::norm(bg.mean - want);
    const bool colourOk = colourDistance <= preset.backgroundTolerance;
    const bool uniform = bg.spread <= 10.0;
    report.checks.push_back(
        {"background_uniform", uniform ? CheckStatus::kPass : CheckStatus::kFail,
         std::round(bg.spread * 10) / 10, 10.0, uniform ? "背景均匀" : "背景不均匀",
         "largest difference between backdrop patches " + std::to_string(int(bg.spread))});
    if (!colourOk) {
        problem("background_colour", "RGB " + std::to_string(int(bg.mean[2])) + "," +
                                         std::to_string(int(bg.mean[1])) + "," +
                                         std::to_string(int(bg.mean[0])) + ", distance " +
                                         std::to_string(int(colourDistance)));
    }
    if (!uniform) problem("background_not_uniform", "spread " + std::to_string(int(bg.spread)));

    // Geometry from the face.
    const auto found = faces.locate(photo, 640);
    report.checks.push_back(
        {"face_count", found.size() == 1 ? CheckStatus::kPass : CheckStatus::kFail,
         int(found.size()), 1,
         found.empty() ? "未检测到人脸" : (found.size() > 1 ? "画面中有多个人" : "只有一张人脸"),
         std::to_string(found.size()) + " face(s)"});
    if (found.empty()) {
        problem("no_face", "");
        report.ok = false;
        return report;
    }
    if (found.size() > 1) problem("multiple_faces", std::to_string(found.size()) + " faces");
    const FaceLandmarks& f = found.front();
    GeometryMeasure& g = report.geometry;
    g.measured = true;
    g.eyeLinePx = f.eyeLineY();
    g.faceWidthPx = f.faceWidth;
    g.centerOffsetPx = f.faceCenterX() - photo.cols / 2.0;
    g.headTopPx = headTopFromColour(photo, bg.mean, f.faceCenterX(), f.faceWidth);
    const bool sizeOk = preset.faceWidth.contains(g.faceWidthPx);
    report.checks.push_back({"face_size", sizeOk ? CheckStatus::kPass : CheckStatus::kFail,
                             std::round(g.faceWidthPx),
                             nlohmann::json::array({preset.faceWidth.min, preset.faceWidth.max}),
                             sizeOk ? "脸部大小合适" : "脸部大小不符合要求",
                             "face width " + std::to_string(int(g.faceWidthPx)) + " px"});
    auto range = [](const Range& r) {
        return std::to_string(int(r.min)) + "-" + std::to_string(int(r.max));
    };
    if (!preset.headTop.contains(g.headTopPx)) {
        problem("head_top_out_of_range",
                std::to_string(int(g.headTopPx)) + " px, expected " + range(preset.headTop));
    }
    if (!preset.eyeLine.contains(g.eyeLinePx)) {
        problem("eye_line_out_of_range",
                std::to_string(int(g.eyeLinePx)) + " px, expected " + range(preset.eyeLine));
    }
    if (!sizeOk) {
        problem("face_width_out_of_range",
                std::to_string(int(g.faceWidthPx)) + " px, expected " + range(preset.faceWidth));
    }
    if (std::abs(g.centerOffsetPx) > preset.maxCenterOffset) {
        problem("off_centre", std::to_string(int(g.centerOffsetPx)) + " px");
    }
    report.ok = report.errors.empty();
    return report;
}

}  // namespace gradphoto
