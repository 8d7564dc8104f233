#pragma once

#include <QImage>
#include <QObject>

namespace gradphoto::kiosk {

// The booth camera as the kiosk sees it: preview frames, a still on request, and whether it is
// there at all. Implementations: QtCamera (Qt Multimedia) and ReplayCamera (a folder of images).
class CameraSource : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;
    ~CameraSource() override = default;

    virtual void start() = 0;
    virtual void stop() = 0;
    // Answers with stillCaptured(request, image) or stillFailed(request), on the GUI thread.
    virtual void requestStill(quint64 request) = 0;
    virtual bool available() const = 0;
    virtual QString description() const = 0;

  signals:
    void frameReady(const QImage& frame);
    void stillCaptured(quint64 request, const QImage& image);
    void stillFailed(quint64 request);
    void availabilityChanged(bool available);
};

}  // namespace gradphoto::kiosk
