#pragma once

#include <QPixmap>
#include <QSize>
#include <QString>

#include "gradphoto/store/repositories.h"

namespace gradphoto::console {

// Thumbnails of the photos in the content-addressed photo folder, decoded at reduced size on
// first use and kept in QPixmapCache (an LRU bounded by its cache limit). The photo's hash is the
// key: a photo never changes under its name.
class ThumbnailCache {
  public:
    ThumbnailCache(store::PhotoArchive& photos, QSize size);

    // A thumbnail, or a null pixmap when the file is missing or unreadable.
    QPixmap thumbnail(const std::string& sha256);
    // How many files were decoded (not served from the cache); the tests look at it.
    int decodes() const { return decodes_; }
    QSize size() const { return size_; }

  private:
    store::PhotoArchive& photos_;
    QSize size_;
    int decodes_ = 0;
};

// Reads a photo at most `bound` large (JPEG decodes at reduced scale); null when unreadable.
QImage readScaledPhoto(const QString& file, QSize bound);

}  // namespace gradphoto::console
