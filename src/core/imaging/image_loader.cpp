#include "gradphoto/imaging/image_loader.h"

#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/jpeg_codec.h"

namespace gradphoto {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& code, const std::string& zh, const std::string& en) {
    throw Error(Error::Kind::kInput, {code, zh, en});
}

bool startsWith(std::span<const std::uint8_t> b, std::initializer_list<std::uint8_t> sig) {
    if (b.size() < sig.size()) return false;
    std::size_t i = 0;
    for (auto c : sig)
        if (b[i++] != c) return false;
    return true;
}

void checkSize(long width, long height, const std::string& origin, const ImageLimits& limits) {
    if (width * height > limits.maxPixels) {
        refuse("image_too_large", "照片像素过多（超过 5000 万像素），请使用相机的常规分辨率",
               origin + ": " + std::to_string(width) + "x" + std::to_string(height) +
                   " exceeds the limit of " + std::to_string(limits.maxPixels / 1'000'000) +
                   " megapixels");
    }
    if (width < limits.minSide || height < limits.minSide) {
        refuse("image_too_small", "照片尺寸太小，无法制作证件照",
               origin + ": " + std::to_string(width) + "x" + std::to_string(height) +
                   " is too small for a portrait (minimum side " + std::to_string(limits.minSide) +
                   " px)");
    }
}

cv::Mat flattenOntoWhite(const cv::Mat& bgra) {
    cv::Mat out(bgra.size(), CV_8UC3);
    for (int y = 0; y < bgra.rows; ++y) {
        const auto* s = bgra.ptr<cv::Vec4b>(y);
        auto* d = out.ptr<cv::Vec3b>(y);
        for (int x = 0; x < bgra.cols; ++x) {
            const int a = s[x][3];
            for (int c = 0; c < 3; ++c)
                d[x][c] = static_cast<uchar>((s[x][c] * a + 255 * (255 - a)) / 255);
        }
    }
    return out;
}

}  // namespace

cv::Mat decodeImage(std::span<const std::uint8_t> bytes, const std::string& origin,
                    const ImageLimits& limits) {
    if (bytes.empty()) {
        refuse("image_empty", "照片文件是空的", origin + ": the file is empty");
    }
    const bool isJpeg = startsWith(bytes, {0xFF, 0xD8, 0xFF});
    int reducedFlag = cv::IMREAD_COLOR;
    if (isJpeg) {
        // Read the header first so that a huge image is refused before its pixels are decoded.
        if (const auto info = readJpegInfo(bytes)) {
            checkSize(info->width, info->height, origin, limits);
            const long pixels = long(info->width) * info->height;
            if (limits.decodeDownTo > 0 && pixels > limits.decodeDownTo) {
                if (pixels / 64 >= limits.decodeDownTo) {
                    reducedFlag = cv::IMREAD_REDUCED_COLOR_8;
                } else if (pixels / 16 >= limits.decodeDownTo) {
                    reducedFlag = cv::IMREAD_REDUCED_COLOR_4;
                } else if (pixels / 4 >= limits.decodeDownTo) {
                    reducedFlag = cv::IMREAD_REDUCED_COLOR_2;
                }
            }
        }
    }
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U,
                         const_cast<std::uint8_t*>(bytes.data()));
    cv::Mat image;
    try {
        const bool mayHaveAlpha = startsWith(bytes, {0x89, 'P', 'N', 'G'}) ||
                                  (startsWith(bytes, {'R', 'I', 'F', 'F'}) && bytes.size() > 12);
        if (mayHaveAlpha) {
            cv::Mat raw = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
            if (!raw.empty()) {
                checkSize(raw.cols, raw.rows, origin, limits);
                if (raw.depth() == CV_16U) raw.convertTo(raw, CV_8U, 1.0 / 257.0);
                if (raw.channels() == 4) {
                    image = flattenOntoWhite(raw);
                } else if (raw.channels() == 1) {
                    cv::cvtColor(raw, image, cv::COLOR_GRAY2BGR);
                } else {
                    image = raw;
                }
            }
        } else {
            image = cv::imdecode(buffer, reducedFlag);  // applies the EXIF orientation
        }
    } catch (const cv::Exception& e) {
        refuse("image_undecodable", "无法读取这张照片，文件可能已损坏",
               origin + ": cannot decode the image (" + e.msg + ")");
    }
    if (image.empty()) {
        refuse("image_undecodable", "无法读取这张照片，文件可能已损坏或不是图片",
               origin + ": not a decodable image (JPEG, PNG, BMP, TIFF or WebP expected)");
    }
    checkSize(image.cols, image.rows, origin, limits);
    if (image.depth() != CV_8U) image.convertTo(image, CV_8U);
    return image;
}

cv::Mat loadImage(const fs::path& file, const ImageLimits& limits) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        refuse("file_missing", "找不到照片文件", file.string() + ": no such file");
    }
    if (fs::is_directory(file, ec)) {
        refuse("file_unreadable", "这不是照片文件", file.string() + ": is a directory");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        refuse("file_unreadable", "无法打开照片文件", file.string() + ": cannot open for reading");
    }
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    return decodeImage(bytes, file.string(), limits);
}

}  // namespace gradphoto
