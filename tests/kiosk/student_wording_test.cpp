// StudentWording: what a student reads about a check or a standardization problem. In Chinese the
// core's own message_zh; in English the kiosk's own plain wording from its translations, never the
// staff text (message_en), with the direction the check's value gives (chin up or down, too dark
// or too bright, too far or too near, blur or noise). Directions are taken from real checks run
// on generated frames where no portrait is needed.

#include "student_wording.h"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QTranslator>
#include <fstream>
#include <opencv2/core.hpp>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/common/resources.h"
#include "gradphoto/imaging/imaging_problem.h"

namespace gradphoto::kiosk {
namespace {

CheckResult result(const std::string& id, CheckStatus status, nlohmann::json value = nullptr,
                   nlohmann::json limit = nullptr) {
    return {id,
            status,
            std::move(value),
            std::move(limit),
            "检查信息 " + id,
            "staff text for " + id + " 12.3 degrees"};
}

bool hasChinese(const QString& s) {
    return s.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]")));
}

class StudentWordingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(english.load(":/i18n/gradphoto_kiosk_en.qm"));
        QCoreApplication::installTranslator(&english);
    }
    void TearDown() override { QCoreApplication::removeTranslator(&english); }
    static QString en(const CheckResult& c) { return StudentWording::check(c, "en"); }
    QTranslator english;
};

TEST_F(StudentWordingTest, EveryBuiltInCheckHasPlainEnglishForEachStatus) {
    const auto ids = checks::CheckRegistry::builtin().ids();
    ASSERT_GE(ids.size(), 20u);
    for (const std::string& id : ids) {
        EXPECT_TRUE(StudentWording::knowsCheck(id)) << id;
        for (CheckStatus status :
             {CheckStatus::kPass, CheckStatus::kWarn, CheckStatus::kFail, CheckStatus::kUnknown}) {
            const CheckResult c = result(id, status);
            const QString text = en(c);
            EXPECT_FALSE(text.isEmpty()) << id;
            EXPECT_FALSE(hasChinese(text)) << id << ": untranslated " << text.toStdString();
            EXPECT_FALSE(text.contains("staff text")) << id << ": the staff text";
            EXPECT_EQ(StudentWording::check(c, "zh").toStdString(), c.message_zh);
        }
    }
}

TEST_F(StudentWordingTest, EveryStandardizationProblemHasPlainEnglish) {
    std::ifstream in(resourcesDir() / "imaging_messages.json");
    const auto codes = nlohmann::json::parse(in, nullptr, false);
    ASSERT_TRUE(codes.is_object() && codes.size() >= 20u);
    for (const auto& [code, texts] : codes.items()) {
        const Problem p = imagingProblem(code);
        EXPECT_TRUE(StudentWording::knowsProblem(code)) << code;
        const QString text = StudentWording::problem(p, "en");
        EXPECT_FALSE(hasChinese(text)) << code << ": untranslated " << text.toStdString();
        EXPECT_NE(text.toStdString(), p.message_en) << code << ": the staff text";
        EXPECT_EQ(StudentWording::problem(p, "zh").toStdString(), p.message_zh);
    }
    const Problem unknown{"future_problem", "将来的问题", "a future problem"};
    EXPECT_EQ(StudentWording::problem(unknown, "en").toStdString(), "a future problem");
}

// The directions come from real checks: exposure of frames without a face (the check's frame
// rule), both ways; each text says one way only.
TEST_F(StudentWordingTest, ExposureOfARealCheckSaysWhichWay) {
    const checks::ComplianceAnalyzer analyzer;
    checks::AnalysisOptions only;
    only.only = {"exposure"};
    cv::Mat blown(720, 1280, CV_8UC3, cv::Scalar(30, 30, 30));
    blown(cv::Rect(0, 0, 512, 720)).setTo(cv::Scalar(255, 255, 255));  // mean about 100
    const CheckResult over = analyzer.analyze(blown, only).at(0);
    const CheckResult under =
        analyzer.analyze(cv::Mat(720, 1280, CV_8UC3, cv::Scalar(4, 4, 4)), only).at(0);
    ASSERT_EQ(over.status, CheckStatus::kFail) << over.message_en;
    ASSERT_EQ(under.status, CheckStatus::kFail) << under.message_en;
    const QString bright = en(over), dark = en(under);
    EXPECT_TRUE(bright.contains("too bright")) << bright.toStdString();
    EXPECT_FALSE(bright.contains("dark")) << bright.toStdString();
    EXPECT_TRUE(dark.contains("too dark")) << dark.toStdString();
    EXPECT_FALSE(dark.contains("bright")) << dark.toStdString();
}

TEST_F(StudentWordingTest, SaysWhichWayToCorrect) {
    const QString bowed = en(result("head_pitch", CheckStatus::kWarn, 14.0));
    const QString raised = en(result("head_pitch", CheckStatus::kWarn, -14.0));
    EXPECT_TRUE(bowed.contains("raise your chin")) << bowed.toStdString();
    EXPECT_TRUE(raised.contains("lower your chin")) << raised.toStdString();

    // The fields as the checks write them (tests/checks/correction_direction_test.cpp).
    const QString far = en(
        result("face_size", CheckStatus::kFail, {{"face_px", 100}, {"room", 0.8}, {"too", "far"}}));
    const QString near = en(result("face_size", CheckStatus::kFail,
                                   {{"face_px", 400}, {"room", 0.7}, {"too", "near"}}));
    EXPECT_TRUE(far.contains("closer") && !far.contains("back")) << far.toStdString();
    EXPECT_TRUE(near.contains("step back") && !near.contains("closer")) << near.toStdString();

    const QString blur = en(result("sharpness", CheckStatus::kFail, {{"cause", "blur"}}));
    const QString noise = en(result("sharpness", CheckStatus::kFail, {{"cause", "noise"}}));
    EXPECT_TRUE(blur.contains("blurred")) << blur.toStdString();
    EXPECT_TRUE(noise.contains("grainy") && !noise.contains("blurred")) << noise.toStdString();

    const QString hidden =
        en(result("eyes_open", CheckStatus::kWarn, {{"ear", 0.2}, {"iris", {nullptr, nullptr}}}));
    const QString squint =
        en(result("eyes_open", CheckStatus::kWarn, {{"ear", 0.15}, {"iris", {0.21, 0.2}}}));
    EXPECT_TRUE(hidden.contains("cannot be seen")) << hidden.toStdString();
    EXPECT_TRUE(squint.contains("open")) << squint.toStdString();

    // What the message is about (the checks' "cause"): a shadow, a strapped top.
    const QString shadow = en(
        result("background_uniform", CheckStatus::kWarn, {{"shadow", 0.2}, {"cause", "shadow"}}));
    const QString cluttered =
        en(result("background_uniform", CheckStatus::kFail, {{"clutter", 0.2}}));
    EXPECT_TRUE(shadow.contains("shadow") && shadow.contains("further from the wall"))
        << shadow.toStdString();
    EXPECT_FALSE(cluttered.contains("shadow")) << cluttered.toStdString();
    const QString dark = en(result("background_uniform", CheckStatus::kWarn,
                                   {{"wall_lightness", 15.0}, {"cause", "dark_wall"}}));
    EXPECT_TRUE(dark.contains("too dark") && dark.contains("staff")) << dark.toStdString();
    EXPECT_FALSE(dark.contains("shadow") || dark.contains("uneven")) << dark.toStdString();
    const QString bare = en(result("clothing_contrast", CheckStatus::kWarn,
                                   {{"bare_skin", 0.5}, {"cause", "bare_skin"}}));
    const QString blue = en(result("clothing_contrast", CheckStatus::kFail, {{"blue", 0.5}}));
    EXPECT_TRUE(bare.contains("collared") && bare.contains("staff")) << bare.toStdString();
    EXPECT_FALSE(blue.contains("collared")) << blue.toStdString();

    const QString none = en(result("face_count", CheckStatus::kFail, 0));
    const QString two = en(result("face_count", CheckStatus::kFail, 2));
    EXPECT_TRUE(none.contains("No face")) << none.toStdString();
    EXPECT_TRUE(two.contains("Another person")) << two.toStdString();
}

TEST_F(StudentWordingTest, UnknownNamesTheCheckAndSaysStaffWillLook) {
    const QString s = en(result("jewellery", CheckStatus::kUnknown));
    EXPECT_TRUE(s.startsWith("Jewellery:")) << s.toStdString();
    EXPECT_TRUE(s.contains("staff")) << s.toStdString();
}

TEST_F(StudentWordingTest, ACheckTheKioskDoesNotKnowFallsBackToItsOwnEnglish) {
    const CheckResult c = result("future_check", CheckStatus::kWarn);
    EXPECT_FALSE(StudentWording::knowsCheck("future_check"));
    EXPECT_EQ(en(c).toStdString(), c.message_en);
}

// The result page counts the passed checks with a plural form in English.
TEST_F(StudentWordingTest, PassedCountHasItsPlural) {
    const char* context = "gradphoto::kiosk::KioskWindow";
    EXPECT_EQ(QCoreApplication::translate(context, "✓ 其余 %n 项检查通过", nullptr, 1),
              "✓ The other check passed");
    EXPECT_EQ(QCoreApplication::translate(context, "✓ 其余 %n 项检查通过", nullptr, 17),
              "✓ The other 17 checks passed");
}

}  // namespace
}  // namespace gradphoto::kiosk
