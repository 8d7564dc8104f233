// CheckWording: what a student reads about a check. In Chinese the check's own message; in English
// the kiosk's own plain wording from its translations, never the staff text (message_en), with the
// direction the measured value tells (chin up or down, too dark or too bright).

#include "check_wording.h"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QTranslator>

#include "gradphoto/checks/compliance_check.h"

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

class CheckWordingTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(english.load(":/i18n/gradphoto_kiosk_en.qm"));
        QCoreApplication::installTranslator(&english);
    }
    void TearDown() override { QCoreApplication::removeTranslator(&english); }
    QTranslator english;
};

TEST_F(CheckWordingTest, EveryBuiltInCheckHasPlainEnglishForEachStatus) {
    const auto ids = checks::CheckRegistry::builtin().ids();
    ASSERT_GE(ids.size(), 20u);
    for (const std::string& id : ids) {
        EXPECT_TRUE(CheckWording::knows(id)) << id;
        for (CheckStatus status :
             {CheckStatus::kPass, CheckStatus::kWarn, CheckStatus::kFail, CheckStatus::kUnknown}) {
            const CheckResult c = result(id, status);
            const QString en = CheckWording::forStudent(c, "en");
            EXPECT_FALSE(en.isEmpty()) << id;
            EXPECT_FALSE(hasChinese(en)) << id << ": untranslated " << en.toStdString();
            EXPECT_FALSE(en.contains("staff text"))
                << id << ": the staff text " << en.toStdString();
            EXPECT_EQ(CheckWording::forStudent(c, "zh").toStdString(), c.message_zh);
        }
    }
}

TEST_F(CheckWordingTest, SaysWhichWayToCorrect) {
    const auto en = [](const CheckResult& c) { return CheckWording::forStudent(c, "en"); };
    const QString bowed = en(result("head_pitch", CheckStatus::kWarn, 14.0));
    const QString raised = en(result("head_pitch", CheckStatus::kWarn, -14.0));
    EXPECT_TRUE(bowed.contains("raise", Qt::CaseInsensitive)) << bowed.toStdString();
    EXPECT_TRUE(raised.contains("lower", Qt::CaseInsensitive)) << raised.toStdString();

    const nlohmann::json limit = {{"face_mean", {60, 215}}, {"clipped", 0.02}};
    const QString dark =
        en(result("exposure", CheckStatus::kFail, {{"face_mean", 40}, {"clipped", 0}}, limit));
    const QString bright =
        en(result("exposure", CheckStatus::kFail, {{"face_mean", 230}, {"clipped", 0.3}}, limit));
    EXPECT_TRUE(dark.contains("dark", Qt::CaseInsensitive)) << dark.toStdString();
    EXPECT_TRUE(bright.contains("bright", Qt::CaseInsensitive)) << bright.toStdString();

    const QString none = en(result("face_count", CheckStatus::kFail, 0));
    const QString two = en(result("face_count", CheckStatus::kFail, 2));
    EXPECT_TRUE(none.contains("no face", Qt::CaseInsensitive)) << none.toStdString();
    EXPECT_TRUE(two.contains("another person", Qt::CaseInsensitive)) << two.toStdString();

    const nlohmann::json sizeLimit = {{"min_face_px", 120}, {"min_room", 1.0}};
    const QString far =
        en(result("face_size", CheckStatus::kFail, {{"face_px", 60}, {"room", 1.4}}, sizeLimit));
    const QString near =
        en(result("face_size", CheckStatus::kFail, {{"face_px", 400}, {"room", 0.7}}, sizeLimit));
    EXPECT_TRUE(far.contains("closer", Qt::CaseInsensitive)) << far.toStdString();
    EXPECT_TRUE(near.contains("back", Qt::CaseInsensitive)) << near.toStdString();
    EXPECT_NE(far, near);
}

TEST_F(CheckWordingTest, UnknownNamesTheCheckAndSaysStaffWillLook) {
    const QString s = CheckWording::forStudent(result("jewellery", CheckStatus::kUnknown), "en");
    EXPECT_TRUE(s.contains("jewel", Qt::CaseInsensitive)) << s.toStdString();
    EXPECT_TRUE(s.contains("staff", Qt::CaseInsensitive)) << s.toStdString();
}

TEST_F(CheckWordingTest, ACheckTheKioskDoesNotKnowFallsBackToItsOwnEnglish) {
    const CheckResult c = result("future_check", CheckStatus::kWarn);
    EXPECT_FALSE(CheckWording::knows("future_check"));
    EXPECT_EQ(CheckWording::forStudent(c, "en").toStdString(), c.message_en);
}

}  // namespace
}  // namespace gradphoto::kiosk
