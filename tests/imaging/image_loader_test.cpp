#include "gradphoto/imaging/image_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "test_support.h"

namespace gradphoto {
namespace {

using test::ScratchDir;

std::string codeOf(const std::filesystem::path& file) {
    try {
        loadImage(file);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kInput);
        EXPECT_FALSE(e.problem().message_zh.empty());
        EXPECT_NE(e.problem().message_en.find(file.string()), std::string::npos)
            << "the English message names the file";
        return e.problem().code;
    }
    return "loaded";
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

cv::Mat gradientImage(int w, int h) {
    cv::Mat m(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) m.at<cv::Vec3b>(y, x) = cv::Vec3b(x % 256, y % 256, 128);
    return m;
}

TEST(ImageLoader, MissingFileAndDirectoryAreRefused) {
    ScratchDir dir;
    EXPECT_EQ(codeOf(dir / "absent.jpg"), "file_missing");
    EXPECT_EQ(codeOf(dir.path()), "file_unreadable");
}

TEST(ImageLoader, EmptyAndTextFilesAreRefused) {
    ScratchDir dir;
    writeBytes(dir / "empty.jpg", "");
    writeBytes(dir / "text.jpg", "this is not a photo, just text pretending to be one\n");
    EXPECT_EQ(codeOf(dir / "empty.jpg"), "image_empty");
    EXPECT_EQ(codeOf(dir / "text.jpg"), "image_undecodable");
}

TEST(ImageLoader, TruncatedJpegIsRefusedOrDecodedWithoutCrash) {
    ScratchDir dir;
    const auto bytes = encodeJpeg(gradientImage(640, 480), 90, 72);
    // Only the headers: no scan data at all.
    writeBytes(dir / "head.jpg", std::string(bytes.begin(), bytes.begin() + 200));
    EXPECT_EQ(codeOf(dir / "head.jpg"), "image_undecodable");
    // Cut in the middle of the scan: libjpeg pads the rest; either outcome is fine, no crash.
    writeBytes(dir / "half.jpg", std::string(bytes.begin(), bytes.begin() + bytes.size() / 2));
    const auto code = codeOf(dir / "half.jpg");
    EXPECT_TRUE(code == "loaded" || code == "image_undecodable") << code;
}

TEST(ImageLoader, TinyImageIsRefused) {
    ScratchDir dir;
    cv::imwrite((dir / "one.png").string(), cv::Mat(1, 1, CV_8UC3, cv::Scalar(1, 2, 3)));
    EXPECT_EQ(codeOf(dir / "one.png"), "image_too_small");
}

TEST(ImageLoader, HugeJpegIsRefusedFromItsHeader) {
    ScratchDir dir;
    // 10000 x 10000 of one colour compresses to a small file; 100 megapixels exceed the limit.
    const cv::Mat big(10000, 10000, CV_8UC3, cv::Scalar(200, 200, 200));
    writeBytes(dir / "big.jpg", [&] {
        const auto b = encodeJpeg(big, 50, 72);
        return std::string(b.begin(), b.end());
    }());
    EXPECT_EQ(codeOf(dir / "big.jpg"), "image_too_large");
}

TEST(ImageLoader, GreyscaleBecomesThreeChannels) {
    ScratchDir dir;
    cv::Mat grey(120, 100, CV_8U, cv::Scalar(77));
    cv::imwrite((dir / "grey.png").string(), grey);
    cv::imwrite((dir / "grey.jpg").string(), grey);
    for (const char* name : {"grey.png", "grey.jpg"}) {
        const cv::Mat m = loadImage(dir / name);
        EXPECT_EQ(m.type(), CV_8UC3) << name;
        EXPECT_NEAR(m.at<cv::Vec3b>(10, 10)[1], 77, 2) << name;
    }
}

TEST(ImageLoader, PngAlphaIsFlattenedOntoWhite) {
    ScratchDir dir;
    cv::Mat rgba(100, 100, CV_8UC4, cv::Scalar(0, 0, 0, 0));          // transparent black
    rgba(cv::Rect(0, 0, 50, 100)).setTo(cv::Scalar(0, 0, 255, 255));  // opaque red half
    cv::imwrite((dir / "alpha.png").string(), rgba);
    const cv::Mat m = loadImage(dir / "alpha.png");
    ASSERT_EQ(m.type(), CV_8UC3);
    EXPECT_EQ(m.at<cv::Vec3b>(50, 80), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(m.at<cv::Vec3b>(50, 10), cv::Vec3b(0, 0, 255));
}

TEST(ImageLoader, SixteenBitPngIsReduced) {
    ScratchDir dir;
    cv::Mat deep(100, 100, CV_16UC3, cv::Scalar(65535, 0, 32768));
    cv::imwrite((dir / "deep.png").string(), deep);
    const cv::Mat m = loadImage(dir / "deep.png");
    EXPECT_EQ(m.type(), CV_8UC3);
    EXPECT_EQ(m.at<cv::Vec3b>(5, 5)[0], 255);
}

TEST(ImageLoader, AppliesTheExifOrientation) {
    // A phone stores a portrait shot as a landscape JPEG with orientation 6 ("rotate 90 CW"):
    // displaying it upright is not a forbidden rotation. exiftool (Debian's
    // libimage-exiftool-perl, installed by scripts/setup.sh) writes the tag.
    ScratchDir dir;
    cv::Mat wide(100, 200, CV_8UC3, cv::Scalar(255, 255, 255));
    wide(cv::Rect(0, 0, 20, 100)).setTo(cv::Scalar(0, 0, 0));  // a black band on the left
    cv::imwrite((dir / "tagged.jpg").string(), wide);
    const std::string cmd = "exiftool -q -overwrite_original -Orientation=6 -n '" +
                            (dir / "tagged.jpg").string() + "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "exiftool is not installed";
    const cv::Mat upright = loadImage(dir / "tagged.jpg");
    EXPECT_EQ(upright.cols, 100);
    EXPECT_EQ(upright.rows, 200);
    // Rotated clockwise, the left band is now at the top.
    EXPECT_LT(upright.at<cv::Vec3b>(5, 50)[0], 60);
    EXPECT_GT(upright.at<cv::Vec3b>(190, 50)[0], 200);
}

TEST(ImageLoader, ReadsEveryFormatOpenCvWrites) {
    ScratchDir dir;
    const cv::Mat img = gradientImage(200, 150);
    for (const char* name : {"a.bmp", "a.tiff", "a.webp", "a.png", "a.jpg"}) {
        ASSERT_TRUE(cv::imwrite((dir / name).string(), img)) << name;
        const cv::Mat m = loadImage(dir / name);
        EXPECT_EQ(m.size(), img.size()) << name;
    }
}

}  // namespace
}  // namespace gradphoto
