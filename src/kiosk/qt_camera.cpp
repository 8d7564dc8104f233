#include "qt_camera.h"

#include <QCameraDevice>
#include <QVideoFrame>

namespace gradphoto::kiosk {

namespace {
constexpr int kFrameSilenceMs = 3000;  // no frame for this long: the camera is lost
constexpr int kReopenMs = 4000;        // retry a lost camera this often
}  // namespace

QtCamera::QtCamera(CameraSettings settings, QObject* parent)
    : CameraSource(parent), settings_(std::move(settings)) {
    session_.setImageCapture(&imageCapture_);
    session_.setVideoSink(&sink_);
    connect(&sink_, &QVideoSink::videoFrameChanged, this, &QtCamera::onFrame);
    connect(&imageCapture_, &QImageCapture::imageCaptured, this, [this](int id, const QImage& img) {
        const auto it = pending_.find(id);
        if (it == pending_.end()) return;
        const quint64 request = it.value();
        pending_.erase(it);
        if (img.isNull())
            emit stillFailed(request);
        else
            emit stillCaptured(request, img.convertToFormat(QImage::Format_RGB888));
    });
    connect(&imageCapture_, &QImageCapture::errorOccurred, this,
            [this](int id, QImageCapture::Error, const QString&) {
                const auto it = pending_.find(id);
                if (it == pending_.end()) return;
                const quint64 request = it.value();
                pending_.erase(it);
                emit stillFailed(request);
            });
    connect(&devices_, &QMediaDevices::videoInputsChanged, this, [this] {
        if (running_ && !available_) open();
    });
    watchdog_.setInterval(1000);
    connect(&watchdog_, &QTimer::timeout, this, &QtCamera::watch);
}

QtCamera::~QtCamera() {
    stop();
}

QString QtCamera::description() const {
    return camera_ ? camera_->cameraDevice().description() : tr("无摄像头");
}

void QtCamera::open() {
    QCameraDevice chosen = QMediaDevices::defaultVideoInput();
    for (const QCameraDevice& device : QMediaDevices::videoInputs()) {
        if (!settings_.device.isEmpty() &&
            (device.id() == settings_.device.toUtf8() || device.description() == settings_.device))
            chosen = device;
    }
    sinceOpen_.start();
    if (chosen.isNull()) {
        camera_.reset();
        setAvailable(false);
        return;
    }
    camera_ = std::make_unique<QCamera>(chosen);
    // The format closest to the wished size, preferring the larger.
    QCameraFormat best;
    for (const QCameraFormat& format : chosen.videoFormats()) {
        const QSize r = format.resolution();
        if (best.isNull() ||
            std::abs(r.width() - settings_.width) + std::abs(r.height() - settings_.height) <
                std::abs(best.resolution().width() - settings_.width) +
                    std::abs(best.resolution().height() - settings_.height))
            best = format;
    }
    if (!best.isNull()) camera_->setCameraFormat(best);
    connect(camera_.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error, const QString&) { setAvailable(false); });
    session_.setCamera(camera_.get());
    camera_->start();
}

void QtCamera::start() {
    running_ = true;
    open();
    watchdog_.start();
}

void QtCamera::stop() {
    running_ = false;
    watchdog_.stop();
    if (camera_) camera_->stop();
    setAvailable(false);
}

void QtCamera::onFrame(const QVideoFrame& frame) {
    const QImage image = frame.toImage();
    if (image.isNull()) return;
    lastFrame_ = image.convertToFormat(QImage::Format_RGB888);
    sinceFrame_.start();
    setAvailable(true);
    emit frameReady(lastFrame_);
}

void QtCamera::watch() {
    if (!running_) return;
    const bool silent = !sinceFrame_.isValid() || sinceFrame_.elapsed() > kFrameSilenceMs;
    if (silent && available_) setAvailable(false);
    if (silent && sinceOpen_.elapsed() > kReopenMs) open();
}

void QtCamera::requestStill(quint64 request) {
    if (!available_) {
        QTimer::singleShot(0, this, [this, request] { emit stillFailed(request); });
        return;
    }
    if (imageCapture_.isReadyForCapture()) {
        const int id = imageCapture_.capture();
        if (id >= 0) {
            pending_.insert(id, request);
            return;
        }
    }
    // Not ready (or refused): the latest preview frame is the still; it is fresh by definition.
    const QImage still = lastFrame_;
    QTimer::singleShot(0, this, [this, request, still] {
        if (still.isNull())
            emit stillFailed(request);
        else
            emit stillCaptured(request, still);
    });
}

void QtCamera::setAvailable(bool available) {
    if (available == available_) return;
    available_ = available;
    emit availabilityChanged(available);
}

}  // namespace gradphoto::kiosk
