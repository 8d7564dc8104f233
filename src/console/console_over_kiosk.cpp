#include "console_over_kiosk.h"

#include <cstdio>
#include <filesystem>

#include "kiosk_window.h"

namespace gradphoto::console {

ConsoleOverKiosk::ConsoleOverKiosk(ConsoleSetup setup, QWidget* kiosk, Show show, QObject* parent)
    : QObject(parent), setup_(std::move(setup)), kiosk_(kiosk), show_(std::move(show)) {}

ConsoleOverKiosk::~ConsoleOverKiosk() {
    delete console_.data();  // before the store it uses
}

bool ConsoleOverKiosk::open() {
    if (console_) {
        console_->raise();
        console_->activateWindow();
        return true;
    }
    try {
        if (!store_)
            store_ =
                store::SqliteRecordStore::open(std::filesystem::path(setup_.dataDir.toStdString()));
        // The booth page shows the kiosk's open camera rather than opening a second one.
        ConsoleSetup setup = setup_;
        if (auto* kiosk = qobject_cast<kiosk::KioskWindow*>(kiosk_.data()))
            setup.kioskCamera = &kiosk->camera();
        console_ = new ConsoleWindow(*store_, setup);
    } catch (const Error& e) {
        std::fprintf(stderr, "gradphoto-kiosk: staff console unavailable: %s\n",
                     e.problem().message_en.c_str());
        return false;
    }
    connect(console_, &ConsoleWindow::signedOut, this, [this] {
        if (!console_) return;
        console_->hide();
        console_->deleteLater();
        console_ = nullptr;
        if (kiosk_) {
            kiosk_->raise();
            kiosk_->activateWindow();
        }
        emit closed();
    });
    if (show_)
        show_(*console_);
    else
        console_->show();
    console_->raise();
    console_->activateWindow();
    return true;
}

}  // namespace gradphoto::console
