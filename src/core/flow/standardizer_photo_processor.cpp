#include <memory>
#include <opencv2/imgcodecs.hpp>

#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::flow {

namespace {
// The adapter between the flow and the lead's standardizer: the only file of the flow that calls
// gradphoto::Standardizer.
class StandardizerPhotoProcessor : public PhotoProcessor {
  public:
    StandardizerPhotoProcessor(const std::string& presetName, std::filesystem::path plateFile)
        : standardizer_(Preset::load(presetName)), plateFile_(std::move(plateFile)) {}

    StandardizedPhoto process(const cv::Mat& captureBgr) const override {
        return standardizer_.run(captureBgr, plateFor(captureBgr), "kiosk-capture");
    }

    // The plate when there is a readable one of the capture's size; a missing, damaged or
    // differently sized plate must not refuse the student's photo.
    cv::Mat plateFor(const cv::Mat& capture) const {
        std::error_code error;
        if (plateFile_.empty() || !std::filesystem::is_regular_file(plateFile_, error)) return {};
        cv::Mat plate = cv::imread(plateFile_.string(), cv::IMREAD_COLOR);
        if (plate.empty() || plate.size() != capture.size()) return {};
        return plate;
    }

  private:
    Standardizer standardizer_;
    std::filesystem::path plateFile_;
};
}  // namespace

std::unique_ptr<PhotoProcessor> makeStandardizerProcessor(const std::string& presetName,
                                                          std::filesystem::path plateFile) {
    return std::make_unique<StandardizerPhotoProcessor>(presetName, std::move(plateFile));
}

}  // namespace gradphoto::flow
