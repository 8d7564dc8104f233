#pragma once

#include <QImage>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/flow/live_guidance.h"
#include "gradphoto/identify/collection_code_scanner.h"

namespace gradphoto::kiosk {

// Runs the live guidance (capture page) or the collection-code scan (scan page) on preview frames
// in its own thread. The guidance comes from the core's live subset of the compliance checks
// (checks::LivePreviewAnalyzer: face count, pose, eyes, light, exposure, sharpness, the face
// tracked between frames), the same checks the final report runs; only the framing hints (come
// closer, move, camera height) are the preview's own geometry (flow::assessFrame's limits). offer()
// and offerForCode() return at once; a frame that arrives while the previous one is still being
// analysed is dropped, so the worker always takes the latest frame.
class FrameAnalyzer : public QObject {
    Q_OBJECT
  public:
    explicit FrameAnalyzer(flow::GuidanceLimits limits, QObject* parent = nullptr);
    ~FrameAnalyzer() override;

    // True when the frame was taken, false when dropped.
    bool offer(const QImage& frame);
    // Looks for the CHSI collection code (CollectionCodeScanner::liveFrameOptions(): ≤ 400 ms).
    bool offerForCode(const QImage& frame);
    int dropped() const { return dropped_; }

  signals:
    // On the GUI thread. face is in the offered frame's pixels.
    void guidanceReady(const QImage& frame, QRectF face, QList<int> hints, bool ready);
    // On the GUI thread, just before every guidanceReady: the live checks that do not pass (closed
    // eyes, blur and over-exposure have no Hint of their own), worded there in the kiosk's
    // language (StudentWording).
    void checksReady(const std::vector<gradphoto::CheckResult>& flagged);
    // On the GUI thread: the payload's bytes, opaque.
    void codeFound(const QByteArray& payload);

  private:
    // Claims the worker for one frame; false, and the frame counted as dropped, while it is busy.
    bool claimWorker();

    flow::GuidanceLimits limits_;
    // Made on the worker thread with the first frame (loading the landmark model may fail: then
    // every frame reports no face); used there only (one camera stream).
    std::unique_ptr<checks::LivePreviewAnalyzer> live_;
    QThread thread_;
    QObject worker_;
    identify::CollectionCodeScanner codeScanner_{
        identify::CollectionCodeScanner::liveFrameOptions()};  // used on the worker thread only
    std::atomic<bool> busy_{false};
    int dropped_ = 0;
};

}  // namespace gradphoto::kiosk
