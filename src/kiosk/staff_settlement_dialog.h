#pragma once

#include <QDialog>

#include "gradphoto/flow/flow_event.h"
#include "ui_staff_settlement_dialog.h"

namespace gradphoto::kiosk {

// Staff confirm at the kiosk with their staff number and PIN:
//   - kSettlement: cash or a fee waiver, with a reason (service and payment pages);
//   - kSubmission: a photo some compliance check failed on is submitted all the same (result page,
//     工作人员确认提交); the dialog names the failed checks, there is nothing else to choose;
//   - kStaffMenu: the hidden corner's staff menu (员工后台, 退出程序); confirming does not close
//     the dialog but emits credentialsGiven: the window asks its flow::StaffGate and either accepts
//     the dialog or shows the refusal in it (showRefusal).
// The PIN is checked by the flow's port (store::StaffAccess: the payment port for a settlement,
// the submission port for a submission, the staff gate for the menu), not here; the dialog only
// refuses empty fields.
class StaffSettlementDialog : public QDialog {
    Q_OBJECT
  public:
    enum class Purpose { kSettlement, kSubmission, kStaffMenu };
    // failedChecks: the failed checks' messages in the kiosk's language (kSubmission only).
    explicit StaffSettlementDialog(QWidget* parent = nullptr,
                                   Purpose purpose = Purpose::kSettlement,
                                   const QStringList& failedChecks = {});
    Purpose purpose() const { return purpose_; }
    flow::events::StaffConfirm confirmation() const;
    flow::events::StaffSubmit submission() const;
    QString staffNo() const;  // trimmed
    QString pin() const;
    // kStaffMenu: why the staff gate refused (the kiosk's language); clears the PIN for a retry.
    void showRefusal(const QString& reason);
    Ui::StaffSettlementDialog& ui() { return ui_; }

  signals:
    // kStaffMenu: 打开菜单 was pressed with a staff number and a PIN.
    void credentialsGiven();

  private:
    void updateButton();
    void growToFit();
    Ui::StaffSettlementDialog ui_;
    Purpose purpose_;
};

}  // namespace gradphoto::kiosk
