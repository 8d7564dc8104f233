#include "gradphoto/checks/booth_lighting.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto::checks {

namespace {

std::string fixed1(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

std::string percent(double fraction) {
    return fixed1(fraction * 100.0) + "%";
}

Error badLimits(const std::string& origin, const std::string& why) {
    return Error(Error::Kind::kInput,
                 {"booth_lighting_limits", "灯光检查参数文件有误：" + origin + "（" + why + "）",
                  origin + ": " + why});
}

double medianOf(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

BoothLightingItem gradientItem(const std::string& id, double diff, double limit, bool horizontal) {
    BoothLightingItem item{id, BoothLightingStatus::kPass, diff, limit, {}, {}};
    const double size = std::abs(diff);
    if (size <= limit) {
        item.message_zh = horizontal ? "左右亮度一致" : "上下亮度一致";
        item.message_en =
            horizontal ? "left and right equally bright" : "top and bottom equally bright";
        return item;
    }
    item.status = BoothLightingStatus::kWarn;
    if (horizontal) {
        const bool leftBrighter = diff > 0;
        item.message_zh = std::string(leftBrighter ? "左侧比右侧亮" : "右侧比左侧亮") + " " +
                          fixed1(size) + "（L*），请调整" + (leftBrighter ? "右侧" : "左侧") +
                          "灯光或灯的角度";
        item.message_en = std::string(leftBrighter ? "left side brighter than right"
                                                   : "right side brighter than left") +
                          " by " + fixed1(size) + " L*: adjust the " +
                          (leftBrighter ? "right" : "left") + " light";
    } else {
        const bool topBrighter = diff > 0;
        item.message_zh = std::string(topBrighter ? "上方比下方亮" : "下方比上方亮") + " " +
                          fixed1(size) + "（L*），请调整灯的高度或角度";
        item.message_en =
            std::string(topBrighter ? "top brighter than bottom" : "bottom brighter than top") +
            " by " + fixed1(size) + " L*: adjust the height or angle of the lights";
    }
    return item;
}

}  // namespace

bool BoothLightingReport::pass() const {
    return std::all_of(items.begin(), items.end(),
                       [](const auto& i) { return i.status == BoothLightingStatus::kPass; });
}

const BoothLightingItem* BoothLightingReport::item(const std::string& id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

std::string BoothLightingReport::summaryZh() const {
    for (const auto& i : items)
        if (i.status == BoothLightingStatus::kWarn) return i.message_zh;
    return "灯光良好：背景均匀，曝光正常";
}

std::string BoothLightingReport::summaryEn() const {
    for (const auto& i : items)
        if (i.status == BoothLightingStatus::kWarn) return i.message_en;
    return "lighting good: even backdrop, normal exposure";
}

BoothLighting BoothLighting::load() {
    return load(resourcesDir() / "booth_lighting.json");
}

BoothLighting BoothLighting::load(const std::filesystem::path& file) {
    const std::string origin = file.string();
    std::ifstream in(file);
    if (!in) throw badLimits(origin, "cannot read the file");
    nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (!json.is_object()) throw badLimits(origin, "not a JSON object");
    BoothLightingLimits l;
    try {
        l.gridColumns = json.value("grid_columns", l.gridColumns);
        l.gridRows = json.value("grid_rows", l.gridRows);
        l.spreadDeltaEWarn = json.value("spread_delta_e_warn", l.spreadDeltaEWarn);
        l.gradientLWarn = json.value("gradient_l_warn", l.gradientLWarn);
        l.meanLMin = json.value("mean_l_min", l.meanLMin);
        l.meanLMax = json.value("mean_l_max", l.meanLMax);
        l.clipHigh = json.value("clip_high", l.clipHigh);
        l.clipLow = json.value("clip_low", l.clipLow);
        l.clippedFractionWarn = json.value("clipped_fraction_warn", l.clippedFractionWarn);
    } catch (const nlohmann::json::exception& e) {
        throw badLimits(origin, e.what());
    }
    if (l.gridColumns < 2 || l.gridRows < 2 || l.gridColumns > 64 || l.gridRows > 64)
        throw badLimits(origin, "grid_columns and grid_rows must be 2..64");
    if (l.meanLMin >= l.meanLMax) throw badLimits(origin, "mean_l_min must be below mean_l_max");
    return BoothLighting(l);
}

BoothLightingReport BoothLighting::assess(const cv::Mat& image) const {
    if (image.empty() || image.depth() != CV_8U || (image.channels() != 3 && image.channels() != 1))
        throw Error(Error::Kind::kInput, {"booth_lighting_image", "没有可检查的图像",
                                          "the lighting check needs an 8-bit BGR or grey image"});
    cv::Mat bgr;
    if (image.channels() == 1)
        cv::cvtColor(image, bgr, cv::COLOR_GRAY2BGR);
    else
        bgr = image;
    const auto& l = limits_;
    const int cols = std::min(l.gridColumns, bgr.cols);
    const int rows = std::min(l.gridRows, bgr.rows);

    cv::Mat lab;
    bgr.convertTo(lab, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(lab, lab, cv::COLOR_BGR2Lab);  // L 0..100, a/b about -127..127

    // The mean L*a*b* of each block.
    std::vector<cv::Vec3d> blocks(static_cast<std::size_t>(cols * rows));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const int x0 = c * bgr.cols / cols, x1 = (c + 1) * bgr.cols / cols;
            const int y0 = r * bgr.rows / rows, y1 = (r + 1) * bgr.rows / rows;
            const cv::Scalar m = cv::mean(lab(cv::Rect(x0, y0, x1 - x0, y1 - y0)));
            blocks[static_cast<std::size_t>(r * cols + c)] = {m[0], m[1], m[2]};
        }
    }
    std::vector<double> ls, as, bs;
    for (const auto& b : blocks) {
        ls.push_back(b[0]);
        as.push_back(b[1]);
        bs.push_back(b[2]);
    }
    const cv::Vec3d median{medianOf(ls), medianOf(as), medianOf(bs)};
    double spread = 0;
    for (const auto& b : blocks) spread = std::max(spread, cv::norm(b - median));

    auto columnMeanL = [&](int c) {
        double sum = 0;
        for (int r = 0; r < rows; ++r) sum += blocks[static_cast<std::size_t>(r * cols + c)][0];
        return sum / rows;
    };
    auto rowMeanL = [&](int r) {
        double sum = 0;
        for (int c = 0; c < cols; ++c) sum += blocks[static_cast<std::size_t>(r * cols + c)][0];
        return sum / cols;
    };
    const double gradientLr = columnMeanL(0) - columnMeanL(cols - 1);
    const double gradientTb = rowMeanL(0) - rowMeanL(rows - 1);

    const double meanL = cv::mean(lab)[0];

    cv::Mat maxChannel, minChannel;
    {
        std::vector<cv::Mat> channels;
        cv::split(bgr, channels);
        cv::max(channels[0], channels[1], maxChannel);
        cv::max(maxChannel, channels[2], maxChannel);
        cv::min(channels[0], channels[1], minChannel);
        cv::min(minChannel, channels[2], minChannel);
    }
    const double pixels = static_cast<double>(bgr.total());
    const double blown = cv::countNonZero(maxChannel >= l.clipHigh) / pixels;
    const double crushed = cv::countNonZero(maxChannel <= l.clipLow) / pixels;
    const double clipped = blown + crushed;

    BoothLightingReport report;
    report.meanL = meanL;

    BoothLightingItem spreadItem{
        "backdrop_spread", BoothLightingStatus::kPass, spread, l.spreadDeltaEWarn,
        "背景颜色均匀",    "backdrop evenly coloured"};
    if (spread > l.spreadDeltaEWarn) {
        spreadItem.status = BoothLightingStatus::kWarn;
        spreadItem.message_zh = "背景颜色不均匀（色差 " + fixed1(spread) +
                                "）：检查背景布是否有褶皱、污渍或阴影，灯光是否照满背景";
        spreadItem.message_en = "backdrop uneven (ΔE " + fixed1(spread) +
                                "): look for folds, stains or shadows and light the whole backdrop";
    }
    report.items.push_back(spreadItem);
    report.items.push_back(gradientItem("gradient_lr", gradientLr, l.gradientLWarn, true));
    report.items.push_back(gradientItem("gradient_tb", gradientTb, l.gradientLWarn, false));

    BoothLightingItem exposure{"exposure", BoothLightingStatus::kPass, meanL, 0,
                               "曝光正常", "exposure normal"};
    if (meanL < l.meanLMin) {
        exposure.status = BoothLightingStatus::kWarn;
        exposure.limit = l.meanLMin;
        exposure.message_zh = "画面太暗（亮度 " + fixed1(meanL) + "，至少 " + fixed1(l.meanLMin) +
                              "）：请开亮灯光或调高相机曝光";
        exposure.message_en = "too dark (L* " + fixed1(meanL) + ", at least " + fixed1(l.meanLMin) +
                              "): brighten the lights or raise the exposure";
    } else if (meanL > l.meanLMax) {
        exposure.status = BoothLightingStatus::kWarn;
        exposure.limit = l.meanLMax;
        exposure.message_zh = "画面太亮（亮度 " + fixed1(meanL) + "，至多 " + fixed1(l.meanLMax) +
                              "）：请调暗灯光或降低相机曝光";
        exposure.message_en = "too bright (L* " + fixed1(meanL) + ", at most " +
                              fixed1(l.meanLMax) + "): dim the lights or lower the exposure";
    } else {
        exposure.limit = l.meanLMax;
    }
    report.items.push_back(exposure);

    BoothLightingItem clip{"clipped",
                           BoothLightingStatus::kPass,
                           clipped,
                           l.clippedFractionWarn,
                           "没有过曝或死黑的区域",
                           "no blown-out or black areas"};
    if (clipped > l.clippedFractionWarn) {
        clip.status = BoothLightingStatus::kWarn;
        const bool mostlyBlown = blown >= crushed;
        clip.message_zh = std::string(mostlyBlown ? "过曝" : "死黑") + "区域占 " +
                          percent(clipped) + "：请" +
                          (mostlyBlown ? "降低曝光或灯光亮度" : "提高曝光或灯光亮度");
        clip.message_en = percent(clipped) + (mostlyBlown ? " blown out" : " crushed black") +
                          ": " + (mostlyBlown ? "lower" : "raise") + " the exposure or the lights";
    }
    report.items.push_back(clip);
    return report;
}

}  // namespace gradphoto::checks
