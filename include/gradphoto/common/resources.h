#pragma once

#include <filesystem>

namespace gradphoto {

// The folder with presets, thresholds and other data files. GRADPHOTO_RESOURCES overrides; else
// ../share/gradphoto next to the executable when installed; else the source tree's resources/.
std::filesystem::path resourcesDir();

// The dlib 68-point landmark model (Debian's libdlib-data). GRADPHOTO_DLIB_MODEL overrides.
std::filesystem::path landmarkModelPath();

}  // namespace gradphoto
