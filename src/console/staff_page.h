#pragma once

#include "console_page.h"
#include "ui_console_staff_page.h"

namespace gradphoto::console {

// Staff accounts (admins): the list, add (staff number, name, role, initial PIN twice), reset a
// PIN, lock and unlock — through store::StaffAccess, which audit-logs every change.
class StaffPage : public ConsolePage {
    Q_OBJECT
  public:
    StaffPage(ConsoleContext& context, QWidget* parent);

    QString title() const override { return tr("工作人员账号"); }
    QString pageId() const override { return "staff"; }
    bool adminOnly() const override { return true; }
    void activate() override { refresh(); }
    // Typed PINs never stay in the form once the page is left or staff sign out.
    void deactivate() override;

    void refresh();
    bool selectStaff(const QString& staffNo);
    QString message() const { return ui_.messageLabel->text(); }
    Ui::ConsoleStaffPage& ui() { return ui_; }

  private:
    void add();
    void resetPin();
    void saveAccount();
    void setLocked(bool locked);
    QString selectedStaffNo() const;
    void updateSelection();
    void say(const QString& text, bool problem);

    Ui::ConsoleStaffPage ui_;
};

}  // namespace gradphoto::console
