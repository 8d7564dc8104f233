#include "photo_picker_page.h"

#include <QCoreApplication>
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

QIcon thumbnail(const QString& file) {
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid()) reader.setScaledSize(size.scaled(180, 180, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    return image.isNull() ? QIcon() : QIcon(QPixmap::fromImage(image));
}
}  // namespace

PhotoPickerPage::PhotoPickerPage(QStringList roots, QWidget* parent)
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
    // The decoding thread reads the picked image from a USB stick or the shared photo folder, and
    // a network share whose server went away can block a read for minutes. It owns nothing the
    // window frees (a copy of the path; its answer reaches this page through a QPointer, or
    // nothing once qApp is gone), so closing waits a moment, then leaves it to finish on its own.
    if (worker_ && !worker_->wait(QDeadlineTimer(kHungDeviceWait.count())))
        qWarning(
            "gradphoto-kiosk: closing while a picked image is still being read: left to "
            "finish on its own");
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
    ui_.imageList->clear();
    setNotice({});
    QStringList found;
    for (const QString& root : roots_) {
        QDir dir(root);
        if (!dir.exists()) continue;
        QStringList folders = {root};
        for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            folders << dir.filePath(sub);
        for (const QString& folder : folders) {
            for (const QFileInfo& info :
                 QDir(folder).entryInfoList(kImagePatterns, QDir::Files, QDir::Time)) {
                if (found.size() >= kMaxFiles) break;
                found << info.absoluteFilePath();
            }
        }
    }
    for (const QString& file : found) {
        auto* item = new QListWidgetItem(thumbnail(file), QFileInfo(file).fileName());
        item->setData(Qt::UserRole, file);
        item->setSizeHint(QSize(220, 240));
        ui_.imageList->addItem(item);
    }
    if (found.isEmpty())
        setNotice(
            tr("没有找到图片。请插入存有采集码图片的 U 盘，或请工作人员把图片放入共享文件夹，"
               "然后点“刷新”。"));
}

void PhotoPickerPage::setNotice(const QString& text) {
    ui_.noticeLabel->setText(text);
    ui_.noticeLabel->setVisible(!text.isEmpty());
}

void PhotoPickerPage::pick(const QString& file) {
    if (decoding_) return;
    decoding_ = true;
    setNotice(tr("正在识别…"));
    QPointer<PhotoPickerPage> self(this);
    const std::string path = QFile::encodeName(file).toStdString();
    worker_ = QThread::create([self, path] {
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
            [self, code] {
                if (!self) return;
                self->decoding_ = false;
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
    connect(worker_, &QThread::destroyed, this, [this] { worker_ = nullptr; });
    worker_->start();
}

void PhotoPickerPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) ui_.retranslateUi(this);
    QWidget::changeEvent(event);
}

}  // namespace gradphoto::kiosk
