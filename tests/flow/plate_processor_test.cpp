// The kiosk's standardizer processor with the booth plate (DATA_DIR/booth/plate.jpg): used while
// it exists and has the capture's size, ignored (never a refusal) otherwise.

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/imaging/standardizer.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

TEST(PlateProcessor, UsesThePlateOnlyWhenItFits) {
    GRADPHOTO_REQUIRE_TESTDATA(data);
    const cv::Mat capture =
        cv::imread((data / "portraits" / "congress_B001281.jpg").string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(capture.empty());
    test::ScratchDir dir("plate-processor");
    const auto plateFile = dir.path() / "booth" / "plate.jpg";
    const auto processor = makeStandardizerProcessor("chsi-blue", plateFile);
    const Standardizer standardizer(Preset::load("chsi-blue"));

    // No plate yet: as without.
    const auto without = processor->process(capture);
    EXPECT_EQ(without.jpeg, standardizer.run(capture, {}, "kiosk-capture").jpeg);

    // A plate of another size (another camera mode): ignored, not a refusal.
    std::filesystem::create_directories(plateFile.parent_path());
    cv::Mat small;
    cv::resize(capture, small, {capture.cols / 2, capture.rows / 2});
    ASSERT_TRUE(cv::imwrite(plateFile.string(), small));
    const auto mismatched = processor->process(capture);
    EXPECT_EQ(mismatched.report.ok, without.report.ok);
    EXPECT_EQ(mismatched.jpeg, without.jpeg);

    // A plate of the capture's size: the standardizer gets it (read again for this photo).
    const cv::Mat plate(capture.size(), CV_8UC3, cv::Scalar(235, 235, 235));
    ASSERT_TRUE(cv::imwrite(plateFile.string(), plate));
    const cv::Mat written = cv::imread(plateFile.string(), cv::IMREAD_COLOR);
    const auto withPlate = processor->process(capture);
    const auto expected = standardizer.run(capture, written, "kiosk-capture");
    EXPECT_EQ(withPlate.report.ok, expected.report.ok);
    EXPECT_EQ(withPlate.jpeg, expected.jpeg);
}

}  // namespace
}  // namespace gradphoto::flow
