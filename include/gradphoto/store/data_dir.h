#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace gradphoto::store {

// Where the database and the photo folder live: `override` (the --data-dir option) when given,
// else $XDG_DATA_HOME/gradphoto, else ~/.local/share/gradphoto.
std::filesystem::path dataDir(const std::optional<std::string>& override = std::nullopt);

}  // namespace gradphoto::store
