// The 0-100 score of every compliance check result (gradphoto/checks/check_score.h): the mapping of
// one graded measure, the collector grade() reports to, the score on real analyses (bands, the
// live preview, a refused standardization), the JSON and the CLI, and analyses on two threads.

#include "gradphoto/checks/check_score.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <latch>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "check_runner.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/common/resources.h"
#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/imaging/standardizer.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

using checks::grade;
using checks::measureScore;
using checks::resultScore;
using checks::ScoreBands;
using checks::ScoreCollector;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

const ScoreBands& shippedBands() {
    static const ScoreBands bands = ScoreBands::from(checks::CheckConfig::shipped());
    return bands;
}

// The band of a status with the shipped edges: pass 60-100, warn 30-59, fail 0-29.
void expectInBand(const CheckResult& r, const std::string& where) {
    const ScoreBands& b = shippedBands();
    if (r.status == CheckStatus::kUnknown) {
        EXPECT_FALSE(r.score) << where << " " << r.id << ": unknown has no score";
        return;
    }
    ASSERT_TRUE(r.score) << where << " " << r.id << " " << toString(r.status) << ": no score";
    const int s = *r.score;
    switch (r.status) {
        case CheckStatus::kPass:
            EXPECT_GE(s, b.passFloor) << where << " " << r.id;
            EXPECT_LE(s, 100) << where << " " << r.id;
            break;
        case CheckStatus::kWarn:
            EXPECT_GE(s, b.failCeiling) << where << " " << r.id;
            EXPECT_LT(s, b.passFloor) << where << " " << r.id;
            break;
        case CheckStatus::kFail:
            EXPECT_GE(s, 0) << where << " " << r.id;
            EXPECT_LT(s, b.failCeiling) << where << " " << r.id;
            break;
        case CheckStatus::kUnknown:
            break;
    }
}

const CheckResult& byId(const std::vector<CheckResult>& results, const std::string& id) {
    for (const auto& r : results)
        if (r.id == id) return r;
    static const CheckResult none;
    ADD_FAILURE() << "no result for " << id;
    return none;
}

TEST(CheckScoreBands, ShippedConfigHoldsTheEdgesAndTheRuleScores) {
    const ScoreBands& b = shippedBands();
    EXPECT_EQ(b.passFloor, 60);
    EXPECT_EQ(b.failCeiling, 30);
    EXPECT_EQ(b.rulePass, 80);
    EXPECT_EQ(b.ruleWarn, 45);
    EXPECT_EQ(b.ruleFail, 15);
    // A configuration without the keys falls back to the same numbers.
    const ScoreBands defaults;
    EXPECT_EQ(defaults.passFloor, b.passFloor);
    EXPECT_EQ(defaults.failCeiling, b.failCeiling);
}

// Bad when large (head_roll style: warn 3, fail 6, span 3).
TEST(CheckScoreMapping, HigherIsWorseAroundTheLimits) {
    EXPECT_DOUBLE_EQ(*measureScore(3.0, 3.0, 6.0, false), 60.0);  // at warn: still pass, 60
    EXPECT_NEAR(*measureScore(3.0001, 3.0, 6.0, false), 60.0, 0.01);
    EXPECT_LT(*measureScore(3.0001, 3.0, 6.0, false), 60.0);  // just past: warn band
    EXPECT_NEAR(*measureScore(2.9999, 3.0, 6.0, false), 60.0, 0.01);
    EXPECT_GT(*measureScore(2.9999, 3.0, 6.0, false), 60.0);
    EXPECT_DOUBLE_EQ(*measureScore(4.5, 3.0, 6.0, false), 45.0);  // mid warn band
    EXPECT_DOUBLE_EQ(*measureScore(6.0, 3.0, 6.0, false), 30.0);  // at fail: still warn, 30
    EXPECT_LT(*measureScore(6.0001, 3.0, 6.0, false), 30.0);
    EXPECT_NEAR(*measureScore(7.5, 3.0, 6.0, false), 30.0 * std::exp(-0.5), 1e-9);
    EXPECT_NEAR(*measureScore(0.0, 3.0, 6.0, false), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
    EXPECT_GT(*measureScore(-30.0, 3.0, 6.0, false), 99.9);
    EXPECT_LT(*measureScore(60.0, 3.0, 6.0, false), 0.01);
}

// Bad when small (eyes_open style: warn 0.5, fail 0.3, span 0.2).
TEST(CheckScoreMapping, LowerIsWorseAroundTheLimits) {
    EXPECT_DOUBLE_EQ(*measureScore(0.5, 0.5, 0.3, true), 60.0);
    EXPECT_LT(*measureScore(0.4999, 0.5, 0.3, true), 60.0);
    EXPECT_GT(*measureScore(0.5001, 0.5, 0.3, true), 60.0);
    EXPECT_NEAR(*measureScore(0.4, 0.5, 0.3, true), 45.0, 1e-9);
    EXPECT_NEAR(*measureScore(0.3, 0.5, 0.3, true), 30.0, 1e-9);
    EXPECT_LT(*measureScore(0.2999, 0.5, 0.3, true), 30.0);
    EXPECT_NEAR(*measureScore(0.2, 0.5, 0.3, true), 30.0 * std::exp(-0.5), 1e-9);
    EXPECT_NEAR(*measureScore(0.7, 0.5, 0.3, true), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
}

// warn == fail: no warn band; the span is 20% of |fail| (1 when fail is 0).
TEST(CheckScoreMapping, WarnEqualToFail) {
    EXPECT_DOUBLE_EQ(*measureScore(5.0, 5.0, 5.0, false), 60.0);  // at the limit: pass
    // span 1: half a span past is a fail at 30 e^-0.5, a span inside a pass at 100 - 40 e^-1.
    EXPECT_NEAR(*measureScore(5.5, 5.0, 5.0, false), 30.0 * std::exp(-0.5), 1e-9);
    EXPECT_NEAR(*measureScore(4.0, 5.0, 5.0, false), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
    EXPECT_LT(*measureScore(5.0001, 5.0, 5.0, false), 30.0);  // straight from pass to fail
    // Bad when small, limit -10: span 2.
    EXPECT_NEAR(*measureScore(-12.0, -10.0, -10.0, true), 30.0 * std::exp(-1.0), 1e-9);
    // Both zero: span 1.
    EXPECT_NEAR(*measureScore(1.0, 0.0, 0.0, false), 30.0 * std::exp(-1.0), 1e-9);
    EXPECT_NEAR(*measureScore(-1.0, 0.0, 0.0, true), 30.0 * std::exp(-1.0), 1e-9);
    EXPECT_NEAR(*measureScore(-1.0, 0.0, 0.0, false), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
}

// A measure that only warns (fail limit 1e9, as headwear grades) takes its span from the warn
// limit (20% of |warn|): a pass is not stuck at the warn edge's 60, a warn reaches down to 30.
TEST(CheckScoreMapping, WarnOnlyMeasureSpansFromTheWarnLimit) {
    EXPECT_NEAR(*measureScore(1.44, 1.8, 1e9, false), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
    EXPECT_DOUBLE_EQ(*measureScore(1.8, 1.8, 1e9, false), 60.0);
    EXPECT_NEAR(*measureScore(1.98, 1.8, 1e9, false), 45.0, 1e-9);
    EXPECT_DOUBLE_EQ(*measureScore(5.0, 1.8, 1e9, false), 30.0);  // a warn, never a fail score
    EXPECT_EQ(grade(5.0, 1.8, 1e9), CheckStatus::kWarn);
    EXPECT_NEAR(*measureScore(-1.0, 0.0, 1e9, false), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
    // Bad when small with a "never fails" limit of -1e9.
    EXPECT_NEAR(*measureScore(1.2, 1.0, -1e9, true), 100.0 - 40.0 * std::exp(-1.0), 1e-9);
    // The shipped config names the size from which a fail limit is none.
    EXPECT_EQ(shippedBands().noFailLimit, 1e6);
}

// A measure whose warn and fail levels coincide but whose scale is known (mouth_closed: lips parted
// with teeth, in warn levels) scores over the span it is given, not 20% of its fail level.
TEST(CheckScoreMapping, AGivenSpanSetsTheScale) {
    EXPECT_NEAR(*measureScore(1.5, 1.0, 1.0, false, {}, 1.0), 30.0 * std::exp(-0.5), 1e-9);
    EXPECT_NEAR(*measureScore(1.5, 1.0, 1.0, false, {}), 30.0 * std::exp(-2.5), 1e-9);
    EXPECT_NEAR(*measureScore(0.5, 1.0, 1.0, false, {}, 1.0), 100.0 - 40.0 * std::exp(-0.5), 1e-9);
    const double span =
        checks::CheckConfig::shipped().thresholds("mouth_closed").number("both_score_span");
    EXPECT_GT(span, 0.0);
    ScoreCollector collector(shippedBands());
    EXPECT_EQ(grade(1.5, 1.0, 1.0, false, span), CheckStatus::kFail);
    ASSERT_TRUE(collector.lowest());
    EXPECT_NEAR(*collector.lowest(), 30.0 * std::exp(-0.5 / span), 1e-9);
}

TEST(CheckScoreMapping, NonFiniteHasNoScore) {
    EXPECT_FALSE(measureScore(kNaN, 3.0, 6.0, false));
    EXPECT_FALSE(measureScore(kInf, 3.0, 6.0, false));
    EXPECT_FALSE(measureScore(-kInf, 3.0, 6.0, true));
    EXPECT_FALSE(measureScore(1.0, kNaN, 6.0, false));
    ScoreCollector scores(ScoreBands{});
    EXPECT_EQ(grade(kNaN, 3.0, 6.0), CheckStatus::kUnknown);
    EXPECT_EQ(grade(kInf, 3.0, 6.0), CheckStatus::kUnknown);
    EXPECT_EQ(scores.measures(), 0);
    EXPECT_FALSE(scores.lowest());
}

// Sweeping a value from good to bad: the sub-score never rises and always lies in the band of the
// status grade() gives the same value.
TEST(CheckScoreMapping, FollowsGradeAndNeverRisesAsTheValueWorsens) {
    for (const bool lowerIsWorse : {false, true}) {
        const double warn = lowerIsWorse ? 0.5 : 2.0, fail = lowerIsWorse ? 0.2 : 5.0;
        double previous = 101;
        for (int i = 0; i <= 400; ++i) {
            const double t = -5.0 + 0.05 * i;  // 0 at warn, 1 at fail
            const double v = warn + t * (fail - warn);
            const double s = *measureScore(v, warn, fail, lowerIsWorse);
            EXPECT_LE(s, previous + 1e-9) << v;
            previous = s;
            switch (grade(v, warn, fail, lowerIsWorse)) {
                case CheckStatus::kPass:
                    EXPECT_GE(s, 60.0) << v;
                    break;
                case CheckStatus::kWarn:
                    EXPECT_LT(s, 60.0) << v;
                    EXPECT_GE(s, 30.0) << v;
                    break;
                default:
                    EXPECT_LT(s, 30.0) << v;
            }
        }
    }
}

TEST(CheckScoreResult, KeptInTheBandOfTheFinalStatus) {
    // A check that graded a passing measure but warns by a rule shows a warn score.
    EXPECT_EQ(resultScore(CheckStatus::kWarn, 92.0), 59);
    EXPECT_EQ(resultScore(CheckStatus::kWarn, 10.0), 30);
    EXPECT_EQ(resultScore(CheckStatus::kWarn, 44.4), 44);
    EXPECT_EQ(resultScore(CheckStatus::kPass, 59.7), 60);
    EXPECT_EQ(resultScore(CheckStatus::kPass, 87.6), 88);
    EXPECT_EQ(resultScore(CheckStatus::kFail, 45.0), 29);
    EXPECT_EQ(resultScore(CheckStatus::kFail, 0.2), 0);
    // Just past the warn limit rounds to 60 but is a warn: 59.
    EXPECT_EQ(resultScore(CheckStatus::kWarn, *measureScore(3.0001, 3.0, 6.0, false)), 59);
    // Nothing graded: the rule decision's fixed score.
    EXPECT_EQ(resultScore(CheckStatus::kPass, std::nullopt), 80);
    EXPECT_EQ(resultScore(CheckStatus::kWarn, std::nullopt), 45);
    EXPECT_EQ(resultScore(CheckStatus::kFail, std::nullopt), 15);
    EXPECT_FALSE(resultScore(CheckStatus::kUnknown, 70.0));
    EXPECT_FALSE(resultScore(CheckStatus::kUnknown, std::nullopt));
}

TEST(CheckScoreCollector, GradeReportsToTheInnermostOpenCollector) {
    // Outside any collector grade() only grades.
    EXPECT_EQ(grade(7.0, 3.0, 6.0), CheckStatus::kFail);
    ScoreCollector outer(ScoreBands{});
    EXPECT_EQ(grade(1.0, 3.0, 6.0), CheckStatus::kPass);
    {
        ScoreCollector inner(ScoreBands{});
        EXPECT_EQ(grade(4.5, 3.0, 6.0), CheckStatus::kWarn);
        EXPECT_EQ(grade(0.0, 3.0, 6.0), CheckStatus::kPass);
        EXPECT_EQ(inner.measures(), 2);
        EXPECT_DOUBLE_EQ(*inner.lowest(), 45.0);  // the lowest of the two
        EXPECT_EQ(inner.score(CheckStatus::kWarn), 45);
    }
    EXPECT_EQ(grade(0.45, 0.5, 0.3, true), CheckStatus::kWarn);
    EXPECT_EQ(outer.measures(), 2);  // the inner collector's measures stayed there
    EXPECT_NEAR(*outer.lowest(), 52.5, 1e-9);
    EXPECT_EQ(outer.score(CheckStatus::kPass), 60);  // a pass by rule: in the pass band
}

// Each thread reports to its own collector, even while both are open at once.
TEST(CheckScoreCollector, OneCollectorPerThread) {
    std::latch bothOpen(2), bothGraded(2);
    std::optional<double> lowestA, lowestB;
    std::thread a([&] {
        ScoreCollector c(ScoreBands{});
        bothOpen.arrive_and_wait();
        for (int i = 0; i < 1000; ++i) grade(7.5, 3.0, 6.0);
        bothGraded.arrive_and_wait();
        lowestA = c.lowest();
    });
    std::thread b([&] {
        ScoreCollector c(ScoreBands{});
        bothOpen.arrive_and_wait();
        for (int i = 0; i < 1000; ++i) grade(0.0, 3.0, 6.0);
        bothGraded.arrive_and_wait();
        lowestB = c.lowest();
    });
    a.join();
    b.join();
    ASSERT_TRUE(lowestA && lowestB);
    EXPECT_NEAR(*lowestA, 30.0 * std::exp(-0.5), 1e-9);
    EXPECT_NEAR(*lowestB, 100.0 - 40.0 * std::exp(-1.0), 1e-9);
}

// Every result of a full analysis of corpus portraits lies in its status's band, unknown has none.
TEST(CheckScoreOnPortraits, EveryScoreLiesInItsStatusBand) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    auto files = corpusImages("portraits");
    for (const auto& hard : corpusImages("portraits/hard")) files.push_back(hard);
    ASSERT_FALSE(files.empty());
    int judged = 0, measured = 0;
    for (std::size_t i = 0; i < files.size(); i += 3) {
        const cv::Mat image = loadImage(files[i]);
        for (const auto& r : analyzer().analyze(image)) {
            expectInBand(r, files[i].filename().string());
            if (r.status != CheckStatus::kUnknown) ++judged;
            if (r.score && r.status == CheckStatus::kPass && *r.score != 80) ++measured;
        }
    }
    EXPECT_GT(judged, 0);
    EXPECT_GT(measured, 0) << "graded measures give scores other than the rule fallback";
}

struct Defect {
    const char* variant;
    const char* check;
};

class CheckScoreOnVariants : public ::testing::TestWithParam<std::string> {};

// A clearly defective variant scores lower on its check than its clean base, and every result of
// the variant lies in its band.
TEST_P(CheckScoreOnVariants, DefectScoresLowerThanTheCleanBase) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const VariantBase p = variantBase(data / "portraits" / GetParam());
    ASSERT_FALSE(p.base.empty());
    const auto clean = analyzer().analyze(p.base);
    for (const auto& r : clean) expectInBand(r, GetParam() + " base");
    for (const Defect d :
         {Defect{"blur", "sharpness"}, Defect{"half_dark", "face_lighting"},
          Defect{"under", "exposure"}, Defect{"roll+12", "head_roll"},
          Defect{"second_face", "face_count"}, Defect{"retouched", "retouching"}}) {
        SCOPED_TRACE(d.variant);
        const cv::Mat image = variantImage(p, d.variant);
        ASSERT_FALSE(image.empty());
        const auto defective = analyzer().analyze(image);
        for (const auto& r : defective) expectInBand(r, GetParam() + " " + d.variant);
        const CheckResult& before = byId(clean, d.check);
        const CheckResult& after = byId(defective, d.check);
        ASSERT_TRUE(before.score && after.score) << after.message_en;
        EXPECT_LT(*after.score, *before.score)
            << d.check << ": " << before.value.dump() << " -> " << after.value.dump();
        EXPECT_LT(*after.score, shippedBands().passFloor) << after.message_en;
    }
}

INSTANTIATE_TEST_SUITE_P(Portraits, CheckScoreOnVariants,
                         ::testing::Values("congress_C001131.jpg", "congress_L000582.jpg"));

// The checks whose verdict is a rule over measures (lips parted with teeth between them, the ears,
// the skin's texture) grade those measures: across the corpus their scores spread inside the band
// instead of sitting on its edge or on the fixed score of a rule decision.
TEST(CheckScoreOnPortraits, RuleVerdictsScoreTheirMeasures) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const auto files = corpusImages("portraits");
    ASSERT_GE(files.size(), 10u);
    std::map<std::string, std::set<int>> seen;  // "check status" -> the scores
    for (std::size_t i = 0; i < files.size(); i += 2)
        for (const auto& r : analyzer().analyze(loadImage(files[i])))
            if (r.score) seen[r.id + " " + toString(r.status)].insert(*r.score);
    for (const std::string key :
         {"retouching pass", "mouth_closed fail", "hair_covers_features warn", "face_count pass"}) {
        ASSERT_FALSE(seen[key].empty()) << key << ": not in this corpus";
        if (key != "face_count pass") {  // alone in every corpus photo: one value
            EXPECT_GE(seen[key].size(), 3u) << key;
        }
        for (const int rule :
             {shippedBands().rulePass, shippedBands().ruleWarn, shippedBands().ruleFail}) {
            EXPECT_FALSE(seen[key].size() == 1 && *seen[key].begin() == rule)
                << key << ": every result scores the rule's fixed " << rule;
        }
    }
}

// An iris seen in both eyes overrules a narrow landmark eye aspect ratio (eyes_open): the pass is
// scored by the iris, not held at the pass band's floor by the ratio it overruled.
TEST(CheckScoreOverrule, AnIrisOverrulingANarrowEyeScoresTheIris) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    nlohmann::json json;
    {
        std::ifstream in(resourcesDir() / "checks.json");
        json = nlohmann::json::parse(in);
    }
    json["checks"]["eyes_open"]["warn_ear"] = 0.6;  // every open eye's ratio now warns
    json["checks"]["eyes_open"]["fail_ear"] = 0.02;
    ScratchDir dir;
    std::ofstream(dir / "checks.json") << json.dump();
    const checks::CheckConfig narrowEyes = checks::CheckConfig::load(dir / "checks.json");
    const checks::ComplianceAnalyzer overruling(FaceLocator::shared(), narrowEyes);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    checks::AnalysisOptions eyesOnly;
    eyesOnly.only = {"eyes_open"};
    const auto shipped = analyzer().analyze(image, eyesOnly);
    const auto overruled = overruling.analyze(image, eyesOnly);
    ASSERT_EQ(shipped.size(), 1u);
    ASSERT_EQ(overruled.size(), 1u);
    ASSERT_EQ(shipped[0].status, CheckStatus::kPass) << shipped[0].message_en;
    ASSERT_EQ(overruled[0].status, CheckStatus::kPass) << overruled[0].message_en;
    ASSERT_TRUE(shipped[0].score && overruled[0].score);
    EXPECT_GT(*overruled[0].score, shippedBands().passFloor) << overruled[0].message_en;
    EXPECT_GE(*overruled[0].score, *shipped[0].score);
}

// The live preview goes through the same run(): its results are scored too.
TEST(CheckScoreLive, PreviewFramesAreScored) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat image = loadImage(data / "portraits" / "congress_L000582.jpg");
    checks::LivePreviewAnalyzer live;
    int judged = 0;
    for (int i = 0; i < 3; ++i) {
        for (const auto& r : live.analyzeFrame(image)) {
            expectInBand(r, "live frame " + std::to_string(i));
            if (r.status != CheckStatus::kUnknown) ++judged;
        }
    }
    EXPECT_GT(judged, 0);
}

// A refused standardization copies the analyzer's results into its report: the scores survive.
TEST(CheckScoreStandardizer, RefusedCaptureKeepsTheScores) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat one = loadImage(data / "portraits" / "congress_J000294.jpg");
    cv::Mat two;
    cv::hconcat(one, one, two);
    const Standardizer standardizer(Preset::load("chsi-blue"));
    const auto report = standardizer.run(two).report;
    EXPECT_FALSE(report.ok);
    ASSERT_FALSE(report.checks.empty());
    for (const auto& r : report.checks) expectInBand(r, "refused");
    const CheckResult& faces = byId(report.checks, "face_count");
    EXPECT_EQ(faces.status, CheckStatus::kFail);
    EXPECT_TRUE(faces.score);
    const auto json = report.toJson();
    for (const auto& c : json["checks"])
        EXPECT_EQ(c.contains("score"), c["status"] != "unknown") << c.dump();
}

TEST(CheckScoreJson, WrittenOnlyWhenSet) {
    Report report;
    CheckResult judged;
    judged.id = "sharpness";
    judged.status = CheckStatus::kWarn;
    judged.score = 41;
    CheckResult unknown;
    unknown.id = "red_eye";
    report.checks = {judged, unknown};
    const auto j = report.toJson();
    EXPECT_EQ(j["checks"][0]["score"], 41);
    EXPECT_FALSE(j["checks"][1].contains("score"));
    // The JSON text reads back to the same score (reports are stored and shown as JSON).
    const auto back = nlohmann::json::parse(j.dump());
    EXPECT_EQ(back["checks"][0]["score"].get<int>(), 41);
}

// `gradphoto check --json` prints a score on every judged check; the text output has it on each
// check's line.
TEST(CheckScoreCli, CheckPrintsAScoreOnEveryJudgedCheck) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const std::string file = (data / "portraits" / "congress_L000582.jpg").string();
    const auto r = runCli({"check", file, "--json"});
    ASSERT_LE(r.exitCode, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j["checks"].is_array());
    int judged = 0;
    for (const auto& c : j["checks"]) {
        if (c["status"] == "unknown") {
            EXPECT_FALSE(c.contains("score")) << c.dump();
            continue;
        }
        ++judged;
        ASSERT_TRUE(c.contains("score") && c["score"].is_number_integer()) << c.dump();
        const int s = c["score"].get<int>();
        if (c["status"] == "pass")
            EXPECT_TRUE(s >= 60 && s <= 100) << c.dump();
        else if (c["status"] == "warn")
            EXPECT_TRUE(s >= 30 && s < 60) << c.dump();
        else
            EXPECT_TRUE(s >= 0 && s < 30) << c.dump();
    }
    EXPECT_GT(judged, 10);

    const auto text = runCli({"check", file});
    ASSERT_LE(text.exitCode, 1) << text.err;
    std::istringstream lines(text.out);
    std::string line;
    int scoredLines = 0;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string id, status, score;
        words >> id >> status >> score;
        if (status == "pass" || status == "warn" || status == "fail") {
            EXPECT_TRUE(!score.empty() && std::isdigit(static_cast<unsigned char>(score[0])))
                << line;
            ++scoredLines;
        } else if (status == "unknown") {
            EXPECT_EQ(score, "-") << line;
        }
    }
    EXPECT_EQ(scoredLines, judged);
}

// Two analyses on two threads at once give the scores they give one after the other.
TEST(CheckScoreThreads, ConcurrentAnalysesScoreAsSequentialOnes) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const VariantBase p = variantBase(data / "portraits" / "congress_C001131.jpg");
    ASSERT_FALSE(p.base.empty());
    const cv::Mat first = p.base, second = variantImage(p, "half_dark");
    ASSERT_FALSE(second.empty());
    auto scores = [](const std::vector<CheckResult>& results) {
        std::vector<std::pair<std::string, std::optional<int>>> s;
        for (const auto& r : results) s.emplace_back(r.id, r.score);
        return s;
    };
    const auto alone1 = scores(analyzer().analyze(first));
    const auto alone2 = scores(analyzer().analyze(second));
    ASSERT_NE(alone1, alone2) << "the two images must score differently to tell a mix-up";
    for (int round = 0; round < 2; ++round) {
        std::latch start(2);
        std::vector<CheckResult> r1, r2;
        std::thread t1([&] {
            start.arrive_and_wait();
            r1 = analyzer().analyze(first);
        });
        std::thread t2([&] {
            start.arrive_and_wait();
            r2 = analyzer().analyze(second);
        });
        t1.join();
        t2.join();
        EXPECT_EQ(scores(r1), alone1);
        EXPECT_EQ(scores(r2), alone2);
    }
}

}  // namespace
}  // namespace gradphoto::test
