#pragma once

#include <QStringList>
#include <QTimer>

#include "camera_source.h"

namespace gradphoto::kiosk {

// A camera that replays a folder of images, looped: each image is shown for a few seconds as
// preview frames, and the still is the current image at full size. The demo and the tests use it;
// setSimulatedLoss() stops the frames as an unplugged camera would.
class ReplayCamera : public CameraSource {
    Q_OBJECT
  public:
    explicit ReplayCamera(const QString& folder, int frameIntervalMs = 100, int secondsPerImage = 4,
                          QObject* parent = nullptr);

    void start() override;
    void stop() override;
    void requestStill(quint64 request) override;
    bool available() const override { return available_; }
    QString description() const override;

    void advance();  // the next image now
    void setSimulatedLoss(bool lost);
    int imageCount() const { return static_cast<int>(files_.size()); }

  private:
    void emitFrame();
    void loadCurrent();
    void setAvailable(bool available);

    QString folder_;
    QStringList files_;
    int index_ = 0;
    int framesPerImage_;
    int framesShown_ = 0;
    QImage current_;
    QImage preview_;
    QTimer timer_;
    bool lost_ = false;
    bool available_ = false;
};

}  // namespace gradphoto::kiosk
