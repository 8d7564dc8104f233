#include "gradphoto/identify/id_number.h"

#include "gradphoto/flow/masking.h"
#include "gradphoto/store/masking.h"

#include <gtest/gtest.h>

namespace gradphoto::identify {
namespace {

TEST(IdNumber, AcceptsValidNumbersAndLowerCaseX) {
    EXPECT_TRUE(checkIdNumber("11010519491231002X").valid());
    const auto lower = checkIdNumber(" 11010519491231002x ");
    EXPECT_TRUE(lower.valid());
    EXPECT_EQ(lower.normalized, "11010519491231002X");
    EXPECT_TRUE(checkIdNumber("440524200001010013").valid());
}

TEST(IdNumber, ComputesTheGb11643CheckCharacter) {
    EXPECT_EQ(idNumberCheckCharacter("11010519491231002"), 'X');
    EXPECT_EQ(idNumberCheckCharacter("44052420000101001"), '3');
}

TEST(IdNumber, NamesTheFault) {
    EXPECT_EQ(checkIdNumber("110105194912310021").fault, IdNumberFault::kCheckDigit);
    EXPECT_EQ(checkIdNumber("1101051949123100").fault, IdNumberFault::kLength);
    EXPECT_EQ(checkIdNumber("11010519491231A02X").fault, IdNumberFault::kCharacters);
    EXPECT_EQ(checkIdNumber("110105194913310028").fault, IdNumberFault::kBirthDate);  // month 13
    EXPECT_EQ(checkIdNumber("110105190102290023").fault, IdNumberFault::kBirthDate);  // 1901-02-29
    EXPECT_EQ(checkIdNumber("").fault, IdNumberFault::kLength);
}

TEST(IdNumber, MasksNumbersAndNames) {
    EXPECT_EQ(maskIdNumber("44010519491231123X"), "4401**********123X");
    // One rule for malformed numbers everywhere: eight characters or fewer are starred completely,
    // longer ones keep four at each end (a 15-digit first-generation number, too).
    EXPECT_EQ(maskIdNumber("12345"), "*****");
    EXPECT_EQ(maskIdNumber("440106990101123"), "4401*******1123");
    EXPECT_EQ(store::maskIdNumber("12345"), identify::maskIdNumber("12345"));
    EXPECT_EQ(flow::maskIdNumber("440106990101123"), identify::maskIdNumber("440106990101123"));
    EXPECT_EQ(maskName("张三丰"), "张*丰");
    EXPECT_EQ(maskName("张三"), "张*");
    EXPECT_EQ(maskName("欧阳娜娜"), "欧**娜");
    EXPECT_EQ(maskName("张"), "*");
    EXPECT_EQ(maskName(""), "");
    EXPECT_EQ(maskName("Lee"), "L*e");
}

}  // namespace
}  // namespace gradphoto::identify
