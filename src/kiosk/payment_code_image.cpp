#include "payment_code_image.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace gradphoto::kiosk {

QImage paymentCodeImage(const QString& text, int size) {
    if (text.isEmpty()) return {};
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setMargin(2);
        const ZXing::BitMatrix matrix = writer.encode(text.toStdString(), size, size);
        QImage image(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
        for (int y = 0; y < matrix.height(); ++y) {
            uchar* line = image.scanLine(y);
            for (int x = 0; x < matrix.width(); ++x) line[x] = matrix.get(x, y) ? 0 : 255;
        }
        return image;
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace gradphoto::kiosk
