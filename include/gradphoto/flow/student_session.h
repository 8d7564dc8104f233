#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>
#include <string>

#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/flow/student_lookup.h"
#include "gradphoto/flow/submission_sink.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::flow {

// Why the student came: a new capture, or to look up a result.
enum class Purpose { kCapture, kCheckResult };

// Everything the kiosk holds about the student at the booth. Reset wipes it in one go.
struct StudentSession {
    Purpose purpose = Purpose::kCapture;
    std::string payload;                   // the raw collection code
    std::optional<StudentRecord> student;  // masked
    int verifyTriesLeft = 0;
    bool verified = false;
    bool freeRetake = false;  // rejected before: no payment
    std::optional<PaymentOrder> order;
    bool paid = false;
    cv::Mat capture;  // the still, BGR
    std::optional<StandardizedPhoto> standardized;
    int captureCount = 0;                    // stills taken in this session
    std::string queueNumber;                 // after 提交
    std::optional<SubmissionStatus> status;  // 查询结果

    bool empty() const { return payload.empty() && !student && capture.empty() && !standardized; }
};

}  // namespace gradphoto::flow
