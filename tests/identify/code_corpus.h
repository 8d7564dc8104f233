#pragma once

// A generated decoding corpus: collection-code-like payloads rendered with ZXing's writer onto a
// simulated phone screen, placed into 1280×720 booth frames built from the portrait corpus, with
// the distortions a kiosk camera sees (perspective, rotation, blur, glare, screen moiré, low
// contrast, noise and JPEG), plus frames without any code. Deterministic for a given seed.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gradphoto::test {

enum class CodeSize { kLarge, kMedium, kSmall };  // ~6, ~3.5, ~2.2 px per module
enum class Distortion {
    kClean,
    kPerspective,
    kRotation,
    kBlur,
    kGlare,
    kMoire,
    kLowContrast,
    kNoiseJpeg
};

struct CorpusCase {
    std::string name;
    cv::Mat frame;                       // 8-bit BGR
    std::optional<std::string> payload;  // nullopt: the frame holds no code
    std::string format;                  // qr_code, data_matrix, pdf417 ("" without a code)
    std::string size;                    // large, medium, small
    std::string distortion;              // clean, perspective, ...; "none" without a code
    bool severe = false;                 // beyond the "moderate" target
};

std::string sizeName(CodeSize size);
std::string distortionName(Distortion distortion);

struct CorpusPlan {
    int casesPerCell = 6;      // per (size, distortion), moderate
    int severePerCell = 2;     // per (size, distortion), severe
    int otherFormatCases = 6;  // Data Matrix and PDF417, moderate, medium/large
    int negatives = 48;        // frames without a code
    unsigned seed = 20240601;
};

// backgrounds: photos to build frames from; with none, synthetic backgrounds are used.
std::vector<CorpusCase> makeCodeCorpus(const std::vector<std::filesystem::path>& backgrounds,
                                       const CorpusPlan& plan = {});

// A payload shaped like an encrypted collection code (base64 text of `bytes` random bytes).
std::string randomPayload(unsigned seed, int bytes = 90);

}  // namespace gradphoto::test
