#pragma once

#include <QObject>
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

// flow::StoreStaffGate (staff accounts, lock-out, audit) over its own connection to the record
// store of dataDir.
StaffGateFactory storeStaffGates(std::filesystem::path dataDir, std::string boothId,
                                 std::string settingPin);
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
// Destroying it waits for the check in progress: CPU work and the store's busy time-out, nothing
// that can hang for long (unlike a printer driver).
class StaffCheck : public QObject {
    Q_OBJECT
  public:
    explicit StaffCheck(StaffGateFactory gates, QObject* parent = nullptr);
    ~StaffCheck() override;

    // Starts checking; false (and nothing started) while a check runs.
    bool start(const std::string& staffNo, const std::string& pin);
    bool running() const { return running_; }

  signals:
    void finished(const gradphoto::flow::StaffGateVerdict& verdict);

  private:
    StaffGateFactory gates_;
    PortWorker worker_;  // run() only
    bool running_ = false;
};

}  // namespace gradphoto::kiosk
