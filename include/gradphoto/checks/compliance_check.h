#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gradphoto/checks/check_session.h"
#include "gradphoto/report/report.h"

namespace gradphoto::checks {

// The thresholds of one check, from resources/checks.json ("checks" → id → {...}). Every value
// there has a "rule" naming the seed §10 / CHSI spec item it enforces.
class CheckThresholds {
  public:
    CheckThresholds() = default;
    explicit CheckThresholds(nlohmann::json values) : values_(std::move(values)) {}
    // The number under key; throws Error(kInput) when the data file lacks it (a broken install).
    double number(const std::string& key) const;
    double number(const std::string& key, double fallback) const;
    std::string rule() const { return values_.value("rule", std::string{}); }

  private:
    nlohmann::json values_ = nlohmann::json::object();
};

// Every check's thresholds, loaded once from resourcesDir()/checks.json (or a given file).
class CheckConfig {
  public:
    static const CheckConfig& shipped();  // resourcesDir()/checks.json, loaded once
    static CheckConfig load(const std::filesystem::path& file);
    CheckThresholds thresholds(const std::string& id) const;
    double number(const std::string& key, double fallback) const;  // top-level settings
    std::vector<std::string> liveIds() const;
    // The checks that read fine detail of the face (teeth, glints, studs): below
    // min_detail_face_px of face width in the capture they are `unknown`, not judged.
    std::vector<std::string> detailIds() const;

  private:
    nlohmann::json json_;
};

// One compliance measure: reads the session, returns its native value, status and messages.
// A measure that cannot decide returns CheckStatus::kUnknown with the reason; it never throws.
class ComplianceCheck {
  public:
    virtual ~ComplianceCheck() = default;
    virtual std::string id() const = 0;
    // The photo rule enforced (seed §10 / CHSI spec), for reports and docs.
    virtual std::string rule() const = 0;
    // False for a check that judges a capture without a face too (face_count, exposure). The
    // others are not evaluated without one: their result is `unknown`, "no face found".
    virtual bool needsFace() const { return true; }
    // True when the check reads the person's matte: an analysis asked for it makes one. Live
    // frames never have one; a check of the live subset then judges without it (face_size).
    virtual bool needsMatte() const { return false; }
    virtual CheckResult evaluate(const CheckSession& session,
                                 const CheckThresholds& limits) const = 0;
};

// The factory of checks by id. The built-in checks are registered on first use.
class CheckRegistry {
  public:
    using Factory = std::function<std::unique_ptr<ComplianceCheck>()>;
    static CheckRegistry& builtin();
    void add(const std::string& id, Factory factory);
    std::unique_ptr<ComplianceCheck> create(const std::string& id) const;  // null when unknown
    std::vector<std::string> ids() const;                                  // contract order

  private:
    std::vector<std::pair<std::string, Factory>> factories_;
};

// Result builders shared by the checks.
CheckResult makeResult(const std::string& id, CheckStatus status, nlohmann::json value,
                       nlohmann::json limit, std::string zh, std::string en);
CheckResult unknownResult(const std::string& id, const std::string& zhReason,
                          const std::string& enReason);
// pass / warn / fail for a value that is bad when large (or when small with lowerIsWorse); unknown
// when value is not finite. Also reports the measure's 0-100 sub-score to the calling thread's open
// ScoreCollector, if any (gradphoto/checks/check_score.h); scoreSpan > 0: the span it scores in.
CheckStatus grade(double value, double warnAt, double failAt, bool lowerIsWorse = false,
                  double scoreSpan = 0);
// grade() without the sub-score: for a measure another measure may overrule (eyes_open's landmark
// eye aspect ratio against a visible iris); the check grades it with grade() where it counts, so
// an overruled measure does not pull the result's score.
CheckStatus classify(double value, double warnAt, double failAt, bool lowerIsWorse = false);
double rounded(double v, int decimals = 2);

}  // namespace gradphoto::checks
