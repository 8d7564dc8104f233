#include "usb_mounts.h"

#include <QDir>

namespace gradphoto::kiosk {

QStringList expandFolders(const QString& pattern) {
    QStringList folders = {"/"};
    for (const QString& part : pattern.split('/', Qt::SkipEmptyParts)) {
        QStringList next;
        for (const QString& folder : folders) {
            if (part == "*") {
                for (const QString& sub : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    next << QDir(folder).filePath(sub);
            } else if (QDir(QDir(folder).filePath(part)).exists()) {
                next << QDir(folder).filePath(part);
            }
        }
        folders = next;
    }
    return folders;
}

QStringList usbMountPoints() {
    return expandFolders("/media/*/*") + expandFolders("/run/media/*/*");
}

}  // namespace gradphoto::kiosk
