// 相册识别 lists the images of USB sticks and the shared folder and reads their thumbnails on a
// listing thread: a slow or failing stick, or a network share whose server went away, must not
// freeze the kiosk. Real JPEGs in a real folder; a hanging read is a real one: a photo that is a
// link to a named pipe (FIFO) without a writer, as a link into a share that stopped answering,
// blocks the reader in open() until a writer comes.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "hung_read.h"
#include "photo_picker_page.h"
#include "port_worker.h"
#include "qt_wait.h"

namespace gradphoto::kiosk {
namespace {

using gradphoto::test::waitFor;

void saveJpeg(const QString& file, QColor colour) {
    QImage image(600, 800, QImage::Format_RGB888);
    image.fill(colour);
    QPainter painter(&image);
    painter.setPen(Qt::white);
    painter.drawEllipse(QRect(150, 150, 300, 400));
    painter.end();
    ASSERT_TRUE(image.save(file, "JPEG", 90)) << file.toStdString();
}

TEST(PhotoPickerListing, AFolderWithRealJpegsListsThemWithThumbnails) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QDir root(dir.path());
    saveJpeg(root.filePath("code.jpg"), QColor(30, 60, 160));
    ASSERT_TRUE(root.mkdir("DCIM"));
    saveJpeg(root.filePath("DCIM/IMG_0001.JPG"), QColor(160, 60, 30));
    QFile notes(root.filePath("readme.txt"));
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("not an image");
    notes.close();

    PhotoPickerPage page({dir.path()});
    page.refresh();
    EXPECT_TRUE(page.listing());  // on the listing thread, not done before refresh() returns
    EXPECT_TRUE(page.ui().noticeLabel->text().contains("正在读取"))
        << page.ui().noticeLabel->text().toStdString();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));

    QStringList files = page.files();
    files.sort();
    EXPECT_EQ(files, (QStringList{root.filePath("DCIM/IMG_0001.JPG"), root.filePath("code.jpg")}));
    for (int i = 0; i < page.ui().imageList->count(); ++i)
        EXPECT_FALSE(page.ui().imageList->item(i)->icon().isNull()) << i;
    EXPECT_TRUE(page.ui().noticeLabel->isHidden()) << page.ui().noticeLabel->text().toStdString();
}

TEST(PhotoPickerListing, AHangingReadLeavesTheScreenResponsiveAndClosingIsBounded) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QDir root(dir.path());
    saveJpeg(root.filePath("code.jpg"), QColor(30, 60, 160));
    const QString fifo = root.filePath("share.pipe");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    ASSERT_TRUE(QFile::link(fifo, root.filePath("on-the-share.jpg")));

    auto page = std::make_unique<PhotoPickerPage>(QStringList{dir.path()});
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(20);

    page->refresh();
    // The names are listed at once; the thumbnail read of the linked photo hangs.
    ASSERT_TRUE(waitFor([&] { return page->files().size() == 2; }, 5000));
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 500) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    EXPECT_GE(ticks, 10) << "the GUI thread stopped processing events";
    EXPECT_TRUE(page->listing());
    EXPECT_TRUE(page->ui().noticeLabel->text().contains("正在读取"));

    // A second refresh while the first still hangs starts no second listing (one would list the
    // two names at once): the first one's answers are dropped, and the folders are listed again
    // when it ends.
    page->refresh();
    EXPECT_EQ(page->files().size(), 0);
    clock.restart();
    while (clock.elapsed() < 300) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    EXPECT_EQ(page->files().size(), 0);
    EXPECT_TRUE(page->listing());

    // The share answers: the first listing ends (its thumbnails dropped), the second one lists
    // the names and hangs in the same read again.
    ASSERT_TRUE(waitFor([&] { return letTheReaderGo(fifo); }, 5000));
    ASSERT_TRUE(waitFor([&] { return page->files().size() == 2; }, 5000));
    EXPECT_TRUE(page->listing());

    // Closing waits kHungDeviceWait for the hung read, then leaves it behind.
    closeWhileAReadHangs(page);

    // The late read ends; its answers find no page and are dropped.
    keepLettingReadersGo(fifo, 500);
}

TEST(PhotoPickerListing, AFolderRemovedBetweenRefreshesIsNamed) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString stick = QDir(dir.path()).filePath("KINGSTON");
    ASSERT_TRUE(QDir().mkpath(stick));
    saveJpeg(QDir(stick).filePath("code.jpg"), QColor(30, 60, 160));
    const QString shared = QDir(dir.path()).filePath("shared");
    ASSERT_TRUE(QDir().mkpath(shared));
    saveJpeg(QDir(shared).filePath("photo.jpg"), QColor(60, 160, 30));

    PhotoPickerPage page({stick, shared});
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    ASSERT_EQ(page.files().size(), 2);

    ASSERT_TRUE(QDir(stick).removeRecursively());  // the stick is pulled out
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    EXPECT_EQ(page.files(), QStringList{QDir(shared).filePath("photo.jpg")});
    const QString notice = page.ui().noticeLabel->text();
    EXPECT_FALSE(page.ui().noticeLabel->isHidden());
    EXPECT_TRUE(notice.contains("找不到") && notice.contains("KINGSTON")) << notice.toStdString();

    // A tap on an image that went with it gives the advice, not a crash.
    page.pick(QDir(stick).filePath("code.jpg"));
    ASSERT_TRUE(waitFor([&] { return !page.decoding(); }));
    EXPECT_FALSE(page.ui().noticeLabel->text().isEmpty());

    // The shared folder goes as well: nothing is listed and the notice names it.
    ASSERT_TRUE(QDir(shared).removeRecursively());
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    EXPECT_TRUE(page.files().isEmpty());
    EXPECT_TRUE(page.ui().noticeLabel->text().contains("shared"))
        << page.ui().noticeLabel->text().toStdString();
}

// The mount folder as usb_mounts lists /media/<user>/*: its sub-folders, worked out on each call.
QStringList mountedIn(const QString& media) {
    QStringList roots;
    for (const QString& name : QDir(media).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        roots << QDir(media).filePath(name);
    return roots;
}

TEST(PhotoPickerListing, AStickMountedAfterThePageWasBuiltIsListed) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString media = QDir(dir.path()).filePath("media");
    ASSERT_TRUE(QDir().mkpath(media));
    std::atomic<QThread*> listedOn{nullptr};
    PhotoPickerPage page(PhotoPickerPage::RootsLister([media, &listedOn] {
        listedOn = QThread::currentThread();
        return mountedIn(media);
    }));
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    EXPECT_TRUE(page.files().isEmpty());
    EXPECT_NE(listedOn.load(), nullptr);
    EXPECT_NE(listedOn.load(), QThread::currentThread());  // worked out on the listing thread

    // A stick is plugged in after the page was built: the next refresh finds it.
    const QString stick = QDir(media).filePath("SANDISK");
    ASSERT_TRUE(QDir().mkpath(stick));
    saveJpeg(QDir(stick).filePath("code.jpg"), QColor(30, 60, 160));
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    EXPECT_EQ(page.files(), QStringList{QDir(stick).filePath("code.jpg")});
}

TEST(PhotoPickerListing, ALateListingDoesNotShowThePreviousStudentsImages) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString stick = QDir(dir.path()).filePath("STICK");
    ASSERT_TRUE(QDir().mkpath(QDir(stick).filePath("张三的照片")));
    saveJpeg(QDir(stick).filePath("张三的照片/code.jpg"), QColor(30, 60, 160));
    // The mount table answers slowly: the listing thread waits in it until the test lets go.
    std::mutex mutex;
    std::condition_variable changed;
    bool held = true;
    bool entered = false;
    PhotoPickerPage page(PhotoPickerPage::RootsLister([&]() -> QStringList {
        std::unique_lock lock(mutex);
        entered = true;
        changed.notify_all();
        changed.wait(lock, [&] { return !held; });
        return {stick};
    }));
    page.refresh();
    ASSERT_TRUE(waitFor([&] {
        std::lock_guard lock(mutex);
        return entered;
    }));
    // The student leaves; the kiosk clears the picker while the listing still runs.
    page.clear();
    EXPECT_TRUE(page.files().isEmpty());
    EXPECT_TRUE(page.ui().noticeLabel->isHidden());
    {
        std::lock_guard lock(mutex);
        held = false;
        changed.notify_all();
    }
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    QElapsedTimer after;  // any thumbnails still on their way
    after.start();
    while (after.elapsed() < 200) QCoreApplication::processEvents();
    EXPECT_TRUE(page.files().isEmpty());  // the earlier listing's folders never show
    EXPECT_EQ(page.ui().imageList->count(), 0);
    EXPECT_TRUE(page.ui().noticeLabel->isHidden()) << page.ui().noticeLabel->text().toStdString();

    // The next student's own refresh lists afresh.
    page.refresh();
    ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
    EXPECT_EQ(page.files().size(), 1);
}

TEST(PhotoPickerListing, ClearingDropsTheAnswerOfAPickStillBeingDecoded) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fifo = QDir(dir.path()).filePath("code.png");
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    PhotoPickerPage page(QStringList{dir.path()});
    int codes = 0;
    QObject::connect(&page, &PhotoPickerPage::codeFound, [&] { ++codes; });
    page.pick(fifo);  // the read hangs
    page.clear();     // a new student
    EXPECT_TRUE(page.ui().noticeLabel->isHidden());
    ASSERT_TRUE(waitFor([&] { return letTheReaderGo(fifo); }, 5000));
    ASSERT_TRUE(waitFor([&] { return !page.decoding(); }));
    EXPECT_EQ(codes, 0);
    // The earlier student's "no code in this image" advice is not shown to the next one.
    EXPECT_TRUE(page.ui().noticeLabel->isHidden()) << page.ui().noticeLabel->text().toStdString();
}

TEST(PhotoPickerListing, TheNoticesComeInEnglishFromTheCompiledTranslation) {
    QTranslator english;
    ASSERT_TRUE(english.load(":/i18n/gradphoto_kiosk_en.qm"));
    QCoreApplication::installTranslator(&english);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString stick = QDir(dir.path()).filePath("KINGSTON");
    ASSERT_TRUE(QDir().mkpath(stick));
    saveJpeg(QDir(stick).filePath("code.jpg"), QColor(30, 60, 160));
    {
        PhotoPickerPage page({stick});
        page.refresh();
        EXPECT_EQ(page.ui().noticeLabel->text(), "Reading the pictures…");
        ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
        ASSERT_TRUE(QDir(stick).removeRecursively());
        page.refresh();
        ASSERT_TRUE(waitFor([&] { return !page.listing(); }));
        const QString notice = page.ui().noticeLabel->text();
        EXPECT_TRUE(notice.startsWith("“KINGSTON” is gone")) << notice.toStdString();
    }
    QCoreApplication::removeTranslator(&english);
}

}  // namespace
}  // namespace gradphoto::kiosk
