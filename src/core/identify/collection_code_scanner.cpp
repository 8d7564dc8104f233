#include "gradphoto/identify/collection_code_scanner.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <functional>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace gradphoto::identify {
namespace {

using Clock = std::chrono::steady_clock;

const ZXing::BarcodeFormats kFormats =
    ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix | ZXing::BarcodeFormat::PDF417;

std::optional<CodeFormat> ourFormat(ZXing::BarcodeFormat format) {
    switch (format) {
        case ZXing::BarcodeFormat::QRCode:
        case ZXing::BarcodeFormat::MicroQRCode:
            return CodeFormat::kQrCode;
        case ZXing::BarcodeFormat::DataMatrix:
            return CodeFormat::kDataMatrix;
        case ZXing::BarcodeFormat::PDF417:
            return CodeFormat::kPdf417;
        default:
            return std::nullopt;
    }
}

// One ZXing pass over an 8-bit single-channel image.
std::optional<ScannedCode> readOnce(const cv::Mat& gray, ZXing::Binarizer binarizer) {
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.step));
    ZXing::DecodeHints hints;
    hints.setFormats(kFormats).setTryHarder(true).setTryRotate(true).setBinarizer(binarizer);
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid()) continue;
        const auto format = ourFormat(result.format());
        if (!format) continue;
        const auto& bytes = result.bytes();
        if (bytes.empty()) continue;
        return ScannedCode{std::string(bytes.begin(), bytes.end()), *format};
    }
    return std::nullopt;
}

cv::Mat toGray(const cv::Mat& image) {
    cv::Mat gray;
    cv::Mat eight = image;
    if (image.depth() != CV_8U)
        image.convertTo(eight, CV_8U, image.depth() == CV_16U ? 1.0 / 257 : 1);
    switch (eight.channels()) {
        case 1:
            gray = eight;
            break;
        case 3:
            cv::cvtColor(eight, gray, cv::COLOR_BGR2GRAY);
            break;
        case 4:
            cv::cvtColor(eight, gray, cv::COLOR_BGRA2GRAY);
            break;
        default:
            return {};
    }
    return gray.isContinuous() ? gray : gray.clone();
}

cv::Mat equalized(const cv::Mat& gray, double clip, int grid) {
    cv::Mat out;
    cv::createCLAHE(clip, cv::Size(grid, grid))->apply(gray, out);
    return out;
}

cv::Mat stretched(const cv::Mat& gray) {
    cv::Mat out;
    cv::normalize(gray, out, 0, 255, cv::NORM_MINMAX);
    return out;
}

cv::Mat sharpened(const cv::Mat& gray, double sigma) {
    cv::Mat blurred, out;
    cv::GaussianBlur(gray, blurred, cv::Size(), sigma);
    cv::addWeighted(gray, 2.0, blurred, -1.0, 0, out);
    return out;
}

// Screen moiré: the pixel grid of the phone beats with the camera's. Smoothing at the scale of a
// screen pixel removes it and keeps the much larger modules.
cv::Mat smoothed(const cv::Mat& gray, double sigma) {
    cv::Mat out;
    cv::GaussianBlur(gray, out, cv::Size(), sigma);
    return out;
}

cv::Mat adaptiveBinary(const cv::Mat& gray, int block) {
    cv::Mat out;
    cv::adaptiveThreshold(gray, out, 255, cv::ADAPTIVE_THRESH_GAUSSIAN_C, cv::THRESH_BINARY,
                          block | 1, 2);
    return out;
}

cv::Mat otsuBinary(const cv::Mat& gray) {
    cv::Mat out;
    cv::threshold(gray, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    return out;
}

struct Tile {
    cv::Rect rect;
    double score = 0;
};

// Tiles of the frame ordered by how busy they are in both directions: a 2D code has as many
// horizontal as vertical edges, where skin, walls and most text have few of one or both.
std::vector<Tile> busiestTiles(const cv::Mat& gray) {
    cv::Mat small;
    const double shrink = 0.5;
    cv::resize(gray, small, cv::Size(), shrink, shrink, cv::INTER_AREA);
    small = equalized(small, 2.0, 8);
    cv::Mat gx, gy;
    cv::Sobel(small, gx, CV_32F, 1, 0);
    cv::Sobel(small, gy, CV_32F, 0, 1);
    gx = cv::abs(gx);
    gy = cv::abs(gy);
    cv::Mat ix, iy;
    cv::integral(gx, ix, CV_64F);
    cv::integral(gy, iy, CV_64F);
    const auto sum = [](const cv::Mat& integral, const cv::Rect& r) {
        return integral.at<double>(r.y + r.height, r.x + r.width) -
               integral.at<double>(r.y, r.x + r.width) - integral.at<double>(r.y + r.height, r.x) +
               integral.at<double>(r.y, r.x);
    };
    std::vector<Tile> tiles;
    const int shortSide = std::min(gray.cols, gray.rows);
    for (const int divisor : {2, 3}) {
        const int size = shortSide / divisor;
        if (size < 96) continue;
        const int stride = size / 2;
        for (int y = 0;; y += stride) {
            y = std::min(y, gray.rows - size);
            for (int x = 0;; x += stride) {
                x = std::min(x, gray.cols - size);
                const cv::Rect rect(x, y, size, size);
                const cv::Rect s(static_cast<int>(x * shrink), static_cast<int>(y * shrink),
                                 static_cast<int>(size * shrink), static_cast<int>(size * shrink));
                const double area = static_cast<double>(s.area());
                tiles.push_back({rect, std::min(sum(ix, s), sum(iy, s)) / area});
                if (x + size >= gray.cols) break;
            }
            if (y + size >= gray.rows) break;
        }
    }
    std::stable_sort(tiles.begin(), tiles.end(),
                     [](const Tile& a, const Tile& b) { return a.score > b.score; });
    return tiles;
}

}  // namespace

CollectionCodeScanner::CollectionCodeScanner(ScanOptions options) : options_(options) {}

ScanOptions CollectionCodeScanner::liveFrameOptions() {
    ScanOptions options;
    options.budget = std::chrono::milliseconds(400);
    options.thorough = false;
    options.tileCandidates = 4;
    return options;
}

ScanOptions CollectionCodeScanner::imageFileOptions() {
    ScanOptions options;
    options.budget = std::chrono::milliseconds(0);
    options.thorough = true;
    options.tileCandidates = 12;
    return options;
}

Problem CollectionCodeScanner::noCodeInImageProblem() {
    return {"identify.no_code",
            "没有在图片中识别到学信网图像采集码。截图往往无法识别：请在学信网 App "
            "中点击“保存图片”后选择保存的图片，或直接把手机屏幕对准摄像头扫码。",
            "No collection code could be read from this image. Screenshots often do not decode: "
            "save the image from the CHSI app instead, or hold the phone screen up to the camera."};
}

std::optional<ScannedCode> CollectionCodeScanner::scan(const cv::Mat& image) const {
    if (image.empty()) return std::nullopt;
    const cv::Mat gray = toGray(image);
    if (gray.empty()) return std::nullopt;
    const bool limited = options_.budget.count() > 0;
    const Clock::time_point deadline = Clock::now() + options_.budget;
    const auto timeUp = [&] { return limited && Clock::now() > deadline; };

    // 1. What stock ZXing sees: clean codes cost one pass.
    if (auto code = readOnce(gray, ZXing::Binarizer::LocalAverage)) return code;

    // 2. The whole frame, contrast normalised, binarized other ways.
    using Variant = std::function<std::optional<ScannedCode>(const cv::Mat&)>;
    const std::vector<Variant> variants{
        [](const cv::Mat& g) {
            return readOnce(equalized(g, 3.0, 8), ZXing::Binarizer::LocalAverage);
        },
        [](const cv::Mat& g) { return readOnce(stretched(g), ZXing::Binarizer::GlobalHistogram); },
        [](const cv::Mat& g) {
            return readOnce(sharpened(equalized(g, 2.0, 8), 2.0), ZXing::Binarizer::LocalAverage);
        },
        [](const cv::Mat& g) {
            return readOnce(equalized(smoothed(g, 1.5), 3.0, 8), ZXing::Binarizer::LocalAverage);
        },
        [](const cv::Mat& g) {
            return readOnce(adaptiveBinary(smoothed(g, 1.0), std::max(15, g.cols / 20)),
                            ZXing::Binarizer::BoolCast);
        },
        [](const cv::Mat& g) {
            return readOnce(otsuBinary(smoothed(g, 1.0)), ZXing::Binarizer::BoolCast);
        },
    };
    for (const auto& variant : variants) {
        if (auto code = variant(gray)) return code;
        if (timeUp()) return std::nullopt;
    }

    // 3. Upscaled tiles where the frame is busiest: a small code at arm's length has a module of
    //    one or two pixels, too few for ZXing's detector; at ~4 px it reads.
    auto tiles = busiestTiles(gray);
    if (!options_.thorough && static_cast<int>(tiles.size()) > options_.tileCandidates) {
        tiles.resize(static_cast<std::size_t>(options_.tileCandidates));
    } else if (options_.thorough && static_cast<int>(tiles.size()) > 3 * options_.tileCandidates) {
        tiles.resize(static_cast<std::size_t>(3 * options_.tileCandidates));
    }
    constexpr int kTileSide = 720;
    for (std::size_t round = 0; round < variants.size(); ++round) {
        for (const auto& tile : tiles) {
            cv::Mat up;
            const double scale = std::max(1.0, static_cast<double>(kTileSide) / tile.rect.width);
            cv::resize(gray(tile.rect), up, cv::Size(), scale, scale, cv::INTER_CUBIC);
            if (auto code = variants[round](up)) return code;
            if (timeUp()) return std::nullopt;
        }
        if (round == 0) {
            // The plain upscaled tile as stock ZXing binarizes it.
            for (const auto& tile : tiles) {
                cv::Mat up;
                const double scale =
                    std::max(1.0, static_cast<double>(kTileSide) / tile.rect.width);
                cv::resize(gray(tile.rect), up, cv::Size(), scale, scale, cv::INTER_CUBIC);
                if (auto code = readOnce(up, ZXing::Binarizer::LocalAverage)) return code;
                if (timeUp()) return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

}  // namespace gradphoto::identify
