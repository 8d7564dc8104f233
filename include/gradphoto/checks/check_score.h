#pragma once

// The 0-100 quality score of a compliance check result (issue 3, after ISO/IEC 29794-5 / OFIQ:
// each measure keeps its native value and also gets a score). Higher is better; the score shows
// how close a photo is to a limit, not just pass/warn/fail.
//
// Each measure a check grades with grade(value, warnAt, failAt, lowerIsWorse) gets a sub-score
// from where its value sits. d = how far past the warn limit the value is, in units of the
// warn->fail span (d < 0 on the pass side, 0 at the warn limit, 1 at the fail limit; when warn ==
// fail the span is 20% of |fail|, or 1 when fail is 0; a measure that only warns, graded with a
// fail limit of at least score_no_fail_limit (1e6) in size, has no real span: it is 20% of
// |warn|, or 1 when warn is 0):
//   pass side  100 - (100 - P) * exp(d)     (P at the warn limit, towards 100 far from it)
//   warn band  P - (P - F) * d              (P at the warn limit down to F at the fail limit)
//   fail side  F * exp(-(d - 1))            (F at the fail limit, towards 0 far past it)
// with the band edges P = 60 (score_pass_floor) and F = 30 (score_fail_ceiling) from
// resources/checks.json. The branch is the measure's own status (what grade returns), so a
// sub-score always lies in its measure's band. A non-finite value gets no sub-score.
//
// The result's score (ComplianceAnalyzer::run) is the lowest sub-score of the check's measures,
// rounded and then kept inside the band of the result's final status (pass P-100, warn F-(P-1),
// fail 0-(F-1)): a check that decides by rules after grading (one that only ever warns, say)
// never shows a pass-like score on a warn. A check that graded nothing decided by rule, not by a
// measure: it gets the fixed score of its status (score_rule_pass 80, score_rule_warn 45,
// score_rule_fail 15). An `unknown` result has no score.

#include <optional>

#include "gradphoto/report/report.h"

namespace gradphoto::checks {

class CheckConfig;

// The band edges and the fixed scores of rule decisions (resources/checks.json, top level).
struct ScoreBands {
    double passFloor = 60;    // score_pass_floor: the lowest pass score, the score at a warn limit
    double failCeiling = 30;  // score_fail_ceiling: the score at a fail limit; fails are below it
    int rulePass = 80;        // score_rule_pass: a pass decided without a graded measure
    int ruleWarn = 45;        // score_rule_warn
    int ruleFail = 15;        // score_rule_fail
    // score_no_fail_limit: a fail limit this large (a check's "never fails", e.g. 1e9) is none
    double noFailLimit = 1e6;
    static ScoreBands from(const CheckConfig& config);
};

// The sub-score of one measure graded as grade() grades it; nullopt when value is not finite.
// span > 0 sets the warn-to-fail span the score measures in (a measure whose warn and fail levels
// coincide but whose scale is known, as mouth_closed's parted-lips-with-teeth rule).
std::optional<double> measureScore(double value, double warnAt, double failAt, bool lowerIsWorse,
                                   const ScoreBands& bands = {}, double span = 0);

// The score of a result of status whose measures scored lowest (nullopt: none was graded).
std::optional<int> resultScore(CheckStatus status, std::optional<double> lowest,
                               const ScoreBands& bands = {});

// Collects the sub-scores of the measures graded on this thread while it lives: ComplianceAnalyzer
// ::run opens one around each check's evaluate, and grade() reports every measure to the
// innermost open collector of the calling thread (a thread_local pointer, so checks evaluated on
// several threads at once each report to their own). grade() outside any collector only grades.
// Scopes nest: a collector restores the one it hid when it closes. Not copyable or movable.
class ScoreCollector {
  public:
    explicit ScoreCollector(const ScoreBands& bands);
    ~ScoreCollector();
    ScoreCollector(const ScoreCollector&) = delete;
    ScoreCollector& operator=(const ScoreCollector&) = delete;

    // Called by grade(): scores the measure into this thread's open collector, if any.
    static void measured(double value, double warnAt, double failAt, bool lowerIsWorse,
                         double span = 0);

    std::optional<double> lowest() const { return lowest_; }
    int measures() const { return measures_; }
    // The score of a result with this status from the measures collected so far.
    std::optional<int> score(CheckStatus status) const;

  private:
    ScoreBands bands_;
    std::optional<double> lowest_;
    int measures_ = 0;
    ScoreCollector* hidden_ = nullptr;  // the collector open before this one on this thread
};

}  // namespace gradphoto::checks
