#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "full_photo_view.h"
#include "kiosk_settings.h"
#include "usb_stick_chooser.h"

class QLabel;
class QPrinter;
class QPushButton;
class QWidget;

namespace gradphoto::store {
class Database;
}

namespace gradphoto::print {
struct PrintOutcome;
}

namespace gradphoto::kiosk {

class PortWorker;

// Where the approved 查询结果 page's copy goes, wired by main() or a test.
struct StudentCopyPorts {
    StudentCopySettings settings;
    QString boothId;
    QStringList usbRoots;  // empty: the mounted USB sticks
    // print_jobs rows go into this database's file, through the print thread's own connection;
    // nullptr: not recorded.
    store::Database* printDb = nullptr;
    // Called on the print thread (no widgets there); empty: settings.printer (CUPS).
    std::function<void(QPrinter&)> printerSetUp;
};

// 下载 on the approved 查询结果 page: 保存到U盘, 打印排版照 and 全屏查看, each shown only when the
// booth enables it (kiosk.student_copy). Results and problems go to the message label in the
// window's language (zh/en picked by `text`).
//
// 打印排版照 runs on a print thread of its own (a PortWorker's run()), so a printer driver that
// hangs never freezes the screen nor holds up the next student's lookup: while it prints the
// button says 正在打印… and is disabled; the result appears when the print thread answers. The
// print thread lays out the sheet, prints it and writes the print_jobs row itself, so leaving the
// page or the session timing out meanwhile loses nothing (the answer is then not shown to
// whoever is at the booth by then). Destroying the offer (closing the kiosk) waits at most
// kHungDeviceWait for the print in progress, then leaves the print thread behind; the kiosk then
// exits and the thread dies with it: its print_jobs row, written before the printer was touched,
// stays print_unfinished and the next start marks it print_interrupted (did the sheet come out?).
class StudentCopyOffer : public QObject {
    Q_OBJECT
  public:
    struct Widgets {
        QPushButton* usb;
        QPushButton* print;
        QPushButton* show;
        QLabel* message;
        QWidget* window;  // the full-screen view covers it
    };
    StudentCopyOffer(StudentCopyPorts ports, Widgets widgets,
                     std::function<QString(const std::string&, const std::string&)> text,
                     QObject* parent = nullptr);
    ~StudentCopyOffer() override;

    // The approved student's photo (empty jpeg: nothing to offer, the buttons hide).
    void offer(const std::string& studentNo, const std::vector<std::uint8_t>& finalJpeg);
    // Forgets the student (idle reset, 完成): buttons hidden, message and view gone.
    void clear();

    // One stick: saves there at once; several: opens the chooser (stickChooser()) and saves to
    // the one touched; none: says so.
    void saveToUsb();
    UsbStickChooser* stickChooser() const { return chooser_; }
    void printSheet();  // starts the print; printFinished() when the print thread answers
    void showFullScreen();
    FullPhotoView* fullView() const { return view_; }
    QString message() const;
    bool printing() const { return printing_; }

  signals:
    void printFinished(bool ok);

  private:
    void say(const QString& text, bool problem);
    void showPrintButton();
    void saveTo(const QString& root);
    void printed(std::uint64_t offerNumber, const print::PrintOutcome& outcome);

    StudentCopyPorts ports_;
    Widgets widgets_;
    std::function<QString(const std::string&, const std::string&)> text_;
    std::string studentNo_;
    std::vector<std::uint8_t> jpeg_;
    QPointer<FullPhotoView> view_;
    QPointer<UsbStickChooser> chooser_;
    std::uint64_t offerNumber_ = 0;  // counts the students offered: an answer for an earlier one
    bool printing_ = false;          // is not shown
    std::unique_ptr<PortWorker> printWorker_;  // made on the first print
};

}  // namespace gradphoto::kiosk
