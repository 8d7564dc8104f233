// Compliance checks on a 1280x720 preview frame, on one core (cv::setNumThreads(1); the time is
// the process's CPU time, every thread counted), each next to a plain OpenCV Haar face detection
// on the same frame:
// - the live subset with a fresh detection (the first frame, and every live_track_frames-th),
// - the live subset on a consecutive frame, the face tracked from the frame before (no detection),
// - the lost-face path: a small face (the student stepped back) the live_detection_side detection
//   misses, found again by the full-resolution search around the previous face,
// - the full analysis.
// Prints the ratios to Haar at the end, from the same runs (docs/performance.md).

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <optional>

#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace {

using namespace gradphoto;
using checks::LivePreviewAnalyzer;

const char* kHaar = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
constexpr double kSmallFacePx = 110;  // the lost-face frame's face width in the 1280x720 frame

const cv::Mat& portrait() {
    static const cv::Mat p = [] {
        const auto dir = test::testdataDir();
        return dir ? loadImage(*dir / "portraits" / "congress_L000582.jpg") : cv::Mat();
    }();
    return p;
}

// The portrait's face (centre and width) in its own pixels.
const std::optional<FaceLandmarks>& portraitFace() {
    static const std::optional<FaceLandmarks> f = []() -> std::optional<FaceLandmarks> {
        if (portrait().empty()) return std::nullopt;
        const auto faces = FaceLocator::shared()->locate(portrait());
        if (faces.empty()) return std::nullopt;
        return faces.front();
    }();
    return f;
}

// A 1280x720 frame with the portrait scaled so its face is faceWidth px wide, the eyes' midpoint
// at (640 + dx, 300).
cv::Mat frameWith(double faceWidth, int dx = 0) {
    cv::Mat canvas(720, 1280, CV_8UC3, cv::Scalar(205, 200, 195));
    const auto& face = portraitFace();
    if (!face) return canvas;
    const double s = faceWidth / face->faceWidth;
    cv::Mat scaled;
    cv::resize(portrait(), scaled, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Point2f eyes = face->eyeMidpoint() * float(s);
    const cv::Matx23d m(1, 0, 640 + dx - eyes.x, 0, 1, 300 - eyes.y);
    cv::warpAffine(scaled, canvas, m, canvas.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    return canvas;
}

// The booth's framing: the portrait filling the frame's height.
double boothFaceWidth() {
    return portraitFace() ? portraitFace()->faceWidth * 720.0 / portrait().rows : 0;
}

const cv::Mat& boothFrame() {
    static const cv::Mat f = frameWith(boothFaceWidth());
    return f;
}
const cv::Mat& movedFrame() {  // the next frame: the student moved 3 px
    static const cv::Mat f = frameWith(boothFaceWidth(), 3);
    return f;
}
const cv::Mat& smallFaceFrame() {
    static const cv::Mat f = frameWith(kSmallFacePx);
    return f;
}

cv::CascadeClassifier& haar() {
    static cv::CascadeClassifier c(kHaar);
    return c;
}

void haarDetect(const cv::Mat& frame) {
    cv::Mat grey;
    cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
    cv::equalizeHist(grey, grey);
    std::vector<cv::Rect> faces;
    haar().detectMultiScale(grey, faces, 1.1, 3, 0, cv::Size(80, 80));
    benchmark::DoNotOptimize(faces);
}

bool haveData(benchmark::State& state) {
    // Load the model and cascade and make the frames before any timing.
    FaceLocator::shared();
    haar();
    smallFaceFrame();
    movedFrame();
    if (!portraitFace()) {
        state.SkipWithError("no testdata (GRADPHOTO_TESTDATA) or no face in the portrait");
        return false;
    }
    return true;
}

void BM_HaarBoothFrame(benchmark::State& state) {
    if (!haveData(state)) return;
    if (haar().empty()) {
        state.SkipWithError("opencv-data's Haar cascade is not installed");
        return;
    }
    for (auto _ : state) haarDetect(boothFrame());
}
BENCHMARK(BM_HaarBoothFrame)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_HaarSmallFaceFrame(benchmark::State& state) {
    if (!haveData(state)) return;
    if (haar().empty()) {
        state.SkipWithError("opencv-data's Haar cascade is not installed");
        return;
    }
    for (auto _ : state) haarDetect(smallFaceFrame());
}
BENCHMARK(BM_HaarSmallFaceFrame)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_LiveFreshDetection(benchmark::State& state) {
    if (!haveData(state)) return;
    LivePreviewAnalyzer live;
    for (auto _ : state) {
        live.reset();
        benchmark::DoNotOptimize(live.analyzeFrame(boothFrame()));
    }
    if (!live.lastFace() || live.lastFaceTracked()) state.SkipWithError("no fresh detection");
}
BENCHMARK(BM_LiveFreshDetection)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// Each iteration: the analyzer right after a detection on boothFrame, given the moved frame.
void BM_LiveTrackedFrame(benchmark::State& state) {
    if (!haveData(state)) return;
    LivePreviewAnalyzer primed;
    primed.analyzeFrame(boothFrame());
    std::optional<LivePreviewAnalyzer> live;
    for (auto _ : state) {
        state.PauseTiming();
        live.emplace(primed);
        state.ResumeTiming();
        benchmark::DoNotOptimize(live->analyzeFrame(movedFrame()));
    }
    if (!live || !live->lastFaceTracked()) state.SkipWithError("the face was not tracked");
}
BENCHMARK(BM_LiveTrackedFrame)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The student steps back from the booth framing to a face kSmallFacePx wide (10 % a frame,
// tracked, re-detected every live_track_frames frames), then stays until a full detection is
// due. Each iteration: that detection, which misses at live_detection_side and finds the face by
// the full-resolution search around the previous one.
void BM_LiveLostFace(benchmark::State& state) {
    if (!haveData(state)) return;
    if (!FaceLocator::shared()
             ->locate(smallFaceFrame(),
                      int(checks::CheckConfig::shipped().number("live_detection_side", 500)))
             .empty()) {
        state.SkipWithError("the small-size detection finds the small face: not the lost path");
        return;
    }
    LivePreviewAnalyzer primed;
    for (double w = boothFaceWidth(); w > kSmallFacePx; w *= 0.9) primed.analyzeFrame(frameWith(w));
    const int every = int(checks::CheckConfig::shipped().number("live_track_frames", 5));
    for (int i = 0; i < 2 * every; ++i) {
        primed.analyzeFrame(smallFaceFrame());
        // The next frame is a full detection when this one was the last tracked one.
        LivePreviewAnalyzer probe = primed;
        probe.analyzeFrame(smallFaceFrame());
        if (!probe.lastFaceTracked()) break;
    }
    std::optional<LivePreviewAnalyzer> live;
    for (auto _ : state) {
        state.PauseTiming();
        live.emplace(primed);
        state.ResumeTiming();
        benchmark::DoNotOptimize(live->analyzeFrame(smallFaceFrame()));
    }
    if (!live || !live->lastFace() || live->lastFaceTracked())
        state.SkipWithError("the small face was not found again by the full-resolution search");
}
BENCHMARK(BM_LiveLostFace)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_FullAnalysis(benchmark::State& state) {
    if (!haveData(state)) return;
    const checks::ComplianceAnalyzer analyzer;
    for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(boothFrame()));
}
BENCHMARK(BM_FullAnalysis)->Unit(benchmark::kMillisecond)->Iterations(5)->MeasureProcessCPUTime();

// The console output, and each benchmark's CPU time per iteration (ms) for the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
  public:
    std::map<std::string, double> cpuMs;
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& r : runs) {
            if (r.error_occurred || r.run_type != Run::RT_Iteration) continue;
            std::string name = r.benchmark_name();
            name = name.substr(0, name.find('/'));
            cpuMs[name] = r.GetAdjustedCPUTime();  // every benchmark above is in ms
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    cv::setNumThreads(1);  // one core: OpenCV's parallel loops (Haar, resize) run inline
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const auto& t = reporter.cpuMs;
    auto has = [&](const char* n) { return t.count(n) > 0 && t.at(n) > 0; };
    std::printf("\nOne core, process CPU time per frame (ms), ratio to Haar on the same frame:\n");
    auto row = [&](const char* what, const char* name, const char* haarName) {
        if (!has(name) || !has(haarName)) return;
        std::printf("  %-44s %7.1f ms = %5.2fx Haar (%.1f ms)\n", what, t.at(name),
                    t.at(name) / t.at(haarName), t.at(haarName));
    };
    row("live subset, fresh detection", "BM_LiveFreshDetection", "BM_HaarBoothFrame");
    row("live subset, tracked frame", "BM_LiveTrackedFrame", "BM_HaarBoothFrame");
    if (has("BM_LiveFreshDetection") && has("BM_LiveTrackedFrame") && has("BM_HaarBoothFrame")) {
        const int n = int(checks::CheckConfig::shipped().number("live_track_frames", 5));
        const double mean =
            (t.at("BM_LiveFreshDetection") + (n - 1) * t.at("BM_LiveTrackedFrame")) / n;
        std::printf("  %-44s %7.1f ms = %5.2fx Haar\n",
                    ("live subset, mean of " + std::to_string(n) + " frames (1 detected)").c_str(),
                    mean, mean / t.at("BM_HaarBoothFrame"));
    }
    row("live subset, lost face (full-res search)", "BM_LiveLostFace", "BM_HaarSmallFaceFrame");
    row("full analysis", "BM_FullAnalysis", "BM_HaarBoothFrame");
    return 0;
}
