#include "gradphoto/imaging/jpeg_codec.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace gradphoto {
namespace {

cv::Mat texturedImage() {
    cv::Mat m(640, 480, CV_8UC3);
    cv::RNG rng(42);
    rng.fill(m, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(m, m, cv::Size(5, 5), 1.5);
    return m;
}

TEST(JpegCodec, WritesDensityAndBaselineAndReadsThemBack) {
    const auto bytes = encodeJpeg(texturedImage(), 80, 300);
    const auto info = readJpegInfo(bytes);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->width, 480);
    EXPECT_EQ(info->height, 640);
    EXPECT_EQ(info->components, 3);
    EXPECT_FALSE(info->progressive);
    EXPECT_EQ(info->densityUnit, 1);
    EXPECT_EQ(info->dpi(), 300);
}

TEST(JpegCodec, EstimatesTheQualityItWasWrittenWith) {
    for (int q : {30, 60, 75, 88, 95}) {
        const auto info = readJpegInfo(encodeJpeg(texturedImage(), q, 300));
        ASSERT_TRUE(info);
        EXPECT_EQ(info->estimatedQuality, q);
    }
}

TEST(JpegCodec, RejectsNonJpeg) {
    const std::vector<std::uint8_t> text{'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};
    EXPECT_FALSE(readJpegInfo(text));
}

TEST(JpegCodec, FindsTheHighestQualityWithinTheByteRange) {
    const cv::Mat img = texturedImage();
    const auto sized = encodeJpegWithinBytes(img, 300, 60, 20 * 1024, 40 * 1024);
    ASSERT_TRUE(sized);
    EXPECT_GE(long(sized->bytes.size()), 20 * 1024);
    EXPECT_LE(long(sized->bytes.size()), 40 * 1024);
    EXPECT_GE(sized->quality, 60);
    if (sized->quality < 100) {
        EXPECT_GT(long(encodeJpeg(img, sized->quality + 1, 300).size()), 40 * 1024)
            << "one step higher would not fit";
    }
}

TEST(JpegCodec, NoQualityFitsAFlatImageIntoTwentyKilobytes) {
    const cv::Mat flat(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    EXPECT_FALSE(encodeJpegWithinBytes(flat, 300, 60, 20 * 1024, 40 * 1024));
}

}  // namespace
}  // namespace gradphoto
