#pragma once

#include <QImage>
#include <QObject>
#include <QThread>
#include <atomic>
#include <functional>

#include "gradphoto/flow/live_guidance.h"

namespace gradphoto::kiosk {

// Runs the live guidance on preview frames in its own thread. offer() returns at once; a frame
// that arrives while the previous one is still being analysed is dropped.
class FrameAnalyzer : public QObject {
    Q_OBJECT
  public:
    explicit FrameAnalyzer(flow::GuidanceLimits limits, QObject* parent = nullptr);
    ~FrameAnalyzer() override;

    // True when the frame was taken, false when dropped.
    bool offer(const QImage& frame);
    int dropped() const { return dropped_; }

  signals:
    // On the GUI thread. face is in the offered frame's pixels.
    void guidanceReady(const QImage& frame, QRectF face, QList<int> hints, bool ready);

  private:
    flow::GuidanceLimits limits_;
    QThread thread_;
    QObject worker_;
    std::atomic<bool> busy_{false};
    int dropped_ = 0;
};

}  // namespace gradphoto::kiosk
