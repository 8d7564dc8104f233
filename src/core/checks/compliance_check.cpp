#include "gradphoto/checks/compliance_check.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "builtin_checks.h"
#include "gradphoto/checks/check_score.h"
#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto::checks {

namespace {
// The contract's order (shared CLI-CONTRACT.md).
const std::vector<std::string> kContractOrder = {
    "face_count",           "face_size",    "head_roll",     "head_yaw",
    "head_pitch",           "eyes_open",    "mouth_closed",  "shoulders_level",
    "face_lighting",        "exposure",     "sharpness",     "background_uniform",
    "clothing_contrast",    "glasses_tint", "glasses_glare", "red_eye",
    "hair_covers_features", "headwear",     "jewellery",     "retouching"};
}  // namespace

double CheckThresholds::number(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end() || !it->is_number())
        throw Error(Error::Kind::kInput,
                    {"checks_config", "检测配置缺少 " + key,
                     "resources/checks.json lacks the number \"" + key + "\""});
    return it->get<double>();
}

double CheckThresholds::number(const std::string& key, double fallback) const {
    const auto it = values_.find(key);
    return it != values_.end() && it->is_number() ? it->get<double>() : fallback;
}

CheckConfig CheckConfig::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw Error(Error::Kind::kIo, {"checks_config", "无法读取检测配置 " + file.string(),
                                       "cannot read " + file.string()});
    std::stringstream text;
    text << in.rdbuf();
    CheckConfig c;
    c.json_ = nlohmann::json::parse(text.str(), nullptr, false);
    if (!c.json_.is_object() || !c.json_.contains("checks") || !c.json_["checks"].is_object())
        throw Error(Error::Kind::kInput, {"checks_config", "检测配置格式错误 " + file.string(),
                                          file.string() + " is not a checks configuration"});
    return c;
}

const CheckConfig& CheckConfig::shipped() {
    static const CheckConfig config = load(resourcesDir() / "checks.json");
    return config;
}

CheckThresholds CheckConfig::thresholds(const std::string& id) const {
    const auto& checks = json_["checks"];
    const auto it = checks.find(id);
    return it != checks.end() ? CheckThresholds(*it) : CheckThresholds();
}

double CheckConfig::number(const std::string& key, double fallback) const {
    const auto it = json_.find(key);
    return it != json_.end() && it->is_number() ? it->get<double>() : fallback;
}

namespace {

std::vector<std::string> idList(const nlohmann::json& config, const char* key) {
    std::vector<std::string> ids;
    if (const auto it = config.find(key); it != config.end() && it->is_array())
        for (const auto& v : *it) ids.push_back(v.get<std::string>());
    return ids;
}

}  // namespace

std::vector<std::string> CheckConfig::liveIds() const {
    return idList(json_, "live_subset");
}

std::vector<std::string> CheckConfig::detailIds() const {
    return idList(json_, "detail_checks");
}

CheckRegistry& CheckRegistry::builtin() {
    static CheckRegistry registry;
    static std::once_flag once;
    std::call_once(once, [] {
        addFaceGeometryChecks(registry);
        addExpressionChecks(registry);
        addLightChecks(registry);
        addSceneChecks(registry);
        addCoverChecks(registry);
    });
    return registry;
}

void CheckRegistry::add(const std::string& id, Factory factory) {
    std::erase_if(factories_, [&](const auto& f) { return f.first == id; });
    factories_.emplace_back(id, std::move(factory));
}

std::unique_ptr<ComplianceCheck> CheckRegistry::create(const std::string& id) const {
    for (const auto& [name, factory] : factories_)
        if (name == id) return factory();
    return nullptr;
}

std::vector<std::string> CheckRegistry::ids() const {
    std::vector<std::string> ids;
    for (const auto& id : kContractOrder)
        if (create(id)) ids.push_back(id);
    for (const auto& [name, factory] : factories_)
        if (std::find(ids.begin(), ids.end(), name) == ids.end()) ids.push_back(name);
    return ids;
}

CheckResult makeResult(const std::string& id, CheckStatus status, nlohmann::json value,
                       nlohmann::json limit, std::string zh, std::string en) {
    return {id, status, std::move(value), std::move(limit), std::move(zh), std::move(en)};
}

CheckResult unknownResult(const std::string& id, const std::string& zhReason,
                          const std::string& enReason) {
    return {id,
            CheckStatus::kUnknown,
            nullptr,
            nullptr,
            "无法判断：" + zhReason + "，请工作人员确认",
            "cannot assess: " + enReason + "; staff please check"};
}

CheckStatus grade(double value, double warnAt, double failAt, bool lowerIsWorse, double scoreSpan) {
    if (std::isfinite(value))
        ScoreCollector::measured(value, warnAt, failAt, lowerIsWorse, scoreSpan);
    return classify(value, warnAt, failAt, lowerIsWorse);
}

CheckStatus classify(double value, double warnAt, double failAt, bool lowerIsWorse) {
    if (!std::isfinite(value)) return CheckStatus::kUnknown;
    if (lowerIsWorse) {
        if (value < failAt) return CheckStatus::kFail;
        if (value < warnAt) return CheckStatus::kWarn;
        return CheckStatus::kPass;
    }
    if (value > failAt) return CheckStatus::kFail;
    if (value > warnAt) return CheckStatus::kWarn;
    return CheckStatus::kPass;
}

double rounded(double v, int decimals) {
    if (!std::isfinite(v)) return v;
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

double meanIn(const cv::Mat& channel, const cv::Rect& rect, const cv::Mat& mask) {
    const cv::Rect r = rect & cv::Rect(0, 0, channel.cols, channel.rows);
    if (r.area() <= 0) return std::numeric_limits<double>::quiet_NaN();
    if (mask.empty()) return cv::mean(channel(r))[0];
    if (cv::countNonZero(mask(r)) == 0) return std::numeric_limits<double>::quiet_NaN();
    return cv::mean(channel(r), mask(r))[0];
}

cv::Mat labChannel(const CheckSession& session, int channel) {
    cv::Mat c;
    cv::extractChannel(session.workLab(), c, channel);
    return c;
}

CheckResult withoutPersonMatte(const std::string& id, const CheckSession& session) {
    return unknownResult(id, "无法分离人像", "no person matte: " + session.matteProblem());
}

}  // namespace gradphoto::checks
