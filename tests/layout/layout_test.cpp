// Layout sheets (排版照): geometry on every paper at 300 dpi, the rendered JPEG, captions, cut
// lines and the `gradphoto layout` command.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/layout/layout_sheet.h"
#include "test_support.h"

namespace gradphoto::layout {
namespace {

namespace fs = std::filesystem;

// A portrait-like test photo: light blue backdrop, a dark "head" in the middle, a red strip at
// the left edge (cropped away when the print aspect is narrower), written as a 300 dpi JPEG.
std::vector<std::uint8_t> testPhoto(int width = 480, int height = 640, int dpi = 300) {
    cv::Mat img(height, width, CV_8UC3, cv::Scalar(255, 197, 100));
    cv::ellipse(img, {width / 2, height * 2 / 5}, {width / 5, height / 5}, 0, 0, 360,
                cv::Scalar(60, 80, 120), cv::FILLED);
    cv::rectangle(img, {0, 0, std::max(2, width / 48), height}, cv::Scalar(0, 0, 255), cv::FILLED);
    return encodeJpeg(img, 92, dpi);
}

struct PhotoSize {
    std::string preset;
    double widthMm, heightMm;
};

std::vector<PhotoSize> shippedSizes(const LayoutSettings& settings) {
    std::vector<PhotoSize> sizes;
    for (const auto& [preset, mm] : settings.photoSizes)
        sizes.push_back({preset, mm.width, mm.height});
    return sizes;
}

bool overlaps(const cv::Rect& a, const cv::Rect& b) {
    return (a & b).area() > 0;
}

TEST(Layout, SettingsShipEveryPaperAndTheCustomaryPhotoSizes) {
    const auto settings = LayoutSettings::load();
    EXPECT_EQ(settings.dpi, 300);
    for (const auto& [name, w, h] : std::vector<std::tuple<std::string, int, int>>{
             {"6in", 1800, 1200}, {"5in", 1500, 1050}, {"a4", 2480, 3508}}) {
        const Paper* paper = settings.findPaper(name);
        ASSERT_NE(paper, nullptr) << name;
        EXPECT_EQ(paper->widthPx, w);
        EXPECT_EQ(paper->heightPx, h);
        // The pixel size is the physical size at 300 dpi (within half a millimetre).
        EXPECT_NEAR(paper->widthPx / 300.0 * 25.4, paper->widthMm, 0.5) << name;
        EXPECT_NEAR(paper->heightPx / 300.0 * 25.4, paper->heightMm, 0.5) << name;
    }
    EXPECT_NE(settings.findPaper("A4"), nullptr);
    EXPECT_EQ(settings.findPaper("letter"), nullptr);
    // Every shipped preset prints at a known size; CHSI 33×48, 一寸 25×35, 二寸 35×49 mm.
    for (const auto& name : Preset::available())
        EXPECT_TRUE(settings.photoSizes.count(name)) << name << " has no printed size";
    EXPECT_DOUBLE_EQ(settings.photoSizes.at("chsi-blue").width, 33);
    EXPECT_DOUBLE_EQ(settings.photoSizes.at("chsi-blue").height, 48);
    EXPECT_DOUBLE_EQ(settings.photoSizes.at("one-inch").width, 25);
    EXPECT_DOUBLE_EQ(settings.photoSizes.at("two-inch").height, 49);
}

TEST(Layout, MalformedSettingsAreRefusedWithTheReason) {
    EXPECT_THROW(LayoutSettings::fromJsonText("{", "x.json"), Error);
    EXPECT_THROW(LayoutSettings::fromJsonText(
                     R"({"dpi":300,"margin_mm":3,"gap_mm":2,"caption_mm":4,"papers":[]})", "x"),
                 Error);
    EXPECT_THROW(LayoutSettings::fromJsonText(
                     R"({"dpi":300,"margin_mm":3,"gap_mm":2,"caption_mm":4,"typo":1,
                         "papers":[{"name":"6in","width_px":1800,"height_px":1200,
                                    "width_mm":152.4,"height_mm":101.6}]})",
                     "x"),
                 Error);
}

TEST(Layout, PrintSizeComesFromThePresetOrTheFilesDpi) {
    const auto settings = LayoutSettings::load();
    const auto chsi = printSizeOf(480, 640, 300, settings);
    EXPECT_EQ(chsi.preset.rfind("chsi-", 0), 0u);
    EXPECT_DOUBLE_EQ(chsi.mm.width, 33);
    EXPECT_DOUBLE_EQ(chsi.mm.height, 48);
    const auto oneInch = printSizeOf(295, 413, 300, settings);
    EXPECT_EQ(oneInch.preset, "one-inch");
    EXPECT_DOUBLE_EQ(oneInch.mm.width, 25);
    // Unknown pixel size: its own dpi, 300 when the file states none.
    const auto square = printSizeOf(600, 600, 300, settings);
    EXPECT_TRUE(square.preset.empty());
    EXPECT_NEAR(square.mm.width, 50.8, 1e-9);
    EXPECT_NEAR(printSizeOf(600, 600, 0, settings).mm.width, 50.8, 1e-9);
    EXPECT_NEAR(printSizeOf(600, 600, 600, settings).mm.width, 25.4, 1e-9);
}

// For every paper and every shipped photo size: copies at their physical size at 300 dpi,
// upright, inside the margins, apart by at least the gap, as many as either orientation holds.
TEST(Layout, GeometryOnEveryPaperAt300Dpi) {
    const auto settings = LayoutSettings::load();
    for (const auto& paper : settings.papers) {
        for (const auto& size : shippedSizes(settings)) {
            for (bool captions : {false, true}) {
                SCOPED_TRACE(paper.name + " " + size.preset + (captions ? " captions" : ""));
                SheetRequest request{settings.px(size.widthMm), settings.px(size.heightMm),
                                     std::nullopt, captions};
                // The printed copy has the photo's physical size (±0.1 mm at 300 dpi).
                EXPECT_NEAR(request.copyWidthPx / 300.0 * 25.4, size.widthMm, 0.1);
                EXPECT_NEAR(request.copyHeightPx / 300.0 * 25.4, size.heightMm, 0.1);
                const auto plan = planSheet(paper, settings, request);
                ASSERT_TRUE(plan);
                const int count = static_cast<int>(plan->copies.size());
                EXPECT_GE(count, 1);
                EXPECT_EQ(count, plan->capacity);
                EXPECT_EQ(count, sheetCapacity(paper, settings, request));
                // The sheet is the paper, possibly turned.
                if (plan->turned) {
                    EXPECT_EQ(plan->widthPx, paper.heightPx);
                    EXPECT_EQ(plan->heightPx, paper.widthPx);
                } else {
                    EXPECT_EQ(plan->widthPx, paper.widthPx);
                    EXPECT_EQ(plan->heightPx, paper.heightPx);
                }
                const int margin = settings.px(settings.marginMm);
                const int gap = settings.px(settings.gapMm);
                const cv::Rect printable(margin, margin, plan->widthPx - 2 * margin,
                                         plan->heightPx - 2 * margin);
                for (std::size_t i = 0; i < plan->copies.size(); ++i) {
                    const auto& copy = plan->copies[i];
                    // Upright: the copy has the photo's width and height, not swapped.
                    EXPECT_EQ(copy.width, request.copyWidthPx);
                    EXPECT_EQ(copy.height, request.copyHeightPx);
                    EXPECT_EQ((copy & printable), copy) << "copy " << i << " outside margins";
                    if (captions) {
                        ASSERT_EQ(plan->captions.size(), plan->copies.size());
                        EXPECT_EQ((plan->captions[i] & printable), plan->captions[i]);
                    }
                    for (std::size_t j = i + 1; j < plan->copies.size(); ++j) {
                        cv::Rect grown = plan->copies[j];
                        grown.x -= gap - 1;
                        grown.y -= gap - 1;
                        grown.width += 2 * (gap - 1);
                        grown.height += 2 * (gap - 1) + plan->captionHeightPx;
                        EXPECT_FALSE(overlaps(copy, grown)) << i << " and " << j << " too close";
                    }
                }
                // No more fit: one more copy is refused in both orientations.
                request.copies = count + 1;
                EXPECT_FALSE(planSheet(paper, settings, request));
            }
        }
    }
}

TEST(Layout, KnownCountsAndTheNaturalOrientationWinsTies) {
    const auto settings = LayoutSettings::load();
    const Paper& sixInch = *settings.findPaper("6in");
    const SheetRequest chsi{settings.px(33), settings.px(48), std::nullopt, false};
    // 390×567 px copies, 35 px margins, 24 px gaps on 1800×1200: 4×1 landscape, 2×2 portrait.
    const auto plan = planSheet(sixInch, settings, chsi);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->copies.size(), 4u);
    EXPECT_FALSE(plan->turned);
    EXPECT_EQ(plan->columns, 4);
    // 一寸 on 6in: 5×2 = 10 landscape, 3×4 = 12 portrait → the paper is turned.
    const auto oneInch =
        planSheet(sixInch, settings, {settings.px(25), settings.px(35), std::nullopt, false});
    ASSERT_TRUE(oneInch);
    EXPECT_EQ(oneInch->copies.size(), 12u);
    EXPECT_TRUE(oneInch->turned);
    // A number of copies: the natural orientation when it holds them.
    const auto three = planSheet(sixInch, settings, {settings.px(25), settings.px(35), 3, false});
    ASSERT_TRUE(three);
    EXPECT_EQ(three->copies.size(), 3u);
    EXPECT_FALSE(three->turned);
    // The grid is centred.
    const int left = three->copies.front().x;
    const int right = three->widthPx - three->copies.back().br().x;
    EXPECT_LE(std::abs(left - right), 1);
}

TEST(Layout, TheSheetIsA300DpiJpegWithTheCopiesOnWhitePaper) {
    const auto settings = LayoutSettings::load();
    const auto photo = testPhoto();
    const auto sheet = makeLayoutSheet(photo, {"6in", std::nullopt, false, ""}, settings);
    const auto info = readJpegInfo(sheet.jpeg);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->dpi(), 300);
    EXPECT_EQ(info->width, 1800);
    EXPECT_EQ(info->height, 1200);
    const cv::Mat decoded = cv::imdecode(sheet.jpeg, cv::IMREAD_COLOR);
    ASSERT_FALSE(decoded.empty());
    // Outside the copies: white paper (no cut lines asked for).
    cv::Mat paperMask(decoded.size(), CV_8UC1, cv::Scalar(255));
    for (const auto& copy : sheet.plan.copies) {
        cv::Rect grown(copy.x - 3, copy.y - 3, copy.width + 6, copy.height + 6);
        paperMask(grown & cv::Rect({}, decoded.size())).setTo(0);
    }
    cv::Mat grey;
    cv::cvtColor(decoded, grey, cv::COLOR_BGR2GRAY);
    double minPaper = 0;
    cv::minMaxLoc(grey, &minPaper, nullptr, nullptr, nullptr, paperMask);
    EXPECT_GE(minPaper, 245);
    // Each copy shows the photo: the blue backdrop at its top corners, the dark head in the
    // middle; the red strip at the left edge was cropped (480×640 is wider than 33×48 mm).
    for (const auto& copy : sheet.plan.copies) {
        const cv::Mat c = decoded(copy);
        const cv::Vec3b corner = c.at<cv::Vec3b>(10, c.cols - 10);
        EXPECT_NEAR(corner[0], 255, 12);
        EXPECT_NEAR(corner[1], 197, 12);
        EXPECT_NEAR(corner[2], 100, 12);
        const cv::Vec3b head = c.at<cv::Vec3b>(c.rows * 2 / 5, c.cols / 2);
        EXPECT_NEAR(head[2], 120, 15);
        const cv::Scalar leftEdge = cv::mean(c(cv::Rect(0, 0, 3, c.rows)));
        EXPECT_LT(leftEdge[2], 180) << "the left strip should have been cropped";
    }
}

TEST(Layout, CutLinesAreLightGreyAndRunBetweenTheCopies) {
    const auto settings = LayoutSettings::load();
    const auto photo = testPhoto();
    const auto sheet = makeLayoutSheet(photo, {"a4", std::nullopt, true, ""}, settings);
    ASSERT_FALSE(sheet.plan.cutLines.empty());
    const cv::Mat& img = sheet.image;  // before JPEG: exact values
    for (const auto& [from, to] : sheet.plan.cutLines) {
        const cv::Point mid = (from + to) / 2;
        // The line lies in a gap or the margin, not on a copy.
        for (const auto& copy : sheet.plan.copies) EXPECT_FALSE(copy.contains(from));
        const cv::Point probe =
            from.x == to.x ? cv::Point(from.x, from.y + 5) : cv::Point(from.x + 5, from.y);
        bool onCopy = false;
        for (const auto& copy : sheet.plan.copies) onCopy = onCopy || copy.contains(probe);
        if (!onCopy) {
            const cv::Vec3b px = img.at<cv::Vec3b>(probe);
            EXPECT_EQ(px[0], settings.cutLineGrey);
            EXPECT_EQ(px[1], settings.cutLineGrey);
        }
        (void)mid;
    }
    // Without --cut-lines the same places are white.
    const auto plain = makeLayoutSheet(photo, {"a4", std::nullopt, false, ""}, settings);
    const auto [from, to] = plain.plan.cutLines.front();
    EXPECT_EQ(plain.image.at<cv::Vec3b>(from + cv::Point(0, 5))[0], 255);
}

TEST(Layout, CaptionsSitInTheirBandUnderEachCopy) {
    const auto settings = LayoutSettings::load();
    if (!fs::exists(settings.captionFont)) GTEST_SKIP() << "CJK font absent";
    const auto photo = testPhoto();
    const auto sheet = makeLayoutSheet(photo, {"6in", std::nullopt, false, "张三丰"}, settings);
    ASSERT_EQ(sheet.plan.captions.size(), sheet.plan.copies.size());
    cv::Mat grey;
    cv::cvtColor(sheet.image, grey, cv::COLOR_BGR2GRAY);
    cv::Mat outside(grey.size(), CV_8UC1, cv::Scalar(255));
    for (std::size_t i = 0; i < sheet.plan.captions.size(); ++i) {
        const auto& band = sheet.plan.captions[i];
        EXPECT_EQ(band.y, sheet.plan.copies[i].br().y);
        double minBand = 0;
        cv::minMaxLoc(grey(band), &minBand);
        EXPECT_LT(minBand, 128) << "no text in caption " << i;
        // Ink covers a sensible share of the band: text, not a filled box.
        const double ink = cv::countNonZero(grey(band) < 160) / double(band.area());
        EXPECT_GT(ink, 0.01);
        EXPECT_LT(ink, 0.5);
        outside(band).setTo(0);
        outside(sheet.plan.copies[i]).setTo(0);
    }
    double minOutside = 0;
    cv::minMaxLoc(grey, &minOutside, nullptr, nullptr, nullptr, outside);
    EXPECT_GE(minOutside, 250) << "caption ink outside its band";
    // A name too long for the copy's width shrinks to fit (still inside the band).
    const auto longName = makeLayoutSheet(
        photo, {"6in", 1, false, "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜"}, settings);
    cv::Mat g2;
    cv::cvtColor(longName.image, g2, cv::COLOR_BGR2GRAY);
    cv::Mat out2(g2.size(), CV_8UC1, cv::Scalar(255));
    out2(longName.plan.captions.front()).setTo(0);
    out2(longName.plan.copies.front()).setTo(0);
    cv::minMaxLoc(g2, &minOutside, nullptr, nullptr, nullptr, out2);
    EXPECT_GE(minOutside, 250);
}

TEST(Layout, RefusesWhatCannotBeLaidOut) {
    const auto settings = LayoutSettings::load();
    const auto photo = testPhoto();
    try {
        makeLayoutSheet(photo, {"6in", 99, false, ""}, settings);
        FAIL() << "99 copies do not fit on 6in";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().code, "layout_copies");
        EXPECT_NE(e.problem().message_en.find("at most 4"), std::string::npos);
    }
    try {
        makeLayoutSheet(photo, {"letter", std::nullopt, false, ""}, settings);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    }
    const std::vector<std::uint8_t> garbage{'n', 'o', 't', 'j', 'p', 'g'};
    try {
        makeLayoutSheet(garbage, {}, settings);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().code, "layout_photo_unreadable");
    }
    auto truncated = photo;
    truncated.resize(truncated.size() / 3);
    EXPECT_THROW(makeLayoutSheet(truncated, {}, settings), Error);
}

class LayoutCli : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto bytes = testPhoto();
        std::ofstream(photo, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()));
    }
    gradphoto::test::ScratchDir dir{"gradphoto-layout"};
    fs::path photo = dir / "photo.jpg";
};

TEST_F(LayoutCli, WritesTheSheet) {
    const auto sheet = dir / "sheet.jpg";
    const auto r = gradphoto::test::runCli({"layout", photo.string(), "-o", sheet.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto bytes = gradphoto::test::readText(sheet);
    const auto info =
        readJpegInfo(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    ASSERT_TRUE(info);
    EXPECT_EQ(info->dpi(), 300);
    EXPECT_EQ(info->width, 1800);
    EXPECT_EQ(info->height, 1200);
    EXPECT_NE(r.out.find("4 copies"), std::string::npos) << r.out;
}

TEST_F(LayoutCli, JsonOnA4WithCopiesCutLinesAndCaption) {
    const auto sheet = dir / "a4.jpg";
    const auto r =
        gradphoto::test::runCli({"layout", photo.string(), "-o", sheet.string(), "--paper", "a4",
                                 "--copies", "6", "--cut-lines", "--caption", "李四", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["paper"], "a4");
    EXPECT_EQ(j["copies"], 6);
    EXPECT_EQ(j["dpi"], 300);
    EXPECT_EQ(j["copy_mm"][0], 33.0);
    EXPECT_EQ(j["copy_mm"][1], 48.0);
    EXPECT_EQ(j["width"].get<int>() * j["height"].get<int>(), 2480 * 3508);
    EXPECT_TRUE(fs::exists(sheet));
}

TEST_F(LayoutCli, ExitCodesFollowTheContract) {
    const auto sheet = dir / "sheet.jpg";
    using gradphoto::test::runCli;
    // 1: the answer is no (too many copies); nothing written.
    auto r = runCli({"layout", photo.string(), "-o", sheet.string(), "--copies", "50"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u);
    EXPECT_FALSE(fs::exists(sheet));
    // 2: usage.
    EXPECT_EQ(runCli({"layout", photo.string()}).exitCode, 2);
    EXPECT_EQ(runCli({"layout", "-o", sheet.string()}).exitCode, 2);
    EXPECT_EQ(
        runCli({"layout", photo.string(), "-o", sheet.string(), "--paper", "letter"}).exitCode, 2);
    for (const char* copies : {"0", "-2", "3x", ""})
        EXPECT_EQ(
            runCli({"layout", photo.string(), "-o", sheet.string(), "--copies", copies}).exitCode,
            2)
            << copies;
    EXPECT_EQ(runCli({"layout", photo.string(), "-o", sheet.string(), "--bogus"}).exitCode, 2);
    // 3: unreadable input or I/O.
    r = runCli({"layout", (dir / "missing.jpg").string(), "-o", sheet.string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("missing.jpg"), std::string::npos);
    std::ofstream(dir / "garbage.jpg") << "not a jpeg at all";
    EXPECT_EQ(runCli({"layout", (dir / "garbage.jpg").string(), "-o", sheet.string()}).exitCode, 3);
    EXPECT_EQ(
        runCli({"layout", photo.string(), "-o", (dir / "no" / "such" / "s.jpg").string()}).exitCode,
        3);
    EXPECT_FALSE(fs::exists(sheet));
}

}  // namespace
}  // namespace gradphoto::layout
