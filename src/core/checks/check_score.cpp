#include "gradphoto/checks/check_score.h"

#include <algorithm>
#include <cmath>

#include "gradphoto/checks/compliance_check.h"

namespace gradphoto::checks {

namespace {
thread_local ScoreCollector* openCollector = nullptr;
}  // namespace

ScoreBands ScoreBands::from(const CheckConfig& config) {
    ScoreBands b;
    b.passFloor = config.number("score_pass_floor", b.passFloor);
    b.failCeiling = config.number("score_fail_ceiling", b.failCeiling);
    b.rulePass = int(std::lround(config.number("score_rule_pass", b.rulePass)));
    b.ruleWarn = int(std::lround(config.number("score_rule_warn", b.ruleWarn)));
    b.ruleFail = int(std::lround(config.number("score_rule_fail", b.ruleFail)));
    b.noFailLimit = config.number("score_no_fail_limit", b.noFailLimit);
    return b;
}

std::optional<double> measureScore(double value, double warnAt, double failAt, bool lowerIsWorse,
                                   const ScoreBands& bands, double givenSpan) {
    if (!std::isfinite(value) || !std::isfinite(warnAt) || !std::isfinite(failAt))
        return std::nullopt;
    double span = std::abs(failAt - warnAt);
    if (std::abs(failAt) >= bands.noFailLimit)  // warns only: a span from the warn limit's size
        span = warnAt != 0 ? 0.2 * std::abs(warnAt) : 1.0;
    else if (span == 0)
        span = failAt != 0 ? 0.2 * std::abs(failAt) : 1.0;
    if (givenSpan > 0 && std::isfinite(givenSpan)) span = givenSpan;
    const double worse = lowerIsWorse ? -1.0 : 1.0;
    const double d = worse * (value - warnAt) / span;         // past the warn limit
    const double pastFail = worse * (value - failAt) / span;  // d - 1 unless warn == fail
    const double p = bands.passFloor, f = bands.failCeiling;
    // The branches test what grade() tests, in its order (fail first), so each sub-score lies in
    // the band of the status grade() gives the measure.
    if (pastFail > 0) return f * std::exp(-pastFail);
    if (d > 0) return p - (p - f) * std::min(d, 1.0);
    return 100.0 - (100.0 - p) * std::exp(d);
}

std::optional<int> resultScore(CheckStatus status, std::optional<double> lowest,
                               const ScoreBands& bands) {
    const int passFloor = int(std::lround(bands.passFloor));
    const int failCeiling = int(std::lround(bands.failCeiling));
    int low = 0, high = 100, rule = 0;
    switch (status) {
        case CheckStatus::kPass:
            low = passFloor, high = 100, rule = bands.rulePass;
            break;
        case CheckStatus::kWarn:
            low = failCeiling, high = passFloor - 1, rule = bands.ruleWarn;
            break;
        case CheckStatus::kFail:
            low = 0, high = failCeiling - 1, rule = bands.ruleFail;
            break;
        case CheckStatus::kUnknown:
            return std::nullopt;
    }
    high = std::max(low, high);
    if (!lowest || !std::isfinite(*lowest)) return std::clamp(rule, low, high);
    return std::clamp(int(std::lround(*lowest)), low, high);
}

ScoreCollector::ScoreCollector(const ScoreBands& bands) : bands_(bands), hidden_(openCollector) {
    openCollector = this;
}

ScoreCollector::~ScoreCollector() {
    openCollector = hidden_;
}

void ScoreCollector::measured(double value, double warnAt, double failAt, bool lowerIsWorse,
                              double span) {
    ScoreCollector* c = openCollector;
    if (!c) return;
    const auto s = measureScore(value, warnAt, failAt, lowerIsWorse, c->bands_, span);
    if (!s) return;
    ++c->measures_;
    c->lowest_ = c->lowest_ ? std::min(*c->lowest_, *s) : *s;
}

std::optional<int> ScoreCollector::score(CheckStatus status) const {
    return resultScore(status, lowest_, bands_);
}

}  // namespace gradphoto::checks
