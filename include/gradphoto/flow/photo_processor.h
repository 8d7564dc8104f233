#pragma once

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

// The real one: gradphoto::Standardizer with the named preset (e.g. "chsi-blue").
std::unique_ptr<PhotoProcessor> makeStandardizerProcessor(const std::string& presetName);

}  // namespace gradphoto::flow
