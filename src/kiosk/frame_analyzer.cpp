#include "frame_analyzer.h"

#include <exception>
#include <opencv2/imgproc.hpp>
#include <string>

#include "gradphoto/imaging/face_locator.h"
#include "image_conversion.h"

namespace gradphoto::kiosk {

namespace {

using Hint = flow::LiveGuidance::Hint;

bool framingHint(Hint h) {
    return h == Hint::kComeCloser || h == Hint::kStepBack || h == Hint::kMoveLeft ||
           h == Hint::kMoveRight || h == Hint::kCameraLower || h == Hint::kCameraHigher;
}

const CheckResult* find(const std::vector<CheckResult>& results, const std::string& id) {
    for (const auto& r : results)
        if (r.id == id) return &r;
    return nullptr;
}

bool flagged(const CheckResult* r) {
    return r && (r->status == CheckStatus::kWarn || r->status == CheckStatus::kFail);
}

// The hints of one frame: no face / many faces, the framing geometry, then the live checks.
struct FrameGuidance {
    QList<int> hints;
    std::vector<CheckResult> flagged;
    bool ready = false;
};

FrameGuidance guidanceFrom(const std::vector<CheckResult>& results,
                           const flow::LiveGuidance& framing) {
    FrameGuidance g;
    auto add = [&](Hint h) {
        if (!g.hints.contains(static_cast<int>(h))) g.hints << static_cast<int>(h);
    };
    const CheckResult* count = find(results, "face_count");
    if (count && count->status == CheckStatus::kFail) {
        add(count->value.is_number() && count->value.get<double>() > 1 ? Hint::kManyFaces
                                                                       : Hint::kNoFace);
        return g;
    }
    for (const Hint h : framing.hints)
        if (framingHint(h)) add(h);
    const bool framed = g.hints.isEmpty();
    if (flagged(find(results, "head_roll")) || flagged(find(results, "head_yaw")) ||
        flagged(find(results, "head_pitch")))
        add(Hint::kHeadLevel);
    if (flagged(find(results, "face_lighting"))) add(Hint::kUnevenLight);
    const CheckResult* exposure = find(results, "exposure");
    if (flagged(exposure) && exposure->value.is_object() &&
        exposure->value.value("too", std::string()) == "dark")
        add(Hint::kTooDark);
    bool anyFail = false;
    for (const auto& r : results) {
        // face_size is judged for the still, whose size the preview does not know: the framing
        // hints cover distance here.
        if (r.id == "face_size" || !flagged(&r)) continue;
        anyFail = anyFail || r.status == CheckStatus::kFail;
        g.flagged.push_back(r);
    }
    // Ready as the final report would accept it: framed, and no live check failing. A warning
    // (a slight tilt, light a little uneven) still shows its hint but does not hold the shutter:
    // the report only asks staff to look at it.
    g.ready = framed && !anyFail;
    return g;
}

}  // namespace

FrameAnalyzer::FrameAnalyzer(flow::GuidanceLimits limits, QObject* parent)
    : QObject(parent), limits_(limits) {
    thread_.setObjectName("frame-analyzer");
    worker_.moveToThread(&thread_);
    thread_.start(QThread::LowPriority);
}

FrameAnalyzer::~FrameAnalyzer() {
    thread_.quit();
    thread_.wait();
}

bool FrameAnalyzer::claimWorker() {
    bool expected = false;
    if (busy_.compare_exchange_strong(expected, true)) return true;
    ++dropped_;
    return false;
}

bool FrameAnalyzer::offer(const QImage& frame) {
    if (!claimWorker()) return false;
    QMetaObject::invokeMethod(
        &worker_,
        [this, frame] {
            QRectF faceRect;
            FrameGuidance g;
            try {
                const cv::Mat bgr = toBgrMat(frame);
                if (!live_) live_ = std::make_unique<checks::LivePreviewAnalyzer>();
                const auto results = live_->analyzeFrame(bgr);
                std::vector<FaceLandmarks> faces;
                if (const auto face = live_->lastFace()) {
                    faces.push_back(*face);
                    faceRect = QRectF(face->box.x, face->box.y, face->box.width, face->box.height);
                }
                g = guidanceFrom(results, flow::assessFrame(bgr, faces, limits_));
            } catch (const std::exception&) {
                g = FrameGuidance{};
                g.hints = {static_cast<int>(Hint::kNoFace)};
            }
            const QList<int> hints = g.hints;
            const bool ready = g.ready;
            std::vector<CheckResult> flagged = std::move(g.flagged);
            busy_ = false;
            QMetaObject::invokeMethod(
                this,
                [this, frame, faceRect, hints, ready, flagged = std::move(flagged)] {
                    // The checks first: guidanceReady renders, and must show this frame's.
                    emit checksReady(flagged);
                    emit guidanceReady(frame, faceRect, hints, ready);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

bool FrameAnalyzer::offerForCode(const QImage& frame) {
    if (!claimWorker()) return false;
    QMetaObject::invokeMethod(
        &worker_,
        [this, frame] {
            std::optional<identify::ScannedCode> code;
            try {
                code = codeScanner_.scan(toBgrMat(frame));
            } catch (const std::exception&) {
                code.reset();
            }
            busy_ = false;
            if (!code) return;
            const QByteArray payload(code->payload.data(), qsizetype(code->payload.size()));
            QMetaObject::invokeMethod(
                this, [this, payload] { emit codeFound(payload); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

}  // namespace gradphoto::kiosk
