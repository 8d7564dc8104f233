#pragma once

#include <string>

#include "gradphoto/common/error.h"

namespace gradphoto {

// A refusal or spec violation by code, with the texts from resources/imaging_messages.json;
// detail (English, no personal data) is appended to the English message.
Problem imagingProblem(const std::string& code, const std::string& detail = {});

}  // namespace gradphoto
