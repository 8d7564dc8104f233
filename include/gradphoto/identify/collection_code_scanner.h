#pragma once

// Decodes the CHSI image collection code (QR; Data Matrix and PDF417 accepted too) from a camera
// frame or an image file. On top of ZXing-cpp it normalises contrast, sharpens, suppresses screen
// moiré, binarizes several ways and looks at upscaled tiles where the frame is busiest, so a small
// code on a phone screen held at arm's length still reads.

#include <chrono>
#include <opencv2/core.hpp>
#include <optional>

#include "gradphoto/common/error.h"
#include "gradphoto/identify/scanned_code.h"

namespace gradphoto::identify {

struct ScanOptions {
    // Live frames: stop after this long and take the next frame. Still images (files) have more
    // time; zero means no limit.
    std::chrono::milliseconds budget{0};
    // Look at every tile, not just the busiest ones (image files, where there is no next frame).
    bool thorough = true;
    // How many of the busiest tiles a live frame looks at.
    int tileCandidates = 6;
};

class CollectionCodeScanner {
  public:
    explicit CollectionCodeScanner(ScanOptions options = {});

    // Options suited to a 1280×720 camera frame at several frames a second.
    static ScanOptions liveFrameOptions();
    // Options for an image file picked by the student (相册识别).
    static ScanOptions imageFileOptions();

    // Any 8-bit 1-, 3- or 4-channel image (BGR order). nullopt when no code decodes.
    std::optional<ScannedCode> scan(const cv::Mat& image) const;

    // The text shown when an image file held no readable code: a screenshot of the code often
    // does not decode, so it advises saving the image from the app, or the other ways to scan.
    static Problem noCodeInImageProblem();

  private:
    ScanOptions options_;
};

}  // namespace gradphoto::identify
