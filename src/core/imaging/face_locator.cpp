#include "gradphoto/imaging/face_locator.h"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto {

double FaceLandmarks::rollDegrees() const {
    const cv::Point2f d = rightEye - leftEye;
    return std::atan2(d.y, d.x) * 180.0 / CV_PI;
}

FaceLandmarks FaceLandmarks::scaled(double factor, cv::Point2f offset) const {
    const auto f = static_cast<float>(factor);
    auto map = [&](cv::Point2f p) { return p * f + offset; };
    FaceLandmarks out = *this;
    out.box = cv::Rect2f(map(box.tl()), cv::Size2f(box.width * f, box.height * f));
    for (auto& p : out.points) p = map(p);
    out.leftEye = map(leftEye);
    out.rightEye = map(rightEye);
    out.chin = map(chin);
    out.faceWidth = faceWidth * f;
    return out;
}

namespace {

// The landmarks of one fitted shape; the eye centres, chin and width follow from them.
FaceLandmarks fromShape(const dlib::full_object_detection& shape, const cv::Rect2f& box) {
    FaceLandmarks f;
    f.box = box;
    for (unsigned i = 0; i < 68 && i < shape.num_parts(); ++i) {
        f.points[i] = cv::Point2f(float(shape.part(i).x()), float(shape.part(i).y()));
    }
    auto centre = [&](int from, int to) {
        cv::Point2f sum(0, 0);
        for (int i = from; i <= to; ++i) sum += f.points[i];
        return sum * (1.0f / float(to - from + 1));
    };
    f.leftEye = centre(36, 41);  // the subject's right eye, on the image's left
    f.rightEye = centre(42, 47);
    f.chin = f.points[8];
    f.faceWidth = float(cv::norm(f.points[16] - f.points[0]));
    return f;
}

}  // namespace

struct FaceLocator::Impl {
    dlib::shape_predictor shapes;
    // The HOG detector keeps scratch state while it runs: a small pool lets threads share it.
    std::mutex poolMutex;
    std::vector<std::unique_ptr<dlib::frontal_face_detector>> pool;

    std::unique_ptr<dlib::frontal_face_detector> takeDetector() {
        std::lock_guard lock(poolMutex);
        if (pool.empty()) {
            return std::make_unique<dlib::frontal_face_detector>(dlib::get_frontal_face_detector());
        }
        auto d = std::move(pool.back());
        pool.pop_back();
        return d;
    }
    void giveBack(std::unique_ptr<dlib::frontal_face_detector> d) {
        std::lock_guard lock(poolMutex);
        pool.push_back(std::move(d));
    }
};

FaceLocator::FaceLocator(const std::filesystem::path& modelFile) : impl_(std::make_unique<Impl>()) {
    try {
        dlib::deserialize(modelFile.string()) >> impl_->shapes;
        // Building the HOG detector takes as long as loading the model: do it now, not on the
        // first photo.
        impl_->pool.push_back(
            std::make_unique<dlib::frontal_face_detector>(dlib::get_frontal_face_detector()));
    } catch (const std::exception& e) {
        throw Error(Error::Kind::kIo,
                    {"landmark_model_missing", "人脸关键点模型缺失，请联系工作人员",
                     "cannot load the face landmark model " + modelFile.string() +
                         " (install Debian's libdlib-data): " + e.what()});
    }
}

FaceLocator::~FaceLocator() = default;

std::shared_ptr<const FaceLocator> FaceLocator::shared() {
    static std::mutex mutex;
    static std::shared_ptr<const FaceLocator> instance;
    std::lock_guard lock(mutex);
    if (!instance) instance = std::make_shared<FaceLocator>(landmarkModelPath());
    return instance;
}

namespace {

// A grey copy scaled by scale, at least a pixel on each side (a thin strip has no face; it must
// not throw).
cv::Mat scaledGrey(const cv::Mat& grey, double scale, int interpolation) {
    if (scale == 1.0) return grey;
    cv::Mat out;
    cv::resize(
        grey, out,
        cv::Size(std::max(1, cvRound(grey.cols * scale)), std::max(1, cvRound(grey.rows * scale))),
        0, 0, interpolation);
    return out;
}

}  // namespace

std::vector<FaceLandmarks> FaceLocator::locate(const cv::Mat& bgr, int detectionMaxSide) const {
    CV_Assert(bgr.type() == CV_8UC3);
    // Detect on a downscaled grey copy; a copy under 500 px is doubled for the detector instead.
    const int maxSide = std::max(bgr.cols, bgr.rows);
    const double scale = maxSide > detectionMaxSide ? double(detectionMaxSide) / maxSide : 1.0;
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    const cv::Mat small = scaledGrey(grey, scale, cv::INTER_AREA);
    if (std::max(small.cols, small.rows) >= 500) return detect(grey, small, scale);
    return detect(grey, scaledGrey(small, 2.0, cv::INTER_LINEAR), 2 * scale);
}

std::vector<FaceLandmarks> FaceLocator::locateAtScale(const cv::Mat& bgr,
                                                      double detectionScale) const {
    CV_Assert(bgr.type() == CV_8UC3 && detectionScale > 0);
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    return detect(
        grey,
        scaledGrey(grey, detectionScale, detectionScale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR),
        detectionScale);
}

std::vector<FaceLandmarks> FaceLocator::detect(const cv::Mat& grey, const cv::Mat& input,
                                               double scale) const {
    auto detector = impl_->takeDetector();
    std::vector<dlib::rect_detection> found;
    {
        dlib::cv_image<unsigned char> view(input);
        (*detector)(view, found, 0.0);
    }
    impl_->giveBack(std::move(detector));

    std::vector<FaceLandmarks> faces;
    dlib::cv_image<unsigned char> full(grey);
    const double inv = 1.0 / scale;
    for (const auto& d : found) {
        const dlib::rectangle r(std::lround(d.rect.left() * inv), std::lround(d.rect.top() * inv),
                                std::lround(d.rect.right() * inv),
                                std::lround(d.rect.bottom() * inv));
        const dlib::full_object_detection shape = impl_->shapes(full, r);
        FaceLandmarks f = fromShape(shape, cv::Rect2f(float(r.left()), float(r.top()),
                                                      float(r.width()), float(r.height())));
        f.detectionScore = float(d.detection_confidence);
        faces.push_back(f);
    }
    std::sort(faces.begin(), faces.end(), [](const FaceLandmarks& a, const FaceLandmarks& b) {
        return a.faceWidth > b.faceWidth;
    });
    return faces;
}

FaceLandmarks FaceLocator::fitLandmarks(const cv::Mat& bgr, const cv::Rect2f& box) const {
    CV_Assert(bgr.type() == CV_8UC3);
    const cv::Rect image(0, 0, bgr.cols, bgr.rows);
    // The box as given, also where it reaches past the image (a face at the edge): the model
    // places the shape relative to the box, and reads pixels outside the image as black.
    const cv::Rect whole(cvRound(box.x), cvRound(box.y), std::max(1, cvRound(box.width)),
                         std::max(1, cvRound(box.height)));
    if ((whole & image).area() <= 0) {
        throw Error(Error::Kind::kInput, {"face_box_outside", "人脸区域不在画面内",
                                          "the face box is outside the image"});
    }
    // Grey only around the box: the model reads pixels near the face's outline, not half a box
    // further out, so the crop gives the fit of the whole image for a fraction of the conversion.
    const cv::Rect crop = cv::Rect(whole.x - whole.width / 2, whole.y - whole.height / 2,
                                   whole.width * 2, whole.height * 2) &
                          image;
    cv::Mat grey;
    cv::cvtColor(bgr(crop), grey, cv::COLOR_BGR2GRAY);
    dlib::cv_image<unsigned char> view(grey);
    const dlib::rectangle r(whole.x - crop.x, whole.y - crop.y, whole.br().x - crop.x - 1,
                            whole.br().y - crop.y - 1);
    FaceLandmarks f =
        fromShape(impl_->shapes(view, r), cv::Rect2f(r.left(), r.top(), r.width(), r.height()));
    f = f.scaled(1.0, cv::Point2f(float(crop.x), float(crop.y)));
    f.box = cv::Rect2f(whole);
    return f;
}

}  // namespace gradphoto
