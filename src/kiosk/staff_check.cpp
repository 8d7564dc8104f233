#include "staff_check.h"

#include <QtGlobal>
#include <exception>
#include <nlohmann/json.hpp>

#include "gradphoto/common/error.h"
#include "gradphoto/flow/setting_pin_staff_gate.h"
#include "gradphoto/flow/store_staff_gate.h"
#include "gradphoto/store/records.h"
#include "gradphoto/store/repositories.h"
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

StaffMenuNote storeStaffMenuNotes(std::filesystem::path dataDir, std::string boothId) {
    return [dataDir = std::move(dataDir),
            boothId = std::move(boothId)](const flow::StaffGateVerdict& verdict) {
        const auto records = store::SqliteRecordStore::open(dataDir);
        const nlohmann::json detail = {
            {"by", verdict.bySettingPin ? "setting_pin" : "staff_account"},
            {"reason", "dialog_closed"}};
        records->audit().append({0, store::systemNow(), verdict.staffNo, "kiosk.staff_menu_unused",
                                 "kiosk:" + boothId, detail.dump()});
    };
}

StaffGateFactory settingPinStaffGates(std::string settingPin) {
    return [settingPin = std::move(settingPin)]() -> std::unique_ptr<flow::StaffGate> {
        return std::make_unique<flow::SettingPinStaffGate>(settingPin);
    };
}

StaffCheck::StaffCheck(StaffGateFactory gates, StaffMenuNote note, QObject* parent)
    : QObject(parent),
      gates_(std::move(gates)),
      note_(std::move(note)),
      worker_(WorkerPortsFactory{}) {}

StaffCheck::~StaffCheck() = default;

bool StaffCheck::start(const std::string& staffNo, const std::string& pin) {
    if (running_) return false;
    running_ = true;
    const std::uint64_t number = ++started_;
    wanted_ = number;
    worker_.run<flow::StaffGateVerdict>(
        [gates = gates_, staffNo, pin] { return checkHere(gates, staffNo, pin); },
        [this, number](flow::StaffGateVerdict verdict) { checked(number, verdict); });
    return true;
}

void StaffCheck::abandon() {
    running_ = false;
    wanted_ = 0;
}

void StaffCheck::checked(std::uint64_t number, const flow::StaffGateVerdict& verdict) {
    if (number == wanted_) {
        running_ = false;
        wanted_ = 0;
        emit finished(verdict);
        return;
    }
    // Abandoned: nobody sees the verdict. An admission already audited kiosk.staff_menu; say that
    // no menu opened after all.
    if (!verdict.admitted || !note_) return;
    worker_.run<bool>(
        [note = note_, verdict] {
            try {
                note(verdict);
                return true;
            } catch (const Error& e) {
                qWarning("gradphoto-kiosk: cannot audit an unused staff admission: %s",
                         e.problem().message_en.c_str());
            } catch (const std::exception& e) {
                qWarning("gradphoto-kiosk: cannot audit an unused staff admission: %s", e.what());
            }
            return false;
        },
        [](bool) {});
}

}  // namespace gradphoto::kiosk
