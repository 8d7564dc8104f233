#pragma once

#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>

#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::flow {

// Booth capture → standardized photo. Slow (seconds): the kiosk runs it off the GUI thread and
// sends the result to the flow as events::StandardizationDone.
class PhotoProcessor {
  public:
    virtual ~PhotoProcessor() = default;
    virtual StandardizedPhoto process(const cv::Mat& captureBgr) const = 0;
};

// The real one: gradphoto::Standardizer with the named preset (e.g. "chsi-blue"). With a plate
// file (the kiosk: DATA_DIR/booth/plate.jpg, written by the staff console), every capture is
// standardized against that photo of the empty backdrop while the file exists and has the
// capture's size (it is read again for each photo, so a new plate counts at once); otherwise
// without.
std::unique_ptr<PhotoProcessor> makeStandardizerProcessor(const std::string& presetName,
                                                          std::filesystem::path plateFile = {});

}  // namespace gradphoto::flow
