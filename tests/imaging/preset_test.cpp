#include "gradphoto/imaging/preset.h"

#include <gtest/gtest.h>

#include <fstream>

#include "gradphoto/common/error.h"
#include "test_support.h"

namespace gradphoto {
namespace {

TEST(Preset, ShipsTheChsiPresetsAndTheCommonSizes) {
    const auto names = Preset::available();
    for (const char* n : {"chsi-blue", "chsi-white", "chsi-grey", "one-inch", "two-inch"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
        EXPECT_NO_THROW(Preset::load(n)) << n;
    }
}

TEST(Preset, ChsiBlueHoldsTheSpec) {
    const Preset p = Preset::load("chsi-blue");
    EXPECT_EQ(p.width, 480);
    EXPECT_EQ(p.height, 640);
    EXPECT_EQ(p.dpi, 300);
    EXPECT_EQ(p.minBytes, 20 * 1024);
    EXPECT_EQ(p.maxBytes, 40 * 1024);
    EXPECT_EQ(p.minQuality, 60);
    EXPECT_EQ(p.headTop.min, 50);
    EXPECT_EQ(p.headTop.max, 110);
    EXPECT_EQ(p.eyeLine.min, 200);
    EXPECT_EQ(p.eyeLine.max, 300);
    EXPECT_EQ(p.faceWidth.min, 180);
    EXPECT_EQ(p.faceWidth.max, 300);
    EXPECT_EQ(p.background.r, 100);
    EXPECT_EQ(p.background.g, 197);
    EXPECT_EQ(p.background.b, 255);
    EXPECT_EQ(Preset::load("chsi-white").background.g, 255);
    EXPECT_EQ(Preset::load("chsi-grey").background.r, 240);
}

TEST(Preset, UnknownNameListsTheAvailableOnes) {
    try {
        Preset::load("no-such-preset");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().code, "preset_unknown");
        EXPECT_NE(e.problem().message_en.find("chsi-blue"), std::string::npos);
    }
}

TEST(Preset, ANewPresetIsJustAFile) {
    test::ScratchDir dir;
    std::ofstream(dir / "visa.json") << R"({"name": "visa", "width": 600, "height": 600,
        "dpi": 300, "bytes": [10000, 240000], "min_quality": 80, "head_top_px": [40, 90],
        "eye_line_px": [220, 330], "face_width_px": [250, 360], "background_rgb": [255,255,255]})";
    const Preset p = Preset::load((dir / "visa.json").string());
    EXPECT_EQ(p.name, "visa");
    EXPECT_EQ(p.width, 600);
    EXPECT_EQ(p.maxBytes, 240000);
}

TEST(Preset, MalformedOrUnknownKeysAreRefused) {
    EXPECT_THROW(Preset::fromJsonText("{not json", "x"), Error);
    EXPECT_THROW(Preset::fromJsonText(R"({"name":"a","width":480})", "x"), Error);
    const std::string base = R"({"name": "a", "width": 480, "height": 640, "dpi": 300,
        "bytes": [1, 2], "min_quality": 60, "head_top_px": [50, 110], "eye_line_px": [200, 300],
        "face_width_px": [180, 300], "background_rgb": [1, 2, 3])";
    EXPECT_NO_THROW(Preset::fromJsonText(base + "}", "x"));
    EXPECT_THROW(Preset::fromJsonText(base + R"(, "colour": 1})", "x"), Error);
    const std::string inverted = R"({"name": "a", "width": 480, "height": 640, "dpi": 300,
        "bytes": [1, 2], "min_quality": 60, "head_top_px": [110, 50], "eye_line_px": [200, 300],
        "face_width_px": [180, 300], "background_rgb": [1, 2, 3]})";
    EXPECT_THROW(Preset::fromJsonText(inverted, "x"), Error);
}

}  // namespace
}  // namespace gradphoto
