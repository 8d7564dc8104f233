// Generated glare and earrings that the cover checks used to miss: a soft reflection on a small
// face (glasses_glare) and earrings beside grey hair or on a light backdrop (jewellery).

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

}  // namespace
}  // namespace gradphoto::test
