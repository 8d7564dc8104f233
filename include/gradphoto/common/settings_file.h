#pragma once

// The settings file (shared/docs/CLI-CONTRACT.md, `--config FILE`): read and parsed once, the same
// way for every module that takes its keys from it (payment, retention, ...).

#include <filesystem>

#include <nlohmann/json.hpp>

namespace gradphoto {

// The parsed file. Throws Error(kInput, "settings") naming the file when it cannot be read or is
// not JSON.
nlohmann::json readSettingsFile(const std::filesystem::path& file);

}  // namespace gradphoto
