#pragma once

// For the Qt GUI tests (kiosk, console): run the event loop until a condition holds. Header-only,
// so the Qt-free test support library does not link Qt.

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <functional>

namespace gradphoto::test {

// Processes events until condition() is true (returns true) or timeoutMs passed (false).
inline bool waitFor(const std::function<bool()>& condition, int timeoutMs = 15000) {
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

}  // namespace gradphoto::test
