#pragma once

// Drives a KioskWindow as a person at the booth would: finds a page's buttons and labels by
// object name, presses a button once it is shown and enabled, waits for the flow to reach a page,
// and walks the first demo student (last four 123X) through the usual pages. Shared by the kiosk's
// GUI tests; each fixture keeps its own window, built with the ports it is about.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QLabel>
#include <initializer_list>

#include "kiosk_window.h"
#include "qt_wait.h"

namespace gradphoto::kiosk::testing {

using flow::FlowState;

inline QAbstractButton* buttonOn(KioskWindow& window, FlowState state, const char* name) {
    return window.page(state)->findChild<QAbstractButton*>(name);
}

inline QString labelOn(KioskWindow& window, FlowState state, const char* name) {
    auto* l = window.page(state)->findChild<QLabel*>(name);
    return l ? l->text() : QString();
}

inline bool reach(KioskWindow& window, FlowState state, int timeoutMs = 15000) {
    return gradphoto::test::waitFor([&] { return window.flow().state() == state; }, timeoutMs);
}

// A button that stays disabled (the page is still waiting for something) fails the test.
inline void press(KioskWindow& window, FlowState state, const char* name) {
    auto* b = buttonOn(window, state, name);
    ASSERT_NE(b, nullptr) << name;
    ASSERT_TRUE(gradphoto::test::waitFor([&] { return b->isEnabled(); }))
        << name << " stays disabled";
    ASSERT_TRUE(b->isVisible()) << name << " is not shown";
    b->click();
}

// The keypad of 核对身份: the keys, then 确认.
inline void enterLastFour(KioskWindow& window, std::initializer_list<const char*> keys = {
                                                   "key1", "key2", "key3", "keyX"}) {
    for (const char* key : keys) {
        press(window, FlowState::kVerifyStudent, key);
        if (::testing::Test::HasFatalFailure()) return;
    }
    press(window, FlowState::kVerifyStudent, "confirmButton");
}

// Welcome → 扫码 (the first demo code) → 核对身份 → 服务说明 → 支付 (the demo gateway pays by
// itself) → 拍照须知 → the capture page.
inline void walkToCapture(KioskWindow& window) {
    press(window, FlowState::kWelcome, "startButton");
    ASSERT_TRUE(reach(window, FlowState::kScanCode));
    press(window, FlowState::kScanCode, "demoCode1");
    ASSERT_TRUE(reach(window, FlowState::kVerifyStudent));
    ASSERT_NO_FATAL_FAILURE(enterLastFour(window));
    ASSERT_TRUE(reach(window, FlowState::kServiceInfo));
    press(window, FlowState::kServiceInfo, "payButton");
    ASSERT_TRUE(reach(window, FlowState::kPhotoGuide));
    press(window, FlowState::kPhotoGuide, "readButton");
    ASSERT_TRUE(reach(window, FlowState::kCapture));
}

}  // namespace gradphoto::kiosk::testing
