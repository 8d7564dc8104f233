#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "gradphoto/flow/submission_sink.h"

namespace gradphoto::flow {

// The --demo submissions: a folder under the data dir (demo-submissions/) holding index.json and
// the capture and final JPEG of each submission, written atomically. Seeds the demo roster's
// rejected and approved students so that 查询结果 has something to show.
class DemoSubmissionSink : public SubmissionSink {
  public:
    DemoSubmissionSink(std::filesystem::path dataDir, std::string boothId = "A1");

    std::string submit(const Submission& submission) override;
    SubmissionStatus status(const std::string& studentNo) override;
    // DEMO: any non-empty staff number and PIN confirm (as DemoPaymentGateway::confirmByStaff).
    std::string submitConfirmedByStaff(const Submission& submission,
                                       const StaffSubmission& staff) override;

    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
    std::string boothId_;
    std::mutex mutex_;
};

}  // namespace gradphoto::flow
