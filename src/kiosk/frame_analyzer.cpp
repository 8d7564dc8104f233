#include "frame_analyzer.h"

#include <exception>
#include <opencv2/imgproc.hpp>

#include "gradphoto/imaging/face_locator.h"
#include "image_conversion.h"

namespace gradphoto::kiosk {

namespace {
constexpr int kAnalysisMaxSide = 640;  // frames are analysed at this size at most
}

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

bool FrameAnalyzer::offer(const QImage& frame) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true)) {
        ++dropped_;
        return false;
    }
    QMetaObject::invokeMethod(
        &worker_,
        [this, frame] {
            QRectF faceRect;
            QList<int> hints;
            bool ready = false;
            try {
                const double scale = std::min(
                    1.0, double(kAnalysisMaxSide) / std::max(frame.width(), frame.height()));
                const QImage small = scale < 1.0
                                         ? frame.scaled(frame.size() * scale, Qt::KeepAspectRatio,
                                                        Qt::FastTransformation)
                                         : frame;
                const cv::Mat bgr = toBgrMat(small);
                const auto faces = FaceLocator::shared()->locate(bgr, kAnalysisMaxSide);
                const flow::LiveGuidance g = flow::assessFrame(bgr, faces, limits_);
                for (const auto hint : g.hints) hints << static_cast<int>(hint);
                ready = g.ready;
                if (g.face)
                    faceRect = QRectF(g.face->x / scale, g.face->y / scale, g.face->width / scale,
                                      g.face->height / scale);
            } catch (const std::exception&) {
                hints = {static_cast<int>(flow::LiveGuidance::Hint::kNoFace)};
            }
            busy_ = false;
            QMetaObject::invokeMethod(
                this,
                [this, frame, faceRect, hints, ready] {
                    emit guidanceReady(frame, faceRect, hints, ready);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

bool FrameAnalyzer::offerForCode(const QImage& frame) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true)) {
        ++dropped_;
        return false;
    }
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
