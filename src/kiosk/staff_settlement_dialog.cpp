#include "staff_settlement_dialog.h"

namespace gradphoto::kiosk {

StaffSettlementDialog::StaffSettlementDialog(QWidget* parent) : QDialog(parent) {
    ui_.setupUi(this);
    setObjectName("staffSettlementDialog");
    connect(ui_.cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(ui_.confirmButton, &QPushButton::clicked, this, &QDialog::accept);
    for (QLineEdit* edit : {ui_.staffNoEdit, ui_.pinEdit, ui_.reasonEdit})
        connect(edit, &QLineEdit::textChanged, this, &StaffSettlementDialog::updateButton);
    updateButton();
}

void StaffSettlementDialog::updateButton() {
    ui_.confirmButton->setEnabled(!ui_.staffNoEdit->text().trimmed().isEmpty() &&
                                  !ui_.pinEdit->text().isEmpty() &&
                                  !ui_.reasonEdit->text().trimmed().isEmpty());
}

flow::events::StaffConfirm StaffSettlementDialog::confirmation() const {
    return {ui_.staffNoEdit->text().trimmed().toStdString(), ui_.pinEdit->text().toStdString(),
            ui_.waiverRadio->isChecked(), ui_.reasonEdit->text().trimmed().toStdString()};
}

}  // namespace gradphoto::kiosk
