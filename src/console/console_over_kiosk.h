#pragma once

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

#include "console_window.h"

namespace gradphoto::console {

// The console opened over a running kiosk by the staff gesture: its own connection to the record
// store of the data folder (opened on first use, kept), a console window while staff are at
// work; signing out closes the window, brings the kiosk back to the front and emits closed().
class ConsoleOverKiosk : public QObject {
    Q_OBJECT
  public:
    using Show = std::function<void(QWidget& window)>;

    ConsoleOverKiosk(ConsoleSetup setup, QWidget* kiosk, Show show, QObject* parent = nullptr);
    ~ConsoleOverKiosk() override;

    // Opens the console (or raises the open one). False with the reason on stderr when the
    // record store cannot be opened.
    bool open();
    ConsoleWindow* console() const { return console_; }

  signals:
    void closed();

  private:
    ConsoleSetup setup_;
    QPointer<QWidget> kiosk_;
    Show show_;
    std::unique_ptr<store::SqliteRecordStore> store_;
    QPointer<ConsoleWindow> console_;
};

}  // namespace gradphoto::console
