#pragma once

#include <QStringList>
#include <vector>

namespace gradphoto::kiosk {

// The mounted USB sticks: the folders matching /media/*/* and /run/media/*/* (udisks mounts them
// there as /media/USER/LABEL). Used by 相册识别 (reading images) and 保存到U盘 (writing a copy).
QStringList usbMountPoints();

// A mounted stick as the student sees it: its label (the mount folder's name, as udisks names
// it after the stick's label) and the space left on it (-1: unknown).
struct UsbStick {
    QString root;
    QString label;
    qint64 freeBytes = -1;
};

// The sticks at these mount folders, in their order; folders that do not exist (pulled out) are
// left out.
std::vector<UsbStick> usbSticks(const QStringList& roots);

// Folders matching a pattern such as /media/*/* (one level of wildcards per part).
QStringList expandFolders(const QString& pattern);

}  // namespace gradphoto::kiosk
