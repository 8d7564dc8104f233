#pragma once

#include <QDialog>

#include "gradphoto/flow/flow_event.h"
#include "ui_staff_settlement_dialog.h"

namespace gradphoto::kiosk {

// Staff confirm cash or a fee waiver at the kiosk: staff number, PIN, cash / waiver and a reason.
// The PIN is checked by the payment port (store::StaffAccess), not here; the dialog only refuses
// empty fields.
class StaffSettlementDialog : public QDialog {
    Q_OBJECT
  public:
    explicit StaffSettlementDialog(QWidget* parent = nullptr);
    flow::events::StaffConfirm confirmation() const;
    Ui::StaffSettlementDialog& ui() { return ui_; }

  private:
    void updateButton();
    Ui::StaffSettlementDialog ui_;
};

}  // namespace gradphoto::kiosk
