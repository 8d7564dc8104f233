#pragma once

#include <string_view>

namespace gradphoto::flow {

// The pages of the student flow (shared/docs/PRODUCT.md, "The student flow"). The kiosk shows one
// page per state; the state machine alone decides which.
enum class FlowState {
    kWelcome,        // 开始
    kScanCode,       // 扫描学信网图像采集码
    kVerifyStudent,  // 核验学籍信息 (last four ID characters)
    kServiceInfo,    // 采集资格 / 服务内容 (fee, what it covers)
    kPayment,        // 支付
    kPhotoGuide,     // 拍照须知
    kCapture,        // 拍摄 (live view, 3-2-1 countdown)
    kPreview,        // 预览 (重拍 / 上传)
    kStandardizing,  // 照片标准化 in progress
    kResult,         // 标准化结果 (提交 / 重拍)
    kSubmitted,      // 已提交 (queue number)
    kStatus,         // 查询结果 (pending / rejected / approved)
    kHelp,           // 客服
    kFailsafe,       // an apology, then back to 开始
};

std::string_view toString(FlowState state);

// The step shown in the progress indicator, 1..kStepCount, or 0 for pages outside the steps.
inline constexpr int kStepCount = 6;
int stepOf(FlowState state);

}  // namespace gradphoto::flow
