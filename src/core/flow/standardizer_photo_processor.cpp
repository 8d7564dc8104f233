#include <memory>

#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::flow {

namespace {
// The adapter between the flow and the lead's standardizer: the only file of the flow that calls
// gradphoto::Standardizer.
class StandardizerPhotoProcessor : public PhotoProcessor {
  public:
    explicit StandardizerPhotoProcessor(const std::string& presetName)
        : standardizer_(Preset::load(presetName)) {}

    StandardizedPhoto process(const cv::Mat& captureBgr) const override {
        return standardizer_.run(captureBgr, {}, "kiosk-capture");
    }

  private:
    Standardizer standardizer_;
};
}  // namespace

std::unique_ptr<PhotoProcessor> makeStandardizerProcessor(const std::string& presetName) {
    return std::make_unique<StandardizerPhotoProcessor>(presetName);
}

}  // namespace gradphoto::flow
