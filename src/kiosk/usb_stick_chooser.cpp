#include "usb_stick_chooser.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace gradphoto::kiosk {

UsbStickChooser::UsbStickChooser(const std::vector<UsbStick>& sticks, QWidget* parent)
    : QDialog(parent) {
    setObjectName("usbStickChooser");
    setWindowTitle(tr("选择U盘"));
    setMinimumWidth(640);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("检测到多个U盘，请选择要保存到哪一个："), this);
    title->setWordWrap(true);
    title->setProperty("styleClass", "body");
    layout->addWidget(title);
    list_ = new QListWidget(this);
    list_->setObjectName("stickList");
    list_->setProperty("styleClass", "checks");
    for (const UsbStick& stick : sticks) {
        const QString free = stick.freeBytes < 0
                                 ? tr("可用空间未知")
                                 : tr("可用 %1").arg(QLocale::c().formattedDataSize(
                                       stick.freeBytes, 1, QLocale::DataSizeTraditionalFormat));
        auto* item = new QListWidgetItem(QStringLiteral("%1  ·  %2").arg(stick.label, free), list_);
        item->setData(Qt::UserRole, stick.root);
        item->setSizeHint(QSize(0, 80));
    }
    layout->addWidget(list_);
    cancel_ = new QPushButton(tr("取消"), this);
    cancel_->setObjectName("cancelButton");
    cancel_->setProperty("styleClass", "secondary");
    cancel_->setMinimumHeight(70);
    layout->addWidget(cancel_);
    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString root = item->data(Qt::UserRole).toString();
        accept();
        emit chosen(root);
    });
}

}  // namespace gradphoto::kiosk
