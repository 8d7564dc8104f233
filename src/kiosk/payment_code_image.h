#pragma once

#include <QImage>
#include <QString>

namespace gradphoto::kiosk {

// The payment QR code (WeChat Pay's code_url) as a black-on-white image of about size × size
// pixels; a null image when the text cannot be encoded.
QImage paymentCodeImage(const QString& text, int size);

}  // namespace gradphoto::kiosk
