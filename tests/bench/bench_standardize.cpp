// Standardize a 1080p and a 12 MP capture next to the floor: decoding the capture and encoding
// the final JPEG, which no standardizer can avoid. Prints the ratios and the peak memory.
// Run: build/tests/bench/bench_standardize (see docs/performance.md).

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <map>
#include <opencv2/imgproc.hpp>

#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/imaging/standardizer.h"
#include "test_support.h"

namespace {
using namespace gradphoto;

// A booth-like capture: a waist-up corpus portrait on a grey wall, cut to the frame's aspect
// ratio from the top (the head stays in) and resized to the frame.
std::vector<std::uint8_t> makeCapture(int width, int height) {
    const auto dir = test::testdataDir();
    if (!dir) return {};
    const cv::Mat portrait = loadImage(*dir / "portraits/congress_L000595.jpg");
    const double aspect = double(width) / height;
    cv::Rect cut(0, 0, portrait.cols, portrait.rows);
    if (double(portrait.cols) / portrait.rows > aspect) {
        cut.width = int(portrait.rows * aspect);
        cut.x = (portrait.cols - cut.width) / 2;
    } else {
        cut.height = int(portrait.cols / aspect);
    }
    cv::Mat frame;
    cv::resize(portrait(cut), frame, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);
    return encodeJpeg(frame, 92, 72);
}

const std::vector<std::uint8_t>& capture(int w, int h) {
    static std::map<std::pair<int, int>, std::vector<std::uint8_t>> cache;
    auto& c = cache[{w, h}];
    if (c.empty()) c = makeCapture(w, h);
    return c;
}

const Standardizer& standardizer() {
    static const Standardizer s(Preset::load("chsi-blue"));
    return s;
}

std::map<std::string, double> g_ms;  // mean ms per benchmark name, for the ratio table

void record(benchmark::State& state, const std::string& name, double totalMs) {
    if (state.iterations() > 0) g_ms[name] = totalMs / double(state.iterations());
}

void BM_Floor(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    const auto& bytes = capture(w, h);
    if (bytes.empty()) {
        state.SkipWithError("shared testdata absent");
        return;
    }
    const cv::Mat out(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    double total = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        cv::Mat img = decodeImage(bytes, "bench");
        benchmark::DoNotOptimize(img.data);
        // The final file: a 480x640 photo-like image (decoded capture resized) as JPEG.
        cv::Mat small;
        cv::resize(img(cv::Rect(0, 0, std::min(img.cols, 480 * 2), std::min(img.rows, 640 * 2))),
                   small, out.size(), 0, 0, cv::INTER_AREA);
        auto jpeg = encodeJpeg(small, 85, 300);
        benchmark::DoNotOptimize(jpeg.data());
        total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count();
    }
    record(state, "floor/" + std::to_string(w) + "x" + std::to_string(h), total);
}

void BM_Standardize(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    const auto& bytes = capture(w, h);
    if (bytes.empty()) {
        state.SkipWithError("shared testdata absent");
        return;
    }
    double total = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const cv::Mat img = decodeImage(bytes, "bench");
        const auto r = standardizer().run(img);
        if (!r.report.ok) state.SkipWithError("the capture was refused");
        benchmark::DoNotOptimize(r.jpeg.data());
        total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count();
    }
    record(state, "standardize/" + std::to_string(w) + "x" + std::to_string(h), total);
}

BENCHMARK(BM_Floor)->Args({1920, 1080})->Args({4000, 3000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Standardize)->Args({1920, 1080})->Args({4000, 3000})->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    // Warm up: the landmark model loads once per process, not per photo.
    (void)gradphoto::FaceLocator::shared();
    benchmark::RunSpecifiedBenchmarks();
    std::printf("\nratio to the floor (decode capture + encode final JPEG), same run:\n");
    for (const char* size : {"1920x1080", "4000x3000"}) {
        const auto f = g_ms.find(std::string("floor/") + size);
        const auto s = g_ms.find(std::string("standardize/") + size);
        if (f != g_ms.end() && s != g_ms.end() && f->second > 0) {
            std::printf("  %-10s floor %7.1f ms  standardize %7.1f ms  ratio %.2fx\n", size,
                        f->second, s->second, s->second / f->second);
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory of this process: %.0f MB\n", usage.ru_maxrss / 1024.0);
    benchmark::Shutdown();
    return 0;
}
