#pragma once

// Re-verifies an approved photo just before it is exported: the file is still there, its bytes
// still hash to the SHA-256 the capture row names (a tampered or damaged file is caught), and the
// photo still passes `inspect` against its preset (size, bytes, dpi, backdrop, geometry). A photo
// that fails is listed by the export, never written. inspect depends only on the bytes and the
// preset's measures, so a pass is remembered by the export under inspectionKey() and the bytes'
// SHA-256: a later batch re-checks the hash and skips the inspect (the slow part).

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
    bool inspected = false;           // ok after running inspect now (not a remembered pass)
};

class PhotoVerifier {
  public:
    // How a photo is measured against its preset; the default is inspectPhoto() with the shared
    // FaceLocator (what `gradphoto inspect` does).
    using Inspection = std::function<Report(std::span<const std::uint8_t> jpeg,
                                            const std::string& fileName, const Preset& preset)>;
    static Inspection defaultInspection();
    // The revision of inspectPhoto()'s rules. Bump it whenever inspect could judge the same
    // bytes and preset differently, so that no pass remembered under the old rules is reused.
    static constexpr const char* kInspectRevision = "inspect-1";

    // inspector names the inspection's rules (kInspectRevision for the default one).
    explicit PhotoVerifier(Inspection inspection = defaultInspection(),
                           std::string inspector = kInspectRevision);

    // What a pass of this verifier's inspection against the preset is remembered under: the
    // inspector and the SHA-256 of the preset's measures (not its file's text: a comment or a
    // title changes nothing). Empty when the preset cannot be loaded.
    std::string inspectionKey(const std::string& presetName) const;

    // Thread-safe: several photos may be verified at once. passedBefore: these bytes passed
    // inspect under inspectionKey(presetName) before (the hash is still checked).
    PhotoVerdict verify(const std::filesystem::path& file, const std::string& expectedSha256,
                        const std::string& presetName, bool passedBefore = false) const;

  private:
    const Preset* presetNamed(const std::string& name, Problem& problem) const;

    Inspection inspection_;
    std::string inspector_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Preset>> presets_;
};

}  // namespace gradphoto::exports
