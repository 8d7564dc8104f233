#pragma once

namespace gradphoto::flow {

// Times, limits and the fee of the flow. The kiosk fills them from the settings file ("kiosk" and
// "payment" sections, shared/docs/CLI-CONTRACT.md); the defaults match that file's defaults.
struct FlowSettings {
    int idleSeconds = 90;             // no touch for this long: the idle warning appears
    int idleWarningSeconds = 15;      // the warning's countdown, then the session is wiped
    int feeFen = 2000;                // 20 元
    int paymentTimeoutSeconds = 300;  // an unpaid order is closed after this
    int paymentPollMs = 2000;         // how often the order state is asked for
    int countdownSeconds = 3;         // 3-2-1 before the shutter
    int captureTimeoutMs = 5000;      // a still that does not arrive in time is a failed capture
    int submittedReturnSeconds = 30;  // the 已提交 page returns to 开始 by itself
    int failsafeReturnSeconds = 10;   // the apology page returns to 开始 by itself
    int maxVerifyTries = 5;           // wrong last-four entries before the record is locked here
    int pollFaultsBeforeNotice = 3;   // failed payment polls in a row before "network trouble"
    bool autoCapture = false;         // kiosk.auto_capture: 3-2-1 starts by itself when...
    int autoCaptureMs = 1500;         // ...every live check has passed for this long
};

}  // namespace gradphoto::flow
