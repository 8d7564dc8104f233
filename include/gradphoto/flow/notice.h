#pragma once

#include <string>

namespace gradphoto::flow {

// A message the current page shows beside its normal content (wrong digits, camera lost, a refused
// photo...). code is stable for tests; the texts are for the student (zh) and in English.
struct Notice {
    std::string code;
    std::string message_zh;
    std::string message_en;

    bool empty() const { return code.empty(); }
};

}  // namespace gradphoto::flow
