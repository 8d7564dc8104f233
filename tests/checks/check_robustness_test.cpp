// Bad input on the full analysis (every check): captures without a face, tiny, huge, one colour,
// odd pixel formats, and a real portrait moved so its face touches the capture's edges, cropped to
// the face, shrunk to a 40 px face, made greyscale, padded into a 6000x4000 frame, cut at the
// chin or at the eyes, with the eye areas painted one grey level. Every run must return each
// check once, with a valid status, words for every non-pass in both languages, no internal error
// (an exception the analyzer caught), and `unknown` where the check cannot see what it needs.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <opencv2/imgproc.hpp>
#include <set>
#include <string>
#include <vector>

#include "check_runner.h"
#include "gradphoto/checks/compliance_check.h"
#include "gradphoto/imaging/face_locator.h"
#include "gradphoto/imaging/image_loader.h"
#include "test_support.h"

namespace gradphoto::test {
namespace {

using Results = std::map<std::string, CheckResult>;

// The full analysis of image (faces: given landmarks, else detected), with every rule of bad
// input asserted; the results by check id.
Results analyzeAll(const cv::Mat& image, const std::string& what,
                   const std::optional<std::vector<FaceLandmarks>>& faces = std::nullopt) {
    SCOPED_TRACE(what);
    checks::AnalysisOptions options;
    options.faces = faces;
    std::vector<CheckResult> results;
    EXPECT_NO_THROW(results = analyzer().analyze(image, options));
    const std::vector<std::string> ids = checks::CheckRegistry::builtin().ids();
    EXPECT_EQ(results.size(), ids.size());
    Results byId;
    for (const CheckResult& r : results) {
        SCOPED_TRACE(r.id);
        EXPECT_TRUE(std::find(ids.begin(), ids.end(), r.id) != ids.end());
        EXPECT_TRUE(byId.emplace(r.id, r).second) << "reported twice";
        EXPECT_TRUE(r.status == CheckStatus::kPass || r.status == CheckStatus::kWarn ||
                    r.status == CheckStatus::kFail || r.status == CheckStatus::kUnknown);
        if (r.status != CheckStatus::kPass) {
            EXPECT_FALSE(r.message_zh.empty());
            EXPECT_FALSE(r.message_en.empty());
        }
        if (r.status == CheckStatus::kUnknown) {
            const std::string tail = "staff please check";
            EXPECT_EQ(r.message_en.find(tail), r.message_en.rfind(tail)) << "said twice";
        }
        // An exception the analyzer caught is a fault in the check or the session, not an answer.
        EXPECT_EQ(r.message_en.find("internal error"), std::string::npos) << r.message_en;
        EXPECT_EQ(r.message_en.find("cannot be analysed"), std::string::npos) << r.message_en;
    }
    for (const std::string& id : ids) EXPECT_EQ(byId.count(id), 1u) << id << " missing";
    return byId;
}

CheckStatus statusOf(const Results& r, const std::string& id) {
    const auto it = r.find(id);
    return it == r.end() ? CheckStatus::kPass : it->second.status;
}

struct Portrait {
    cv::Mat image;
    FaceLandmarks face;
};

// A good ordinary portrait of the shared testdata and its detected face.
const Portrait* portrait() {
    static const std::optional<Portrait> p = []() -> std::optional<Portrait> {
        const auto data = testdataDir();
        if (!data) return std::nullopt;
        Portrait out;
        out.image = loadImage(*data / "portraits" / "congress_L000582.jpg");
        const auto faces = FaceLocator::shared()->locate(out.image);
        if (faces.empty()) return std::nullopt;
        out.face = faces.front();
        return out;
    }();
    return p ? &*p : nullptr;
}

#define REQUIRE_PORTRAIT(p)               \
    GRADPHOTO_REQUIRE_TESTDATA(data_dir); \
    (void)data_dir;                       \
    const Portrait* p = portrait();       \
    ASSERT_NE(p, nullptr) << "no face found in the portrait"

// The face's landmarks moved by offset and scaled by factor (image coordinates).
std::vector<FaceLandmarks> moved(const FaceLandmarks& f, double factor, cv::Point2f offset) {
    return {f.scaled(factor, offset)};
}

TEST(CheckRobustness, CapturesWithoutAFace) {
    const cv::Mat empty;
    const auto none = analyzeAll(empty, "empty Mat");
    for (const auto& [id, r] : none) EXPECT_EQ(r.status, CheckStatus::kUnknown) << id;

    analyzeAll(cv::Mat(1, 1, CV_8UC3, cv::Scalar(10, 20, 30)), "1x1");
    analyzeAll(cv::Mat(160, 120, CV_8UC3, cv::Scalar(200, 120, 40)), "120x160 one colour");
    cv::Mat noise(160, 120, CV_8UC3);
    cv::randu(noise, 0, 256);
    analyzeAll(noise, "120x160 noise");
    analyzeAll(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(255)), "white frame");
    analyzeAll(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(0)), "black frame");
    analyzeAll(cv::Mat(480, 640, CV_8UC1, cv::Scalar(128)), "one-channel grey frame");
    analyzeAll(cv::Mat(480, 640, CV_8UC4, cv::Scalar(90, 90, 90, 255)), "BGRA frame");
    const auto deep = analyzeAll(cv::Mat(48, 64, CV_16UC3, cv::Scalar::all(1000)), "16-bit");
    for (const auto& [id, r] : deep) EXPECT_EQ(r.status, CheckStatus::kUnknown) << id;
    analyzeAll(cv::Mat(4000, 6000, CV_8UC3, cv::Scalar(180, 120, 60)), "6000x4000 one colour");
    // Thin strips: every downscaled copy keeps at least one pixel on the short side.
    for (const cv::Size size :
         {cv::Size(64, 40000), cv::Size(40000, 64), cv::Size(3, 20000), cv::Size(20000, 1)})
        analyzeAll(cv::Mat(size, CV_8UC3, cv::Scalar(170, 150, 130)),
                   std::to_string(size.width) + "x" + std::to_string(size.height) + " strip");
}

// Enlarged from a face under min_detail_face_px, teeth, glints, red pupils and studs are not
// there to see: those checks are unknown with the reason; the others still judge.
TEST(CheckRobustness, DetailChecksOnATinyFaceAreUnknown) {
    REQUIRE_PORTRAIT(p);
    const auto& config = checks::CheckConfig::shipped();
    const double minWidth = config.number("min_detail_face_px", 0);
    ASSERT_GT(minWidth, 0);
    const std::vector<std::string> detail = config.detailIds();
    ASSERT_FALSE(detail.empty());
    const double k = 0.9 * minWidth / p->face.faceWidth;
    cv::Mat small;
    cv::resize(p->image, small, cv::Size(), k, k, cv::INTER_AREA);
    const Results tiny = analyzeAll(small, "face 0.9 of min_detail_face_px");
    for (const std::string& id : detail) {
        EXPECT_EQ(statusOf(tiny, id), CheckStatus::kUnknown) << id;
        EXPECT_NE(tiny.at(id).message_en.find("px this check needs"), std::string::npos)
            << tiny.at(id).message_en;
    }
    EXPECT_NE(statusOf(tiny, "face_size"), CheckStatus::kUnknown);
    EXPECT_NE(statusOf(tiny, "head_roll"), CheckStatus::kUnknown);
    // A face just above the limit is judged.
    const double k2 = 1.2 * minWidth / p->face.faceWidth;
    cv::resize(p->image, small, cv::Size(), k2, k2, cv::INTER_AREA);
    const Results judged = analyzeAll(small, "face 1.2 of min_detail_face_px");
    for (const std::string& id : detail)
        EXPECT_EQ(judged.at(id).message_en.find("px this check needs"), std::string::npos) << id;
}

// Every result names the rule it enforces (seed §10 / CHSI), the check's own.
TEST(CheckRobustness, EveryResultNamesItsRule) {
    const cv::Mat wall(480, 640, CV_8UC3, cv::Scalar(200, 210, 220));
    for (const CheckResult& r : analyzer().analyze(wall)) {
        EXPECT_FALSE(r.rule.empty()) << r.id;
        EXPECT_EQ(r.rule, checks::CheckRegistry::builtin().create(r.id)->rule()) << r.id;
    }
}

TEST(CheckRobustness, FaceTouchingTheCaptureEdges) {
    REQUIRE_PORTRAIT(p);
    const cv::Rect box = cv::Rect(p->face.box) & cv::Rect(0, 0, p->image.cols, p->image.rows);
    // The capture cut at the face box's left, top or bottom side, detected again and with the
    // original landmarks moved.
    const struct {
        const char* what;
        cv::Rect keep;
    } cuts[] = {
        {"face at the left edge", cv::Rect(box.x, 0, p->image.cols - box.x, p->image.rows)},
        {"face at the top edge", cv::Rect(0, box.y, p->image.cols, p->image.rows - box.y)},
        {"face at the bottom edge", cv::Rect(0, 0, p->image.cols, box.br().y)},
        {"face at the right edge", cv::Rect(0, 0, box.br().x, p->image.rows)},
        {"the face only", box},
    };
    for (const auto& c : cuts) {
        const cv::Mat cut = p->image(c.keep).clone();
        analyzeAll(cut, std::string(c.what) + ", detected");
        analyzeAll(cut, std::string(c.what) + ", given",
                   moved(p->face, 1.0, cv::Point2f(-float(c.keep.x), -float(c.keep.y))));
    }
}

TEST(CheckRobustness, ScaledAndPaddedPortraits) {
    REQUIRE_PORTRAIT(p);
    // Shrunk so the face is 40 px wide, and the whole capture shrunk to 120x160.
    const double f40 = 40.0 / p->face.faceWidth;
    cv::Mat small;
    cv::resize(p->image, small, cv::Size(), f40, f40, cv::INTER_AREA);
    analyzeAll(small, "40 px face, detected");
    const auto tiny = analyzeAll(small, "40 px face, given", moved(p->face, f40, {}));
    EXPECT_EQ(statusOf(tiny, "face_size"), CheckStatus::kFail);
    cv::Mat thumb;
    cv::resize(p->image, thumb, cv::Size(120, 160), 0, 0, cv::INTER_AREA);
    analyzeAll(thumb, "120x160 capture");
    // Padded into a 6000x4000 grey frame, at its centre and at its corner.
    for (const cv::Point at : {cv::Point(3000 - p->image.cols / 2, 2000 - p->image.rows / 2),
                               cv::Point(6000 - p->image.cols, 4000 - p->image.rows)}) {
        cv::Mat huge(4000, 6000, CV_8UC3, cv::Scalar::all(128));
        p->image.copyTo(huge(cv::Rect(at, p->image.size())));
        analyzeAll(huge, "6000x4000 padded, given",
                   moved(p->face, 1.0, cv::Point2f(float(at.x), float(at.y))));
    }
    // Enlarged to a 6000-pixel-wide capture (the person fills most of it).
    const double big = 6000.0 / p->image.cols;
    cv::Mat large;
    cv::resize(p->image, large, cv::Size(), big, big, cv::INTER_LINEAR);
    analyzeAll(large, "enlarged to 6000 wide, given", moved(p->face, big, {}));
}

// The capture cut to the face box: no wall beside the person to judge.
TEST(CheckRobustness, BackdropOfAFaceOnlyCropIsUnknown) {
    REQUIRE_PORTRAIT(p);
    const cv::Rect box = cv::Rect(p->face.box) & cv::Rect(0, 0, p->image.cols, p->image.rows);
    const auto r = analyzeAll(p->image(box).clone(), "the face only",
                              moved(p->face, 1.0, cv::Point2f(-float(box.x), -float(box.y))));
    EXPECT_EQ(statusOf(r, "background_uniform"), CheckStatus::kUnknown)
        << r.at("background_uniform").message_en;
}

TEST(CheckRobustness, GreyscaleIsUnknownWhereColourDecides) {
    REQUIRE_PORTRAIT(p);
    cv::Mat grey, bgr;
    cv::cvtColor(p->image, grey, cv::COLOR_BGR2GRAY);
    cv::cvtColor(grey, bgr, cv::COLOR_GRAY2BGR);
    for (const auto& [what, image] :
         {std::pair{"greyscale one channel", grey}, {"greyscale", bgr}}) {
        const auto r = analyzeAll(image, what, std::vector<FaceLandmarks>{p->face});
        EXPECT_EQ(statusOf(r, "jewellery"), CheckStatus::kUnknown) << what;
        EXPECT_EQ(statusOf(r, "hair_covers_features"), CheckStatus::kUnknown) << what;
        EXPECT_EQ(statusOf(r, "red_eye"), CheckStatus::kUnknown) << what;
    }
}

// A colour portrait padded into a large grey frame is still colour: the colour checks judge it.
TEST(CheckRobustness, ColourPortraitInAGreyFrameIsNotGreyscale) {
    REQUIRE_PORTRAIT(p);
    cv::Mat huge(4000, 6000, CV_8UC3, cv::Scalar::all(128));
    const cv::Point at(3000 - p->image.cols / 2, 2000 - p->image.rows / 2);
    p->image.copyTo(huge(cv::Rect(at, p->image.size())));
    const auto r = analyzeAll(huge, "6000x4000 padded, given",
                              moved(p->face, 1.0, cv::Point2f(float(at.x), float(at.y))));
    for (const char* id : {"red_eye", "hair_covers_features", "jewellery"})
        EXPECT_EQ(r.at(id).message_en.find("greyscale"), std::string::npos)
            << id << ": " << r.at(id).message_en;
}

// The capture cut just above the chin: no neck, so no necklace can be seen.
TEST(CheckRobustness, JewelleryWithoutANeckIsUnknown) {
    REQUIRE_PORTRAIT(p);
    const int chin = cvRound(p->face.chin.y);
    const cv::Mat cut = p->image(cv::Rect(0, 0, p->image.cols, chin)).clone();
    const auto r = analyzeAll(cut, "cut at the chin", std::vector<FaceLandmarks>{p->face});
    EXPECT_EQ(statusOf(r, "jewellery"), CheckStatus::kUnknown) << r.at("jewellery").message_en;
}

// The capture cut below the eyes: the eye areas lie outside it, no glare can be seen.
TEST(CheckRobustness, GlareWithoutEyesIsUnknown) {
    REQUIRE_PORTRAIT(p);
    const int below =
        cvRound(std::max(p->face.points[41].y, p->face.points[46].y) + 0.3 * p->face.faceWidth);
    const cv::Mat cut = p->image(cv::Rect(0, below, p->image.cols, p->image.rows - below)).clone();
    const auto r =
        analyzeAll(cut, "cut below the eyes", moved(p->face, 1.0, cv::Point2f(0, -float(below))));
    EXPECT_EQ(statusOf(r, "glasses_glare"), CheckStatus::kUnknown)
        << r.at("glasses_glare").message_en;
}

// Eye areas of one grey level (a blown-out lens, or a painted patch): median and peak agree, there
// is no reflection to tell from the skin around it.
TEST(CheckRobustness, GlareOnAFlatEyeAreaIsUnknown) {
    REQUIRE_PORTRAIT(p);
    for (const int level : {255, 250, 120}) {
        cv::Mat painted = p->image.clone();
        for (int from : {36, 42}) {
            cv::Rect2f eye = cv::boundingRect(std::vector<cv::Point2f>(
                p->face.points.begin() + from, p->face.points.begin() + from + 6));
            const float w = eye.width;
            const cv::Rect r =
                cv::Rect(cv::Point(cvFloor(eye.x - 0.6f * w), cvFloor(eye.y - 0.9f * w)),
                         cv::Point(cvCeil(eye.br().x + 0.6f * w), cvCeil(eye.br().y + 0.9f * w))) &
                cv::Rect(0, 0, painted.cols, painted.rows);
            painted(r).setTo(cv::Scalar::all(level));
        }
        const auto r = analyzeAll(painted, "eye areas at " + std::to_string(level),
                                  std::vector<FaceLandmarks>{p->face});
        if (level >= 245) {
            EXPECT_EQ(statusOf(r, "glasses_glare"), CheckStatus::kUnknown)
                << level << ": " << r.at("glasses_glare").message_en;
        }
    }
}

// The live subset on the same kinds of frame (its working copy holds the face only, no matte):
// every live check once, valid, worded, the direction fields only with a non-pass.
TEST(CheckRobustness, LiveFramesAtTheEdges) {
    REQUIRE_PORTRAIT(p);
    checks::LivePreviewAnalyzer live;
    const std::vector<std::string> ids = checks::CheckConfig::shipped().liveIds();
    const cv::Rect box = cv::Rect(p->face.box) & cv::Rect(0, 0, p->image.cols, p->image.rows);
    cv::Mat small;
    cv::resize(p->image, small, cv::Size(), 40.0 / p->face.faceWidth, 40.0 / p->face.faceWidth,
               cv::INTER_AREA);
    const std::pair<const char*, cv::Mat> frames[] = {
        {"empty", cv::Mat()},
        {"1x1", cv::Mat(1, 1, CV_8UC3, cv::Scalar::all(255))},
        {"white", cv::Mat(720, 1280, CV_8UC3, cv::Scalar::all(255))},
        {"black", cv::Mat(720, 1280, CV_8UC3, cv::Scalar::all(0))},
        {"portrait", p->image},
        {"face at the left edge",
         p->image(cv::Rect(box.x, 0, p->image.cols - box.x, p->image.rows))},
        {"face at the bottom edge", p->image(cv::Rect(0, 0, p->image.cols, box.br().y))},
        {"the face only", p->image(box)},
        {"40 px face", small},
        {"64x40000 strip", cv::Mat(40000, 64, CV_8UC3, cv::Scalar::all(128))},
        {"20000x3 strip", cv::Mat(3, 20000, CV_8UC3, cv::Scalar::all(128))},
    };
    for (const auto& [what, frame] : frames) {
        SCOPED_TRACE(what);
        std::vector<CheckResult> results;
        EXPECT_NO_THROW(results = live.analyzeFrame(frame, 2.0));
        ASSERT_EQ(results.size(), ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const CheckResult& r = results[i];
            EXPECT_EQ(r.id, ids[i]);
            if (r.status != CheckStatus::kPass) {
                EXPECT_FALSE(r.message_zh.empty()) << r.id;
                EXPECT_FALSE(r.message_en.empty()) << r.id;
            }
            EXPECT_EQ(r.message_en.find("internal error"), std::string::npos) << r.message_en;
            EXPECT_EQ(r.message_en.find("cannot be analysed"), std::string::npos) << r.message_en;
            if (r.status == CheckStatus::kPass && r.value.is_object()) {
                EXPECT_FALSE(r.value.contains("cause")) << r.id;
                EXPECT_FALSE(r.value.contains("too")) << r.id;
            }
        }
    }
}

}  // namespace
}  // namespace gradphoto::test
