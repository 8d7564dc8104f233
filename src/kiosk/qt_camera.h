#pragma once

#include <QCamera>
#include <QElapsedTimer>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QTimer>
#include <QVideoSink>
#include <memory>

#include "camera_source.h"

namespace gradphoto::kiosk {

struct CameraSettings {
    QString device;  // QCameraDevice id or description; empty: the default camera
    int width = 1920;
    int height = 1080;
};

// The booth camera through Qt Multimedia (GStreamer on Debian 12). Qt 6.4's GStreamer backend
// neither refuses a capture when the camera is not ready nor reports an unplugged camera, so this
// class checks isReadyForCapture(), falls back to the last preview frame, and counts a camera
// whose frames stop arriving as lost, retrying every few seconds until frames come back.
class QtCamera : public CameraSource {
    Q_OBJECT
  public:
    explicit QtCamera(CameraSettings settings, QObject* parent = nullptr);
    ~QtCamera() override;

    void start() override;
    void stop() override;
    void requestStill(quint64 request) override;
    bool available() const override { return available_; }
    QString description() const override;

  private:
    void open();
    void onFrame(const QVideoFrame& frame);
    void watch();
    void setAvailable(bool available);

    CameraSettings settings_;
    QMediaDevices devices_;
    std::unique_ptr<QCamera> camera_;
    QMediaCaptureSession session_;
    QImageCapture imageCapture_;
    QVideoSink sink_;
    QTimer watchdog_;
    QElapsedTimer sinceFrame_;
    QElapsedTimer sinceOpen_;
    QImage lastFrame_;
    QHash<int, quint64> pending_;  // QImageCapture id → our request
    bool available_ = false;
    bool running_ = false;
};

}  // namespace gradphoto::kiosk
