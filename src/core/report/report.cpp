#include "gradphoto/report/report.h"

#include <algorithm>
#include <cmath>

namespace gradphoto {
using nlohmann::json;

std::string toString(CheckStatus s) {
    switch (s) {
        case CheckStatus::kPass:
            return "pass";
        case CheckStatus::kWarn:
            return "warn";
        case CheckStatus::kFail:
            return "fail";
        case CheckStatus::kUnknown:
            return "unknown";
    }
    return "unknown";
}

bool Report::anyCheck(CheckStatus status) const {
    return std::any_of(checks.begin(), checks.end(),
                       [status](const CheckResult& c) { return c.status == status; });
}

namespace {
json rounded(double v) {
    if (!std::isfinite(v)) return nullptr;
    return std::round(v * 10.0) / 10.0;
}
}  // namespace

json Report::toJson() const {
    json j;
    j["ok"] = ok;
    j["preset"] = preset;
    j["input"] = {{"file", input.file}, {"width", input.width}, {"height", input.height}};
    if (output) {
        j["output"] = {{"file", output->file},       {"width", output->width},
                       {"height", output->height},   {"bytes", output->bytes},
                       {"quality", output->quality}, {"dpi", output->dpi}};
    } else {
        j["output"] = nullptr;
    }
    if (geometry.measured) {
        j["geometry"] = {{"head_top_px", rounded(geometry.headTopPx)},
                         {"eye_line_px", rounded(geometry.eyeLinePx)},
                         {"face_width_px", rounded(geometry.faceWidthPx)},
                         {"center_offset_px", rounded(geometry.centerOffsetPx)}};
    } else {
        j["geometry"] = nullptr;
    }
    j["checks"] = json::array();
    for (const auto& c : checks) {
        json check = {
            {"id", c.id},       {"status", toString(c.status)}, {"value", c.value},
            {"limit", c.limit}, {"message_zh", c.message_zh},   {"message_en", c.message_en}};
        if (!c.rule.empty()) check["rule"] = c.rule;
        if (c.score) check["score"] = *c.score;
        j["checks"].push_back(std::move(check));
    }
    j["errors"] = json::array();
    for (const auto& e : errors) {
        j["errors"].push_back(
            {{"code", e.code}, {"message_zh", e.message_zh}, {"message_en", e.message_en}});
    }
    j["timing_ms"] = json::object();
    for (const auto& [stage, ms] : timingMs) j["timing_ms"][stage] = rounded(ms);
    return j;
}

}  // namespace gradphoto
