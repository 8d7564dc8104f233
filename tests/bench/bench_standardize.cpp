// Standardize a 1080p and a 12 MP capture next to the floor: decoding the capture and encoding
// the final JPEG, which no standardizer can avoid. Prints the ratios and the peak memory.
// Run: build/tests/bench/bench_standardize (see docs/performance.md).

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <ctime>
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

std::map<std::string, double> g_ms;     // mean wall ms per benchmark name, for the ratio table
std::map<std::string, double> g_cpuMs;  // mean CPU ms of this process (robust on a busy machine)

double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

void record(benchmark::State& state, const std::string& name, double totalMs, double cpu) {
    if (state.iterations() == 0) return;
    g_ms[name] = totalMs / double(state.iterations());
    g_cpuMs[name] = cpu / double(state.iterations());
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
    const double cpu0 = cpuMs();
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
    record(state, "floor/" + std::to_string(w) + "x" + std::to_string(h), total, cpuMs() - cpu0);
}

void BM_Standardize(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    const auto& bytes = capture(w, h);
    if (bytes.empty()) {
        state.SkipWithError("shared testdata absent");
        return;
    }
    double total = 0;
    const double cpu0 = cpuMs();
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = standardizer().runEncoded(bytes, "bench");
        if (!r.report.ok) state.SkipWithError("the capture was refused");
        benchmark::DoNotOptimize(r.jpeg.data());
        total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count();
    }
    record(state, "standardize/" + std::to_string(w) + "x" + std::to_string(h), total,
           cpuMs() - cpu0);
}

BENCHMARK(BM_Floor)
    ->Args({1920, 1080})
    ->Args({4000, 3000})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK(BM_Standardize)
    ->Args({1920, 1080})
    ->Args({4000, 3000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

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
            const double fc = g_cpuMs[std::string("floor/") + size];
            const double sc = g_cpuMs[std::string("standardize/") + size];
            std::printf(
                "  %-10s wall: floor %7.1f ms  standardize %7.1f ms  ratio %.2fx   "
                "cpu: floor %7.1f ms  standardize %7.1f ms  ratio %.2fx\n",
                size, f->second, s->second, s->second / f->second, fc, sc, fc > 0 ? sc / fc : 0.0);
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory of this process: %.0f MB\n", usage.ru_maxrss / 1024.0);
    benchmark::Shutdown();
    return 0;
}
