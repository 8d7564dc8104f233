// Light and expression rules on real portraits: face_lighting's histogram asymmetry (a shadow over
// part of one face half), student messages that leave the lights to staff, red_eye and
// mouth_closed saying "cannot judge" instead of passing silently, mouth_closed on the labelled
// corpus, and the eye search band read from resources/checks.json.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "check_runner.h"
#include "checks/eye_openness.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/checks/compliance_check.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

using Portrait = VariantBase;

// A hard shadow over the lower part of the darker face half (as half_dark picks it): below the
// nose tip and beside the nose, darkened to 40% (a shadow cast by a side light under the
// cheekbone).
cv::Mat lowerCheekShadow(const Portrait& p) {
    const auto& q = p.face.points;
    auto polygon = [&](bool left) {
        std::vector<cv::Point> poly;
        for (int k = 1; k <= 8; ++k) {
            const int i = left ? k : 16 - k;
            poly.emplace_back(cvRound(q[i].x), cvRound(q[i].y));
        }
        for (const int i : {57, left ? 48 : 54, left ? 31 : 35})
            poly.emplace_back(cvRound(q[i].x), cvRound(q[i].y));
        poly.emplace_back(cvRound(q[left ? 1 : 15].x), cvRound(q[30].y));
        return poly;
    };
    cv::Mat grey;
    cv::cvtColor(p.base, grey, cv::COLOR_BGR2GRAY);
    double mean[2];
    for (const bool left : {true, false}) {
        cv::Mat m = cv::Mat::zeros(p.base.size(), CV_8U);
        cv::fillPoly(m, std::vector<std::vector<cv::Point>>{polygon(left)}, 255);
        mean[left ? 0 : 1] = cv::mean(grey, m)[0];
    }
    cv::Mat mask = cv::Mat::zeros(p.base.size(), CV_32F);
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{polygon(mean[0] <= mean[1])}, 1.0);
    cv::GaussianBlur(mask, mask, cv::Size(), p.face.faceWidth / 60.0);
    cv::Mat f32, gain, out;
    p.base.convertTo(f32, CV_32FC3);
    cv::merge(std::vector<cv::Mat>(3, 1.0 - 0.6 * mask), gain);
    cv::multiply(f32, gain, f32);
    f32.convertTo(out, CV_8UC3);
    return out;
}

// A shadow over the lower part of one half is flagged and raises the histogram asymmetry by more
// than 10 L*; the clean portrait passes with both measures reported.
TEST(FaceLightingHistogram, ShadowOverPartOfOneHalfIsFlagged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const std::string name : {"congress_K000400.jpg", "congress_M001163.jpg"}) {
        const Portrait p = variantBase(data / "portraits" / name);
        ASSERT_FALSE(p.base.empty());
        const CheckResult clean = runOne(p.base, "face_lighting");
        EXPECT_EQ(clean.status, CheckStatus::kPass) << name << ": " << clean.message_en;
        ASSERT_TRUE(clean.value.contains("histogram") && clean.value["histogram"].is_number())
            << clean.value.dump();
        const CheckResult shadow = runOne(lowerCheekShadow(p), "face_lighting");
        EXPECT_NE(shadow.status, CheckStatus::kPass) << name << ": " << shadow.message_en;
        const double histRise =
            shadow.value["histogram"].get<double>() - clean.value["histogram"].get<double>();
        EXPECT_GT(histRise, 10.0) << name << ": " << shadow.message_en;
    }
}

// The half-lit face still fails, and the mirrored photo measures the same asymmetry.
TEST(FaceLightingHistogram, HalfLitFaceFailsMirrorGivesTheSameAsymmetry) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_C001131.jpg");
    ASSERT_FALSE(p.base.empty());
    const cv::Mat dark = variantImage(p, "half_dark");
    cv::Mat mirrored;
    cv::flip(dark, mirrored, 1);
    const CheckResult a = runOne(dark, "face_lighting");
    const CheckResult b = runOne(mirrored, "face_lighting");
    EXPECT_EQ(a.status, CheckStatus::kFail) << a.message_en;
    EXPECT_EQ(b.status, CheckStatus::kFail) << b.message_en;
    EXPECT_NEAR(a.value["histogram"].get<double>(), b.value["histogram"].get<double>(), 3.0);
}

// A student cannot move the booth's lights: the Chinese message says what the student can do and
// leaves the lights to staff; the English one keeps the measurement.
TEST(LightMessages, StudentIsNotAskedToAdjustTheLights) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_K000400.jpg");
    ASSERT_FALSE(p.base.empty());
    const CheckResult lighting = runOne(variantImage(p, "half_dark"), "face_lighting");
    const CheckResult under = runOne(variantImage(p, "under"), "exposure");
    const CheckResult over = runOne(variantImage(p, "over"), "exposure");
    for (const CheckResult& r : {lighting, under, over}) {
        ASSERT_NE(r.status, CheckStatus::kPass) << r.id << ": " << r.message_en;
        EXPECT_NE(r.message_zh.find("请工作人员调整灯光"), std::string::npos) << r.message_zh;
        for (const char* studentAsked : {"请调整灯光", "请增加灯光", "请减弱灯光"})
            EXPECT_EQ(r.message_zh.find(studentAsked), std::string::npos) << r.message_zh;
        EXPECT_NE(r.message_en.find("staff check the lights"), std::string::npos) << r.message_en;
    }
    EXPECT_NE(lighting.message_en.find("stops"), std::string::npos) << lighting.message_en;
    EXPECT_NE(under.message_en.find("face mean"), std::string::npos) << under.message_en;
}

// Landmarks of closed eyes (the lids on the corners' line) leave no pupil inside either eye:
// red_eye cannot judge and says so, it does not pass.
TEST(RedEyeUnknown, ClosedEyeLandmarksAreUnknownWithTheReason) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_V000135.jpg");
    ASSERT_FALSE(p.base.empty());
    const Preset preset = Preset::load("chsi-blue");
    const auto redEye = checks::CheckRegistry::builtin().create("red_eye");
    ASSERT_TRUE(redEye);
    const auto limits = checks::CheckConfig::shipped().thresholds("red_eye");
    auto judge = [&](const FaceLandmarks& face) {
        checks::CheckSession::Inputs in;
        in.image = &p.base;
        in.preset = &preset;
        in.faces = {face};
        in.withMatte = false;
        const checks::CheckSession session(in);
        return redEye->evaluate(session, limits);
    };
    EXPECT_EQ(judge(p.face).status, CheckStatus::kPass);
    FaceLandmarks closed = p.face;
    for (int o : {36, 42}) {
        const cv::Point2f a = closed.points[o], b = closed.points[o + 3];
        closed.points[o + 1] = closed.points[o + 5] = a + (b - a) * (1.0f / 3);
        closed.points[o + 2] = closed.points[o + 4] = a + (b - a) * (2.0f / 3);
    }
    const CheckResult r = judge(closed);
    EXPECT_EQ(r.status, CheckStatus::kUnknown) << r.message_en;
    EXPECT_NE(r.message_en.find("cannot assess"), std::string::npos) << r.message_en;
    EXPECT_NE(r.message_zh.find("工作人员"), std::string::npos) << r.message_zh;
}

struct MouthLabel {
    std::string image;
    std::string expect;
    bool teeth = false;  // the labeller's notes mention teeth
};

// The labelled corpus portraits with a mouth_closed label.
std::vector<MouthLabel> mouthLabels() {
    std::ifstream in(std::filesystem::path(GRADPHOTO_TEST_FILES) / "check_labels.json");
    const nlohmann::json labels = nlohmann::json::parse(in, nullptr, true, true);
    std::vector<MouthLabel> out;
    for (const auto& [image, entry] : labels.at("images").items()) {
        const auto& expect = entry.at("expect");
        if (!expect.contains("mouth_closed")) continue;
        const std::string notes = entry.value("notes", std::string{});
        out.push_back({image, expect.at("mouth_closed").get<std::string>(),
                       notes.find("teeth") != std::string::npos &&
                           notes.find("no teeth") == std::string::npos});
    }
    return out;
}

// Smiles with teeth are flagged (open lips with teeth fail); closed lips pass (the labelled pass
// portraits include cc0_codait_Luciano). The report's agreement, per image, for this check.
TEST(MouthClosedOnPortraits, LabelledSmilesAreFlaggedClosedLipsPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const std::vector<MouthLabel> labels = mouthLabels();
    ASSERT_GE(labels.size(), 10u);
    int smilesWithTeeth = 0, closed = 0;
    bool luciano = false;
    for (const MouthLabel& l : labels) {
        const CheckResult r = runOne(loadImage(data / l.image), "mouth_closed");
        ASSERT_FALSE(r.message_en.empty()) << l.image;
        if (l.expect == "pass") {
            ++closed;
            luciano = luciano || l.image == "portraits/cc0_codait_Luciano.png";
            if (l.image == "portraits/cc0_codait_Luciano.png" ||
                l.image == "portraits/congress_V000135.jpg") {
                EXPECT_EQ(r.status, CheckStatus::kPass) << l.image << ": " << r.message_en;
            }
            EXPECT_NE(r.status, CheckStatus::kFail) << l.image << ": " << r.message_en;
        } else if (l.teeth) {
            ++smilesWithTeeth;
            EXPECT_NE(r.status, CheckStatus::kPass) << l.image << ": " << r.message_en;
            ASSERT_TRUE(r.value.contains("teeth")) << r.value.dump();
        }
    }
    EXPECT_TRUE(luciano);
    EXPECT_GE(smilesWithTeeth, 5);
    EXPECT_GE(closed, 2);
}

// A greyscale capture cannot show teeth: closed landmark lips are "cannot judge" with the reason,
// never a pass; a wide-open smile still fails on its lip gap.
TEST(MouthClosedOnPortraits, GreyscaleIsUnknownForTheTeethNotAPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    auto grey = [](const cv::Mat& bgr) {
        cv::Mat g, out;
        cv::cvtColor(bgr, g, cv::COLOR_BGR2GRAY);
        cv::cvtColor(g, out, cv::COLOR_GRAY2BGR);
        return out;
    };
    const cv::Mat closedLips = loadImage(data / "portraits" / "cc0_codait_Luciano.png");
    ASSERT_EQ(runOne(closedLips, "mouth_closed").status, CheckStatus::kPass);
    const CheckResult r = runOne(grey(closedLips), "mouth_closed");
    EXPECT_EQ(r.status, CheckStatus::kUnknown) << r.message_en;
    EXPECT_NE(r.message_en.find("greyscale"), std::string::npos) << r.message_en;
    EXPECT_NE(r.message_zh.find("工作人员"), std::string::npos) << r.message_zh;
    const CheckResult smile =
        runOne(grey(loadImage(data / "portraits" / "congress_B001281.jpg")), "mouth_closed");
    EXPECT_NE(smile.status, CheckStatus::kPass) << smile.message_en;
    EXPECT_NE(smile.status, CheckStatus::kUnknown) << smile.message_en;
}

// The retouching pass says what pixels cannot judge (makeup, coloured lenses): staff confirm.
TEST(RetouchingMessage, PassAsksStaffToConfirmMakeupByEye) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const CheckResult r =
        runOne(loadImage(data / "portraits" / "congress_C001131.jpg"), "retouching");
    ASSERT_EQ(r.status, CheckStatus::kPass) << r.message_en;
    EXPECT_NE(r.message_zh.find("目视确认"), std::string::npos) << r.message_zh;
    EXPECT_NE(r.message_en.find("staff confirm by eye"), std::string::npos) << r.message_en;
}

// The eye search band comes from resources/checks.json (eyes_open.search_band): a band searched
// only 0.05 eye widths either side of the corners' line cannot measure an open iris.
TEST(EyeSearchBand, NarrowSearchBandCapsTheMeasuredIris) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const Portrait p = variantBase(data / "portraits" / "congress_M001163.jpg");
    ASSERT_FALSE(p.base.empty());
    const Preset preset = Preset::load("chsi-blue");
    checks::CheckSession::Inputs in;
    in.image = &p.base;
    in.preset = &preset;
    in.faces = {p.face};
    in.withMatte = false;
    const checks::CheckSession session(in);
    const auto t = checks::CheckConfig::shipped().thresholds("eyes_open");
    checks::EyeOpennessLimits shipped{t.number("dark_fraction"), t.number("min_contrast"),
                                      t.number("search_band"), t.number("skin_from")};
    checks::EyeOpennessLimits narrow = shipped;
    narrow.searchBand = 0.05;
    const auto wide = checks::measureEyeOpenness(session, shipped);
    const auto small = checks::measureEyeOpenness(session, narrow);
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(wide[i].visible);
        EXPECT_GT(wide[i].band, t.number("warn_iris"));
        EXPECT_LE(small[i].band, 2 * narrow.searchBand + 0.03);
    }
}

}  // namespace
}  // namespace gradphoto::test
