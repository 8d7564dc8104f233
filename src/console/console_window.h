#pragma once

#include <QTimer>
#include <QTranslator>
#include <QWidget>
#include <memory>
#include <vector>

#include "console_context.h"
#include "console_page.h"
#include "sign_in_page.h"
#include "ui_console_window.h"

namespace gradphoto::console {

struct ConsoleSetup {
    QString dataDir;       // DATA_DIR (gradphoto.db, photos/, booth/plate.jpg)
    QString settingsFile;  // the kiosk's JSON settings file
    CameraFactory cameraFactory;
    // Over a running kiosk: its open camera, which the booth page uses instead of cameraFactory
    // (ConsoleContext::kioskCamera). ConsoleOverKiosk fills it in.
    QPointer<kiosk::CameraSource> kioskCamera;
    store::Clock clock = store::systemNow;
    QString language = "zh";  // zh, or en (resources/translations/gradphoto_console_en.ts)
    // Sign out after this long without a key or a touch; 0: the settings file's
    // staff.idle_sign_out_seconds, else 300.
    int idleSignOutSeconds = 0;
};

// The staff console: the sign-in screen, then a sidebar of pages (review queue, today, booth;
// admin-only pages hidden for staff). Signs out on request or after idle time; the kiosk resumes
// when signedOut() is emitted (when it opened the console over itself).
class ConsoleWindow : public QWidget {
    Q_OBJECT
  public:
    ConsoleWindow(store::SqliteRecordStore& store, ConsoleSetup setup, QWidget* parent = nullptr);
    ~ConsoleWindow() override;

    void addPage(const ConsolePageEntry& entry);
    void showPage(const QString& id);
    ConsolePage* page(const QString& id) const;
    ConsolePage* currentPage() const;
    bool pageVisibleInSidebar(const QString& id) const;
    bool isSignedIn() const { return context_.staff.has_value(); }
    const ConsoleContext& context() const { return context_; }
    store::StaffAccess& access() { return access_; }
    SignInPage& signInPage() { return *signIn_; }
    int idleSignOutSeconds() const { return idleSeconds_; }
    void setIdleSignOutSeconds(int seconds);
    QString statusText() const { return ui_.statusLabel->text(); }

    // Sign out (the button, the idle timer, or the kiosk closing the console).
    void signOut(const QString& why = {});

  signals:
    void signedIn(const QString& staffNo);
    void signedOut();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void onSignedIn(const store::StaffAccount& account);
    void onSidebarRow(int row);

    store::SqliteRecordStore& store_;
    QTranslator translator_;
    store::ReviewQueue queue_;
    store::StaffAccess access_;
    ConsoleContext context_;
    Ui::ConsoleWindow ui_;
    SignInPage* signIn_ = nullptr;
    std::vector<ConsolePage*> pages_;
    QTimer idleTimer_;
    int idleSeconds_ = 300;
};

}  // namespace gradphoto::console
