#include "usb_mounts.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

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

std::vector<UsbStick> usbSticks(const QStringList& roots) {
    std::vector<UsbStick> sticks;
    for (const QString& root : roots) {
        const QFileInfo folder(root);
        if (!folder.isDir()) continue;
        const QStorageInfo storage(root);
        sticks.push_back({root, folder.fileName().isEmpty() ? root : folder.fileName(),
                          storage.isValid() ? storage.bytesAvailable() : -1});
    }
    return sticks;
}

QStringList usbMountPoints() {
    return expandFolders("/media/*/*") + expandFolders("/run/media/*/*");
}

}  // namespace gradphoto::kiosk
