#include "gradphoto/imaging/preset.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[noreturn]] void invalid(const std::string& origin, const std::string& why) {
    throw Error(Error::Kind::kInput, {"preset_invalid", "照片规格文件无效：" + origin,
                                      "invalid preset " + origin + ": " + why});
}

Range readRange(const json& j, const std::string& key, const std::string& origin) {
    const auto& r = j.at(key);
    if (!r.is_array() || r.size() != 2 || !r[0].is_number() || !r[1].is_number())
        invalid(origin, key + " must be [min, max]");
    Range out{r[0].get<double>(), r[1].get<double>()};
    if (out.min > out.max) invalid(origin, key + " has min > max");
    return out;
}

}  // namespace

Preset Preset::fromJsonText(const std::string& text, const std::string& origin) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        invalid(origin, e.what());
    }
    static const std::set<std::string> kKnown{"name",           "title_zh",
                                              "title_en",       "width",
                                              "height",         "dpi",
                                              "bytes",          "min_quality",
                                              "head_top_px",    "eye_line_px",
                                              "face_width_px",  "max_center_offset_px",
                                              "background_rgb", "background_tolerance",
                                              "max_upscale",    "comment"};
    for (const auto& [key, _] : j.items())
        if (!kKnown.count(key)) invalid(origin, "unknown key \"" + key + "\"");
    try {
        Preset p;
        p.name = j.at("name").get<std::string>();
        p.title_zh = j.value("title_zh", p.name);
        p.title_en = j.value("title_en", p.name);
        p.width = j.at("width").get<int>();
        p.height = j.at("height").get<int>();
        p.dpi = j.at("dpi").get<int>();
        const Range bytes = readRange(j, "bytes", origin);
        p.minBytes = static_cast<long>(bytes.min);
        p.maxBytes = static_cast<long>(bytes.max);
        p.minQuality = j.at("min_quality").get<int>();
        p.headTop = readRange(j, "head_top_px", origin);
        p.eyeLine = readRange(j, "eye_line_px", origin);
        p.faceWidth = readRange(j, "face_width_px", origin);
        p.maxCenterOffset = j.value("max_center_offset_px", p.maxCenterOffset);
        const auto& bg = j.at("background_rgb");
        if (!bg.is_array() || bg.size() != 3) invalid(origin, "background_rgb must be [r, g, b]");
        p.background = {bg[0].get<int>(), bg[1].get<int>(), bg[2].get<int>()};
        p.backgroundTolerance = j.value("background_tolerance", p.backgroundTolerance);
        p.maxUpscale = j.value("max_upscale", p.maxUpscale);
        if (p.width < 16 || p.height < 16 || p.width > 10000 || p.height > 10000)
            invalid(origin, "width/height out of range");
        if (p.dpi < 1 || p.minQuality < 1 || p.minQuality > 100 || p.minBytes < 0 ||
            p.maxBytes <= p.minBytes)
            invalid(origin, "dpi, min_quality or bytes out of range");
        if (p.eyeLine.max <= p.headTop.min) invalid(origin, "eye line must lie below head top");
        return p;
    } catch (const json::exception& e) {
        invalid(origin, e.what());
    }
}

Preset Preset::load(const std::string& nameOrFile) {
    fs::path file = nameOrFile;
    const bool looksLikePath =
        nameOrFile.find('/') != std::string::npos || file.extension() == ".json";
    if (!looksLikePath) file = resourcesDir() / "presets" / (nameOrFile + ".json");
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (!looksLikePath) {
            std::string names;
            for (const auto& n : available()) names += (names.empty() ? "" : ", ") + n;
            throw Error(Error::Kind::kInput,
                        {"preset_unknown", "未知的照片规格：" + nameOrFile,
                         "unknown preset " + nameOrFile + " (available: " + names + ")"});
        }
        throw Error(Error::Kind::kInput,
                    {"preset_unreadable", "无法读取照片规格文件：" + nameOrFile,
                     "cannot read preset file " + nameOrFile});
    }
    std::ostringstream text;
    text << in.rdbuf();
    return fromJsonText(text.str(), file.string());
}

std::vector<std::string> Preset::available() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(resourcesDir() / "presets", ec))
        if (e.path().extension() == ".json") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace gradphoto
