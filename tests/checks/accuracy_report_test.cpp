// The accuracy run behind scripts/check-accuracy: every labelled corpus image and every generated
// variant through the analyzer, results as JSON. Runs only when GRADPHOTO_CHECK_REPORT names the
// output file (it takes minutes); GRADPHOTO_CHECK_VARIANTS_DIR also writes the variants as PNG
// with truth.json (the deterministic generator).

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

nlohmann::json resultJson(const CheckResult& r) {
    return {{"status", toString(r.status)}, {"value", r.value}, {"message_en", r.message_en}};
}

TEST(CheckAccuracy, WriteReport) {
    const char* outPath = std::getenv("GRADPHOTO_CHECK_REPORT");
    if (!outPath || !*outPath) GTEST_SKIP() << "set GRADPHOTO_CHECK_REPORT=FILE.json to run";
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const char* variantsDir = std::getenv("GRADPHOTO_CHECK_VARIANTS_DIR");
    // GRADPHOTO_CHECK_ONLY_VARIANTS=a,b: only these variants (trial runs while tuning one check).
    std::vector<std::string> onlyVariants;
    if (const char* only = std::getenv("GRADPHOTO_CHECK_ONLY_VARIANTS")) {
        std::stringstream list(only);
        for (std::string name; std::getline(list, name, ',');)
            if (!name.empty()) onlyVariants.push_back(name);
    }
    std::ifstream in(std::filesystem::path(GRADPHOTO_TEST_FILES) / "check_labels.json");
    const auto labels = nlohmann::json::parse(in);
    const checks::ComplianceAnalyzer analyzer;
    auto faces = FaceLocator::shared();
    nlohmann::json out = {{"labels", nlohmann::json::array()},
                          {"variants", nlohmann::json::array()}};
    nlohmann::json truth = nlohmann::json::array();
    double totalMs = 0;
    int analyses = 0;
    for (const auto& [rel, entry] : labels["images"].items()) {
        const cv::Mat image = loadImage(data / rel);
        const auto t0 = std::chrono::steady_clock::now();
        const auto found = faces->locate(image);
        checks::AnalysisOptions options;
        options.faces = found;
        const auto results = analyzer.analyze(image, options);
        totalMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                       .count();
        ++analyses;
        nlohmann::json row = {{"image", rel}, {"checks", nlohmann::json::object()}};
        for (const auto& r : results) {
            row["checks"][r.id] = resultJson(r);
            if (entry["expect"].contains(r.id))
                row["checks"][r.id]["expect"] = entry["expect"][r.id];
        }
        out["labels"].push_back(row);
        // Variants only from the ordinary portraits with one face.
        if (rel.find("hard/") != std::string::npos || found.size() != 1) continue;
        FaceLandmarks face;
        const cv::Mat base = normalisedBase(image, found.front(), face);
        std::map<std::string, CheckStatus> baseStatus;
        for (const auto& v : makeVariants(base, face, onlyVariants)) {
            if (!baseStatus.count(v.check)) {
                checks::AnalysisOptions o;
                o.only = {v.check};
                baseStatus[v.check] = analyzer.analyze(base, o).front().status;
            }
            checks::AnalysisOptions o;
            o.only = {v.check};
            const auto r = analyzer.analyze(v.image, o).front();
            nlohmann::json row2 = resultJson(r);
            row2["base"] = rel;
            row2["variant"] = v.name;
            row2["check"] = v.check;
            row2["expect"] = v.expect;
            row2["base_status"] = toString(baseStatus[v.check]);
            out["variants"].push_back(row2);
            if (variantsDir && *variantsDir) {
                const std::string file =
                    std::filesystem::path(rel).stem().string() + "__" + v.name + ".png";
                std::filesystem::create_directories(variantsDir);
                cv::imwrite((std::filesystem::path(variantsDir) / file).string(), v.image);
                truth.push_back(
                    {{"file", file}, {"base", rel}, {"check", v.check}, {"expect", v.expect}});
            }
        }
    }
    out["mean_full_analysis_ms"] = totalMs / std::max(1, analyses);
    std::ofstream(outPath) << out.dump(1) << '\n';
    if (variantsDir && *variantsDir)
        std::ofstream(std::filesystem::path(variantsDir) / "truth.json") << truth.dump(1) << '\n';
}

}  // namespace
}  // namespace gradphoto::test
