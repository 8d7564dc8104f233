// Compliance checks on a 1280x720 preview frame: the live subset (face tracked between frames),
// the live subset with a fresh detection, and the full analysis, next to a plain OpenCV Haar
// face detection on the same frame. Prints the ratios at the end (docs/performance.md).

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace {

using namespace gradphoto;

const char* kHaar = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

// A portrait filling the height of a 1280x720 frame, like the booth camera's preview.
const cv::Mat& frame() {
    static const cv::Mat f = [] {
        const auto dir = test::testdataDir();
        cv::Mat canvas(720, 1280, CV_8UC3, cv::Scalar(205, 200, 195));
        if (!dir) return canvas;
        const cv::Mat image = loadImage(*dir / "portraits" / "congress_L000582.jpg");
        cv::Mat scaled;
        const double s = 720.0 / image.rows;
        cv::resize(image, scaled, cv::Size(), s, s, cv::INTER_AREA);
        cv::copyMakeBorder(scaled, canvas, 0, 0, (1280 - scaled.cols) / 2,
                           1280 - scaled.cols - (1280 - scaled.cols) / 2, cv::BORDER_REPLICATE);
        return canvas;
    }();
    return f;
}

cv::CascadeClassifier& haar() {
    static cv::CascadeClassifier c(kHaar);
    return c;
}

void haarDetect() {
    cv::Mat grey;
    cv::cvtColor(frame(), grey, cv::COLOR_BGR2GRAY);
    cv::equalizeHist(grey, grey);
    std::vector<cv::Rect> faces;
    haar().detectMultiScale(grey, faces, 1.1, 3, 0, cv::Size(80, 80));
    benchmark::DoNotOptimize(faces);
}

void BM_HaarFaceDetection(benchmark::State& state) {
    if (haar().empty()) {
        state.SkipWithError("opencv-data's Haar cascade is not installed");
        return;
    }
    for (auto _ : state) haarDetect();
}
BENCHMARK(BM_HaarFaceDetection)->Unit(benchmark::kMillisecond);

void BM_LiveSubsetTracked(benchmark::State& state) {
    checks::LivePreviewAnalyzer live;
    live.analyzeFrame(frame());
    for (auto _ : state) benchmark::DoNotOptimize(live.analyzeFrame(frame()));
}
BENCHMARK(BM_LiveSubsetTracked)->Unit(benchmark::kMillisecond);

void BM_LiveSubsetFreshDetection(benchmark::State& state) {
    checks::LivePreviewAnalyzer live;
    for (auto _ : state) {
        live.reset();
        benchmark::DoNotOptimize(live.analyzeFrame(frame()));
    }
}
BENCHMARK(BM_LiveSubsetFreshDetection)->Unit(benchmark::kMillisecond);

void BM_FullAnalysis(benchmark::State& state) {
    const checks::ComplianceAnalyzer analyzer;
    for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(frame()));
}
BENCHMARK(BM_FullAnalysis)->Unit(benchmark::kMillisecond)->Iterations(5);

template <class F>
double meanMs(F f, int n) {
    f();
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
               .count() /
           n;
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (haar().empty()) return 0;
    checks::LivePreviewAnalyzer live;
    const checks::ComplianceAnalyzer analyzer;
    const double h = meanMs(haarDetect, 10);
    const double l = meanMs([&] { live.analyzeFrame(frame()); }, 20);
    const double f = meanMs([&] { analyzer.analyze(frame()); }, 3);
    std::printf(
        "\nHaar detection %.1f ms | live subset (tracked) %.1f ms = %.2fx Haar | full analysis "
        "%.1f ms = %.2fx Haar\n",
        h, l, l / h, f, f / h);
    return 0;
}
