#include "thumbnail_cache.h"

#include <QImageReader>
#include <QPixmapCache>

namespace gradphoto::console {

QImage readScaledPhoto(const QString& file, QSize bound) {
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > bound.width() || full.height() > bound.height()))
        reader.setScaledSize(full.scaled(bound, Qt::KeepAspectRatio));
    return reader.read();
}

ThumbnailCache::ThumbnailCache(store::PhotoArchive& photos, QSize size)
    : photos_(photos), size_(size) {
    // Enough for a few thousand thumbnails of 72×96 (about 27 KB each).
    if (QPixmapCache::cacheLimit() < 64 * 1024) QPixmapCache::setCacheLimit(64 * 1024);
}

QPixmap ThumbnailCache::thumbnail(const std::string& sha256) {
    if (sha256.empty()) return {};
    const QString key = QStringLiteral("gradphoto-thumb-%1-%2x%3")
                            .arg(QString::fromStdString(sha256))
                            .arg(size_.width())
                            .arg(size_.height());
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap)) return pixmap;
    ++decodes_;
    try {
        const auto path = photos_.pathOf(sha256);
        const QImage image = readScaledPhoto(QString::fromStdString(path.string()), size_);
        if (image.isNull()) return {};
        pixmap = QPixmap::fromImage(image);
    } catch (const std::exception&) {
        return {};
    }
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

}  // namespace gradphoto::console
