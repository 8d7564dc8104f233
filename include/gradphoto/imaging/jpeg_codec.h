#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>
#include <span>
#include <vector>

namespace gradphoto {

// What a JPEG file says about itself (read with libjpeg, no pixels decoded).
struct JpegInfo {
    int width = 0;
    int height = 0;
    int components = 0;
    bool progressive = false;
    int densityUnit = 0;  // 0 aspect only, 1 dots per inch, 2 dots per cm
    int xDensity = 0;
    int yDensity = 0;
    int estimatedQuality = 0;  // IJG quality that reproduces the luminance table, 1..100
    int dpi() const;           // dots per inch, 0 when not stated
};

std::optional<JpegInfo> readJpegInfo(std::span<const std::uint8_t> bytes);

// Baseline JFIF JPEG of an 8-bit BGR image with the given quality and density in dpi.
std::vector<std::uint8_t> encodeJpeg(const cv::Mat& bgr, int quality, int dpi);

struct SizedJpeg {
    std::vector<std::uint8_t> bytes;
    int quality = 0;
};

// Finds, by binary search over quality, the highest quality in [minQuality, 95] whose file lies
// within [minBytes, maxBytes]. Never pads bytes. Empty when no quality fits.
std::optional<SizedJpeg> encodeJpegWithinBytes(const cv::Mat& bgr, int dpi, int minQuality,
                                               long minBytes, long maxBytes);

}  // namespace gradphoto
