#include "gradphoto/checks/compliance_analyzer.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"

namespace gradphoto::checks {

namespace {

const Preset& defaultPreset() {
    static const Preset preset = Preset::load("chsi-blue");
    return preset;
}

cv::Mat asBgr(const cv::Mat& image) {
    if (image.empty() || image.depth() != CV_8U) return {};
    if (image.channels() == 3) return image;
    cv::Mat bgr;
    if (image.channels() == 1)
        cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    else if (image.channels() == 4)
        cv::cvtColor(image, bgr, cv::COLOR_BGRA2BGR);
    return bgr;
}

}  // namespace

ComplianceAnalyzer::ComplianceAnalyzer(std::shared_ptr<const FaceLocator> faces,
                                       const CheckConfig& config)
    : faces_(std::move(faces)), config_(config) {}

std::vector<CheckResult> ComplianceAnalyzer::analyze(const cv::Mat& image,
                                                     const AnalysisOptions& options) const {
    const CheckRegistry& registry = CheckRegistry::builtin();
    std::vector<std::string> ids = registry.ids();
    if (!options.only.empty())
        std::erase_if(ids, [&](const std::string& id) {
            return std::find(options.only.begin(), options.only.end(), id) == options.only.end();
        });
    const cv::Mat bgr = asBgr(image);
    if (bgr.empty()) {
        std::vector<CheckResult> results;
        for (const auto& id : ids)
            results.push_back(
                unknownResult(id, "图像为空或格式不支持", "empty or unsupported image"));
        return results;
    }
    try {
        return analyzeBgr(bgr, ids, options);
    } catch (const std::exception& e) {
        // Whatever the image: every check answers, none throws.
        std::vector<CheckResult> results;
        for (const auto& id : ids)
            results.push_back(unknownResult(id, "图像无法分析",
                                            std::string("image cannot be analysed: ") + e.what()));
        return results;
    }
}

std::vector<CheckResult> ComplianceAnalyzer::analyzeBgr(const cv::Mat& bgr,
                                                        const std::vector<std::string>& ids,
                                                        const AnalysisOptions& options) const {
    const CheckRegistry& registry = CheckRegistry::builtin();
    CheckSession::Inputs in;
    in.image = &bgr;
    in.preset = options.preset ? options.preset : &defaultPreset();
    in.faces = options.faces ? *options.faces : faces_->locate(bgr);
    in.workFaceWidth = config_.number("work_face_width", 200);
    in.matte = options.matte;
    in.matteScale = options.matteScale;
    in.matteOffset = options.matteOffset;
    in.withMatte = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        const auto check = registry.create(id);
        return check && check->needsMatte();
    });
    const CheckSession session(in);
    return run(session, ids);
}

std::vector<CheckResult> ComplianceAnalyzer::run(const CheckSession& session,
                                                 const std::vector<std::string>& ids) const {
    std::vector<CheckResult> results;
    const std::vector<std::string> detailIds = config_.detailIds();
    for (const auto& id : ids) {
        const auto check = CheckRegistry::builtin().create(id);
        if (!check) {
            results.push_back(unknownResult(id, "未知的检测项", "no such check"));
            continue;
        }
        CheckResult result;
        if (check->needsFace() && !session.hasFace()) {
            result = unknownResult(id, kNoFaceZh, kNoFaceEn);
        } else if (session.hasFace() &&
                   session.face().faceWidth < config_.number("min_detail_face_px", 0) &&
                   std::ranges::find(detailIds, id) != detailIds.end()) {
            // Enlarged from too few pixels, skin, eyes and edges show no real detail to judge.
            result = unknownResult(
                id, "人脸太小，无法判断这一项",
                "face " + fixed(session.face().faceWidth, 0) + " px wide, under the " +
                    fixed(config_.number("min_detail_face_px", 0), 0) + " px this check needs");
        } else {
            try {
                result = check->evaluate(session, config_.thresholds(id));
            } catch (const std::exception& e) {
                result = unknownResult(id, "检测出错", std::string("internal error: ") + e.what());
            }
        }
        result.rule = check->rule();
        results.push_back(std::move(result));
    }
    return results;
}

LivePreviewAnalyzer::LivePreviewAnalyzer(std::shared_ptr<const FaceLocator> faces,
                                         const CheckConfig& config)
    : analyzer_(std::move(faces), config), preset_(defaultPreset()) {}

std::vector<FaceLandmarks> LivePreviewAnalyzer::findFaces(const cv::Mat& bgr) {
    const CheckConfig& c = analyzer_.config();
    const int detectSide = int(c.number("live_detection_side", 500));
    const int carry = int(c.number("live_roi_frames", 15));
    // The whole frame at a small size finds a face near enough for the booth cheaply.
    auto found = analyzer_.faces_->locate(bgr, detectSide);
    if (!found.empty() || !previous_ || framesSinceFull_ >= carry) {
        framesSinceFull_ = 0;
        return found;
    }
    // Lost: search at full resolution around where the face was (a small or blurred face).
    ++framesSinceFull_;
    const cv::Rect2f b = previous_->box;
    const float grow = float(c.number("live_search_margin", 0.6));
    cv::Rect roi(cvFloor(b.x - grow * b.width), cvFloor(b.y - grow * b.height),
                 cvCeil(b.width * (1 + 2 * grow)), cvCeil(b.height * (1 + 2 * grow)));
    roi &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (roi.area() <= 0) return found;
    found = analyzer_.faces_->locate(bgr(roi), std::max(roi.width, roi.height));
    for (auto& f : found) f = f.scaled(1.0, cv::Point2f(float(roi.x), float(roi.y)));
    return found;
}

std::vector<CheckResult> LivePreviewAnalyzer::analyzeFrame(const cv::Mat& image,
                                                           double stillScale) {
    const cv::Mat bgr = asBgr(image);
    std::vector<std::string> ids = analyzer_.config().liveIds();
    if (bgr.empty()) {
        std::vector<CheckResult> results;
        for (const auto& id : ids) results.push_back(unknownResult(id, "没有画面", "empty frame"));
        return results;
    }
    try {
        return analyzeBgrFrame(bgr, ids, stillScale);
    } catch (const std::exception& e) {
        previous_.reset();
        std::vector<CheckResult> results;
        for (const auto& id : ids)
            results.push_back(unknownResult(id, "画面无法分析",
                                            std::string("frame cannot be analysed: ") + e.what()));
        return results;
    }
}

std::vector<CheckResult> LivePreviewAnalyzer::analyzeBgrFrame(const cv::Mat& bgr,
                                                              const std::vector<std::string>& ids,
                                                              double stillScale) {
    auto faces = findFaces(bgr);
    if (faces.empty())
        previous_.reset();
    else
        previous_ = faces.front();
    CheckSession::Inputs in;
    in.image = &bgr;
    in.preset = &preset_;
    in.faces = std::move(faces);
    in.workFaceWidth = analyzer_.config().number("work_face_width", 200);
    in.withMatte = false;
    in.faceOnly = true;
    in.stillScale = stillScale;
    const CheckSession session(in);
    return analyzer_.run(session, ids);
}

}  // namespace gradphoto::checks
