#include "photo_picker_page.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QPointer>
#include <QThread>
#include <opencv2/imgcodecs.hpp>

#include "gradphoto/identify/collection_code_scanner.h"
#include "port_worker.h"
#include "usb_mounts.h"

namespace gradphoto::kiosk {

namespace {
constexpr int kMaxFiles = 200;  // a stick full of holiday photos must not stall the page
const QStringList kImagePatterns = {"*.png", "*.jpg", "*.jpeg", "*.bmp", "*.webp",
                                    "*.PNG", "*.JPG", "*.JPEG", "*.BMP", "*.WEBP"};

constexpr int kThumbnailBatch = 8;  // thumbnails sent to the page at a time

// On the listing thread.
QImage readThumbnail(const QString& file) {
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid()) reader.setScaledSize(size.scaled(180, 180, Qt::KeepAspectRatio));
    return reader.read();
}

// On the listing thread: the images of the roots and their sub-folders (newest first, at most
// kMaxFiles) and the roots that are there.
std::pair<QStringList, QStringList> listImages(const QStringList& roots,
                                               const std::atomic_bool& stop) {
    QStringList found;
    QStringList present;
    for (const QString& root : roots) {
        QDir dir(root);
        if (stop || !dir.exists()) continue;
        present << root;
        QStringList folders = {root};
        for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            folders << dir.filePath(sub);
        for (const QString& folder : folders) {
            if (stop) break;
            for (const QFileInfo& info :
                 QDir(folder).entryInfoList(kImagePatterns, QDir::Files, QDir::Time)) {
                if (found.size() >= kMaxFiles) break;
                found << info.absoluteFilePath();
            }
        }
    }
    return {found, present};
}

// Runs `answer` on the GUI thread if the page still exists and still waits for listing
// `generation`.
template <typename Answer>
void answerPage(const QPointer<PhotoPickerPage>& page, Answer answer) {
    QCoreApplication* app = QCoreApplication::instance();
    if (app == nullptr) return;
    QMetaObject::invokeMethod(
        app,
        [page, answer = std::move(answer)] {
            if (page) answer(page.data());
        },
        Qt::QueuedConnection);
}
}  // namespace

PhotoPickerPage::PhotoPickerPage(QStringList roots, QWidget* parent)
    : PhotoPickerPage(RootsLister([roots = std::move(roots)] { return roots; }), parent) {}

PhotoPickerPage::PhotoPickerPage(RootsLister roots, QWidget* parent)
    : QWidget(parent), roots_(std::move(roots)) {
    ui_.setupUi(this);
    setObjectName("photoPickerPage");
    ui_.noticeLabel->hide();
    connect(ui_.backButton, &QPushButton::clicked, this, &PhotoPickerPage::backRequested);
    connect(ui_.refreshButton, &QPushButton::clicked, this, &PhotoPickerPage::refresh);
    connect(ui_.imageList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { pick(item->data(Qt::UserRole).toString()); });
}

PhotoPickerPage::~PhotoPickerPage() {
    // The decoding thread reads the picked image, the listing thread the folders and thumbnails,
    // from a USB stick or the shared photo folder, and a network share whose server went away can
    // block a read for minutes. They own nothing the window frees (copies of the paths; their
    // answers reach this page through a QPointer, or nothing once qApp is gone), so closing
    // waits a moment for both together, then leaves them behind: the kiosk exits without them
    // (a read has nothing to record).
    if (stopListing_) *stopListing_ = true;
    const QDeadlineTimer deadline(kHungDeviceWait.count());
    if (lister_ && !lister_->wait(deadline))
        qWarning(
            "gradphoto-kiosk: closing while the photo folders are still being read: the "
            "listing is left behind");
    if (worker_ && !worker_->wait(deadline))
        qWarning(
            "gradphoto-kiosk: closing while a picked image is still being read: the read is "
            "left behind");
}

QStringList PhotoPickerPage::defaultRoots(const QString& sharedFolder) {
    QStringList roots = usbMountPoints();
    if (!sharedFolder.isEmpty()) roots << sharedFolder;
    return roots;
}

QStringList PhotoPickerPage::files() const {
    QStringList out;
    for (int i = 0; i < ui_.imageList->count(); ++i)
        out << ui_.imageList->item(i)->data(Qt::UserRole).toString();
    return out;
}

void PhotoPickerPage::refresh() {
    if (lister_) {
        // One listing at a time (a second one would only queue behind the same slow device):
        // the running one's further answers are dropped, and it is told to stop early; the
        // folders are listed again once it has ended.
        ++generation_;
        if (stopListing_) *stopListing_ = true;
        listAgain_ = true;
        ui_.imageList->clear();
        showReading();
        return;
    }
    startListing();
}

void PhotoPickerPage::clear() {
    ++generation_;  // the running listing's answers are dropped
    if (stopListing_) *stopListing_ = true;
    listAgain_ = false;
    ++pickNumber_;  // and the running decoding's
    ui_.imageList->clear();
    setNotice({});
}

void PhotoPickerPage::startListing() {
    ui_.imageList->clear();
    showReading();
    listing_ = true;
    listAgain_ = false;
    const int generation = ++generation_;
    stopListing_ = std::make_shared<std::atomic_bool>(false);
    QPointer<PhotoPickerPage> self(this);
    lister_ = QThread::create([self, generation, roots = roots_, stop = stopListing_] {
        const auto listed = listImages(roots ? roots() : QStringList{}, *stop);
        const QStringList files = listed.first;
        answerPage(self, [generation, listed](PhotoPickerPage* page) {
            if (page->generation_ == generation) page->showListed(listed.first, listed.second);
        });
        Thumbnails batch;
        for (qsizetype i = 0; i < files.size(); ++i) {
            if (*stop) return;
            batch.emplace_back(files[i], readThumbnail(files[i]));
            if (static_cast<int>(batch.size()) < kThumbnailBatch && i + 1 < files.size()) continue;
            answerPage(self, [generation, batch](PhotoPickerPage* page) {
                if (page->generation_ == generation) page->showThumbnails(batch);
            });
            batch.clear();
        }
    });
    connect(lister_, &QThread::finished, lister_, &QObject::deleteLater);
    connect(lister_, &QThread::finished, this, &PhotoPickerPage::listingEnded);
    lister_->start();
}

void PhotoPickerPage::showListed(const QStringList& files, const QStringList& presentRoots) {
    ui_.imageList->clear();
    for (const QString& file : files) {
        auto* item = new QListWidgetItem(QFileInfo(file).fileName());
        item->setData(Qt::UserRole, file);
        item->setSizeHint(QSize(220, 240));
        ui_.imageList->addItem(item);
    }
    QStringList vanished;
    for (const QString& root : std::as_const(seenRoots_))
        if (!presentRoots.contains(root)) vanished << QDir(root).dirName();
    seenRoots_ = presentRoots;
    if (!vanished.isEmpty())
        setNotice(tr("找不到“%1”：U 盘可能已拔出，或共享文件夹已断开。请重新插入 U 盘，"
                     "或请工作人员检查共享文件夹，然后点“刷新”。")
                      .arg(vanished.join(QStringLiteral("”、“"))));
    else if (files.isEmpty())
        setNotice(
            tr("没有找到图片。请插入存有采集码图片的 U 盘，或请工作人员把图片放入共享文件夹，"
               "然后点“刷新”。"));
    // else: 正在读取图片… stays until the thumbnails are read
}

void PhotoPickerPage::showThumbnails(const Thumbnails& thumbnails) {
    // The kiosk may have cleared the list (a new student) or a tap may have changed the notice:
    // the items are found by their file, not kept.
    for (int i = 0; i < ui_.imageList->count(); ++i) {
        QListWidgetItem* item = ui_.imageList->item(i);
        const QString file = item->data(Qt::UserRole).toString();
        for (const auto& [thumbnailFile, image] : thumbnails) {
            if (thumbnailFile == file && !image.isNull()) {
                item->setIcon(QIcon(QPixmap::fromImage(image)));
                break;
            }
        }
    }
}

void PhotoPickerPage::listingEnded() {
    lister_ = nullptr;  // deleted by its own finished()
    if (listAgain_) {
        startListing();
        return;
    }
    listing_ = false;
    if (readingShown_) setNotice({});  // not when a tap or the listing said something since
}

void PhotoPickerPage::showReading() {
    setNotice(tr("正在读取图片…"));
    readingShown_ = true;
}

void PhotoPickerPage::setNotice(const QString& text) {
    readingShown_ = false;
    ui_.noticeLabel->setText(text);
    ui_.noticeLabel->setVisible(!text.isEmpty());
}

void PhotoPickerPage::pick(const QString& file) {
    if (decoding_) return;
    decoding_ = true;
    setNotice(tr("正在识别…"));
    QPointer<PhotoPickerPage> self(this);
    const std::string path = QFile::encodeName(file).toStdString();
    const int number = ++pickNumber_;
    worker_ = QThread::create([self, path, number] {
        std::optional<identify::ScannedCode> code;
        try {
            const cv::Mat image = cv::imread(path, cv::IMREAD_COLOR);
            if (!image.empty())
                code = identify::CollectionCodeScanner(
                           identify::CollectionCodeScanner::imageFileOptions())
                           .scan(image);
        } catch (const std::exception&) {
            code.reset();  // damaged file: same advice as no code
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, code, number] {
                if (!self) return;
                self->decoding_ = false;
                if (number != self->pickNumber_) return;  // cleared meanwhile (a new student)
                if (code && !code->payload.empty()) {
                    self->setNotice({});
                    emit self->codeFound(QByteArray::fromStdString(code->payload));
                } else {
                    const Problem p = identify::CollectionCodeScanner::noCodeInImageProblem();
                    self->setNotice(QString::fromStdString(
                        self->property("language").toString() == "en" ? p.message_en
                                                                      : p.message_zh));
                }
            },
            Qt::QueuedConnection);
    });
    connect(worker_, &QThread::finished, worker_, &QObject::deleteLater);
    // Only this thread's own pointer: an earlier pick's thread can go (deleteLater) after a later
    // pick started, and must not make closing skip the wait for the later one.
    connect(worker_, &QThread::destroyed, this, [this, thread = worker_] {
        if (worker_ == thread) worker_ = nullptr;
    });
    worker_->start();
}

void PhotoPickerPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) ui_.retranslateUi(this);
    QWidget::changeEvent(event);
}

}  // namespace gradphoto::kiosk
