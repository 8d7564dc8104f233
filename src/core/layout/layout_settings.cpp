#include "gradphoto/layout/layout_settings.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto::layout {
using nlohmann::json;

namespace {

[[noreturn]] void invalid(const std::string& origin, const std::string& why) {
    throw Error(Error::Kind::kInput, {"layout_settings", "排版设置文件无效：" + origin,
                                      "invalid layout settings " + origin + ": " + why});
}

void requireKnown(const json& object, const std::set<std::string>& known,
                  const std::string& origin) {
    for (const auto& [key, value] : object.items())
        if (!known.count(key)) invalid(origin, "unknown key \"" + key + "\"");
}

double positive(const json& object, const char* key, const std::string& origin) {
    if (!object.contains(key) || !object[key].is_number() || object[key].get<double>() <= 0)
        invalid(origin, std::string(key) + " must be a positive number");
    return object[key].get<double>();
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

LayoutSettings LayoutSettings::fromJsonText(const std::string& text, const std::string& origin) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) invalid(origin, "not a JSON object");
    requireKnown(
        j,
        {"comment", "dpi", "default_paper", "margin_mm", "gap_mm", "caption_mm", "caption_font",
         "caption_font_index", "cut_line_grey", "papers", "photo_sizes_mm"},
        origin);
    LayoutSettings s;
    try {
        s.dpi = static_cast<int>(positive(j, "dpi", origin));
        s.defaultPaper = j.value("default_paper", s.defaultPaper);
        s.marginMm = positive(j, "margin_mm", origin);
        s.gapMm = positive(j, "gap_mm", origin);
        s.captionMm = positive(j, "caption_mm", origin);
        s.captionFont = j.value("caption_font", std::string());
        s.captionFontIndex = j.value("caption_font_index", 0);
        s.cutLineGrey = j.value("cut_line_grey", s.cutLineGrey);
        if (s.cutLineGrey < 0 || s.cutLineGrey > 255) invalid(origin, "cut_line_grey is 0..255");
        if (!j.contains("papers") || !j["papers"].is_array() || j["papers"].empty())
            invalid(origin, "papers must be a non-empty array");
        for (const auto& p : j["papers"]) {
            if (!p.is_object()) invalid(origin, "each paper must be an object");
            requireKnown(
                p,
                {"name", "title_zh", "title_en", "width_px", "height_px", "width_mm", "height_mm"},
                origin);
            Paper paper;
            paper.name = p.at("name").get<std::string>();
            paper.titleZh = p.value("title_zh", paper.name);
            paper.titleEn = p.value("title_en", paper.name);
            paper.widthPx = static_cast<int>(positive(p, "width_px", origin));
            paper.heightPx = static_cast<int>(positive(p, "height_px", origin));
            paper.widthMm = positive(p, "width_mm", origin);
            paper.heightMm = positive(p, "height_mm", origin);
            if (paper.name.empty()) invalid(origin, "a paper without a name");
            s.papers.push_back(paper);
        }
        if (j.contains("photo_sizes_mm")) {
            if (!j["photo_sizes_mm"].is_object()) invalid(origin, "photo_sizes_mm is an object");
            for (const auto& [name, size] : j["photo_sizes_mm"].items()) {
                if (!size.is_array() || size.size() != 2 || !size[0].is_number() ||
                    !size[1].is_number() || size[0].get<double>() <= 0 ||
                    size[1].get<double>() <= 0)
                    invalid(origin, "photo_sizes_mm." + name + " must be [width, height]");
                s.photoSizes[name] = {size[0].get<double>(), size[1].get<double>()};
            }
        }
    } catch (const json::exception& e) {
        invalid(origin, e.what());
    }
    if (!s.findPaper(s.defaultPaper)) invalid(origin, "default_paper is not one of the papers");
    return s;
}

LayoutSettings LayoutSettings::load() {
    const auto file = resourcesDir() / "layout" / "papers.json";
    std::ifstream in(file);
    if (!in)
        throw Error(Error::Kind::kInput, {"layout_settings", "找不到排版设置文件 " + file.string(),
                                          "cannot read the layout settings " + file.string()});
    std::stringstream text;
    text << in.rdbuf();
    return fromJsonText(text.str(), file.string());
}

const Paper* LayoutSettings::findPaper(std::string_view name) const {
    const std::string wanted = lower(name);
    for (const auto& paper : papers)
        if (lower(paper.name) == wanted) return &paper;
    return nullptr;
}

int LayoutSettings::px(double mm) const {
    return static_cast<int>(std::lround(mm / 25.4 * dpi));
}

std::string LayoutSettings::paperNames() const {
    std::string out;
    for (const auto& paper : papers) out += (out.empty() ? "" : ", ") + paper.name;
    return out;
}

}  // namespace gradphoto::layout
