#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "full_photo_view.h"
#include "kiosk_settings.h"

class QLabel;
class QPrinter;
class QPushButton;
class QWidget;

namespace gradphoto::store {
class Database;
}

namespace gradphoto::kiosk {

// Where the approved 查询结果 page's copy goes, wired by main() or a test.
struct StudentCopyPorts {
    StudentCopySettings settings;
    QString boothId;
    QStringList usbRoots;                         // empty: the mounted USB sticks
    store::Database* printDb = nullptr;           // print_jobs rows; nullptr: not recorded
    std::function<void(QPrinter&)> printerSetUp;  // empty: settings.printer (CUPS)
};

// 下载 on the approved 查询结果 page: 保存到U盘, 打印排版照 and 全屏查看, each shown only when the
// booth enables it (kiosk.student_copy). Results and problems go to the message label in the
// window's language (zh/en picked by `text`).
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

    // The approved student's photo (empty jpeg: nothing to offer, the buttons hide).
    void offer(const std::string& studentNo, const std::vector<std::uint8_t>& finalJpeg);
    // Forgets the student (idle reset, 完成): buttons hidden, message and view gone.
    void clear();

    void saveToUsb();
    void printSheet();
    void showFullScreen();
    FullPhotoView* fullView() const { return view_; }
    QString message() const;

  private:
    void say(const QString& text, bool problem);

    StudentCopyPorts ports_;
    Widgets widgets_;
    std::function<QString(const std::string&, const std::string&)> text_;
    std::string studentNo_;
    std::vector<std::uint8_t> jpeg_;
    QPointer<FullPhotoView> view_;
};

}  // namespace gradphoto::kiosk
