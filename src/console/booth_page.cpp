#include "booth_page.h"

#include <QBuffer>
#include <QCameraDevice>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QMediaDevices>
#include <cmath>
#include <set>

#include "console_text.h"
#include "gradphoto/common/atomic_file.h"
#include "image_conversion.h"

namespace gradphoto::console {

BoothPage::BoothPage(ConsoleContext& context, QWidget* parent)
    : ConsolePage(context, parent), settingsFile_(context.settingsFile) {
    ui_.setupUi(this);
    ui_.presetCombo->addItems(presetNames());
    connect(ui_.deviceCombo, &QComboBox::currentIndexChanged, this, &BoothPage::fillFormats);
    connect(ui_.openCameraButton, &QPushButton::clicked, this, &BoothPage::openCamera);
    connect(ui_.plateButton, &QPushButton::clicked, this, &BoothPage::capturePlate);
    connect(ui_.lightingButton, &QPushButton::clicked, this, &BoothPage::checkLighting);
    connect(ui_.saveButton, &QPushButton::clicked, this, &BoothPage::saveSettings);
    ui_.settingsPathLabel->setText(tr("设置文件：%1").arg(context_.settingsFile));
    const QString plate = platePath();
    if (QFileInfo::exists(plate))
        ui_.plateLabel->setText(
            tr("现有背景板：%1（%2）")
                .arg(QDir::toNativeSeparators(plate),
                     QFileInfo(plate).lastModified().toString("yyyy-MM-dd HH:mm")));
}

BoothPage::~BoothPage() = default;

QString BoothPage::platePath() const {
    return QDir(context_.dataDir).filePath("booth/plate.jpg");
}

void BoothPage::activate() {
    loadSettings();
    fillDevices();
    if (!camera_) openCamera();
}

void BoothPage::deactivate() {
    closeCamera();
    ui_.liveView->setPixmap(QPixmap());
    ui_.liveView->setText(tr("相机未打开"));
}

void BoothPage::fillDevices() {
    const QSignalBlocker block(ui_.deviceCombo);
    const QString previous = ui_.deviceCombo->currentData().toString();
    ui_.deviceCombo->clear();
    const auto inputs = QMediaDevices::videoInputs();
    QString wanted = previous;
    if (wanted.isEmpty()) {
        try {
            wanted = settingsFile_.read().cameraDevice;
        } catch (const std::exception&) {
        }
    }
    for (const QCameraDevice& device : inputs) {
        ui_.deviceCombo->addItem(device.description(), QString::fromUtf8(device.id()));
        if (wanted == QString::fromUtf8(device.id()) || wanted == device.description())
            ui_.deviceCombo->setCurrentIndex(ui_.deviceCombo->count() - 1);
    }
    if (inputs.isEmpty())
        ui_.deviceCombo->addItem(tr("（系统未报告相机，使用默认相机）"), QString());
    fillFormats();
}

void BoothPage::fillFormats() {
    ui_.formatCombo->clear();
    const QString id = ui_.deviceCombo->currentData().toString();
    std::set<std::pair<int, int>> seen;
    for (const QCameraDevice& device : QMediaDevices::videoInputs()) {
        if (QString::fromUtf8(device.id()) != id) continue;
        auto formats = device.videoFormats();
        std::sort(formats.begin(), formats.end(), [](const auto& a, const auto& b) {
            return a.resolution().width() * a.resolution().height() >
                   b.resolution().width() * b.resolution().height();
        });
        for (const auto& format : formats) {
            const QSize r = format.resolution();
            if (!seen.insert({r.width(), r.height()}).second) continue;
            ui_.formatCombo->addItem(QStringLiteral("%1×%2 (%3 fps)")
                                         .arg(r.width())
                                         .arg(r.height())
                                         .arg(std::lround(format.maxFrameRate())),
                                     r);
        }
    }
    if (ui_.formatCombo->count() == 0) {
        int w = 1920, h = 1080;
        try {
            const auto s = settingsFile_.read();
            w = s.cameraWidth;
            h = s.cameraHeight;
        } catch (const std::exception&) {
        }
        ui_.formatCombo->addItem(QStringLiteral("%1×%2").arg(w).arg(h), QSize(w, h));
    }
}

void BoothPage::closeCamera() {
    if (camera_) disconnect(camera_, nullptr, this, nullptr);
    camera_ = nullptr;
    if (ownCamera_) ownCamera_->stop();  // the kiosk's camera goes on: the kiosk shows it
    ownCamera_.reset();
    lastFrame_ = QImage();
}

void BoothPage::listenTo(kiosk::CameraSource* camera) {
    camera_ = camera;
    connect(camera, &kiosk::CameraSource::frameReady, this, &BoothPage::onFrame);
    connect(camera, &kiosk::CameraSource::stillCaptured, this, &BoothPage::onStill);
    connect(camera, &kiosk::CameraSource::stillFailed, this, [this](quint64 request) {
        if (request == plateRequest_)
            sayPlate(tr("拍摄失败：相机没有返回照片，请检查相机后重试。"), true);
    });
    connect(camera, &kiosk::CameraSource::availabilityChanged, this, [this](bool available) {
        if (!available) ui_.liveView->setText(tr("相机没有画面（已拔出或被其他程序占用？）"));
    });
}

void BoothPage::openCamera() {
    closeCamera();
    if (context_.kioskCamera) {
        // Over the kiosk: its camera is open and running; a second open would leave one of the
        // two dark on a driver that allows one user at a time.
        ui_.cameraGroup->setTitle(tr("相机与灯光（自助机正在使用的相机）"));
        const QString later =
            tr("自助机正在使用相机：这里选择的相机和分辨率保存后，"
               "在自助机重新启动时生效。");
        ui_.deviceCombo->setToolTip(later);
        ui_.formatCombo->setToolTip(later);
        ui_.openCameraButton->setText(tr("重新连接相机"));
        listenTo(context_.kioskCamera);
        ui_.liveView->setText(context_.kioskCamera->available()
                                  ? tr("自助机的相机：%1").arg(context_.kioskCamera->description())
                                  : tr("相机没有画面（已拔出或被其他程序占用？）"));
        return;
    }
    if (!context_.cameraFactory) {
        ui_.liveView->setText(tr("这台设备没有配置相机"));
        return;
    }
    kiosk::CameraSettings settings;
    settings.device = ui_.deviceCombo->currentData().toString();
    const QSize size = ui_.formatCombo->currentData().toSize();
    if (size.isValid()) {
        settings.width = size.width();
        settings.height = size.height();
    }
    ownCamera_ = context_.cameraFactory(settings);
    if (!ownCamera_) {
        ui_.liveView->setText(tr("无法打开相机"));
        return;
    }
    listenTo(ownCamera_.get());
    ui_.liveView->setText(tr("正在打开相机：%1").arg(ownCamera_->description()));
    ownCamera_->start();
}

void BoothPage::onFrame(const QImage& frame) {
    lastFrame_ = frame;
    // The view needs no more than about 15 pictures a second.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - lastShownMs_ < 66) return;
    lastShownMs_ = now;
    ui_.liveView->setPixmap(QPixmap::fromImage(
        frame.scaled(ui_.liveView->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void BoothPage::capturePlate() {
    if (!camera_ || !camera_->available()) {
        sayPlate(tr("相机没有画面，无法拍摄背景板。"), true);
        return;
    }
    plateRequest_ = nextRequest_++;
    sayPlate(tr("正在拍摄空背景板……请确认拍摄区内没有人。"), false);
    camera_->requestStill(plateRequest_);
}

void BoothPage::onStill(quint64 request, const QImage& image) {
    if (request != plateRequest_ || image.isNull()) return;
    plateRequest_ = 0;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(95);
    if (!writer.write(image.convertToFormat(QImage::Format_RGB888))) {
        sayPlate(tr("背景板无法编码为 JPEG：%1").arg(writer.errorString()), true);
        return;
    }
    const QString file = platePath();
    try {
        QDir().mkpath(QFileInfo(file).absolutePath());
        writeFileAtomically(
            std::filesystem::path(file.toStdString()),
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                          static_cast<std::size_t>(bytes.size())));
    } catch (const Error& e) {
        sayPlate(tr("背景板未能保存：%1").arg(problemText(e.problem())), true);
        return;
    }
    sayPlate(tr("已保存空背景板：%1（%2×%3，%4）。标准化时会自动使用它。")
                 .arg(QDir::toNativeSeparators(file))
                 .arg(image.width())
                 .arg(image.height())
                 .arg(QDateTime::currentDateTime().toString("HH:mm:ss")),
             false);
    try {
        showLighting(checks::BoothLighting::load().assess(kiosk::toBgrMat(image)), tr("背景板"));
    } catch (const Error& e) {
        ui_.lightingSummary->setText(problemText(e.problem()));
    }
}

void BoothPage::checkLighting() {
    QImage image = lastFrame_;
    QString source = tr("实时画面");
    if (image.isNull() && QFileInfo::exists(platePath())) {
        image = QImage(platePath());
        source = tr("已保存的背景板");
    }
    if (image.isNull()) {
        ui_.lightingSummary->setText(tr("没有可检查的画面：请打开相机或先拍摄空背景板。"));
        return;
    }
    try {
        showLighting(checks::BoothLighting::load().assess(kiosk::toBgrMat(image)), source);
    } catch (const Error& e) {
        ui_.lightingSummary->setText(problemText(e.problem()));
    }
}

void BoothPage::showLighting(const checks::BoothLightingReport& report, const QString& source) {
    lastLighting_ = report;
    const bool pass = report.pass();
    ui_.lightingSummary->setStyleSheet(pass ? "color: #1b6e20; font-weight: bold;"
                                            : "color: #a15c00; font-weight: bold;");
    ui_.lightingSummary->setText(
        tr("灯光检查（%1）：%2").arg(source, localized(report.summaryZh(), report.summaryEn())));
    ui_.lightingList->clear();
    for (const auto& item : report.items) {
        const bool ok = item.status == checks::BoothLightingStatus::kPass;
        auto* row = new QListWidgetItem((ok ? QStringLiteral("✓  ") : QStringLiteral("!  ")) +
                                            localized(item.message_zh, item.message_en),
                                        ui_.lightingList);
        row->setForeground(ok ? QColor("#1b6e20") : QColor("#a15c00"));
    }
}

void BoothPage::loadSettings() {
    try {
        const auto s = settingsFile_.read();
        ui_.idleSpin->setValue(s.idleSeconds);
        ui_.feeSpin->setValue(static_cast<double>(s.feeFen) / 100.0);
        ui_.phoneEdit->setText(s.helpPhone);
        if (ui_.presetCombo->findText(s.preset) < 0) ui_.presetCombo->addItem(s.preset);
        ui_.presetCombo->setCurrentText(s.preset);
        ui_.saveButton->setEnabled(true);
    } catch (const std::exception& e) {
        saySettings(tr("设置文件无法读取，未做修改：%1").arg(QString::fromUtf8(e.what())), true);
        ui_.saveButton->setEnabled(false);
    }
}

void BoothPage::saveSettings() {
    EditableSettings s;
    s.idleSeconds = ui_.idleSpin->value();
    s.feeFen = std::llround(ui_.feeSpin->value() * 100.0);
    s.helpPhone = ui_.phoneEdit->text().trimmed();
    s.preset = ui_.presetCombo->currentText();
    s.cameraDevice = ui_.deviceCombo->currentData().toString();
    const QSize size = ui_.formatCombo->currentData().toSize();
    if (size.isValid()) {
        s.cameraWidth = size.width();
        s.cameraHeight = size.height();
    }
    try {
        settingsFile_.write(s);
        saySettings(tr("已保存。费用 %1 元，无操作 %2 秒返回首页。自助机重新启动后生效。")
                        .arg(QString::number(static_cast<double>(s.feeFen) / 100.0, 'f', 2))
                        .arg(s.idleSeconds),
                    false);
    } catch (const Error& e) {
        saySettings(tr("未能保存：%1").arg(problemText(e.problem())), true);
    } catch (const std::exception& e) {
        saySettings(tr("未能保存：%1").arg(QString::fromUtf8(e.what())), true);
    }
}

void BoothPage::sayPlate(const QString& text, bool problem) {
    ui_.plateLabel->setStyleSheet(problem ? "color: #b3261e; font-weight: bold;" : "");
    ui_.plateLabel->setText(text);
}

void BoothPage::saySettings(const QString& text, bool problem) {
    ui_.settingsMessage->setStyleSheet(problem ? "color: #b3261e; font-weight: bold;"
                                               : "color: #1b6e20;");
    ui_.settingsMessage->setText(text);
}

}  // namespace gradphoto::console
