#include "gradphoto/imaging/standardizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "crop_plan.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/common/error.h"
#include "gradphoto/imaging/backdrop_matte.h"
#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/imaging_problem.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/imaging/standardizer_limits.h"

namespace gradphoto {

namespace {

class StageClock {
  public:
    explicit StageClock(Report& report) : report_(report), last_(Clock::now()) {}
    void mark(const std::string& stage) {
        const auto now = Clock::now();
        report_.timingMs.emplace_back(
            stage, std::chrono::duration<double, std::milli>(now - last_).count());
        last_ = now;
    }

  private:
    using Clock = std::chrono::steady_clock;
    Report& report_;
    Clock::time_point last_;
};

std::string fmt(double v, int decimals = 1) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
}

CheckResult check(std::string id, CheckStatus status, nlohmann::json value, nlohmann::json limit,
                  std::string zh, std::string en) {
    return {std::move(id),    status,        std::move(value),
            std::move(limit), std::move(zh), std::move(en)};
}

// Mean alpha over a column span of one row (0 outside the image).
double rowCoverage(const cv::Mat& alpha, int y, double x0, double x1) {
    if (y < 0 || y >= alpha.rows) return 0;
    const int a0 = std::clamp(cvRound(x0), 0, alpha.cols),
              a1 = std::clamp(cvRound(x1), 0, alpha.cols);
    if (a1 <= a0) return 0;
    double sum = 0;
    for (int x = a0; x < a1; ++x) sum += alpha.at<float>(y, x);
    return sum / (cvRound(x1) - cvRound(x0));
}

// Share of rows in [y0, y1) where the person touches image column x.
double sideContact(const cv::Mat& alpha, int x, double y0, double y1) {
    const int r0 = std::clamp(cvRound(y0), 0, alpha.rows),
              r1 = std::clamp(cvRound(y1), 0, alpha.rows);
    if (r1 <= r0) return 0;
    int touching = 0;
    for (int y = r0; y < r1; ++y) touching += alpha.at<float>(y, x) > 0.5f;
    return double(touching) / (r1 - r0);
}

// Crops [x0, x0+w) x [y0, y0+h) from src (padding with `fill` outside) and resizes to `out`.
cv::Mat cropResize(const cv::Mat& src, cv::Rect rect, cv::Size out, const cv::Scalar& fill,
                   int interpolation) {
    const cv::Rect inside = rect & cv::Rect(0, 0, src.cols, src.rows);
    cv::Mat canvas(rect.size(), src.type(), fill);
    if (inside.area() > 0) src(inside).copyTo(canvas(inside - rect.tl()));
    cv::Mat resized;
    cv::resize(canvas, resized, out, 0, 0, interpolation);
    return resized;
}

// Letterbox or pillarbox bars: perfectly uniform full-height columns (full-width rows) at an
// edge whose colour differs from the picture right inside them. They are padding, not a wall;
// the picture inside them is the capture.
cv::Rect pictureInsidePadding(const cv::Mat& image) {
    auto lineStats = [&](bool column, int index) {
        const cv::Mat line = column ? image.col(index) : image.row(index);
        cv::Scalar mean, dev;
        cv::meanStdDev(line, mean, dev);
        return std::pair{cv::Vec3d(mean[0], mean[1], mean[2]), std::max({dev[0], dev[1], dev[2]})};
    };
    auto scan = [&](bool column, int from, int step, int limit) {
        const auto [edgeColour, edgeDev] = lineStats(column, from);
        if (edgeDev > 1.5) return 0;
        int n = 0;
        for (int i = from; n < limit; i += step, ++n) {
            const auto [colour, dev] = lineStats(column, i);
            if (dev > 1.5 || cv::norm(colour - edgeColour) > 2.0) break;
        }
        if (n < 4 || n >= limit) return 0;
        // The picture must start with a step away from the bar's colour.
        const int inside = from + step * (n + 2);
        const cv::Mat next = column ? image.col(inside) : image.row(inside);
        const cv::Mat band =
            column ? next.rowRange(0, next.rows / 4) : next.colRange(0, next.cols / 4);
        const cv::Scalar m = cv::mean(band);
        return cv::norm(cv::Vec3d(m[0], m[1], m[2]) - edgeColour) > 12.0 ? n : 0;
    };
    const int left = scan(true, 0, 1, image.cols / 3);
    const int right = scan(true, image.cols - 1, -1, image.cols / 3);
    const int top = scan(false, 0, 1, image.rows / 3);
    const int bottom = scan(false, image.rows - 1, -1, image.rows / 3);
    return cv::Rect(left, top, image.cols - left - right, image.rows - top - bottom);
}

}  // namespace

Standardizer::Standardizer(Preset preset, std::shared_ptr<const FaceLocator> faces)
    : preset_(std::move(preset)),
      limits_(StandardizerLimits::load()),
      faces_(std::move(faces)),
      analyzer_(std::make_shared<checks::ComplianceAnalyzer>(faces_)) {}

const checks::ComplianceAnalyzer& Standardizer::analyzer() const {
    return *analyzer_;
}

StandardizedPhoto Standardizer::runEncoded(std::span<const std::uint8_t> capture,
                                           const std::string& inputName) const {
    ImageLimits reduced;
    reduced.decodeDownTo = 3'000'000;  // 12 MP decodes at half size, 1080p at full size
    StandardizedPhoto result;
    try {
        const cv::Mat image = decodeImage(capture, inputName, reduced);
        result = run(image, {}, inputName);
        const auto info = readJpegInfo(capture);
        const bool wasReduced =
            info && long(image.cols) * image.rows < long(info->width) * info->height;
        if (!wasReduced || result.report.ok || result.report.errors.empty() ||
            result.report.errors.front().code != "too_small") {
            return result;
        }
        // The face needs every pixel the camera has.
        return run(decodeImage(capture, inputName), {}, inputName);
    } catch (const Error& e) {
        result = {};
        result.report.preset = preset_.name;
        result.report.input.file = inputName;
        result.report.errors.push_back(e.problem());
        return result;
    }
}

StandardizedPhoto Standardizer::runFile(const std::filesystem::path& capture,
                                        const std::filesystem::path& plate) const {
    StandardizedPhoto result;
    result.report.preset = preset_.name;
    result.report.input.file = capture.string();
    cv::Mat image, plateImage;
    try {
        image = loadImage(capture);
        if (!plate.empty()) plateImage = loadImage(plate);
    } catch (const Error& e) {
        result.report.errors.push_back(e.problem());
        return result;
    }
    return run(image, plateImage, capture.string());
}

StandardizedPhoto Standardizer::run(const cv::Mat& original, const cv::Mat& plate,
                                    const std::string& inputName) const {
    // Padding bars around a picture are no part of the scene.
    const cv::Rect picture = original.empty() ? cv::Rect() : pictureInsidePadding(original);
    const cv::Mat capture = original.empty() ? original : original(picture);
    StandardizedPhoto result;
    Report& report = result.report;
    report.preset = preset_.name;
    report.input = {inputName, original.cols, original.rows};
    StageClock clock(report);
    const StandardizerLimits& limits = limits_;
    // The compliance checks' inputs, filled in as they are found (faces, then the matte), so
    // that neither a refusal's checks nor a written photo's detect or extract them again.
    checks::AnalysisOptions analysis;
    analysis.preset = &preset_;
    auto refuse = [&](const std::string& code, const std::string& detail = {}) {
        report.ok = false;
        report.errors.push_back(imagingProblem(code, detail));
        // A refused capture still gets every compliance check, so that one retake can fix
        // everything at once (the same 20 checks as a written photo's report).
        report.checks = analyzer().analyze(capture, analysis);
        clock.mark("checks");
        return std::move(result);
    };
    if (capture.empty() || capture.type() != CV_8UC3) return refuse("no_face", "empty capture");
    if (!plate.empty() && plate.size() != original.size()) return refuse("plate_size_mismatch");

    // 1. Face and landmarks.
    const auto faces = faces_->locate(capture);
    analysis.faces = faces;
    clock.mark("detect");
    if (faces.empty()) {
        report.checks.push_back(
            check("face_count", CheckStatus::kFail, 0, 1, "未检测到人脸", "no face found"));
        return refuse("no_face");
    }
    const FaceLandmarks& face = faces.front();
    const auto others = std::count_if(faces.begin() + 1, faces.end(), [&](const FaceLandmarks& f) {
        return f.faceWidth >= limits.secondFaceRatio * face.faceWidth;
    });
    report.checks.push_back(check("face_count", others ? CheckStatus::kFail : CheckStatus::kPass,
                                  1 + others, 1, others ? "画面中有多个人" : "只有一张人脸",
                                  others ? "more than one face" : "one face"));
    if (others) return refuse("multiple_faces", std::to_string(1 + others) + " faces");

    for (int i = 0; i <= 26; ++i) {
        const cv::Point2f p = face.points[i];
        if (p.x < 1 || p.y < 1 || p.x > capture.cols - 2 || p.y > capture.rows - 2)
            return refuse("face_cut_off");
    }
    const double roll = face.rollDegrees();
    const CheckStatus rollStatus = std::abs(roll) > limits.maxRollDeg    ? CheckStatus::kFail
                                   : std::abs(roll) > limits.warnRollDeg ? CheckStatus::kWarn
                                                                         : CheckStatus::kPass;
    report.checks.push_back(check("head_roll", rollStatus, std::round(roll * 10) / 10,
                                  limits.maxRollDeg,
                                  rollStatus == CheckStatus::kPass ? "头部端正" : "请把头摆正",
                                  "head roll " + fmt(roll) + " degrees"));
    const double leftSpan = face.points[30].x - face.points[0].x;
    const double rightSpan = face.points[16].x - face.points[30].x;
    const double symmetry = std::min(leftSpan, rightSpan) / std::max({leftSpan, rightSpan, 1.0});
    const bool turned = leftSpan <= 0 || rightSpan <= 0 || symmetry < limits.minYawSymmetry;
    report.checks.push_back(check("head_yaw", turned ? CheckStatus::kFail : CheckStatus::kPass,
                                  std::round(symmetry * 100) / 100, limits.minYawSymmetry,
                                  turned ? "请正对镜头" : "正对镜头",
                                  "left/right face symmetry " + fmt(symmetry, 2)));
    if (leftSpan <= 0 || rightSpan <= 0 || symmetry < limits.refuseYawSymmetry)
        return refuse("face_turned", "symmetry " + fmt(symmetry, 2));
    if (std::abs(roll) > limits.refuseRollDeg) return refuse("head_tilted", fmt(roll) + " degrees");

    // 2. The working region, at about the output's resolution.
    const double s0 = preset_.faceWidth.middle() / face.faceWidth;
    const double minScale = preset_.faceWidth.min / face.faceWidth;
    const double upscale = minScale;
    report.checks.push_back(
        check("face_size", upscale > preset_.maxUpscale ? CheckStatus::kFail : CheckStatus::kPass,
              std::round(face.faceWidth), std::round(preset_.faceWidth.min / preset_.maxUpscale),
              upscale > preset_.maxUpscale ? "离镜头太远，请靠近一些" : "距离合适",
              "face width " + fmt(face.faceWidth, 0) + " px in the capture"));
    if (upscale > preset_.maxUpscale) {
        return refuse("too_small", "face " + fmt(face.faceWidth, 0) + " px wide needs " +
                                       fmt(upscale, 2) + "x enlargement");
    }
    const double workScale = s0;
    const double cropW = preset_.width / s0, cropH = preset_.height / s0;
    const double topGuess = face.eyeLineY() - preset_.eyeLine.middle() / s0;
    cv::Rect roi(cvFloor(face.faceCenterX() - 0.9 * cropW), cvFloor(topGuess - 0.45 * cropH),
                 cvCeil(1.8 * cropW), cvCeil(1.9 * cropH));
    roi &= cv::Rect(0, 0, capture.cols, capture.rows);
    cv::Mat work, plateWork;
    const int interpolation = workScale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC;
    cv::resize(capture(roi), work, cv::Size(), workScale, workScale, interpolation);
    if (!plate.empty())
        cv::resize(plate(roi + picture.tl()), plateWork, work.size(), 0, 0, interpolation);
    const cv::Point2f offset(-float(roi.x * workScale), -float(roi.y * workScale));
    const FaceLandmarks wf = face.scaled(workScale, offset);
    clock.mark("prepare");

    // 3. The person's matte.
    const Matte matte = BackdropMatte::extract(work, wf, plateWork);
    clock.mark("matte");
    analysis.matte = &matte;
    analysis.matteScale = workScale;
    analysis.matteOffset = offset;
    if (std::getenv("GRADPHOTO_DEBUG"))
        std::fprintf(stderr, "debug: clutter %.3f overreach %.3f\n", matte.clutter,
                     matte.overreach);
    const bool cluttered = plate.empty() && (matte.clutter > limits.maxBackdropClutter ||
                                             matte.overreach > limits.maxPersonOverreach);
    report.checks.push_back(
        check("background_uniform", cluttered ? CheckStatus::kFail : CheckStatus::kPass,
              std::round(matte.clutter * 1000) / 1000, limits.maxBackdropClutter,
              cluttered ? "背景不是纯色" : "背景为纯色",
              "share of backdrop that is not a smooth wall: " + fmt(matte.clutter * 100) + "%"));
    if (cluttered) {
        return refuse("background_cluttered", fmt(matte.clutter * 100) +
                                                  "% misfit, person overreach " +
                                                  fmt(matte.overreach * 100) + "%");
    }

    // 4. Geometry: head top from the matte, eyes and width from the landmarks.
    const int top = headTopRow(matte.alpha, wf.faceCenterX(), wf.faceWidth);
    if (top <= 1) {
        return refuse("head_cut_off");
    }
    if (wf.eyeLineY() - top < limits.minEyeToTopFaceRatio * wf.faceWidth) {
        return refuse("hair_line_lost");
    }
    // The capture's bottom edge in working coordinates: the photo's shoulders must come from it.
    const double captureBottom = (capture.rows - roi.y) * workScale;
    imaging::HeadMeasure head{double(top), wf.eyeLineY(), wf.faceWidth, wf.faceCenterX()};
    head.maxBottomY = captureBottom + 1.0;
    // Where the person runs into a side of the capture, the crop must stay inside it; elsewhere
    // the backdrop colour may fill the margin.
    const double chinY = wf.chin.y;
    if (roi.x == 0 && sideContact(matte.alpha, 0, chinY, work.rows) > limits.maxSideContact)
        head.minX = -0.5;
    if (roi.x + roi.width >= capture.cols &&
        sideContact(matte.alpha, work.cols - 1, chinY, work.rows) > limits.maxSideContact)
        head.maxX = work.cols + 0.5;
    head.maxShiftPx = std::max(0.0, preset_.maxCenterOffset - 4);
    head.maxScale = preset_.maxUpscale / workScale;
    if (std::getenv("GRADPHOTO_DEBUG")) {
        std::fprintf(
            stderr,
            "debug: work %dx%d top %.0f eye %.0f fw %.0f cx %.0f bottom %.0f x %.0f..%.0f\n",
            work.cols, work.rows, head.headTopY, head.eyeLineY, head.faceWidth, head.centerX,
            head.maxBottomY, head.minX, head.maxX);
    }
    const auto plan = imaging::planCrop(head, preset_);
    if (!plan) {
        imaging::HeadMeasure free = head;
        free.minX = -1e9;
        free.maxX = 1e9;
        free.maxBottomY = 1e9;
        if (imaging::planCrop(free, preset_)) {
            free.maxBottomY = head.maxBottomY;
            if (imaging::planCrop(free, preset_)) return refuse("person_cut_at_side");
            free.maxBottomY = 1e9;
            const auto loose = imaging::planCrop(free, preset_);
            const double short_ = (loose->y0 + loose->height() - captureBottom) / workScale;
            return refuse("shoulders_missing",
                          "the capture would need about " + fmt(short_, 0) + " px more below");
        }
        return refuse("geometry_impossible",
                      "eye-to-head-top " + fmt(head.eyeLineY - head.headTopY, 0) +
                          " px for a face " + fmt(head.faceWidth, 0) + " px wide");
    }
    const double totalScale = workScale * plan->scale;
    if (totalScale > preset_.maxUpscale) {
        return refuse("too_small", fmt(totalScale, 2) + "x enlargement");
    }
    const double cropBottom = plan->y0 + plan->height();
    const double tolerance = 2.0 / plan->scale;
    if (cropBottom > work.rows + tolerance) return refuse("shoulders_missing");
    const int lastRow = std::min(work.rows - 1, cvFloor(cropBottom) - 1);
    const double torso = rowCoverage(matte.alpha, lastRow, head.centerX - 0.5 * head.faceWidth,
                                     head.centerX + 0.5 * head.faceWidth);
    if (torso < limits.minTorsoCoverage) {
        return refuse("torso_incomplete", "coverage " + fmt(torso, 2));
    }
    clock.mark("geometry");

    // 5. Composite over the preset colour.
    const cv::Rect rect(cvRound(plan->x0), cvRound(plan->y0), cvRound(plan->width()),
                        cvRound(plan->height()));
    const cv::Size outSize(preset_.width, preset_.height);
    const int outInterp = plan->scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC;
    const cv::Mat fg = cropResize(matte.foreground, rect, outSize, cv::Scalar::all(0), outInterp);
    cv::Mat alpha = cropResize(matte.alpha, rect, outSize, cv::Scalar(0), outInterp);
    alpha = cv::min(cv::max(alpha, 0.0f), 1.0f);
    const cv::Vec3f bg(float(preset_.background.b), float(preset_.background.g),
                       float(preset_.background.r));
    cv::Mat photo(outSize, CV_8UC3);
    for (int y = 0; y < outSize.height; ++y) {
        const float* a = alpha.ptr<float>(y);
        const auto* f = fg.ptr<cv::Vec3f>(y);
        auto* o = photo.ptr<cv::Vec3b>(y);
        for (int x = 0; x < outSize.width; ++x) {
            const cv::Vec3f v = a[x] * f[x] + (1.0f - a[x]) * bg;
            o[x] = cv::Vec3b(cv::saturate_cast<uchar>(v[0]), cv::saturate_cast<uchar>(v[1]),
                             cv::saturate_cast<uchar>(v[2]));
        }
    }
    alpha.convertTo(result.alpha, CV_8U, 255.0);
    clock.mark("composite");

    // 6. Encode within the byte range.
    auto jpeg = encodeJpegWithinBytes(photo, preset_.dpi, preset_.minQuality, preset_.minBytes,
                                      preset_.maxBytes);
    clock.mark("encode");
    if (!jpeg) return refuse("encode_size");

    // 7. Measure the result as an independent inspector would; only a compliant file is kept.
    Report measured = inspectPhoto(jpeg->bytes, {}, preset_, *faces_);
    clock.mark("inspect");
    report.output = measured.output;
    report.geometry = measured.geometry;
    for (auto& c : measured.checks) {
        if (c.id == "face_count" || c.id == "face_size" || c.id == "background_uniform") continue;
        report.checks.push_back(std::move(c));
    }
    report.errors = measured.errors;
    report.ok = measured.ok;

    // 8. The compliance checks on the capture, reusing the faces and the matte found above.
    report.checks = analyzer().analyze(capture, analysis);
    clock.mark("checks");
    if (report.ok) {
        result.jpeg = std::move(jpeg->bytes);
        result.photo = photo;
    }
    return result;
}

}  // namespace gradphoto
