#include "student_copy_offer.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <QtGlobal>
#include <exception>
#include <filesystem>
#include <optional>

#include "full_photo_view.h"
#include "gradphoto/common/error.h"
#include "gradphoto/layout/layout_sheet.h"
#include "gradphoto/store/database.h"
#include "image_conversion.h"
#include "photo_printer.h"
#include "port_worker.h"
#include "student_copy.h"
#include "usb_mounts.h"

namespace gradphoto::kiosk {

namespace {

// What the print thread gets: copies only, nothing of the GUI thread's.
struct SheetPrintRequest {
    std::vector<std::uint8_t> jpeg;
    std::string paper;  // empty: the layout settings' default
    std::string boothId;
    QString printerName;  // used when printerSetUp is empty
    std::function<void(QPrinter&)> printerSetUp;
    std::filesystem::path recordFile;  // the database file for print_jobs; empty: not recorded
};

// On the print thread: the sheet, the printer, the print and its print_jobs row (through a
// connection of this thread, closed before it returns). Never throws. The row is written before
// the printer is touched (PhotoPrinter::begin): a driver that hangs from then on — the kiosk may
// close and leave this thread behind — leaves it unfinished in the store, not missing.
print::PrintOutcome printSheetHere(const SheetPrintRequest& request) {
    print::PrintOutcome outcome;
    std::optional<store::Database> records;
    std::optional<print::PhotoPrinter> photoPrinter;
    std::int64_t begun = 0;
    try {
        const auto settings = layout::LayoutSettings::load();
        const auto sheet =
            layout::makeLayoutSheet(request.jpeg, {.paper = request.paper}, settings);
        const layout::Paper* paper =
            settings.findPaper(request.paper.empty() ? settings.defaultPaper : request.paper);
        if (!paper)
            throw Error(Error::Kind::kUsage,
                        Problem{"layout_paper_unknown", "未知的纸张设置。", "Unknown paper."});
        print::PrintJob job;
        job.kind = print::PrintKind::kSheet;
        job.image = toQImage(sheet.image);
        job.paper = *paper;
        job.turned = sheet.plan.turned;
        job.boothId = request.boothId;
        if (!request.recordFile.empty()) records = store::Database::open(request.recordFile);
        photoPrinter.emplace(records ? &*records : nullptr);
        begun = photoPrinter->begin(job);
        QPrinter printer(QPrinter::HighResolution);
        if (request.printerSetUp)
            request.printerSetUp(printer);
        else if (!request.printerName.isEmpty())
            printer.setPrinterName(request.printerName);
        outcome = photoPrinter->print(printer, job, begun);
        if (outcome.unrecorded)
            qWarning(
                "gradphoto-kiosk: the printer answered a print of the layout sheet (%s) but its "
                "print_jobs row %lld could not be settled: %s; it stays print_unfinished and the "
                "next start marks it print_interrupted: check whether the sheet came out",
                outcome.ok ? "printed" : outcome.problem.code.c_str(),
                static_cast<long long>(begun), outcome.unrecorded->message_en.c_str());
    } catch (const Error& e) {
        outcome.ok = false;
        outcome.problem = e.problem();
    } catch (const std::exception& e) {
        outcome.ok = false;
        outcome.problem = Problem{"print_failed", e.what(), e.what()};
    } catch (...) {
        outcome.ok = false;
        outcome.problem = Problem{"print_failed", "未知错误。", "unknown error"};
    }
    if (begun != 0 && outcome.recordId == 0) {  // begun, then failed before print() settled it
        try {
            photoPrinter->fail(begun, outcome.problem);
            outcome.recordId = begun;
        } catch (const std::exception&) {
            // The store failed: the row stays unfinished, the next start marks it interrupted.
        }
    }
    return outcome;
}

}  // namespace

StudentCopyOffer::StudentCopyOffer(
    StudentCopyPorts ports, Widgets widgets,
    std::function<QString(const std::string&, const std::string&)> text, QObject* parent)
    : QObject(parent), ports_(std::move(ports)), widgets_(widgets), text_(std::move(text)) {
    connect(widgets_.usb, &QPushButton::clicked, this, &StudentCopyOffer::saveToUsb);
    connect(widgets_.print, &QPushButton::clicked, this, &StudentCopyOffer::printSheet);
    connect(widgets_.show, &QPushButton::clicked, this, &StudentCopyOffer::showFullScreen);
    clear();
}

StudentCopyOffer::~StudentCopyOffer() {
    // Waits a moment for the print in progress (kHungDeviceWait), then leaves it behind; its
    // answer is dropped either way.
    printWorker_.reset();
}

void StudentCopyOffer::offer(const std::string& studentNo,
                             const std::vector<std::uint8_t>& finalJpeg) {
    if (studentNo != studentNo_ || finalJpeg != jpeg_) {
        ++offerNumber_;
        studentNo_ = studentNo;
        jpeg_ = finalJpeg;
        widgets_.message->clear();
        widgets_.message->hide();
    }
    const bool any = !jpeg_.empty() && !studentNo_.empty();
    widgets_.usb->setVisible(any && ports_.settings.usb);
    widgets_.print->setVisible(any && ports_.settings.print);
    widgets_.show->setVisible(any && ports_.settings.show);
    showPrintButton();
}

void StudentCopyOffer::showPrintButton() {
    // The printer does one sheet at a time: while one prints (even a previous student's), the
    // button waits. Its idle text is the page's own (retranslated with the window's language).
    widgets_.print->setEnabled(!printing_);
    widgets_.print->setText(printing_ ? tr("正在打印…")
                                      : QCoreApplication::translate("StatusPage", "打印排版照"));
}

void StudentCopyOffer::clear() {
    ++offerNumber_;
    studentNo_.clear();
    jpeg_.clear();
    offer({}, {});
    widgets_.message->clear();
    widgets_.message->hide();
    if (view_) view_->close();
    if (chooser_) chooser_->reject();
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
    if (jpeg_.empty() || chooser_) return;
    const auto sticks = usbSticks(ports_.usbRoots.isEmpty() ? usbMountPoints() : ports_.usbRoots);
    if (sticks.size() == 1) {
        saveTo(sticks.front().root);
        return;
    }
    if (sticks.empty()) {
        say(text_("未检测到U盘，请插入U盘后再点“保存到U盘”。",
                  "No USB stick found. Insert a USB stick and press Save to USB again."),
            true);
        return;
    }
    chooser_ = new UsbStickChooser(sticks, widgets_.window);
    chooser_->setAttribute(Qt::WA_DeleteOnClose);
    const std::uint64_t offerNumber = offerNumber_;
    // Queued: saving runs the event loop, which must not delete the list under its own click.
    connect(
        chooser_, &UsbStickChooser::chosen, this,
        [this, offerNumber](const QString& root) {
            if (offerNumber == offerNumber_) saveTo(root);
        },
        Qt::QueuedConnection);
    chooser_->open();
}

void StudentCopyOffer::saveTo(const QString& root) {
    if (jpeg_.empty()) return;
    try {
        say(tr("正在保存到U盘，请勿拔出……"), false);
        QCoreApplication::processEvents();
        const auto files = studentCopyFiles(studentNo_, jpeg_, ports_.settings.paper.toStdString(),
                                            layout::LayoutSettings::load());
        const auto folder = writeStudentCopy(root.toStdString(), studentNo_, files);
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
    if (jpeg_.empty() || printing_) return;
    SheetPrintRequest request;
    request.jpeg = jpeg_;
    request.paper = ports_.settings.paper.toStdString();
    request.boothId = ports_.boothId.toStdString();
    request.printerName = ports_.settings.printer;
    request.printerSetUp = ports_.printerSetUp;
    if (ports_.printDb) request.recordFile = ports_.printDb->file();
    if (!printWorker_) {
        printWorker_ = std::make_unique<PortWorker>(WorkerPortsFactory{});  // run() only
        printWorker_->leaveHungWorkAfter(
            kHungDeviceWait,
            "closing while the printer has not answered a print of the layout sheet: the kiosk "
            "exits without it; its print_jobs row stays print_unfinished and the next start marks "
            "it print_interrupted: check whether the sheet came out");
    }
    printing_ = true;
    showPrintButton();
    say(tr("正在打印排版照，请稍候……"), false);
    const std::uint64_t offerNumber = offerNumber_;
    printWorker_->run<print::PrintOutcome>(
        [request] { return printSheetHere(request); },
        [this, offerNumber](print::PrintOutcome outcome) { printed(offerNumber, outcome); });
}

void StudentCopyOffer::printed(std::uint64_t offerNumber, const print::PrintOutcome& outcome) {
    printing_ = false;
    showPrintButton();
    // The student left (完成, idle time-out) or another one is here: the print_jobs row is
    // written, the message is not theirs to see.
    if (offerNumber == offerNumber_) {
        if (outcome.ok)
            say(tr("排版照已发送到打印机，请在出纸口取照片。"), false);
        else
            say(tr("打印失败：%1 请联系工作人员。")
                    .arg(text_(outcome.problem.message_zh, outcome.problem.message_en)),
                true);
    }
    emit printFinished(outcome.ok);
}

void StudentCopyOffer::showFullScreen() {
    if (jpeg_.empty()) return;
    QImage photo;
    photo.loadFromData(jpeg_.data(), static_cast<int>(jpeg_.size()));
    if (view_) view_->close();
    view_ = new FullPhotoView(photo, tr("可用手机拍下此照片 · 轻触屏幕关闭"), widgets_.window);
}

}  // namespace gradphoto::kiosk
