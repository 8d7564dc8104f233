#include "gradphoto/flow/demo_submission_sink.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/error.h"

namespace gradphoto::flow {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
json readIndex(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return json::array();
    std::stringstream text;
    text << in.rdbuf();
    json index = json::parse(text.str(), nullptr, false);
    return index.is_array() ? index : json::array();
}

std::vector<std::uint8_t> readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

DemoSubmissionSink::DemoSubmissionSink(fs::path dataDir, std::string boothId)
    : folder_(std::move(dataDir) / "demo-submissions"), boothId_(std::move(boothId)) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec)
        throw Error(Error::Kind::kIo, {"data_dir", "无法创建数据文件夹：" + folder_.string(),
                                       "cannot create " + folder_.string() + ": " + ec.message()});
    const fs::path indexFile = folder_ / "index.json";
    if (!fs::exists(indexFile)) {
        // The demo roster's second student was rejected, the third approved.
        json seed = json::array();
        seed.push_back(
            {{"queue", boothId_ + "-0000"},
             {"student", "2022010002"},
             {"status", "rejected"},
             {"reason_zh", "背景不合格：背景有阴影，请在均匀光线下重拍。"},
             {"reason_en", "Background: shadows on the backdrop; retake in even light."}});
        seed.push_back(
            {{"queue", boothId_ + "-0000"}, {"student", "2022010003"}, {"status", "approved"}});
        writeFileAtomically(indexFile, seed.dump(2));
    }
}

std::string DemoSubmissionSink::submit(const Submission& submission) {
    std::lock_guard lock(mutex_);
    const fs::path indexFile = folder_ / "index.json";
    json index = readIndex(indexFile);
    char queue[64];
    std::snprintf(queue, sizeof queue, "%s-%04zu", boothId_.c_str(), index.size() + 1);
    writeFileAtomically(folder_ / (std::string(queue) + "-capture.jpg"), submission.captureJpeg);
    writeFileAtomically(folder_ / (std::string(queue) + "-final.jpg"), submission.finalJpeg);
    writeFileAtomically(folder_ / (std::string(queue) + "-report.json"), submission.reportJson);
    index.push_back({{"queue", queue},
                     {"student", submission.studentNo},
                     {"status", "pending"},
                     {"payload_bytes", submission.payload.size()}});
    writeFileAtomically(indexFile, index.dump(2));
    return queue;
}

SubmissionStatus DemoSubmissionSink::status(const std::string& studentNo) {
    std::lock_guard lock(mutex_);
    const json index = readIndex(folder_ / "index.json");
    SubmissionStatus status;
    for (const json& entry : index) {  // the latest entry wins
        if (entry.value("student", "") != studentNo) continue;
        const std::string kind = entry.value("status", "");
        status = SubmissionStatus{};
        status.queueNumber = entry.value("queue", "");
        if (kind == "pending")
            status.kind = SubmissionStatus::Kind::kPending;
        else if (kind == "approved")
            status.kind = SubmissionStatus::Kind::kApproved;
        else if (kind == "rejected")
            status.kind = SubmissionStatus::Kind::kRejected;
        status.reason_zh = entry.value("reason_zh", "");
        status.reason_en = entry.value("reason_en", "");
    }
    if (status.kind == SubmissionStatus::Kind::kApproved) {
        const fs::path final = folder_ / (status.queueNumber + "-final.jpg");
        if (fs::exists(final)) status.finalJpeg = readBytes(final);
    }
    return status;
}

std::string DemoSubmissionSink::submitConfirmedByStaff(const Submission& submission,
                                                       const StaffSubmission& staff) {
    if (staff.staffNo.empty() || staff.pin.empty())
        throw Error(Error::Kind::kInput,
                    {"wrong_pin", "请输入工号和 PIN。", "enter the staff number and PIN"});
    return submit(submission);
}

}  // namespace gradphoto::flow
