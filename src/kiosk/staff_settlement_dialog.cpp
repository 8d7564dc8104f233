#include "staff_settlement_dialog.h"

#include <QLayout>

namespace gradphoto::kiosk {

StaffSettlementDialog::StaffSettlementDialog(QWidget* parent, Purpose purpose,
                                             const QStringList& failedChecks)
    : QDialog(parent), purpose_(purpose) {
    ui_.setupUi(this);
    setObjectName("staffSettlementDialog");
    if (purpose_ == Purpose::kSubmission) {
        setWindowTitle(tr("工作人员确认提交"));
        ui_.introLabel->setText(tr("未通过的检查：%1。照片很可能无法通过审核。"
                                   "工作人员确认后仍可提交，工号和未通过的检查会记录在审计日志中。")
                                    .arg(failedChecks.join(tr("；"))));
        for (QWidget* w :
             std::initializer_list<QWidget*>{ui_.kindCaption, ui_.cashRadio, ui_.waiverRadio,
                                             ui_.reasonCaption, ui_.reasonEdit})
            w->hide();
        ui_.confirmButton->setText(tr("确认提交"));
    } else if (purpose_ == Purpose::kStaffMenu) {
        setWindowTitle(tr("工作人员"));
        ui_.introLabel->setText(
            tr("请输入工号和 PIN 打开工作人员菜单（员工后台、退出程序）。"
               "每次打开都会记录在审计日志中。"));
        for (QWidget* w :
             std::initializer_list<QWidget*>{ui_.kindCaption, ui_.cashRadio, ui_.waiverRadio,
                                             ui_.reasonCaption, ui_.reasonEdit})
            w->hide();
        ui_.confirmButton->setText(tr("打开菜单"));
    }
    connect(ui_.cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    if (purpose_ == Purpose::kStaffMenu)
        connect(ui_.confirmButton, &QPushButton::clicked, this,
                &StaffSettlementDialog::credentialsGiven);
    else
        connect(ui_.confirmButton, &QPushButton::clicked, this, &QDialog::accept);
    for (QLineEdit* edit : {ui_.staffNoEdit, ui_.pinEdit, ui_.reasonEdit})
        connect(edit, &QLineEdit::textChanged, this, &StaffSettlementDialog::updateButton);
    updateButton();
    growToFit();  // the intro wraps to more lines in English
}

// Grows by the texts' lines (wrapped at the dialog's width) instead of squeezing the fields.
void StaffSettlementDialog::growToFit() {
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height()) resize(width(), needed);
}

void StaffSettlementDialog::updateButton() {
    ui_.confirmButton->setEnabled(
        !ui_.staffNoEdit->text().trimmed().isEmpty() && !ui_.pinEdit->text().isEmpty() &&
        (purpose_ != Purpose::kSettlement || !ui_.reasonEdit->text().trimmed().isEmpty()));
}

QString StaffSettlementDialog::staffNo() const {
    return ui_.staffNoEdit->text().trimmed();
}

QString StaffSettlementDialog::pin() const {
    return ui_.pinEdit->text();
}

void StaffSettlementDialog::showRefusal(const QString& reason) {
    ui_.refusalLabel->setText(reason);
    ui_.refusalLabel->show();
    growToFit();
    ui_.pinEdit->clear();
    ui_.pinEdit->setFocus();
}

flow::events::StaffConfirm StaffSettlementDialog::confirmation() const {
    return {ui_.staffNoEdit->text().trimmed().toStdString(), ui_.pinEdit->text().toStdString(),
            ui_.waiverRadio->isChecked(), ui_.reasonEdit->text().trimmed().toStdString()};
}

}  // namespace gradphoto::kiosk

namespace gradphoto::kiosk {

flow::events::StaffSubmit StaffSettlementDialog::submission() const {
    return {ui_.staffNoEdit->text().trimmed().toStdString(), ui_.pinEdit->text().toStdString()};
}

}  // namespace gradphoto::kiosk
