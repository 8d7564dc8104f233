#pragma once

#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <span>

namespace gradphoto {

// Limits on what a capture may be.
struct ImageLimits {
    long maxPixels = 50'000'000;  // refuse more than 50 megapixels
    int minSide = 64;             // smaller is not a photo of a person
    // A JPEG with more pixels than this is decoded at 1/2, 1/4 or 1/8 scale by libjpeg's DCT
    // scaling (much faster than decoding and then shrinking); 0 decodes at full size.
    long decodeDownTo = 0;
};

// Decodes JPEG/PNG/BMP/TIFF/WebP into 8-bit BGR with the EXIF orientation applied (display
// orientation is not a forbidden rotation); greyscale becomes BGR, alpha is flattened onto white.
// Throws Error(kInput) with a clear reason for missing, unreadable, undecodable, empty, too small
// or too large input; the image header is checked before any pixels are decoded.
cv::Mat loadImage(const std::filesystem::path& file, const ImageLimits& limits = {});
cv::Mat decodeImage(std::span<const std::uint8_t> bytes, const std::string& origin,
                    const ImageLimits& limits = {});

}  // namespace gradphoto
