// Decode time per 1280×720 camera frame: our CollectionCodeScanner (live-frame options) next to
// plain ZXing::ReadBarcode on the same frame. Prints the ratio (our overhead) before the
// Google Benchmark table.

#define ZX_USE_UTF8
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gradphoto/identify/collection_code_scanner.h"
#include "test_support.h"

namespace {

using gradphoto::identify::CollectionCodeScanner;

// A booth frame: a portrait (or grey noise) with a phone-screen QR code of `modulePx` pixels per
// module, blurred by `blurSigma`.
cv::Mat makeFrame(double modulePx, double blurSigma, bool withCode) {
    cv::Mat frame(720, 1280, CV_8UC3);
    const auto portraits = gradphoto::test::corpusImages("portraits");
    cv::Mat photo = portraits.empty() ? cv::Mat() : cv::imread(portraits.front().string());
    if (!photo.empty()) {
        cv::resize(photo, photo, cv::Size(1280, 720), 0, 0, cv::INTER_AREA);
        frame = photo;
    } else {
        cv::randu(frame, cv::Scalar::all(60), cv::Scalar::all(200));
        cv::GaussianBlur(frame, frame, cv::Size(), 20);
    }
    if (withCode) {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setMargin(4);
        const auto bits = writer.encode(std::string(120, 'Q') + "benchmark-payload", 0, 0);
        cv::Mat symbol(bits.height(), bits.width(), CV_8U);
        for (int y = 0; y < bits.height(); ++y)
            for (int x = 0; x < bits.width(); ++x)
                symbol.at<uchar>(y, x) = bits.get(x, y) ? 30 : 235;
        const int side = static_cast<int>(bits.width() * modulePx);
        cv::resize(symbol, symbol, cv::Size(side, side), 0, 0, cv::INTER_AREA);
        cv::Mat bgr;
        cv::cvtColor(symbol, bgr, cv::COLOR_GRAY2BGR);
        bgr.copyTo(frame(cv::Rect(900, 200, side, side)));
    }
    if (blurSigma > 0) cv::GaussianBlur(frame, frame, cv::Size(), blurSigma);
    return frame;
}

bool stockRead(const cv::Mat& frame) {
    const ZXing::ImageView view(frame.data, frame.cols, frame.rows, ZXing::ImageFormat::BGR,
                                static_cast<int>(frame.step));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix |
                     ZXing::BarcodeFormat::PDF417);
    return ZXing::ReadBarcode(view, hints).isValid();
}

struct Scene {
    const char* name;
    double modulePx;
    double blur;
    bool code;
};
const Scene kScenes[] = {{"clean_medium_code", 4.0, 0.5, true},
                         {"small_blurred_code", 2.2, 1.0, true},
                         {"no_code", 0, 0.5, false}};

void BM_Ours(benchmark::State& state) {
    const auto& scene = kScenes[state.range(0)];
    const cv::Mat frame = makeFrame(scene.modulePx, scene.blur, scene.code);
    const CollectionCodeScanner scanner(CollectionCodeScanner::liveFrameOptions());
    bool found = false;
    for (auto _ : state) {
        found = scanner.scan(frame).has_value();
        benchmark::DoNotOptimize(found);
    }
    state.SetLabel(std::string(scene.name) + (found ? " found" : " none"));
}

void BM_StockZXing(benchmark::State& state) {
    const auto& scene = kScenes[state.range(0)];
    const cv::Mat frame = makeFrame(scene.modulePx, scene.blur, scene.code);
    bool found = false;
    for (auto _ : state) {
        found = stockRead(frame);
        benchmark::DoNotOptimize(found);
    }
    state.SetLabel(std::string(scene.name) + (found ? " found" : " none"));
}

BENCHMARK(BM_Ours)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StockZXing)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

template <typename F>
double meanMs(F&& f, int n) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
               .count() /
           n;
}

}  // namespace

int main(int argc, char** argv) {
    const CollectionCodeScanner scanner(CollectionCodeScanner::liveFrameOptions());
    std::printf("scene | ours ms (found) | stock ZXing ms (found) | ratio\n");
    for (const auto& scene : kScenes) {
        const cv::Mat frame = makeFrame(scene.modulePx, scene.blur, scene.code);
        const bool oursFound = scanner.scan(frame).has_value();
        const bool stockFound = stockRead(frame);
        const double ours = meanMs([&] { (void)scanner.scan(frame); }, 5);
        const double stock = meanMs([&] { (void)stockRead(frame); }, 5);
        std::printf("%s | %.1f (%s) | %.1f (%s) | %.2f\n", scene.name, ours,
                    oursFound ? "yes" : "no", stock, stockFound ? "yes" : "no", ours / stock);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
