#pragma once

// Re-verifies an approved photo just before it is exported: the file is still there, its bytes
// still hash to the SHA-256 the capture row names (a tampered or damaged file is caught), and the
// photo still passes `inspect` against its preset (size, bytes, dpi, backdrop, geometry). A photo
// that fails is listed by the export, never written.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/report/report.h"

namespace gradphoto::exports {

struct PhotoVerdict {
    bool ok = false;
    std::vector<std::uint8_t> bytes;  // the verified file when ok
    Problem problem;                  // why not: photo_missing, hash_mismatch, inspect_failed, ...
};

class PhotoVerifier {
  public:
    // How a photo is measured against its preset; the default is inspectPhoto() with the shared
    // FaceLocator (what `gradphoto inspect` does).
    using Inspection = std::function<Report(std::span<const std::uint8_t> jpeg,
                                            const std::string& fileName, const Preset& preset)>;
    static Inspection defaultInspection();

    explicit PhotoVerifier(Inspection inspection = defaultInspection());

    // Thread-safe: several photos may be verified at once.
    PhotoVerdict verify(const std::filesystem::path& file, const std::string& expectedSha256,
                        const std::string& presetName) const;

  private:
    const Preset* presetNamed(const std::string& name, Problem& problem) const;

    Inspection inspection_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Preset>> presets_;
};

}  // namespace gradphoto::exports
