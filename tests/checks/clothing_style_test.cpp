// Seed §10.5: a collared top, no sleeveless, strapped or low-cut clothes. clothing_contrast
// measures the share of the person below the chin that is skin-coloured: a strapped top (the
// generated strap_top variant) warns and asks staff to look; the same portraits in their own
// clothes pass; skin-coloured clothing reads the same, so it never fails.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "check_runner.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

double bareSkin(const CheckResult& r) {
    return r.value.is_object() && r.value.contains("bare_skin") && r.value["bare_skin"].is_number()
               ? r.value["bare_skin"].get<double>()
               : -1;
}

class StrapTop : public ::testing::TestWithParam<const char*> {};

TEST_P(StrapTop, WarnsWhileTheOwnClothesPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const VariantBase base = variantBase(data / "portraits" / GetParam());
    ASSERT_FALSE(base.base.empty()) << "no single face in " << GetParam();
    const double warn =
        checks::CheckConfig::shipped().thresholds("clothing_contrast").number("warn_bare_skin");

    const CheckResult own = runOne(base.base, "clothing_contrast");
    EXPECT_GE(bareSkin(own), 0.0) << own.message_en;
    EXPECT_LT(bareSkin(own), warn) << own.message_en;

    const CheckResult strapped = runOne(variantImage(base, "strap_top"), "clothing_contrast");
    EXPECT_GE(bareSkin(strapped), warn) << strapped.message_en;
    EXPECT_EQ(strapped.status, CheckStatus::kWarn) << strapped.message_en;
    EXPECT_NE(strapped.message_zh.find("吊带"), std::string::npos) << strapped.message_zh;
    EXPECT_EQ(strapped.value.value("cause", ""), "bare_skin") << strapped.value.dump();
    EXPECT_NE(strapped.message_en.find("staff please look"), std::string::npos)
        << strapped.message_en;
}

// A greyscale capture shows no skin colour: bare skin is not judged (null), never a warn.
TEST(StrapTopGreyscale, BareSkinIsNotJudged) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const VariantBase base = variantBase(data / "portraits" / "congress_K000391.jpg");
    ASSERT_FALSE(base.base.empty());
    cv::Mat grey;
    cv::cvtColor(variantImage(base, "strap_top"), grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(grey, grey, cv::COLOR_GRAY2BGR);
    const CheckResult r = runOne(grey, "clothing_contrast");
    ASSERT_TRUE(r.value.is_object()) << r.message_en;
    EXPECT_TRUE(r.value["bare_skin"].is_null()) << r.value.dump();
    EXPECT_EQ(r.message_zh.find("吊带"), std::string::npos) << r.message_zh;
    EXPECT_NE(r.message_en.find("bare skin not judged"), std::string::npos) << r.message_en;
}

INSTANTIATE_TEST_SUITE_P(Portraits, StrapTop,
                         ::testing::Values("congress_K000391.jpg", "congress_G000600.jpg",
                                           "congress_B001281.jpg"));

}  // namespace
}  // namespace gradphoto::test
