#include "gradphoto/flow/masking.h"

#include <gtest/gtest.h>

namespace gradphoto::flow {
namespace {

TEST(MaskingTest, Names) {
    EXPECT_EQ(maskName("张三"), "张*");
    EXPECT_EQ(maskName("张小三"), "张*三");
    EXPECT_EQ(maskName("欧阳小明"), "欧**明");
    EXPECT_EQ(maskName("王"), "*");
    EXPECT_EQ(maskName(""), "");
}

TEST(MaskingTest, IdNumbers) {
    EXPECT_EQ(maskIdNumber("44010619990101123X"), "4401**********123X");
    EXPECT_EQ(maskIdNumber("1234"), "****");
    EXPECT_EQ(maskIdNumber("123456"), "******");
    // The page asking for the last four shows none of them, from a full or an already masked
    // number.
    EXPECT_EQ(maskIdNumberHidingLast4("44010619990101123X"), "4401**************");
    EXPECT_EQ(maskIdNumberHidingLast4("4401**********123X"), "4401**************");
    EXPECT_EQ(maskIdNumberHidingLast4("123456"), "******");
}

TEST(MaskingTest, Last4) {
    EXPECT_EQ(normalizeLast4("12 3x"), "123X");
    EXPECT_TRUE(isValidLast4("123X"));
    EXPECT_TRUE(isValidLast4("0000"));
    EXPECT_FALSE(isValidLast4("X123"));
    EXPECT_FALSE(isValidLast4("123"));
    EXPECT_FALSE(isValidLast4("123x"));
}

}  // namespace
}  // namespace gradphoto::flow
