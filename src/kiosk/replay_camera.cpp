#include "replay_camera.h"

#include <QDir>
#include <QImageReader>

namespace gradphoto::kiosk {

ReplayCamera::ReplayCamera(const QString& folder, int frameIntervalMs, int secondsPerImage,
                           QObject* parent)
    : CameraSource(parent),
      folder_(folder),
      framesPerImage_(std::max(1, secondsPerImage * 1000 / std::max(1, frameIntervalMs))) {
    const QDir dir(folder);
    for (const QString& name : dir.entryList(
             {"*.jpg", "*.jpeg", "*.png", "*.bmp", "*.JPG", "*.PNG"}, QDir::Files, QDir::Name))
        files_ << dir.filePath(name);
    timer_.setInterval(frameIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &ReplayCamera::emitFrame);
}

QString ReplayCamera::description() const {
    return tr("回放 %1（%2 张）").arg(folder_).arg(files_.size());
}

void ReplayCamera::start() {
    loadCurrent();
    setAvailable(!current_.isNull() && !lost_);
    timer_.start();
}

void ReplayCamera::stop() {
    timer_.stop();
    setAvailable(false);
}

void ReplayCamera::loadCurrent() {
    current_ = {};
    preview_ = {};
    // Skip unreadable files rather than freeze on them.
    for (int tries = 0; tries < files_.size() && current_.isNull(); ++tries) {
        QImageReader reader(files_.at(index_));
        reader.setAutoTransform(true);
        current_ = reader.read().convertToFormat(QImage::Format_RGB888);
        if (current_.isNull()) index_ = (index_ + 1) % files_.size();
    }
    if (!current_.isNull())
        preview_ = current_.width() > 1280 || current_.height() > 1280
                       ? current_.scaled(1280, 1280, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                       : current_;
}

void ReplayCamera::advance() {
    if (files_.isEmpty()) return;
    index_ = (index_ + 1) % files_.size();
    framesShown_ = 0;
    loadCurrent();
}

void ReplayCamera::emitFrame() {
    if (lost_ || preview_.isNull()) return;  // a lost camera simply goes quiet
    if (++framesShown_ >= framesPerImage_) advance();
    if (!preview_.isNull()) emit frameReady(preview_);
}

void ReplayCamera::requestStill(quint64 request) {
    const QImage still = current_;
    QTimer::singleShot(50, this, [this, request, still] {
        if (lost_ || still.isNull())
            emit stillFailed(request);
        else
            emit stillCaptured(request, still);
    });
}

void ReplayCamera::setSimulatedLoss(bool lost) {
    lost_ = lost;
    setAvailable(!lost && !current_.isNull());
}

void ReplayCamera::setAvailable(bool available) {
    if (available == available_) return;
    available_ = available;
    emit availabilityChanged(available);
}

}  // namespace gradphoto::kiosk
