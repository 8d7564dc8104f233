#pragma once

// The content-addressed photo folder beside the database: DIR/ab/abcdef....jpg, where the name
// is the SHA-256 of the bytes. Files are written to a temporary file, fsynced and renamed
// (writeFileAtomically), so a file under its final name is always complete.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

// SHA-256 of bytes as 64 lower-case hex digits (OpenSSL EVP).
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string sha256Hex(std::string_view text);
bool isSha256Hex(std::string_view text);

class PhotoFolder : public PhotoArchive {
  public:
    explicit PhotoFolder(std::filesystem::path root);

    std::string put(std::span<const std::uint8_t> bytes) override;
    bool contains(const std::string& sha256) override;
    std::vector<std::uint8_t> read(const std::string& sha256) override;
    std::filesystem::path pathOf(const std::string& sha256) override;
    // Hashes of the complete files (temporary files left by a crash are skipped).
    std::vector<std::string> allHashes() override;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
};

}  // namespace gradphoto::store
