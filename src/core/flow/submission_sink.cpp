#include "gradphoto/flow/submission_sink.h"

#include <opencv2/imgcodecs.hpp>

#include "gradphoto/common/error.h"

namespace gradphoto::flow {

std::string SubmissionSink::submitConfirmedByStaff(const Submission&, const StaffSubmission&) {
    throw Error(Error::Kind::kInput,
                {"staff_submit_unavailable", "本机暂不支持工作人员确认提交。",
                 "staff-confirmed submission is not offered by this submission port"});
}

}  // namespace gradphoto::flow

namespace gradphoto::flow {

std::vector<std::uint8_t> encodeCapture(const cv::Mat& bgr) {
    std::vector<std::uint8_t> jpeg;
    if (!bgr.empty()) cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    return jpeg;
}

}  // namespace gradphoto::flow
