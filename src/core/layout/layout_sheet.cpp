#include "gradphoto/layout/layout_sheet.h"

#include <algorithm>
#include <cmath>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <system_error>

#include "gradphoto/common/error.h"
#include "gradphoto/imaging/jpeg_codec.h"

namespace gradphoto::layout {
namespace fs = std::filesystem;

namespace {

// The photo scaled to cover the copy rectangle, centre-cropped when the aspect ratios differ
// (a 480×640 CHSI photo printed at 33×48 mm loses a little at both sides), never stretched.
cv::Mat copyOf(const cv::Mat& photo, cv::Size size) {
    const double scale = std::max(static_cast<double>(size.width) / photo.cols,
                                  static_cast<double>(size.height) / photo.rows);
    const cv::Size scaled(std::max(size.width, static_cast<int>(std::lround(photo.cols * scale))),
                          std::max(size.height, static_cast<int>(std::lround(photo.rows * scale))));
    cv::Mat resized;
    cv::resize(photo, resized, scaled, 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    const cv::Rect crop((scaled.width - size.width) / 2, (scaled.height - size.height) / 2,
                        size.width, size.height);
    return resized(crop).clone();
}

// A truncated JPEG still decodes (libjpeg fills the rest with grey): a photo for printing must
// be whole, so its end-of-image marker must be there (trailing padding allowed).
bool endsWithEndOfImage(std::span<const std::uint8_t> bytes) {
    const std::size_t tail = std::min<std::size_t>(bytes.size(), 4096);
    for (std::size_t i = bytes.size() - tail; i + 1 < bytes.size(); ++i)
        if (bytes[i] == 0xFF && bytes[i + 1] == 0xD9) return true;
    return false;
}

void drawCaptions(cv::Mat& sheet, const SheetPlan& plan, const std::string& caption,
                  const LayoutSettings& settings) {
    std::error_code ec;
    if (settings.captionFont.empty() || !fs::is_regular_file(settings.captionFont, ec))
        throw Error(Error::Kind::kInput,
                    {"layout_font", "找不到说明文字的字体 " + settings.captionFont.string(),
                     "the caption font " + settings.captionFont.string() +
                         " is missing (install fonts-noto-cjk)"});
    auto font = cv::freetype::createFreeType2();
    font->loadFontData(settings.captionFont.string(), settings.captionFontIndex);
    for (const auto& band : plan.captions) {
        // As large as the band allows, smaller when the name is wider than the copy.
        int height = std::max(8, band.height * 7 / 10);
        int baseline = 0;
        cv::Size size = font->getTextSize(caption, height, -1, &baseline);
        while (size.width > band.width - 4 && height > 8) {
            --height;
            size = font->getTextSize(caption, height, -1, &baseline);
        }
        const int x = band.x + std::max(0, (band.width - size.width) / 2);
        const int y = band.y + std::max(0, (band.height - size.height) / 2) + size.height;
        cv::Mat region = sheet(band);
        cv::Mat drawn = region.clone();
        font->putText(drawn, caption, {x - band.x, y - band.y}, height, cv::Scalar(60, 60, 60), -1,
                      cv::LINE_AA, true);
        drawn.copyTo(region);  // drawing on the band's copy keeps the text inside the band
    }
}

}  // namespace

cv::Mat renderSheet(const cv::Mat& photoBgr, const SheetPlan& plan, const SheetOptions& options,
                    const LayoutSettings& settings) {
    cv::Mat sheet(plan.heightPx, plan.widthPx, CV_8UC3, cv::Scalar(255, 255, 255));
    if (options.cutLines) {
        const cv::Scalar grey(settings.cutLineGrey, settings.cutLineGrey, settings.cutLineGrey);
        for (const auto& [from, to] : plan.cutLines) cv::line(sheet, from, to, grey, 1, cv::LINE_8);
    }
    if (!plan.copies.empty()) {
        const cv::Mat copy = copyOf(photoBgr, plan.copies.front().size());
        for (const auto& rect : plan.copies) copy.copyTo(sheet(rect));
    }
    if (!options.caption.empty() && !plan.captions.empty())
        drawCaptions(sheet, plan, options.caption, settings);
    return sheet;
}

LayoutSheet makeLayoutSheet(std::span<const std::uint8_t> photoJpeg, const SheetOptions& options,
                            const LayoutSettings& settings) {
    const std::string paperName = options.paper.empty() ? settings.defaultPaper : options.paper;
    const Paper* paper = settings.findPaper(paperName);
    if (!paper)
        throw Error(Error::Kind::kUsage,
                    {"layout_paper_unknown", "未知的纸张 " + paperName,
                     "unknown paper " + paperName + " (one of: " + settings.paperNames() + ")"});
    const auto info = readJpegInfo(photoJpeg);
    cv::Mat photo;
    if (info && endsWithEndOfImage(photoJpeg)) {
        const cv::Mat buffer(1, static_cast<int>(photoJpeg.size()), CV_8UC1,
                             const_cast<std::uint8_t*>(photoJpeg.data()));
        photo = cv::imdecode(buffer, cv::IMREAD_COLOR);
    }
    if (!info || photo.empty())
        throw Error(Error::Kind::kInput, {"layout_photo_unreadable", "照片不是完整可读的 JPEG 文件",
                                          "the photo is not a complete, readable JPEG file"});

    LayoutSheet sheet;
    sheet.printSize = printSizeOf(photo.cols, photo.rows, info->dpi(), settings);
    SheetRequest request;
    request.copyWidthPx = settings.px(sheet.printSize.mm.width);
    request.copyHeightPx = settings.px(sheet.printSize.mm.height);
    request.copies = options.copies;
    request.captions = !options.caption.empty();
    const auto plan = planSheet(*paper, settings, request);
    if (!plan) {
        const int capacity = sheetCapacity(*paper, settings, request);
        const std::string fits = std::to_string(capacity);
        throw Error(
            Error::Kind::kInput,
            {"layout_copies", paper->titleZh + " 纸最多能放 " + fits + " 张这种尺寸的照片",
             "at most " + fits + " copies of this photo fit on " + paper->name +
                 (options.copies ? " (asked for " + std::to_string(*options.copies) + ")" : "")});
    }
    sheet.plan = *plan;
    sheet.image = renderSheet(photo, sheet.plan, options, settings);
    sheet.jpeg = encodeJpeg(sheet.image, kSheetJpegQuality, settings.dpi);
    return sheet;
}

}  // namespace gradphoto::layout
