#include "student_copy_offer.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <exception>

#include "full_photo_view.h"
#include "gradphoto/common/error.h"
#include "gradphoto/layout/layout_sheet.h"
#include "image_conversion.h"
#include "photo_printer.h"
#include "student_copy.h"
#include "usb_mounts.h"

namespace gradphoto::kiosk {

StudentCopyOffer::StudentCopyOffer(
    StudentCopyPorts ports, Widgets widgets,
    std::function<QString(const std::string&, const std::string&)> text, QObject* parent)
    : QObject(parent), ports_(std::move(ports)), widgets_(widgets), text_(std::move(text)) {
    connect(widgets_.usb, &QPushButton::clicked, this, &StudentCopyOffer::saveToUsb);
    connect(widgets_.print, &QPushButton::clicked, this, &StudentCopyOffer::printSheet);
    connect(widgets_.show, &QPushButton::clicked, this, &StudentCopyOffer::showFullScreen);
    clear();
}

void StudentCopyOffer::offer(const std::string& studentNo,
                             const std::vector<std::uint8_t>& finalJpeg) {
    if (studentNo != studentNo_ || finalJpeg != jpeg_) {
        studentNo_ = studentNo;
        jpeg_ = finalJpeg;
        widgets_.message->clear();
        widgets_.message->hide();
    }
    const bool any = !jpeg_.empty() && !studentNo_.empty();
    widgets_.usb->setVisible(any && ports_.settings.usb);
    widgets_.print->setVisible(any && ports_.settings.print);
    widgets_.show->setVisible(any && ports_.settings.show);
}

void StudentCopyOffer::clear() {
    studentNo_.clear();
    jpeg_.clear();
    offer({}, {});
    widgets_.message->clear();
    widgets_.message->hide();
    if (view_) view_->close();
}

QString StudentCopyOffer::message() const {
    return widgets_.message->text();
}

void StudentCopyOffer::say(const QString& text, bool problem) {
    widgets_.message->setText(text);
    widgets_.message->setProperty("problem", problem);
    widgets_.message->setStyleSheet(problem ? "color: #c0392b;" : "color: #1e8449;");
    widgets_.message->show();
}

void StudentCopyOffer::saveToUsb() {
    if (jpeg_.empty()) return;
    const QStringList roots = ports_.usbRoots.isEmpty() ? usbMountPoints() : ports_.usbRoots;
    try {
        if (roots.isEmpty())
            throw Error(Error::Kind::kIo,
                        Problem{"student_copy_no_root", "未检测到U盘，请插入U盘后再点“保存到U盘”。",
                                "No USB stick found. Insert a USB stick and "
                                "press Save to USB again."});
        say(tr("正在保存到U盘，请勿拔出……"), false);
        QCoreApplication::processEvents();
        const auto files = studentCopyFiles(studentNo_, jpeg_, ports_.settings.paper.toStdString(),
                                            layout::LayoutSettings::load());
        const auto folder = writeStudentCopy(roots.front().toStdString(), studentNo_, files);
        const auto u8 = folder.filename().u8string();
        say(tr("已保存到U盘的“%1”文件夹（标准照和排版照）。请等待几秒后再拔出U盘。")
                .arg(QString::fromUtf8(reinterpret_cast<const char*>(u8.data()),
                                       static_cast<int>(u8.size()))),
            false);
    } catch (const Error& e) {
        say(text_(e.problem().message_zh, e.problem().message_en), true);
    } catch (const std::exception& e) {
        say(tr("保存失败：%1").arg(QString::fromUtf8(e.what())), true);
    }
}

void StudentCopyOffer::printSheet() {
    if (jpeg_.empty()) return;
    try {
        say(tr("正在打印排版照，请稍候……"), false);
        QCoreApplication::processEvents();
        const auto settings = layout::LayoutSettings::load();
        const std::string paperName = ports_.settings.paper.toStdString();
        const auto sheet = layout::makeLayoutSheet(jpeg_, {.paper = paperName}, settings);
        const layout::Paper* paper =
            settings.findPaper(paperName.empty() ? settings.defaultPaper : paperName);
        if (!paper)
            throw Error(Error::Kind::kUsage,
                        Problem{"layout_paper_unknown", "未知的纸张设置。", "Unknown paper."});
        print::PrintJob job;
        job.kind = print::PrintKind::kSheet;
        job.image = toQImage(sheet.image);
        job.paper = *paper;
        job.turned = sheet.plan.turned;
        job.boothId = ports_.boothId.toStdString();
        QPrinter printer(QPrinter::HighResolution);
        if (ports_.printerSetUp)
            ports_.printerSetUp(printer);
        else if (!ports_.settings.printer.isEmpty())
            printer.setPrinterName(ports_.settings.printer);
        print::PhotoPrinter photoPrinter(ports_.printDb);
        const auto outcome = photoPrinter.print(printer, job);
        if (outcome.ok)
            say(tr("排版照已发送到打印机，请在出纸口取照片。"), false);
        else
            say(tr("打印失败：%1 请联系工作人员。")
                    .arg(text_(outcome.problem.message_zh, outcome.problem.message_en)),
                true);
    } catch (const Error& e) {
        say(tr("打印失败：%1 请联系工作人员。")
                .arg(text_(e.problem().message_zh, e.problem().message_en)),
            true);
    } catch (const std::exception& e) {
        say(tr("打印失败：%1 请联系工作人员。").arg(QString::fromUtf8(e.what())), true);
    }
}

void StudentCopyOffer::showFullScreen() {
    if (jpeg_.empty()) return;
    QImage photo;
    photo.loadFromData(jpeg_.data(), static_cast<int>(jpeg_.size()));
    if (view_) view_->close();
    view_ = new FullPhotoView(photo, tr("可用手机拍下此照片 · 轻触屏幕关闭"), widgets_.window);
}

}  // namespace gradphoto::kiosk
