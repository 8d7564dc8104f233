// Decode and false-positive rates on the generated corpus, ours next to stock ZXing.

#include <ZXing/ReadBarcode.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "code_corpus.h"
#include "gradphoto/identify/collection_code_scanner.h"
#include "test_support.h"

namespace gradphoto::identify {
namespace {

std::optional<std::string> stockRead(const cv::Mat& bgr) {
    const ZXing::ImageView view(bgr.data, bgr.cols, bgr.rows, ZXing::ImageFormat::BGR,
                                static_cast<int>(bgr.step));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix |
                     ZXing::BarcodeFormat::PDF417);
    const auto result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) return std::nullopt;
    return std::string(result.bytes().begin(), result.bytes().end());
}

struct Tally {
    int cases = 0;
    int ours = 0;
    int stock = 0;
};

std::string percent(int n, int d) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << (d ? 100.0 * n / d : 0.0) << "%";
    return s.str();
}

TEST(CollectionCodeScanner, DecodesTheGeneratedCorpusWithoutFalsePositives) {
    const auto portraits = test::corpusImages("portraits");
    if (portraits.empty()) GTEST_SKIP() << "portrait corpus absent";
    test::CorpusPlan plan;
    if (const char* quick = std::getenv("GRADPHOTO_QUICK_CORPUS")) {
        if (std::string(quick) == "1")
            plan.casesPerCell = 2, plan.severePerCell = 1, plan.negatives = 12;
    }
    const auto corpus = test::makeCodeCorpus(portraits, plan);
    const CollectionCodeScanner scanner(CollectionCodeScanner::imageFileOptions());

    std::map<std::string, Tally> byCell;  // "size/distortion" (moderate) and "severe/..."
    Tally moderate, severe, others;
    int negatives = 0, falsePositives = 0, misreads = 0, stockFalsePositives = 0;
    double oursMs = 0;
    std::vector<std::string> missed;
    for (const auto& c : corpus) {
        const auto start = std::chrono::steady_clock::now();
        const auto found = scanner.scan(c.frame);
        oursMs +=
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        const auto stock = stockRead(c.frame);
        if (!c.payload) {
            ++negatives;
            falsePositives += found.has_value();
            stockFalsePositives += stock.has_value();
            continue;
        }
        const bool ok = found && found->payload == *c.payload &&
                        std::string(codeFormatName(found->format)) == c.format;
        if (found && !ok) ++misreads;
        const bool stockOk = stock && *stock == *c.payload;
        Tally& total = c.format != "qr_code" ? others : c.severe ? severe : moderate;
        Tally& cell =
            byCell[(c.severe ? "severe " : "") + c.format + " " + c.size + "/" + c.distortion];
        for (Tally* t : {&total, &cell}) {
            ++t->cases;
            t->ours += ok;
            t->stock += stockOk;
        }
        if (!ok && !c.severe) missed.push_back(c.name);
    }
    std::cout << "cell | cases | ours | stock ZXing\n";
    for (const auto& [name, t] : byCell) {
        std::cout << name << " | " << t.cases << " | " << percent(t.ours, t.cases) << " | "
                  << percent(t.stock, t.cases) << '\n';
    }
    std::cout << "moderate QR: " << moderate.ours << "/" << moderate.cases << " = "
              << percent(moderate.ours, moderate.cases) << " (stock "
              << percent(moderate.stock, moderate.cases) << ")\n"
              << "severe QR: " << severe.ours << "/" << severe.cases << " = "
              << percent(severe.ours, severe.cases) << " (stock "
              << percent(severe.stock, severe.cases) << ")\n"
              << "Data Matrix + PDF417: " << others.ours << "/" << others.cases << " (stock "
              << others.stock << ")\n"
              << "false positives: " << falsePositives << "/" << negatives << " (stock "
              << stockFalsePositives << "), misreads: " << misreads << '\n'
              << "mean scan time " << oursMs / static_cast<double>(corpus.size()) << " ms\n";
    for (const auto& name : missed) std::cout << "missed: " << name << '\n';

    EXPECT_EQ(falsePositives, 0);
    EXPECT_EQ(misreads, 0);
    EXPECT_GE(moderate.ours, static_cast<int>(std::ceil(0.98 * moderate.cases)));
}

TEST(CollectionCodeScanner, ReadsEachFormatAndKeepsThePayloadExact) {
    test::CorpusPlan plan;
    plan.casesPerCell = 0;
    plan.severePerCell = 0;
    plan.otherFormatCases = 3;
    plan.negatives = 0;
    const auto corpus = test::makeCodeCorpus({}, plan);
    const CollectionCodeScanner scanner;
    for (const auto& c : corpus) {
        const auto found = scanner.scan(c.frame);
        ASSERT_TRUE(found) << c.name;
        EXPECT_EQ(found->payload, *c.payload) << c.name;
        EXPECT_EQ(codeFormatName(found->format), c.format) << c.name;
    }
}

TEST(CollectionCodeScanner, EmptyAndOddImagesFindNothing) {
    const CollectionCodeScanner scanner;
    EXPECT_FALSE(scanner.scan(cv::Mat()));
    EXPECT_FALSE(scanner.scan(cv::Mat(50, 50, CV_8UC3, cv::Scalar::all(255))));
    EXPECT_FALSE(scanner.scan(cv::Mat(720, 1280, CV_8UC1, cv::Scalar(0))));
    const auto advice = CollectionCodeScanner::noCodeInImageProblem();
    EXPECT_NE(advice.message_zh.find("截图"), std::string::npos);
    EXPECT_NE(advice.message_zh.find("保存图片"), std::string::npos);
}

}  // namespace
}  // namespace gradphoto::identify
