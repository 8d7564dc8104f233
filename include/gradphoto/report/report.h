#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/common/error.h"

namespace gradphoto {

enum class CheckStatus { kPass, kWarn, kFail, kUnknown };
std::string toString(CheckStatus s);

// One compliance or specification check. Ids are stable (shared CLI-CONTRACT.md).
struct CheckResult {
    std::string id;
    CheckStatus status = CheckStatus::kUnknown;
    nlohmann::json value;  // the measured value (number, string or null)
    nlohmann::json limit;  // the limit it was held to
    std::string message_zh;
    std::string message_en;
    // The photo rule the check enforces (seed §10 / CHSI spec), for staff and reports; empty for
    // the standardizer's own geometry checks. In the JSON only when set.
    std::string rule;
    // 0-100, higher is better: how far the measure is from the limits (pass 60-100, warn 30-59,
    // fail 0-29; gradphoto/checks/check_score.h). nullopt, and no "score" key in the JSON, for an
    // `unknown` result and for the standardizer's own geometry checks.
    std::optional<int> score;
};

struct ImageSummary {
    std::string file;
    int width = 0;
    int height = 0;
};

struct OutputSummary {
    std::string file;
    int width = 0;
    int height = 0;
    long bytes = 0;
    int quality = 0;
    int dpi = 0;
};

struct GeometryMeasure {
    double headTopPx = -1;
    double eyeLinePx = -1;
    double faceWidthPx = -1;
    double centerOffsetPx = 0;
    bool measured = false;
};

// The report of standardize, inspect and check (shared CLI-CONTRACT.md, "The report JSON").
struct Report {
    bool ok = false;
    std::string preset;
    ImageSummary input;
    std::optional<OutputSummary> output;
    GeometryMeasure geometry;
    std::vector<CheckResult> checks;
    std::vector<Problem> errors;
    std::vector<std::pair<std::string, double>> timingMs;  // in stage order

    bool anyCheck(CheckStatus status) const;
    nlohmann::json toJson() const;
};

}  // namespace gradphoto
