#pragma once

// Drives a KioskWindow as a person at the booth would: finds a page's buttons and labels by
// object name, presses a button once it is shown and enabled, waits for the flow to reach a page,
// and walks the first demo student (last four 123X) through the usual pages. Shared by the kiosk's
// GUI tests; each fixture keeps its own window, built with the ports it is about. The steps
// return an AssertionResult: ASSERT_TRUE(gui_test::press(...)) stops the test where it failed.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QStringList>
#include <atomic>
#include <initializer_list>
#include <mutex>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "gradphoto/flow/photo_processor.h"
#include "kiosk_window.h"
#include "qt_wait.h"

namespace gradphoto::kiosk::gui_test {

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

// Waits until the button is shown and enabled (the page may still be waiting for something),
// then clicks it.
inline ::testing::AssertionResult press(KioskWindow& window, FlowState state, const char* name) {
    auto* b = buttonOn(window, state, name);
    if (!b) return ::testing::AssertionFailure() << "no button " << name;
    if (!gradphoto::test::waitFor([&] { return b->isVisible() && b->isEnabled(); }))
        return ::testing::AssertionFailure()
               << name << " stays " << (b->isVisible() ? "disabled" : "hidden");
    b->click();
    return ::testing::AssertionSuccess();
}

// The keypad of 核对身份: the keys, then 确认.
inline ::testing::AssertionResult enterLastFour(KioskWindow& window,
                                                std::initializer_list<const char*> keys = {
                                                    "key1", "key2", "key3", "keyX"}) {
    for (const char* key : keys)
        if (auto pressed = press(window, FlowState::kVerifyStudent, key); !pressed) return pressed;
    return press(window, FlowState::kVerifyStudent, "confirmButton");
}

// Welcome → 扫码 (the first demo code) → 核对身份 → 服务说明 → 支付 (the page shows; the demo
// gateway pays by itself after its polls) → 拍照须知 → the capture page.
inline ::testing::AssertionResult walkToCapture(KioskWindow& window) {
    struct Step {
        FlowState page;
        const char* button;
        FlowState next;
    };
    const Step steps[] = {{FlowState::kWelcome, "startButton", FlowState::kScanCode},
                          {FlowState::kScanCode, "demoCode1", FlowState::kVerifyStudent}};
    for (const Step& s : steps) {
        if (auto pressed = press(window, s.page, s.button); !pressed) return pressed;
        if (!reach(window, s.next)) return ::testing::AssertionFailure() << "after " << s.button;
    }
    if (auto entered = enterLastFour(window); !entered) return entered;
    if (!reach(window, FlowState::kServiceInfo))
        return ::testing::AssertionFailure() << "no service page after the last four";
    if (auto pressed = press(window, FlowState::kServiceInfo, "payButton"); !pressed)
        return pressed;
    if (!reach(window, FlowState::kPayment))
        return ::testing::AssertionFailure() << "the payment page was not shown";
    if (!reach(window, FlowState::kPhotoGuide)) return ::testing::AssertionFailure() << "not paid";
    if (auto pressed = press(window, FlowState::kPhotoGuide, "readButton"); !pressed)
        return pressed;
    if (!reach(window, FlowState::kCapture)) return ::testing::AssertionFailure() << "no capture";
    return ::testing::AssertionSuccess();
}

// On the capture page: once the live view shows a frame, 拍照 (the 3-2-1 and the still), then 上传
// on the preview page; returns when the result page (or its refusal) is shown.
inline ::testing::AssertionResult shootAndUpload(KioskWindow& window, int resultTimeoutMs = 15000) {
    if (!gradphoto::test::waitFor([&] {
            auto* l = window.page(FlowState::kCapture)->findChild<QLabel*>("previewLabel");
            return l && !l->pixmap().isNull();
        }))
        return ::testing::AssertionFailure() << "the live view shows no frame";
    if (auto pressed = press(window, FlowState::kCapture, "shutterButton"); !pressed)
        return pressed;
    if (!reach(window, FlowState::kPreview, 8000))
        return ::testing::AssertionFailure() << "no preview after the shutter";
    if (auto pressed = press(window, FlowState::kPreview, "uploadButton"); !pressed) return pressed;
    if (!reach(window, FlowState::kResult, resultTimeoutMs))
        return ::testing::AssertionFailure() << "no result page";
    return ::testing::AssertionSuccess();
}

// A replay camera's folder (ROOT/replay) with one plain frame: for tests about the pages, not the
// picture.
inline QString plainReplayFolder(const QString& root, QColor colour = QColor(90, 90, 90)) {
    const QString folder = QDir(root).filePath("replay");
    QDir().mkpath(folder);
    QImage frame(640, 480, QImage::Format_RGB888);
    frame.fill(colour);
    frame.save(QDir(folder).filePath("frame.png"));
    return folder;
}

// Gives every capture a compliant 480×640 photo (a real JPEG) with the check results it was made
// with: what a page does per check status is what the GUI tests are about; the checks themselves
// have their own tests (tests/checks).
class CheckedProcessor : public flow::PhotoProcessor {
  public:
    explicit CheckedProcessor(std::vector<CheckResult> checks) : checks_(std::move(checks)) {}
    StandardizedPhoto process(const cv::Mat&) const override {
        StandardizedPhoto p;
        p.report.ok = true;
        p.photo = cv::Mat(640, 480, CV_8UC3, cv::Scalar(219, 142, 67));
        cv::circle(p.photo, {240, 300}, 120, cv::Scalar(150, 180, 220), cv::FILLED);
        cv::imencode(".jpg", p.photo, p.jpeg);
        p.report.checks = checks_;
        return p;
    }

  private:
    std::vector<CheckResult> checks_;
};

// Qt's messages (the staff log) while it lives, from whichever thread writes them: the tests check
// that a PIN never reaches them and that a line was written. One at a time: it installs Qt's
// message handler and puts the previous one back when it goes.
class CapturedMessages {
  public:
    CapturedMessages() {
        current().store(this);
        previous_ = qInstallMessageHandler(&CapturedMessages::handle);
    }
    ~CapturedMessages() {
        qInstallMessageHandler(previous_);
        current().store(nullptr);
    }
    CapturedMessages(const CapturedMessages&) = delete;
    CapturedMessages& operator=(const CapturedMessages&) = delete;

    QStringList lines() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return lines_;
    }

  private:
    static std::atomic<CapturedMessages*>& current() {
        static std::atomic<CapturedMessages*> open{nullptr};
        return open;
    }
    static void handle(QtMsgType, const QMessageLogContext&, const QString& message) {
        if (CapturedMessages* c = current().load()) {
            std::lock_guard<std::mutex> lock(c->mutex_);
            c->lines_ << message;
        }
    }
    mutable std::mutex mutex_;
    QStringList lines_;
    QtMessageHandler previous_ = nullptr;
};

}  // namespace gradphoto::kiosk::gui_test
