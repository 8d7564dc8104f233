#pragma once

#include <QImage>
#include <opencv2/core.hpp>

namespace gradphoto::kiosk {

// Qt's RGB images and OpenCV's BGR matrices, deep-copied both ways.
cv::Mat toBgrMat(const QImage& image);
QImage toQImage(const cv::Mat& bgr);

}  // namespace gradphoto::kiosk
