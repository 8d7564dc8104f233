#pragma once

// One analyzer shared by the check tests (its model loads once) and a run of a single check.

#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <string>

#include "gradphoto/checks/compliance_analyzer.h"

namespace gradphoto::test {

inline const checks::ComplianceAnalyzer& analyzer() {
    static const checks::ComplianceAnalyzer shared;
    return shared;
}

// The result of check id alone on image (the other checks are not run).
inline CheckResult runOne(const cv::Mat& image, const std::string& id) {
    checks::AnalysisOptions options;
    options.only = {id};
    const auto results = analyzer().analyze(image, options);
    EXPECT_EQ(results.size(), 1u);
    return results.empty() ? CheckResult{} : results.front();
}

}  // namespace gradphoto::test
