#include "gradphoto/flow/flow_state.h"

namespace gradphoto::flow {

std::string_view toString(FlowState state) {
    switch (state) {
        case FlowState::kWelcome:
            return "welcome";
        case FlowState::kScanCode:
            return "scan_code";
        case FlowState::kVerifyStudent:
            return "verify_student";
        case FlowState::kServiceInfo:
            return "service_info";
        case FlowState::kPayment:
            return "payment";
        case FlowState::kPhotoGuide:
            return "photo_guide";
        case FlowState::kCapture:
            return "capture";
        case FlowState::kPreview:
            return "preview";
        case FlowState::kStandardizing:
            return "standardizing";
        case FlowState::kResult:
            return "result";
        case FlowState::kSubmitted:
            return "submitted";
        case FlowState::kStatus:
            return "status";
        case FlowState::kHelp:
            return "help";
        case FlowState::kFailsafe:
            return "failsafe";
    }
    return "unknown";
}

int stepOf(FlowState state) {
    switch (state) {
        case FlowState::kScanCode:
            return 1;
        case FlowState::kVerifyStudent:
            return 2;
        case FlowState::kServiceInfo:
        case FlowState::kPayment:
            return 3;
        case FlowState::kPhotoGuide:
        case FlowState::kCapture:
        case FlowState::kPreview:
            return 4;
        case FlowState::kStandardizing:
        case FlowState::kResult:
            return 5;
        case FlowState::kSubmitted:
            return 6;
        default:
            return 0;
    }
}

}  // namespace gradphoto::flow
