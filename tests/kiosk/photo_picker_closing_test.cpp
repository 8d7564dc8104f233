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
#include <QImage>
#include <QLabel>
#include <QPointer>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

#include "hung_read.h"
#include "photo_picker_page.h"
#include "port_worker.h"
#include "qt_wait.h"

namespace gradphoto::kiosk {
namespace {

using gradphoto::test::waitFor;

TEST(PhotoPickerClosing, ClosingWhileAReadHangsReturnsAfterTheBound) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fifo = QDir(dir.path()).filePath("code.png");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

    auto page = std::make_unique<PhotoPickerPage>(QStringList{dir.path()});
    int answers = 0;  // codes handed on or notices set after the read: none once the page is gone
    QObject receiver;
    QObject::connect(page.get(), &PhotoPickerPage::codeFound, &receiver, [&] { ++answers; });
    page->pick(fifo);  // the decoding thread blocks opening the pipe
    EXPECT_TRUE(page->decoding());
    const QPointer<QThread> reading(page->decodingThread());
    ASSERT_FALSE(reading.isNull());
    const QString noticeWhileReading = page->ui().noticeLabel->text();
    QPointer<QLabel> notice(page->ui().noticeLabel);
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 200) QCoreApplication::processEvents();  // it is really stuck
    EXPECT_TRUE(page->decoding());

    closeWhileAReadHangs(page);

    EXPECT_FALSE(reading.isNull());  // left behind, still in the read
    EXPECT_TRUE(notice.isNull());    // its page (and the label it would write) is gone

    // The share answers at last: the read ends and the thread goes (it deletes itself once
    // finished); its answer finds no page and is dropped.
    ASSERT_TRUE(waitFor([&] { return letTheReaderGo(fifo); }, 5000));
    EXPECT_TRUE(waitFor([&] { return reading.isNull(); }, 5000));
    QElapsedTimer after;
    after.start();
    while (after.elapsed() < 300) QCoreApplication::processEvents();
    EXPECT_EQ(answers, 0);
    EXPECT_FALSE(noticeWhileReading.isEmpty());
}

// A pick whose thread is still being deleted when the next pick starts must not make closing
// skip the wait for the newer thread (its deletion used to clear the newer one's pointer).
TEST(PhotoPickerClosing, AnEarlierPicksThreadGoingDoesNotForgetTheLaterOne) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString plain = QDir(dir.path()).filePath("plain.png");
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(Qt::white);
    ASSERT_TRUE(image.save(plain));
    const QString fifo = QDir(dir.path()).filePath("code.png");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);

    auto page = std::make_unique<PhotoPickerPage>(QStringList{dir.path()});
    page->pick(plain);
    const QPointer<QThread> first(page->decodingThread());
    ASSERT_FALSE(first.isNull());
    // Its answer (no code) reaches the page while the thread object still waits for its
    // deleteLater: only the application's events are delivered, not the thread's.
    ASSERT_TRUE(first->wait(5000));
    QCoreApplication::sendPostedEvents(qApp, 0);
    ASSERT_FALSE(page->decoding());
    ASSERT_FALSE(first.isNull());
    page->pick(fifo);  // the second read hangs
    QThread* second = page->decodingThread();
    ASSERT_NE(second, nullptr);
    ASSERT_NE(second, first.data());
    EXPECT_TRUE(waitFor([&] { return first.isNull(); }, 5000));  // the first thread has gone
    EXPECT_EQ(page->decodingThread(), second);

    closeWhileAReadHangs(page);
    ASSERT_TRUE(waitFor([&] { return letTheReaderGo(fifo); }, 5000));
    QElapsedTimer after;
    after.start();
    while (after.elapsed() < 300) QCoreApplication::processEvents();
}

}  // namespace
}  // namespace gradphoto::kiosk
