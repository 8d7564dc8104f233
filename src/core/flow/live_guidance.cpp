#include "gradphoto/flow/live_guidance.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "gradphoto/common/error.h"

namespace gradphoto::flow {

GuidanceLimits GuidanceLimits::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        throw Error(Error::Kind::kInput,
                    {"guidance_file", "无法读取 " + file.string(), "cannot read " + file.string()});
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object())
        throw Error(Error::Kind::kInput, {"guidance_file", file.string() + " 格式错误",
                                          file.string() + " is not a JSON object"});
    GuidanceLimits l;
    l.minFaceWidth = json.value("min_face_width", l.minFaceWidth);
    l.maxFaceWidth = json.value("max_face_width", l.maxFaceWidth);
    l.maxCentreOffset = json.value("max_centre_offset", l.maxCentreOffset);
    l.minEyeLine = json.value("min_eye_line", l.minEyeLine);
    l.maxEyeLine = json.value("max_eye_line", l.maxEyeLine);
    l.maxRollDegrees = json.value("max_roll_degrees", l.maxRollDegrees);
    l.maxLightImbalance = json.value("max_light_imbalance", l.maxLightImbalance);
    l.minFaceBrightness = json.value("min_face_brightness", l.minFaceBrightness);
    return l;
}

LiveGuidance assessFrame(const cv::Mat& frame, const std::vector<FaceLandmarks>& faces,
                         const GuidanceLimits& limits) {
    LiveGuidance g;
    using Hint = LiveGuidance::Hint;
    if (frame.empty() || faces.empty()) {
        g.hints.push_back(Hint::kNoFace);
        return g;
    }
    if (faces.size() > 1 && faces[1].faceWidth > 0.5f * faces[0].faceWidth) {
        g.hints.push_back(Hint::kManyFaces);
    }
    const FaceLandmarks& face = faces.front();
    g.face = face.box;
    const double w = frame.cols;
    const double h = frame.rows;

    const double width = face.faceWidth / w;
    if (width < limits.minFaceWidth) g.hints.push_back(Hint::kComeCloser);
    if (width > limits.maxFaceWidth) g.hints.push_back(Hint::kStepBack);

    // The camera faces the student: the student's left is the image's right.
    const double offset = (face.faceCenterX() - w / 2) / w;
    if (offset > limits.maxCentreOffset) g.hints.push_back(Hint::kMoveLeft);
    if (offset < -limits.maxCentreOffset) g.hints.push_back(Hint::kMoveRight);

    const double eye = face.eyeLineY() / h;
    if (eye < limits.minEyeLine) g.hints.push_back(Hint::kCameraLower);
    if (eye > limits.maxEyeLine) g.hints.push_back(Hint::kCameraHigher);

    if (std::abs(face.rollDegrees()) > limits.maxRollDegrees) g.hints.push_back(Hint::kHeadLevel);

    const cv::Rect box = cv::Rect(face.box) & cv::Rect(0, 0, frame.cols, frame.rows);
    if (box.width >= 8 && box.height >= 8) {
        cv::Mat grey;
        cv::cvtColor(frame(box), grey, cv::COLOR_BGR2GRAY);
        const double left = cv::mean(grey(cv::Rect(0, 0, box.width / 2, box.height)))[0];
        const double right =
            cv::mean(grey(cv::Rect(box.width / 2, 0, box.width - box.width / 2, box.height)))[0];
        const double mean = (left + right) / 2;
        if (mean < limits.minFaceBrightness)
            g.hints.push_back(Hint::kTooDark);
        else if (std::abs(left - right) / mean > limits.maxLightImbalance)
            g.hints.push_back(Hint::kUnevenLight);
    }
    g.ready = g.hints.empty();
    return g;
}

}  // namespace gradphoto::flow
