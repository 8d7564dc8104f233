#include "imaging/crop_plan.h"

#include <gtest/gtest.h>

namespace gradphoto::imaging {
namespace {

struct Measured {
    double top, eye, width, offset;
};

Measured measure(const HeadMeasure& h, const CropPlan& p) {
    return {(h.headTopY - p.y0) * p.scale, (h.eyeLineY - p.y0) * p.scale, h.faceWidth * p.scale,
            (h.centerX - p.x0) * p.scale - p.outWidth / 2};
}

TEST(CropPlan, PutsEveryMeasureInsideItsRange) {
    const Preset preset = Preset::load("chsi-blue");
    for (double fw : {150.0, 240.0, 400.0}) {
        for (double ratio : {0.7, 0.9, 1.1}) {  // eye-to-head-top over face width
            HeadMeasure h{300, 300 + ratio * fw, fw, 500};
            const auto plan = planCrop(h, preset);
            ASSERT_TRUE(plan) << fw << " " << ratio;
            const Measured m = measure(h, *plan);
            EXPECT_TRUE(preset.headTop.contains(m.top)) << m.top;
            EXPECT_TRUE(preset.eyeLine.contains(m.eye)) << m.eye;
            EXPECT_TRUE(preset.faceWidth.contains(m.width)) << m.width;
            EXPECT_NEAR(m.offset, 0, 0.5);
        }
    }
}

TEST(CropPlan, RefusesAHeadThatCannotFit) {
    const Preset preset = Preset::load("chsi-blue");
    // A head four face widths tall (a tall hat) cannot give both ranges at once.
    EXPECT_FALSE(planCrop(HeadMeasure{0, 960, 240, 300}, preset));
}

TEST(CropPlan, KeepsTheBottomInsideTheCapture) {
    const Preset preset = Preset::load("chsi-blue");
    HeadMeasure h{100, 300, 240, 400};
    const auto free = planCrop(h, preset);
    ASSERT_TRUE(free);
    h.maxBottomY = free->y0 + free->height() - 40;  // 40 px less room below
    const auto bounded = planCrop(h, preset);
    ASSERT_TRUE(bounded);
    EXPECT_LE(bounded->y0 + bounded->height(), h.maxBottomY + 1e-6);
    h.maxBottomY = 420;  // the capture ends just below the chin
    EXPECT_FALSE(planCrop(h, preset));
}

TEST(CropPlan, RespectsTheUpscaleLimit) {
    const Preset preset = Preset::load("chsi-blue");
    HeadMeasure h{100, 250, 170, 400};
    h.maxScale = 1.12;
    const auto plan = planCrop(h, preset);
    ASSERT_TRUE(plan);
    EXPECT_LE(plan->scale, 1.12 + 1e-9);
    h.maxScale = 1.0;  // 170 px would need at least 180/170
    EXPECT_FALSE(planCrop(h, preset));
}

}  // namespace
}  // namespace gradphoto::imaging
