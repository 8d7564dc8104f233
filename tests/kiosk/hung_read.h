#pragma once

// A read that hangs for real, for the 相册识别 tests: a named pipe (FIFO) without a writer blocks
// its reader in open() until a writer comes, as a file on a network share that stopped answering.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QThread>
#include <memory>

#include "photo_picker_page.h"
#include "port_worker.h"

namespace gradphoto::kiosk {

// Opens the pipe for writing once a reader is there and closes it at once: the reader sees the
// end of an empty file. False while nobody reads.
inline bool letTheReaderGo(const QString& fifo) {
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
    if (fd < 0) return false;  // ENXIO: no reader yet
    ::close(fd);
    return true;
}

// Lets every reader of the pipe go for a while (threads left behind end before the test does).
inline void keepLettingReadersGo(const QString& fifo, int ms) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        letTheReaderGo(fifo);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
}

// Closes the page while one of its reads hangs: it waits kHungDeviceWait for the read, then
// leaves it behind and returns. Returns how long closing took, in ms.
inline qint64 closeWhileAReadHangs(std::unique_ptr<PhotoPickerPage>& page) {
    QElapsedTimer closing;
    closing.start();
    page.reset();
    const qint64 closedMs = closing.elapsed();
    EXPECT_GE(closedMs, kHungDeviceWait.count() - 50) << "closing did not wait for the hung read";
    EXPECT_LT(closedMs, kHungDeviceWait.count() + 1500) << closedMs;
    return closedMs;
}

}  // namespace gradphoto::kiosk
