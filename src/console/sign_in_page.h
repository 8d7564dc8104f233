#pragma once

#include <QWidget>

#include "console_context.h"
#include "ui_console_sign_in_page.h"

namespace gradphoto::console {

// Staff number + PIN (StaffAccess::signIn). A wrong PIN says how many tries are left, a locked
// account for how many minutes. On an empty store it offers to create the first admin instead
// (like `gradphoto staff add` on an empty store).
class SignInPage : public QWidget {
    Q_OBJECT
  public:
    SignInPage(ConsoleContext& context, QWidget* parent = nullptr);

    // Clears the fields and picks the mode (sign-in, or first admin of an empty store).
    void reset();
    bool offersFirstAdmin() const;
    QString message() const;
    Ui::ConsoleSignInPage& ui() { return ui_; }

  signals:
    void signedIn(const gradphoto::store::StaffAccount& account);

  private:
    void signIn();
    void createFirstAdmin();
    void showProblem(const QString& text);
    QString lockedText(const std::string& staffNo, const QString& fallback);

    ConsoleContext& context_;
    Ui::ConsoleSignInPage ui_;
};

}  // namespace gradphoto::console
