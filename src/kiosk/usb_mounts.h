#pragma once

#include <QStringList>

namespace gradphoto::kiosk {

// The mounted USB sticks: the folders matching /media/*/* and /run/media/*/* (udisks mounts them
// there as /media/USER/LABEL). Used by 相册识别 (reading images) and 保存到U盘 (writing a copy).
QStringList usbMountPoints();

// Folders matching a pattern such as /media/*/* (one level of wildcards per part).
QStringList expandFolders(const QString& pattern);

}  // namespace gradphoto::kiosk
