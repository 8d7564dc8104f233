#pragma once

#include <QPixmap>

namespace gradphoto::kiosk {

// The pictures of the 拍照须知 page, drawn rather than shipped as files: index 0-5 follows the
// six rules (light, pose, face visible, no hat or jewellery, no blue clothes, no filters).
QPixmap guidePicture(int index, QSize size);

}  // namespace gradphoto::kiosk
