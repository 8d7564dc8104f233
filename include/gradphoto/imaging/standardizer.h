#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <span>
#include <vector>

#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/imaging/standardizer_limits.h"
#include "gradphoto/report/report.h"

namespace gradphoto {
namespace checks {
class ComplianceAnalyzer;
}

struct StandardizedPhoto {
    Report report;                   // ok == false: errors say why, no photo
    std::vector<std::uint8_t> jpeg;  // the final file, within the preset's limits
    cv::Mat photo;                   // the decoded final photo (BGR, preset size)
    cv::Mat alpha;                   // the person's matte at the preset size, 8-bit
};

// Booth capture in, the preset's photo out: face and landmarks, backdrop matte, geometry by scale
// and crop only (never rotation or mirroring), composite over the preset colour, JPEG within the
// byte range. Refuses with a precise reason (Report::errors) when the capture cannot give a
// compliant photo. Reentrant: one instance may serve several threads.
class Standardizer {
  public:
    explicit Standardizer(Preset preset,
                          std::shared_ptr<const FaceLocator> faces = FaceLocator::shared());

    const Preset& preset() const { return preset_; }

    // capture: 8-bit BGR as loadImage() returns it; plate: the empty booth, or empty.
    StandardizedPhoto run(const cv::Mat& capture, const cv::Mat& plate = {},
                          const std::string& inputName = {}) const;
    // Decodes and runs. A large JPEG is decoded at a reduced scale (libjpeg's DCT scaling, far
    // faster) when that still leaves the face enough pixels; else at full size. No plate here.
    StandardizedPhoto runEncoded(std::span<const std::uint8_t> capture,
                                 const std::string& inputName) const;
    // Loads and runs; unreadable input becomes a report with an error, not an exception.
    StandardizedPhoto runFile(const std::filesystem::path& capture,
                              const std::filesystem::path& plate = {}) const;

  private:
    const checks::ComplianceAnalyzer& analyzer() const;

    Preset preset_;
    StandardizerLimits limits_;  // read once, not per photo
    std::shared_ptr<const FaceLocator> faces_;
    std::shared_ptr<const checks::ComplianceAnalyzer> analyzer_;
};

// Measures an existing final photo against a preset, independently of how it was made: size,
// bytes, dpi, estimated quality, backdrop colour and uniformity, geometry from the face.
Report inspectPhoto(std::span<const std::uint8_t> jpegBytes, const std::string& fileName,
                    const Preset& preset, const FaceLocator& faces);

}  // namespace gradphoto
