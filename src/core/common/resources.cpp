#include "gradphoto/common/resources.h"

#include <cstdlib>
#include <system_error>

namespace gradphoto {
namespace fs = std::filesystem;

namespace {
fs::path executableDir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path{} : self.parent_path();
}
}  // namespace

fs::path resourcesDir() {
    if (const char* env = std::getenv("GRADPHOTO_RESOURCES"); env && *env) return env;
    const fs::path installed = executableDir() / ".." / "share" / "gradphoto";
    std::error_code ec;
    if (fs::is_directory(installed / "presets", ec)) return installed;
    return GRADPHOTO_DEFAULT_RESOURCES_DIR;
}

fs::path landmarkModelPath() {
    if (const char* env = std::getenv("GRADPHOTO_DLIB_MODEL"); env && *env) return env;
    return GRADPHOTO_DEFAULT_DLIB_MODEL;
}

}  // namespace gradphoto
