// 相册识别 reads the picked image on a decoding thread; the image may sit on a network share
// whose server went away, where a read blocks for minutes. A named pipe (FIFO) without a writer
// blocks a reader for real in the same way: closing the page must still return after
// kHungDeviceWait, and the read finishing later (the pipe's writer comes and goes) must not crash.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <memory>

#include "photo_picker_page.h"
#include "port_worker.h"
#include "qt_wait.h"

namespace gradphoto::kiosk {
namespace {

using gradphoto::test::waitFor;

// Opens the pipe for writing once its reader is there and closes it at once: the reader sees the
// end of an empty file. False while nobody reads.
bool letTheReaderGo(const QString& fifo) {
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
    if (fd < 0) return false;  // ENXIO: no reader yet
    ::close(fd);
    return true;
}

TEST(PhotoPickerClosing, ClosingWhileAReadHangsReturnsAfterTheBound) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fifo = QDir(dir.path()).filePath("code.png");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

    auto page = std::make_unique<PhotoPickerPage>(QStringList{dir.path()});
    page->pick(fifo);  // the decoding thread blocks opening the pipe
    EXPECT_TRUE(page->decoding());
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 200) QCoreApplication::processEvents();  // it is really stuck
    EXPECT_TRUE(page->decoding());

    QElapsedTimer closing;
    closing.start();
    page.reset();
    const qint64 closedMs = closing.elapsed();
    EXPECT_GE(closedMs, kHungDeviceWait.count() - 50);
    EXPECT_LT(closedMs, kHungDeviceWait.count() + 1500) << closedMs;

    // The share answers at last: the read ends, its answer finds no page and is dropped.
    ASSERT_TRUE(waitFor([&] { return letTheReaderGo(fifo); }, 5000));
    QElapsedTimer after;
    after.start();
    while (after.elapsed() < 300) QCoreApplication::processEvents();
}

}  // namespace
}  // namespace gradphoto::kiosk
