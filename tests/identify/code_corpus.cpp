#include "code_corpus.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace gradphoto::test {
namespace {

constexpr int kFrameW = 1280;
constexpr int kFrameH = 720;

class Random {
  public:
    explicit Random(unsigned seed) : engine_(seed) {}
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * static_cast<double>(engine_() - engine_.min()) /
                        static_cast<double>(engine_.max() - engine_.min());
    }
    int integer(int lo, int hi) { return static_cast<int>(std::floor(uniform(lo, hi + 0.999))); }
    std::mt19937& engine() { return engine_; }

  private:
    std::mt19937 engine_;
};

cv::Mat renderSymbol(const std::string& payload, ZXing::BarcodeFormat format) {
    ZXing::MultiFormatWriter writer(format);
    writer.setMargin(0);
    if (format == ZXing::BarcodeFormat::QRCode) writer.setEccLevel(2);
    const ZXing::BitMatrix bits = writer.encode(payload, 0, 0);
    cv::Mat symbol(bits.height(), bits.width(), CV_8U);
    for (int y = 0; y < bits.height(); ++y) {
        for (int x = 0; x < bits.width(); ++x) symbol.at<uchar>(y, x) = bits.get(x, y) ? 0 : 255;
    }
    return symbol;
}

cv::Mat background(const std::vector<std::filesystem::path>& photos, int index, Random& rng) {
    cv::Mat frame;
    if (!photos.empty()) {
        const cv::Mat photo = cv::imread(
            photos[static_cast<std::size_t>(index) % photos.size()].string(), cv::IMREAD_COLOR);
        if (!photo.empty()) {
            // Fill the 16:9 frame: the person in the middle, the photo's edges stretched aside.
            const double scale = static_cast<double>(kFrameH) / photo.rows;
            cv::Mat scaled;
            cv::resize(photo, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
            cv::Mat wide;
            const int pad = std::max(0, (kFrameW - scaled.cols) / 2);
            cv::copyMakeBorder(scaled, wide, 0, 0, pad, kFrameW - scaled.cols - pad,
                               cv::BORDER_REFLECT);
            frame = wide(cv::Rect(0, 0, kFrameW, kFrameH)).clone();
        }
    }
    if (frame.empty()) {
        frame = cv::Mat(kFrameH, kFrameW, CV_8UC3);
        cv::randu(frame, cv::Scalar::all(60), cv::Scalar::all(200));
        cv::GaussianBlur(frame, frame, cv::Size(), 25);
    }
    (void)rng;
    return frame;
}

struct Screen {
    cv::Mat image;  // 8-bit gray: the phone with its screen
    cv::Rect symbolRect;
};

// A phone: dark body, lit screen, the code centred with a quiet zone, a line of "text" above.
Screen phoneScreen(const cv::Mat& symbol, double modulePx, int black, int white, Random& rng) {
    cv::Mat scaled;
    const int side = static_cast<int>(std::lround(symbol.cols * modulePx));
    const int height = static_cast<int>(std::lround(symbol.rows * modulePx));
    cv::resize(symbol, scaled, cv::Size(side, height), 0, 0, cv::INTER_AREA);
    scaled.convertTo(scaled, CV_8U, (white - black) / 255.0, black);
    const int screenW = static_cast<int>(side * 1.5) + 8;
    // A wide symbol (PDF417) is shown with the phone turned sideways.
    const double aspect = side > 2 * height ? 0.7 : 1.9;
    const int screenH = std::max(static_cast<int>(screenW * aspect), height + 40);
    const int body = std::max(6, screenW / 14);
    Screen screen;
    screen.image = cv::Mat(screenH + 2 * body, screenW + 2 * body, CV_8U, cv::Scalar(25));
    cv::Mat lit = screen.image(cv::Rect(body, body, screenW, screenH));
    lit.setTo(white);
    const int x = (screenW - side) / 2;
    const int y = (screenH - height) / 2;
    scaled.copyTo(lit(cv::Rect(x, y, side, height)));
    // Some UI text above the code (strokes, not a code).
    for (int i = 0; i < 6; ++i) {
        const int tx = x + rng.integer(0, std::max(1, side - side / 5));
        cv::line(lit, cv::Point(tx, y / 3), cv::Point(tx + side / 6, y / 3), cv::Scalar(black + 40),
                 std::max(1, side / 60));
    }
    screen.symbolRect = cv::Rect(body + x, body + y, side, height);
    return screen;
}

void placeWarped(cv::Mat& frame, const cv::Mat& screen, const std::vector<cv::Point2f>& corners) {
    const std::vector<cv::Point2f> source{
        {0, 0},
        {static_cast<float>(screen.cols), 0},
        {static_cast<float>(screen.cols), static_cast<float>(screen.rows)},
        {0, static_cast<float>(screen.rows)}};
    const cv::Mat h = cv::getPerspectiveTransform(source, corners);
    cv::Mat warped, mask;
    cv::Mat screenBgr;
    cv::cvtColor(screen, screenBgr, cv::COLOR_GRAY2BGR);
    cv::warpPerspective(screenBgr, warped, h, frame.size(), cv::INTER_LINEAR);
    cv::warpPerspective(cv::Mat(screen.size(), CV_8U, cv::Scalar(255)), mask, h, frame.size(),
                        cv::INTER_LINEAR);
    warped.copyTo(frame, mask > 128);
}

}  // namespace

std::string sizeName(CodeSize size) {
    switch (size) {
        case CodeSize::kLarge:
            return "large";
        case CodeSize::kMedium:
            return "medium";
        case CodeSize::kSmall:
            return "small";
    }
    return "?";
}

std::string distortionName(Distortion d) {
    switch (d) {
        case Distortion::kClean:
            return "clean";
        case Distortion::kPerspective:
            return "perspective";
        case Distortion::kRotation:
            return "rotation";
        case Distortion::kBlur:
            return "blur";
        case Distortion::kGlare:
            return "glare";
        case Distortion::kMoire:
            return "moire";
        case Distortion::kLowContrast:
            return "low_contrast";
        case Distortion::kNoiseJpeg:
            return "noise_jpeg";
    }
    return "?";
}

std::string randomPayload(unsigned seed, int bytes) {
    std::mt19937 engine(seed);
    static constexpr char kBase64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    const int chars = (bytes + 2) / 3 * 4;
    for (int i = 0; i < chars; ++i) out.push_back(kBase64[engine() % 64]);
    return out;
}

namespace {

CorpusCase makeCase(const std::vector<std::filesystem::path>& photos, int index,
                    ZXing::BarcodeFormat format, CodeSize size, Distortion distortion, bool severe,
                    Random& rng) {
    CorpusCase c;
    c.payload = randomPayload(static_cast<unsigned>(rng.integer(1, 1 << 30)));
    c.format = format == ZXing::BarcodeFormat::QRCode       ? "qr_code"
               : format == ZXing::BarcodeFormat::DataMatrix ? "data_matrix"
                                                            : "pdf417";
    c.size = sizeName(size);
    c.distortion = distortionName(distortion);
    c.severe = severe;
    c.frame = background(photos, index, rng);

    const cv::Mat symbol = renderSymbol(*c.payload, format);
    double modulePx = size == CodeSize::kLarge ? 6.0 : size == CodeSize::kMedium ? 3.5 : 2.2;
    if (format == ZXing::BarcodeFormat::PDF417)
        modulePx = std::clamp(560.0 / symbol.cols, 2.6, modulePx);
    modulePx *= rng.uniform(0.9, 1.1);
    int black = 30, white = 235;
    if (distortion == Distortion::kLowContrast) {
        const int gap = severe ? 22 : 45;
        black = rng.integer(95, 125);
        white = black + gap;
    }
    const Screen screen = phoneScreen(symbol, modulePx, black, white, rng);

    // Where the phone is and how it is held.
    const double w = screen.image.cols, h = screen.image.rows;
    const double cx = rng.uniform(w / 2 + 20, kFrameW - w / 2 - 20);
    const double cy = rng.uniform(std::min(h / 2 + 10, kFrameH / 2.0),
                                  std::max(kFrameH - h / 2 - 10, kFrameH / 2.0));
    // A wide PDF417 symbol is held level; ZXing 1.4's PDF417 detector tolerates little skew.
    double angle = format == ZXing::BarcodeFormat::PDF417 ? rng.uniform(-2, 2) : rng.uniform(-8, 8);
    if (distortion == Distortion::kRotation)
        angle = rng.uniform(severe ? -180 : -90, severe ? 180 : 90);
    const double tilt = distortion == Distortion::kPerspective ? (severe ? 0.32 : 0.18) : 0.03;
    std::vector<cv::Point2f> corners;
    const double rad = angle * CV_PI / 180;
    for (const auto& [ux, uy] : {std::pair{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}}) {
        const double px = ux * w * (1 + rng.uniform(-tilt, tilt));
        const double py = uy * h * (1 + rng.uniform(-tilt, tilt));
        corners.emplace_back(static_cast<float>(cx + px * std::cos(rad) - py * std::sin(rad)),
                             static_cast<float>(cy + px * std::sin(rad) + py * std::cos(rad)));
    }
    placeWarped(c.frame, screen.image, corners);
    cv::Rect phoneBox = cv::boundingRect(corners) & cv::Rect(0, 0, kFrameW, kFrameH);

    cv::Mat f;
    c.frame.convertTo(f, CV_32FC3);
    if (distortion == Distortion::kMoire) {
        // The screen's pixel grid beating with the sensor's: a fine slanted grating.
        const double period = rng.uniform(3.0, 5.0);
        const double theta = rng.uniform(0, CV_PI);
        const double amplitude = severe ? 0.35 : 0.18;
        for (int y = phoneBox.y; y < phoneBox.y + phoneBox.height; ++y) {
            auto* row = f.ptr<cv::Vec3f>(y);
            for (int x = phoneBox.x; x < phoneBox.x + phoneBox.width; ++x) {
                const double v =
                    1 + amplitude * std::sin(2 * CV_PI *
                                             (x * std::cos(theta) + y * std::sin(theta)) / period);
                row[x] *= static_cast<float>(v);
            }
        }
    }
    if (distortion == Distortion::kGlare) {
        // A reflection of a booth light: a bright soft blob over part of the screen.
        const double gx = phoneBox.x + rng.uniform(0.2, 0.8) * phoneBox.width;
        const double gy = phoneBox.y + rng.uniform(0.3, 0.7) * phoneBox.height;
        const double radius = phoneBox.width * rng.uniform(0.25, 0.4);
        const double strength = severe ? 230 : 110;
        for (int y = phoneBox.y; y < phoneBox.y + phoneBox.height; ++y) {
            auto* row = f.ptr<cv::Vec3f>(y);
            for (int x = phoneBox.x; x < phoneBox.x + phoneBox.width; ++x) {
                const double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (radius * radius);
                const float add = static_cast<float>(strength * std::exp(-d2));
                row[x] += cv::Vec3f(add, add, add);
            }
        }
    }
    f.convertTo(c.frame, CV_8UC3);
    if (distortion == Distortion::kBlur) {
        const double sigma = modulePx * (severe ? 0.75 : 0.45);
        cv::GaussianBlur(c.frame, c.frame, cv::Size(), sigma);
    } else {
        cv::GaussianBlur(c.frame, c.frame, cv::Size(), 0.5);  // every lens blurs a little
    }
    if (distortion == Distortion::kNoiseJpeg) {
        cv::Mat noise(c.frame.size(), CV_16SC3);
        cv::randn(noise, 0, severe ? 14 : 7);
        cv::Mat s16;
        c.frame.convertTo(s16, CV_16SC3);
        s16 += noise;
        s16.convertTo(c.frame, CV_8UC3);
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", c.frame, jpeg, {cv::IMWRITE_JPEG_QUALITY, severe ? 35 : 60});
        c.frame = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    }
    c.name = c.format + "-" + c.size + "-" + c.distortion + (severe ? "-severe-" : "-") +
             std::to_string(index);
    return c;
}

CorpusCase makeNegative(const std::vector<std::filesystem::path>& photos, int index, Random& rng) {
    CorpusCase c;
    c.distortion = "none";
    c.frame = background(photos, index, rng);
    const int kind = index % 4;
    if (kind >= 1) {
        // A phone showing something that is not a code: noise blocks, stripes or a checkerboard.
        const int side = rng.integer(120, 320);
        cv::Mat content(side, side, CV_8U);
        if (kind == 1) {
            cv::Mat small(side / 8, side / 8, CV_8U);
            cv::randu(small, 0, 256);
            cv::threshold(small, small, 127, 255, cv::THRESH_BINARY);
            cv::resize(small, content, content.size(), 0, 0, cv::INTER_NEAREST);
        } else if (kind == 2) {
            for (int y = 0; y < side; ++y) content.row(y).setTo((y / 6) % 2 ? 255 : 0);
        } else {
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x)
                    content.at<uchar>(y, x) = ((x / 10 + y / 10) % 2) ? 255 : 20;
        }
        cv::Mat bgr;
        cv::cvtColor(content, bgr, cv::COLOR_GRAY2BGR);
        const int x = rng.integer(0, kFrameW - side - 1);
        const int y = rng.integer(0, kFrameH - side - 1);
        bgr.copyTo(c.frame(cv::Rect(x, y, side, side)));
    }
    cv::GaussianBlur(c.frame, c.frame, cv::Size(), 0.6);
    c.name = "none-" + std::to_string(index);
    return c;
}

}  // namespace

std::vector<CorpusCase> makeCodeCorpus(const std::vector<std::filesystem::path>& backgrounds,
                                       const CorpusPlan& plan) {
    Random rng(plan.seed);
    std::vector<CorpusCase> corpus;
    int index = 0;
    for (const auto size : {CodeSize::kLarge, CodeSize::kMedium, CodeSize::kSmall}) {
        for (const auto d : {Distortion::kClean, Distortion::kPerspective, Distortion::kRotation,
                             Distortion::kBlur, Distortion::kGlare, Distortion::kMoire,
                             Distortion::kLowContrast, Distortion::kNoiseJpeg}) {
            for (int i = 0; i < plan.casesPerCell; ++i) {
                corpus.push_back(makeCase(backgrounds, index++, ZXing::BarcodeFormat::QRCode, size,
                                          d, false, rng));
            }
            for (int i = 0; i < plan.severePerCell; ++i) {
                corpus.push_back(makeCase(backgrounds, index++, ZXing::BarcodeFormat::QRCode, size,
                                          d, true, rng));
            }
        }
    }
    for (int i = 0; i < plan.otherFormatCases; ++i) {
        const auto size = i % 2 ? CodeSize::kLarge : CodeSize::kMedium;
        const auto d = i % 3 == 0   ? Distortion::kClean
                       : i % 3 == 1 ? Distortion::kBlur
                                    : Distortion::kPerspective;
        corpus.push_back(
            makeCase(backgrounds, index++, ZXing::BarcodeFormat::DataMatrix, size, d, false, rng));
        corpus.push_back(
            makeCase(backgrounds, index++, ZXing::BarcodeFormat::PDF417, size, d, false, rng));
    }
    for (int i = 0; i < plan.negatives; ++i) corpus.push_back(makeNegative(backgrounds, i, rng));
    return corpus;
}

}  // namespace gradphoto::test
