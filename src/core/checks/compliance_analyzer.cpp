#include "gradphoto/checks/compliance_analyzer.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "builtin_checks.h"
#include "gradphoto/checks/check_score.h"

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

// Every check of ids `unknown` for one reason (no image to analyse).
std::vector<CheckResult> everyUnknown(const std::vector<std::string>& ids, const std::string& zh,
                                      const std::string& en) {
    std::vector<CheckResult> results;
    for (const auto& id : ids) results.push_back(unknownResult(id, zh, en));
    return results;
}

// A tracked fit is kept only while it is plausible. The shape model was trained on boxes from the
// detector and recovers from the detector's own jitter (about a tenth of the box), not more:
// - the new landmarks' bounding box overlaps the previous frame's by at least live_track_overlap
//   (intersection over union; 0.7 is a step of about a sixth of the face's width) and
// - the face's width changes by at most live_track_scale_step either way (stepping to or from the
//   camera),
// else the start box was off and the fit cannot be trusted. The model always returns a shape,
// even on a bare wall where the student stood a frame ago, so geometry alone cannot tell that the
// face left:
// - the face aligned on the new eyes must still look like the face at the last detection:
//   normalized cross-correlation of the two small grey patches at least live_track_similarity
//   (a wall, a shoulder or another person's hair correlates far lower than the same face a few
//   pixels on).
// (The three limits are in resources/checks.json.)
constexpr int kPatchSide = 24;

cv::Rect2f landmarkBounds(const FaceLandmarks& f) {
    float x0 = f.points[0].x, y0 = f.points[0].y, x1 = x0, y1 = y0;
    for (const auto& p : f.points) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

double overlap(const cv::Rect2f& a, const cv::Rect2f& b) {
    const float both = (a & b).area();
    const float either = a.area() + b.area() - both;
    return either > 0 ? both / either : 0.0;
}

// The face as a small grey patch, eyes on fixed points (the centre of the face, brows to mouth),
// warped at 4x the size and then averaged down so a shift of a pixel does not alias.
cv::Mat alignedPatch(const cv::Mat& bgr, const FaceLandmarks& f) {
    const cv::Point2f d = f.rightEye - f.leftEye;
    const double eyes = std::hypot(d.x, d.y);
    if (!(eyes >= 2.0)) return {};
    const int side = 4 * kPatchSide;
    const double k = 0.4 * side / eyes;
    const double c = k * d.x / eyes, s = k * d.y / eyes;
    // p' = k R(-angle) (p - leftEye) + (0.3, 0.35) * side
    const cv::Matx23d m(c, s, 0.3 * side - (c * f.leftEye.x + s * f.leftEye.y), -s, c,
                        0.35 * side - (-s * f.leftEye.x + c * f.leftEye.y));
    cv::Mat warped, grey, small;
    cv::warpAffine(bgr, warped, m, cv::Size(side, side), cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    cv::cvtColor(warped, grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(kPatchSide, kPatchSide), 0, 0, cv::INTER_AREA);
    small.convertTo(small, CV_32F);
    return small;
}

// Normalized cross-correlation of two patches; 0 when either is empty or flat.
double similarity(const cv::Mat& a, const cv::Mat& b) {
    if (a.empty() || b.empty() || a.size() != b.size()) return 0;
    cv::Scalar ma, sa, mb, sb;
    cv::meanStdDev(a, ma, sa);
    cv::meanStdDev(b, mb, sb);
    if (sa[0] < 2.0 || sb[0] < 2.0) return 0;
    const double cross = cv::mean((a - ma[0]).mul(b - mb[0]))[0];
    return cross / (sa[0] * sb[0]);
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
        return everyUnknown(ids, "图像为空或格式不支持", "empty or unsupported image");
    }
    try {
        return analyzeBgr(bgr, ids, options);
    } catch (const std::exception& e) {
        // Whatever the image: every check answers, none throws.
        return everyUnknown(ids, "图像无法分析",
                            std::string("image cannot be analysed: ") + e.what());
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
    const ScoreBands bands = ScoreBands::from(config_);
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
            // The measures grade() grades during evaluate report to this collector (this
            // thread's only): the score is their lowest sub-score kept in the status's band.
            const ScoreCollector scores(bands);
            try {
                result = check->evaluate(session, config_.thresholds(id));
                result.score = scores.score(result.status);
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

void LivePreviewAnalyzer::reset() {
    previous_.reset();
    framesSinceFull_ = 0;
    trackedFrames_ = 0;
    lastTracked_ = false;
    frameSize_ = cv::Size();
    keyPatch_.release();
}

std::vector<FaceLandmarks> LivePreviewAnalyzer::findFaces(const cv::Mat& bgr) {
    const int every = std::max(1, int(analyzer_.config().number("live_track_frames", 5)));
    lastTracked_ = false;
    if (trackedFrames_ + 1 < every) {
        if (auto face = trackFace(bgr)) {
            ++trackedFrames_;
            ++framesSinceFull_;
            lastTracked_ = true;
            return {*face};
        }
    }
    trackedFrames_ = 0;
    frameSize_ = bgr.size();
    auto found = detectFaces(bgr);
    if (found.empty())
        keyPatch_.release();
    else
        keepForTracking(bgr, found.front());
    return found;
}

std::optional<FaceLandmarks> LivePreviewAnalyzer::trackFace(const cv::Mat& bgr) const {
    if (!previous_ || keyPatch_.empty() || bgr.size() != frameSize_) return std::nullopt;
    const cv::Rect2f was = landmarkBounds(*previous_);
    auto boxFor = [&](const cv::Rect2f& shape) {
        return cv::Rect2f(shape.x + boxFromShape_[0] * shape.width,
                          shape.y + boxFromShape_[1] * shape.height, boxFromShape_[2] * shape.width,
                          boxFromShape_[3] * shape.height);
    };
    const cv::Rect2f start = boxFor(was);
    // Mostly outside the frame: leaving, or the landmarks would be guessed. Detect instead.
    const cv::Rect2f frame(0, 0, float(bgr.cols), float(bgr.rows));
    if (!(start.area() > 0) || (start & frame).area() < 0.5f * start.area()) return std::nullopt;
    FaceLandmarks face = analyzer_.faces_->fitLandmarks(bgr, start);
    // Once more in the box this fit implies: the shape model keeps much of the box's scale, so a
    // face that moved nearer or further is followed in two steps instead of drifting.
    face = analyzer_.faces_->fitLandmarks(bgr, boxFor(landmarkBounds(face)));
    const cv::Rect2f now = landmarkBounds(face);
    const double step = face.faceWidth / std::max(1.0f, previous_->faceWidth);
    const CheckConfig& c = analyzer_.config();
    const double maxStep = c.number("live_track_scale_step", 1.15);
    if (overlap(now, was) < c.number("live_track_overlap", 0.7) || step > maxStep ||
        step < 1.0 / maxStep)
        return std::nullopt;
    if (similarity(alignedPatch(bgr, face), keyPatch_) < c.number("live_track_similarity", 0.7))
        return std::nullopt;
    face.box = boxFor(now);
    face.detectionScore = previous_->detectionScore;
    return face;
}

void LivePreviewAnalyzer::keepForTracking(const cv::Mat& bgr, const FaceLandmarks& face) {
    const cv::Rect2f shape = landmarkBounds(face);
    keyPatch_ = alignedPatch(bgr, face);
    if (!(shape.width >= 1 && shape.height >= 1)) {
        keyPatch_.release();
        return;
    }
    boxFromShape_ =
        cv::Vec4f((face.box.x - shape.x) / shape.width, (face.box.y - shape.y) / shape.height,
                  face.box.width / shape.width, face.box.height / shape.height);
}

std::vector<FaceLandmarks> LivePreviewAnalyzer::detectFaces(const cv::Mat& bgr) {
    const CheckConfig& c = analyzer_.config();
    const int detectSide = int(c.number("live_detection_side", 500));
    const int carry = int(c.number("live_roi_frames", 15));
    // The whole frame at a small size finds a face near enough for the booth cheaply.
    auto found = analyzer_.faces_->locate(bgr, detectSide);
    if (!found.empty() || !previous_ || framesSinceFull_ >= carry) {
        framesSinceFull_ = 0;
        return found;
    }
    // Lost: search around where the face was (a small or blurred face), scaled so that face is
    // live_search_face_px wide: the size the detector finds reliably and cheaply.
    ++framesSinceFull_;
    const cv::Rect2f b = previous_->box;
    const float grow = float(c.number("live_search_margin", 0.6));
    cv::Rect roi(cvFloor(b.x - grow * b.width), cvFloor(b.y - grow * b.height),
                 cvCeil(b.width * (1 + 2 * grow)), cvCeil(b.height * (1 + 2 * grow)));
    roi &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (roi.area() <= 0 || !(b.width >= 1)) return found;
    const double toSearch = c.number("live_search_face_px", 100) / b.width;
    found = analyzer_.faces_->locateAtScale(
        bgr(roi), std::min(toSearch, c.number("live_search_max_upscale", 2.0)));
    for (auto& f : found) f = f.scaled(1.0, cv::Point2f(float(roi.x), float(roi.y)));
    return found;
}

std::vector<CheckResult> LivePreviewAnalyzer::analyzeFrame(const cv::Mat& image,
                                                           double stillScale) {
    const cv::Mat bgr = asBgr(image);
    std::vector<std::string> ids = analyzer_.config().liveIds();
    if (bgr.empty()) {
        return everyUnknown(ids, "没有画面", "empty frame");
    }
    try {
        return analyzeBgrFrame(bgr, ids, stillScale);
    } catch (const std::exception& e) {
        reset();
        return everyUnknown(ids, "画面无法分析",
                            std::string("frame cannot be analysed: ") + e.what());
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
