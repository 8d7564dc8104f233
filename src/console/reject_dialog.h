#pragma once

#include <QDialog>
#include <string>
#include <vector>

#include "gradphoto/store/reject_reasons.h"
#include "ui_console_reject_dialog.h"

namespace gradphoto::console {

// Picks the reason of a rejection (or a revocation) from resources/reject_reasons.json plus an
// optional note. The reasons of the failed checks come first (RejectReasons::forCheck), the first
// of them selected; keyboard-only: Up/Down, Tab to the note, Enter, Esc.
class RejectDialog : public QDialog {
    Q_OBJECT
  public:
    RejectDialog(const store::RejectReasons& reasons, const std::vector<std::string>& failedChecks,
                 const QString& title, QWidget* parent = nullptr);

    std::string reasonCode() const;
    std::string note() const;
    // The reason codes in list order (the tests look at the order).
    std::vector<std::string> listedCodes() const;
    Ui::ConsoleRejectDialog& ui() { return ui_; }

  private:
    Ui::ConsoleRejectDialog ui_;
};

}  // namespace gradphoto::console
