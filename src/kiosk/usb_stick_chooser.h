#pragma once

#include <QDialog>
#include <vector>

#include "usb_mounts.h"

class QListWidget;
class QPushButton;

namespace gradphoto::kiosk {

// 保存到U盘 with more than one stick plugged in: a small touch list of the sticks (label and free
// space, one large row each) and 取消. Touching a row emits chosen() with its mount folder and
// closes the list.
class UsbStickChooser : public QDialog {
    Q_OBJECT
  public:
    UsbStickChooser(const std::vector<UsbStick>& sticks, QWidget* parent = nullptr);
    QListWidget* list() const { return list_; }

  signals:
    void chosen(const QString& root);

  private:
    QListWidget* list_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

}  // namespace gradphoto::kiosk
