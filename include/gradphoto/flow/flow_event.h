#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <variant>

#include "gradphoto/flow/port_call.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::flow {

// Everything that can happen to the flow: what the student or the operator did, what a device or
// worker reported, and the passing of time. Events name what happened, never which page to show.
namespace events {
struct StartCapture {};  // 开始采集 on the welcome page
struct CheckResult {};   // 查询审核结果 on the welcome page
struct CodeScanned {
    std::string payload;
};  // a collection code was read (camera, scanner, file)
struct Last4Entered {
    std::string last4;
};                         // the keypad's 确认
struct AcceptService {};   // 进入采集 / 去支付 on the service page
struct GuideRead {};       // 我已了解，开始拍摄
struct ShutterPressed {};  // the operator's button or pedal: starts 3-2-1
struct PhotoTaken {
    std::uint64_t request = 0;
    cv::Mat image;
};  // the still (BGR)
struct CaptureFailed {
    std::uint64_t request = 0;
};
struct Retake {};  // 重拍 on preview or result
struct Upload {};  // 上传 on preview: standardize
struct StandardizationDone {
    std::uint64_t job = 0;
    StandardizedPhoto photo;
};
struct Submit {};      // 提交 on the result page
struct FreeRetake {};  // 免费重拍 on a rejected status
struct Finish {};      // 完成 on the submitted or status page
struct OpenHelp {};
struct CloseHelp {};
struct Cancel {};        // 取消 on any page
struct UserActivity {};  // any touch or key: keeps the session alive
struct Tick {
    std::int64_t elapsedMs = 0;
};  // time passed since the previous tick
struct CameraLost {};
struct CameraRestored {};
struct PortAnswered {
    PortAnswer answer;
};  // a slow port call made outside the flow (FlowPorts::callsOutside) came back
struct StaffConfirm {
    std::string staffNo;
    std::string pin;  // checked by the payment port, never kept
    bool waiver = false;
    std::string reason;
};  // a staff member confirmed cash or a fee waiver at the kiosk (service or payment page)
struct LiveCheck {
    bool allPass = false;
};  // the live guidance judged a preview frame: every live check passes or not
struct StaffSubmit {
    std::string staffNo;
    std::string pin;  // checked by the submission port, never kept
};  // 工作人员确认提交 on the result page: a staff member submits a photo a check failed on
}  // namespace events

using FlowEvent = std::variant<
    events::StartCapture, events::CheckResult, events::CodeScanned, events::Last4Entered,
    events::AcceptService, events::GuideRead, events::ShutterPressed, events::PhotoTaken,
    events::CaptureFailed, events::Retake, events::Upload, events::StandardizationDone,
    events::Submit, events::FreeRetake, events::Finish, events::OpenHelp, events::CloseHelp,
    events::Cancel, events::UserActivity, events::Tick, events::CameraLost, events::CameraRestored,
    events::PortAnswered, events::StaffConfirm, events::LiveCheck, events::StaffSubmit>;

// The name of an event for logs and tests (never its payload: it may hold personal data).
std::string_view eventName(const FlowEvent& event);

}  // namespace gradphoto::flow
