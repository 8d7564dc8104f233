#include "gradphoto/identify/keyboard_wedge_detector.h"

#include <gtest/gtest.h>

namespace gradphoto::identify {
namespace {

using namespace std::chrono_literals;
using Clock = KeyboardWedgeDetector::Clock;

TEST(KeyboardWedgeDetector, AFastBurstEndingWithEnterIsAScan) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    const std::string code = "QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
    for (char c : code) {
        EXPECT_FALSE(detector.keyPressed(std::string(1, c), t));
        t += 8ms;
    }
    EXPECT_TRUE(detector.inBurst(t));
    EXPECT_EQ(detector.enterPressed(t), code);
}

TEST(KeyboardWedgeDetector, PersonTypingIsNotAScan) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    for (char c : std::string("20200101123")) {
        EXPECT_FALSE(detector.keyPressed(std::string(1, c), t));
        t += 150ms;
    }
    EXPECT_FALSE(detector.enterPressed(t));
    EXPECT_FALSE(detector.poll(t + 1s));
}

TEST(KeyboardWedgeDetector, AShortBurstIsNotAScan) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    for (char c : std::string("abc")) {
        detector.keyPressed(std::string(1, c), t);
        t += 5ms;
    }
    EXPECT_FALSE(detector.enterPressed(t));
}

TEST(KeyboardWedgeDetector, ABurstWithoutEnterCompletesWhenQuiet) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    for (char c : std::string("ABCDEFGHIJ")) {
        detector.keyPressed(std::string(1, c), t);
        t += 10ms;
    }
    EXPECT_FALSE(detector.poll(t + 20ms));
    EXPECT_EQ(detector.poll(t + 200ms), "ABCDEFGHIJ");
    EXPECT_FALSE(detector.poll(t + 400ms));
}

TEST(KeyboardWedgeDetector, SlowKeysBeforeAScanAreDropped) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    detector.keyPressed("x", t);
    t += 500ms;
    for (char c : std::string("0123456789")) {
        EXPECT_FALSE(detector.keyPressed(std::string(1, c), t));
        t += 6ms;
    }
    EXPECT_EQ(detector.enterPressed(t), "0123456789");
}

TEST(KeyboardWedgeDetector, ANewSlowKeyEndsAPreviousScan) {
    KeyboardWedgeDetector detector;
    auto t = Clock::time_point{} + 10s;
    for (char c : std::string("0123456789")) {
        detector.keyPressed(std::string(1, c), t);
        t += 6ms;
    }
    EXPECT_EQ(detector.keyPressed("y", t + 100ms), "0123456789");
}

}  // namespace
}  // namespace gradphoto::identify
