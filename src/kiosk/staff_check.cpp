#include "staff_check.h"

#include <exception>

#include "gradphoto/common/error.h"
#include "gradphoto/flow/setting_pin_staff_gate.h"
#include "gradphoto/flow/store_staff_gate.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::kiosk {

namespace {

// StoreStaffGate borrows its store: this gate owns the connection it is over.
class OwnStoreStaffGate final : public flow::StaffGate {
  public:
    OwnStoreStaffGate(std::unique_ptr<store::SqliteRecordStore> store, const std::string& boothId,
                      const std::string& settingPin)
        : store_(std::move(store)), gate_(*store_, boothId, settingPin) {}
    flow::StaffGateVerdict admit(const std::string& staffNo, const std::string& pin) override {
        return gate_.admit(staffNo, pin);
    }

  private:
    std::unique_ptr<store::SqliteRecordStore> store_;
    flow::StoreStaffGate gate_;
};

// On the staff-check thread. Never throws: a gate that cannot be made or fails refuses.
flow::StaffGateVerdict checkHere(const StaffGateFactory& gates, const std::string& staffNo,
                                 const std::string& pin) {
    flow::StaffGateVerdict verdict;
    verdict.staffNo = staffNo;
    try {
        const std::unique_ptr<flow::StaffGate> gate = gates();
        verdict = gate->admit(staffNo, pin);
    } catch (const Error& e) {  // the store failed: the menu stays shut
        verdict.admitted = false;
        verdict.refusal = e.problem();
    } catch (const std::exception& e) {
        verdict.admitted = false;
        verdict.refusal = {"unavailable", "暂时无法核对工作人员账号。", e.what()};
    }
    return verdict;
}

}  // namespace

StaffGateFactory storeStaffGates(std::filesystem::path dataDir, std::string boothId,
                                 std::string settingPin) {
    return [dataDir = std::move(dataDir), boothId = std::move(boothId),
            settingPin = std::move(settingPin)]() -> std::unique_ptr<flow::StaffGate> {
        return std::make_unique<OwnStoreStaffGate>(store::SqliteRecordStore::open(dataDir), boothId,
                                                   settingPin);
    };
}

StaffGateFactory settingPinStaffGates(std::string settingPin) {
    return [settingPin = std::move(settingPin)]() -> std::unique_ptr<flow::StaffGate> {
        return std::make_unique<flow::SettingPinStaffGate>(settingPin);
    };
}

StaffCheck::StaffCheck(StaffGateFactory gates, QObject* parent)
    : QObject(parent), gates_(std::move(gates)), worker_(WorkerPortsFactory{}) {}

StaffCheck::~StaffCheck() = default;

bool StaffCheck::start(const std::string& staffNo, const std::string& pin) {
    if (running_) return false;
    running_ = true;
    worker_.run<flow::StaffGateVerdict>(
        [gates = gates_, staffNo, pin] { return checkHere(gates, staffNo, pin); },
        [this](flow::StaffGateVerdict verdict) {
            running_ = false;
            emit finished(verdict);
        });
    return true;
}

}  // namespace gradphoto::kiosk
