#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace gradphoto {

// Writes a file so that readers see either the old content or the whole new one: a temporary
// file beside the target, flushed to disk, then renamed over it. Throws Error(kIo) naming the
// file and the cause; nothing half-written is left behind.
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes);
void writeFileAtomically(const std::filesystem::path& target, std::string_view text);

}  // namespace gradphoto
