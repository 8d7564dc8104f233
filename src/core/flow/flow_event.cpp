#include "gradphoto/flow/flow_event.h"

#include <type_traits>

namespace gradphoto::flow {

std::string_view eventName(const FlowEvent& event) {
    return std::visit(
        [](const auto& e) -> std::string_view {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, events::StartCapture>)
                return "start_capture";
            else if constexpr (std::is_same_v<T, events::CheckResult>)
                return "check_result";
            else if constexpr (std::is_same_v<T, events::CodeScanned>)
                return "code_scanned";
            else if constexpr (std::is_same_v<T, events::Last4Entered>)
                return "last4_entered";
            else if constexpr (std::is_same_v<T, events::AcceptService>)
                return "accept_service";
            else if constexpr (std::is_same_v<T, events::GuideRead>)
                return "guide_read";
            else if constexpr (std::is_same_v<T, events::ShutterPressed>)
                return "shutter_pressed";
            else if constexpr (std::is_same_v<T, events::PhotoTaken>)
                return "photo_taken";
            else if constexpr (std::is_same_v<T, events::CaptureFailed>)
                return "capture_failed";
            else if constexpr (std::is_same_v<T, events::Retake>)
                return "retake";
            else if constexpr (std::is_same_v<T, events::Upload>)
                return "upload";
            else if constexpr (std::is_same_v<T, events::StandardizationDone>)
                return "standardization_done";
            else if constexpr (std::is_same_v<T, events::Submit>)
                return "submit";
            else if constexpr (std::is_same_v<T, events::FreeRetake>)
                return "free_retake";
            else if constexpr (std::is_same_v<T, events::Finish>)
                return "finish";
            else if constexpr (std::is_same_v<T, events::OpenHelp>)
                return "open_help";
            else if constexpr (std::is_same_v<T, events::CloseHelp>)
                return "close_help";
            else if constexpr (std::is_same_v<T, events::Cancel>)
                return "cancel";
            else if constexpr (std::is_same_v<T, events::UserActivity>)
                return "user_activity";
            else if constexpr (std::is_same_v<T, events::Tick>)
                return "tick";
            else if constexpr (std::is_same_v<T, events::CameraLost>)
                return "camera_lost";
            else if constexpr (std::is_same_v<T, events::CameraRestored>)
                return "camera_restored";
            else if constexpr (std::is_same_v<T, events::PortAnswered>)
                return "port_answered";
            else if constexpr (std::is_same_v<T, events::StaffConfirm>)
                return "staff_confirm";
            else if constexpr (std::is_same_v<T, events::StaffSubmit>)
                return "staff_submit";
            else
                return "live_check";
        },
        event);
}

}  // namespace gradphoto::flow
