#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "gradphoto/flow/flow_state.h"

namespace gradphoto::kiosk {

class KioskWindow;

// Drives the demo through the whole flow by pressing the pages' own buttons, as a student and an
// operator would: a first capture to 已提交, then 查询结果 of the rejected demo student, then 客服.
// finished(0) when it got there, finished(1) with a reason on stderr when it could not.
class Autopilot : public QObject {
    Q_OBJECT
  public:
    explicit Autopilot(KioskWindow& window, int stepDelayMs = 700, int timeoutSeconds = 240);

    void start();

  signals:
    void finished(int exitCode);

  private:
    void onRendered(flow::FlowState state);
    void act();
    void click(flow::FlowState state, const char* button);
    void fail(const QString& why);

    KioskWindow& window_;
    QTimer step_;
    QTimer deadline_;
    flow::FlowState lastState_ = flow::FlowState::kFailsafe;
    int phase_ = 0;          // 0: capture, 1: check the rejected student, 2: help, 3: done
    int attempts_ = 0;       // stills standardized so far
    int checkFailures_ = 0;  // of those, results with a failing compliance check
    int guidanceWaits_ = 0;  // steps spent waiting for the live guidance
    bool done_ = false;
};

}  // namespace gradphoto::kiosk
