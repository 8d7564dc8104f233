#include "gradphoto/store/data_dir.h"

#include <cstdlib>

namespace gradphoto::store {
namespace fs = std::filesystem;

fs::path dataDir(const std::optional<std::string>& override) {
    if (override && !override->empty()) return *override;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return fs::path(xdg) / "gradphoto";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "gradphoto";
    return fs::current_path() / "gradphoto-data";
}

}  // namespace gradphoto::store
