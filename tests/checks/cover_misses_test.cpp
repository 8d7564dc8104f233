// Generated glare and earrings that the cover checks used to miss: a soft reflection on a small
// face (glasses_glare), studs beside grey hair or on a light backdrop and the neck's sheen taken
// for a necklace (jewellery).

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "check_runner.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"
#include "variants.h"

namespace gradphoto::test {
namespace {

// The variant `name` of a portrait, generated on its normalised base scaled so the face is about
// faceWidth px wide.
cv::Mat variantOf(const cv::Mat& image, const std::string& name, double faceWidth = 220) {
    const auto faces = FaceLocator::shared()->locate(image);
    EXPECT_EQ(faces.size(), 1u);
    if (faces.empty()) return {};
    FaceLandmarks face;
    const cv::Mat base = normalisedBase(image, faces.front(), face, faceWidth);
    const auto variants = makeVariants(base, face, {name});
    EXPECT_EQ(variants.size(), 1u);
    return variants.empty() ? cv::Mat{} : variants.front().image;
}

// On a face 70 px wide the lens blur is a large part of a reflection a few pixels high:
// its core barely reaches the specular level, but it is as large as on a big face.
TEST(GlassesGlare, SoftReflectionOnASmallFaceFails) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name :
         {"congress_F000468.jpg", "congress_V000135.jpg", "pd_nasa_astronaut_eileen_collins.png"}) {
        const cv::Mat image = loadImage(data / "portraits" / name);
        for (const double width : {70.0, 220.0}) {
            const CheckResult r = runOne(variantOf(image, "glare", width), "glasses_glare");
            EXPECT_EQ(r.status, CheckStatus::kFail)
                << name << " at " << width << " px: " << r.message_en;
        }
    }
}

// A catchlight in the iris beside a white sclera is no glare, nor are eyes without any
// near-white pixel.
TEST(GlassesGlare, CatchlightsAndPlainEyesPass) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name : {"hard/congress_O000173.jpg", "congress_F000468.jpg",
                             "pd_nasa_astronaut_eileen_collins.png"}) {
        const CheckResult r = runOne(loadImage(data / "portraits" / name), "glasses_glare");
        EXPECT_EQ(r.status, CheckStatus::kPass) << name << ": " << r.message_en;
        EXPECT_LT(r.value.get<double>(), 0.04) << name;
    }
}

// A silver stud beside a grey beard (V000135: only gold counted there) and a silver stud on the
// ear of a bald head against a light backdrop (B001288: the stud merged with the backdrop's light
// area) are studs: round, with a near-white highlight.
TEST(Jewellery, StudsBesideGreyHairAndOnALightBackdropAreSeen) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name : {"congress_V000135.jpg", "congress_B001288.jpg"}) {
        const cv::Mat image = loadImage(data / "portraits" / name);
        EXPECT_EQ(runOne(image, "jewellery").status, CheckStatus::kPass) << name;
        const CheckResult r = runOne(variantOf(image, "earrings"), "jewellery");
        EXPECT_EQ(r.status, CheckStatus::kWarn) << name << ": " << r.message_en;
        EXPECT_GE(r.value["ears"].get<double>(), 0.0005) << name << ": " << r.value.dump();
    }
}

// Grey beards, grey hair and white collars beside the ears have no studs: their bright spots are
// strands (long or thin) or, on a collar, ragged or white all over.
TEST(Jewellery, GreyBeardsAndCollarsHaveNoStuds) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name : {"congress_V000135.jpg", "hard/congress_C001120.jpg",
                             "hard/congress_E000296.jpg", "hard/congress_O000173.jpg"}) {
        const CheckResult r = runOne(loadImage(data / "portraits" / name), "jewellery");
        EXPECT_LT(r.value["ears"].get<double>(), 0.0001) << name << ": " << r.value.dump();
    }
    // Shrunk to a face 92 px wide, C001120's white collar beside the ear leaves a compact spot
    // with a near-white peak, but white all over: no shaded body, no stud.
    const cv::Mat image = loadImage(data / "portraits" / "hard" / "congress_C001120.jpg");
    const auto faces = FaceLocator::shared()->locate(image);
    ASSERT_EQ(faces.size(), 1u);
    FaceLandmarks face;
    const CheckResult small = runOne(normalisedBase(image, faces.front(), face, 92), "jewellery");
    EXPECT_EQ(small.status, CheckStatus::kPass) << small.message_en;
}

// The sheen of the neck under the jaw (T000488, above a checked collar) and the jaw's edge above
// a knit turtleneck (eileen_collins) are skin, not a necklace; a gold chain (H001094) and a
// pendant (P000618) on the neck skin still are.
TEST(Jewellery, NeckSheenIsNoNecklace) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    for (const char* name : {"congress_T000488.jpg", "pd_nasa_astronaut_eileen_collins.png"}) {
        const CheckResult r = runOne(loadImage(data / "portraits" / name), "jewellery");
        EXPECT_EQ(r.status, CheckStatus::kPass) << name << ": " << r.message_en;
    }
    for (const char* name : {"congress_H001094.jpg", "congress_P000618.jpg"}) {
        const CheckResult r = runOne(loadImage(data / "portraits" / name), "jewellery");
        EXPECT_GE(r.value["neck"].get<double>(), 0.002) << name << ": " << r.value.dump();
    }
}

}  // namespace
}  // namespace gradphoto::test
