#pragma once

#include <QObject>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "gradphoto/flow/staff_gate.h"
#include "port_worker.h"

namespace gradphoto::kiosk {

// Makes the staff gate for one check, on the staff-check thread; the gate is destroyed there when
// the check is done, so it may hold a record-store connection of its own (one SQLite connection
// per thread). May throw: the check then refuses with the reason.
using StaffGateFactory = std::function<std::unique_ptr<flow::StaffGate>()>;

// Records, on the staff-check thread, that an admission was not used: its dialog was closed
// (cancelled, idle reset) while the check ran, so no menu opened though the gate already audited
// kiosk.staff_menu. May throw (logged).
using StaffMenuNote = std::function<void(const flow::StaffGateVerdict&)>;

// flow::StoreStaffGate (staff accounts, lock-out, audit) over its own connection to the record
// store of dataDir.
StaffGateFactory storeStaffGates(std::filesystem::path dataDir, std::string boothId,
                                 std::string settingPin);
// The audit entry kiosk.staff_menu_unused (actor the staff number, subject kiosk:<booth>, detail
// {"reason": "dialog_closed"}) after the gate's kiosk.staff_menu, over its own connection.
StaffMenuNote storeStaffMenuNotes(std::filesystem::path dataDir, std::string boothId);
// flow::SettingPinStaffGate: the kiosk.staff_pin setting (no accounts, no audit: --demo).
StaffGateFactory settingPinStaffGates(std::string settingPin);

// Checks a staff number and PIN for the hidden corner's staff menu on a thread of its own, so
// that the PIN's PBKDF2 (store::verifyPin, 100 000 iterations) and the store's bookkeeping never
// freeze the screen. One check at a time: start() refuses while one runs. The verdict (admitted,
// or the refusal: wrong PIN with the tries left, locked, store unavailable) arrives through
// finished() on this object's thread; the gate writes its audit entries itself, on that thread.
//
//   StaffCheck check(storeStaffGates(dataDir, "A1", "2580"));
//   connect(&check, &StaffCheck::finished, this, [](const flow::StaffGateVerdict& v) { ... });
//   check.start("S001", "4321");
//
// The dialog that asked may close while the check runs: abandon() then drops its verdict (no
// finished()) and lets the next dialog start a check of its own at once (it runs after the
// abandoned one, on the same thread). An abandoned check that admitted is noted (`note`).
//
// Destroying it waits for the check in progress: CPU work and the store's busy time-out, nothing
// that can hang for long (unlike a printer driver).
class StaffCheck : public QObject {
    Q_OBJECT
  public:
    explicit StaffCheck(StaffGateFactory gates, StaffMenuNote note = {}, QObject* parent = nullptr);
    ~StaffCheck() override;

    // Starts checking; false (and nothing started) while a check runs.
    bool start(const std::string& staffNo, const std::string& pin);
    bool running() const { return running_; }
    // The check in progress is no longer wanted (its dialog closed); nothing when none runs.
    void abandon();

  signals:
    void finished(const gradphoto::flow::StaffGateVerdict& verdict);

  private:
    void checked(std::uint64_t number, const flow::StaffGateVerdict& verdict);

    StaffGateFactory gates_;
    StaffMenuNote note_;
    PortWorker worker_;  // run() only
    bool running_ = false;
    std::uint64_t started_ = 0;  // checks started so far
    std::uint64_t wanted_ = 0;   // the check whose verdict is wanted; 0: none
};

}  // namespace gradphoto::kiosk
