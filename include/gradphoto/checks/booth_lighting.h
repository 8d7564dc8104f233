#pragma once

// The lighting check of the empty booth: how evenly the backdrop is lit and whether the exposure
// is usable, measured on the empty-background plate (or a live frame) before students come.
//
//   auto lighting = BoothLighting::load();                 // resources/booth_lighting.json
//   BoothLightingReport report = lighting.assess(bgrPlate); // cv::Mat CV_8UC3, BGR
//   if (!report.pass()) show(report.items);                 // each item: pass or warn + message
//
// Measures: the image is cut into a grid of blocks and the mean L*a*b* of each block taken.
//   - backdrop_spread: the largest colour difference (ΔE 1976) of a block from the median block;
//   - gradient_lr / gradient_tb: mean L* of the leftmost minus the rightmost block column (top
//     minus bottom row), signed, so the message says which side is brighter;
//   - exposure: mean L* of the whole image within [mean_l_min, mean_l_max];
//   - clipped: fraction of pixels with a channel at or above clip_high (blown out) or all
//     channels at or below clip_low (crushed black).

#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gradphoto::checks {

struct BoothLightingLimits {
    int gridColumns = 8;
    int gridRows = 6;
    double spreadDeltaEWarn = 10.0;
    double gradientLWarn = 8.0;
    double meanLMin = 35.0;
    double meanLMax = 96.0;
    int clipHigh = 252;
    int clipLow = 3;
    double clippedFractionWarn = 0.02;
};

enum class BoothLightingStatus { kPass, kWarn };

struct BoothLightingItem {
    std::string id;  // backdrop_spread, gradient_lr, gradient_tb, exposure, clipped
    BoothLightingStatus status = BoothLightingStatus::kPass;
    double value = 0;
    double limit = 0;
    std::string message_zh;
    std::string message_en;
};

struct BoothLightingReport {
    std::vector<BoothLightingItem> items;
    double meanL = 0;
    bool pass() const;
    // One line: "灯光良好" or the first warning.
    std::string summaryZh() const;
    std::string summaryEn() const;
    const BoothLightingItem* item(const std::string& id) const;
};

class BoothLighting {
  public:
    BoothLighting() = default;
    explicit BoothLighting(BoothLightingLimits limits) : limits_(limits) {}
    // resourcesDir()/booth_lighting.json; throws Error(kInput) when unreadable or malformed.
    static BoothLighting load();
    static BoothLighting load(const std::filesystem::path& file);

    // bgr: CV_8UC3 (BGR) or CV_8UC1; throws Error(kInput) for an empty image or another type.
    BoothLightingReport assess(const cv::Mat& bgr) const;
    const BoothLightingLimits& limits() const { return limits_; }

  private:
    BoothLightingLimits limits_;
};

}  // namespace gradphoto::checks
