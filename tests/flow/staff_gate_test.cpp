// The kiosk's staff-menu gate over a real SQLite record store: staff accounts sign in with their
// hashed PINs (wrong PINs count towards the lock-out), every decision is an audit entry without
// the PIN, and a booth with no staff accounts yet falls back to the kiosk.staff_pin setting.

#include <gtest/gtest.h>

#include "audit_search.h"
#include "gradphoto/flow/setting_pin_staff_gate.h"
#include "gradphoto/flow/store_staff_gate.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

constexpr store::UnixTime kNow = 1780000000;

class StaffGateTest : public ::testing::Test {
  protected:
    void SetUp() override { store = store::SqliteRecordStore::open(dir.path()); }

    // An admin A001 (PIN 246810) and a staff member S001 (PIN 4321).
    void addAccounts() {
        store::StaffAccess access(*store, clock());
        access.setPinIterations(1000);
        admin = access.addFirstAdmin("A001", "王老师", "246810");
        access.addAccount(admin, "S001", "值班员", store::StaffRole::kStaff, "4321");
    }

    store::Clock clock() {
        return [this] { return now; };
    }
    StoreStaffGate gate(std::string settingPin = "2580") {
        return StoreStaffGate(*store, "A1", std::move(settingPin), clock());
    }
    std::vector<store::AuditEntry> entries(const std::string& action) {
        return test::auditEntries(*store, action);
    }
    bool anyAuditMentions(const std::string& text) { return test::auditMentions(*store, text); }

    test::ScratchDir dir{"staff-gate"};
    std::unique_ptr<store::SqliteRecordStore> store;
    store::StaffAccount admin;
    store::UnixTime now = kNow;
};

TEST_F(StaffGateTest, RightPinLetsTheStaffMemberInAndIsAudited) {
    addAccounts();
    auto g = gate();
    const StaffGateVerdict v = g.admit("S001", "4321");
    EXPECT_TRUE(v.admitted);
    EXPECT_FALSE(v.bySettingPin);
    EXPECT_EQ(v.staffNo, "S001");
    const auto audited = entries("kiosk.staff_menu");
    ASSERT_EQ(audited.size(), 1U);
    EXPECT_EQ(audited[0].actor, "S001");
    EXPECT_EQ(audited[0].subject, "kiosk:A1");
    EXPECT_EQ(audited[0].at, kNow);
    EXPECT_NE(audited[0].detailJson.find("staff_account"), std::string::npos);
    EXPECT_FALSE(anyAuditMentions("4321"));
}

TEST_F(StaffGateTest, WrongPinIsRefusedCountedAndSaysWhy) {
    addAccounts();
    auto g = gate();
    const StaffGateVerdict v = g.admit("S001", "9999");
    EXPECT_FALSE(v.admitted);
    EXPECT_EQ(v.refusal.code, "wrong_pin");
    EXPECT_FALSE(v.refusal.message_zh.empty());
    EXPECT_FALSE(v.refusal.message_en.empty());
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 1);
    const auto refused = entries("kiosk.staff_menu_refused");
    ASSERT_EQ(refused.size(), 1U);
    EXPECT_EQ(refused[0].actor, "S001");
    EXPECT_NE(refused[0].detailJson.find("wrong_pin"), std::string::npos);
    EXPECT_TRUE(entries("kiosk.staff_menu").empty());
    EXPECT_FALSE(anyAuditMentions("9999"));
    // The plain setting no longer opens the menu once accounts exist.
    EXPECT_FALSE(g.admit("S001", "2580").admitted);
    EXPECT_FALSE(g.admit("D001", "2580").admitted);
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 2);
}

TEST_F(StaffGateTest, FiveWrongPinsLockTheAccountEvenForTheRightPin) {
    addAccounts();
    auto g = gate();
    for (int i = 0; i < store::kMaxPinAttempts; ++i) EXPECT_FALSE(g.admit("S001", "0000").admitted);
    const StaffGateVerdict locked = g.admit("S001", "4321");
    EXPECT_FALSE(locked.admitted);
    EXPECT_EQ(locked.refusal.code, "locked");
    EXPECT_NE(locked.refusal.message_zh.find("锁定"), std::string::npos);
    EXPECT_NE(locked.refusal.message_en.find("locked"), std::string::npos);
    // After the lock-out the right PIN works again.
    now += store::kLockoutSeconds + 1;
    EXPECT_TRUE(g.admit("S001", "4321").admitted);
}

TEST_F(StaffGateTest, AccountLockedByAnAdminIsRefused) {
    addAccounts();
    store::StaffAccess(*store, clock()).lock(admin, "S001");
    auto g = gate();
    const StaffGateVerdict v = g.admit("S001", "4321");
    EXPECT_FALSE(v.admitted);
    EXPECT_EQ(v.refusal.code, "locked");
    EXPECT_TRUE(g.admit("A001", "246810").admitted);
}

TEST_F(StaffGateTest, UnknownStaffNumberIsRefused) {
    addAccounts();
    auto g = gate();
    const StaffGateVerdict v = g.admit("X999", "4321");
    EXPECT_FALSE(v.admitted);
    EXPECT_EQ(v.refusal.code, "wrong_pin");
}

TEST_F(StaffGateTest, EmptyStoreFallsBackToTheSettingPin) {
    auto g = gate("2580");
    const StaffGateVerdict ok = g.admit("D001", "2580");
    EXPECT_TRUE(ok.admitted);
    EXPECT_TRUE(ok.bySettingPin);
    const StaffGateVerdict wrong = g.admit("D001", "2581");
    EXPECT_FALSE(wrong.admitted);
    EXPECT_TRUE(wrong.bySettingPin);
    EXPECT_EQ(wrong.refusal.code, "wrong_pin");
    EXPECT_FALSE(g.admit("D001", "25800").admitted);
    EXPECT_FALSE(g.admit("D001", "258").admitted);
    const auto audited = entries("kiosk.staff_menu");
    ASSERT_EQ(audited.size(), 1U);
    EXPECT_EQ(audited[0].actor, "D001");
    EXPECT_NE(audited[0].detailJson.find("setting_pin"), std::string::npos);
    EXPECT_EQ(entries("kiosk.staff_menu_refused").size(), 3U);
    EXPECT_FALSE(anyAuditMentions("2580"));
    EXPECT_FALSE(anyAuditMentions("2581"));
    // Once the first admin exists the setting no longer opens the menu.
    addAccounts();
    EXPECT_FALSE(g.admit("D001", "2580").admitted);
    EXPECT_TRUE(g.admit("A001", "246810").admitted);
}

TEST_F(StaffGateTest, EmptySettingPinOpensNothing) {
    auto g = gate("");
    const StaffGateVerdict v = g.admit("D001", "");
    EXPECT_FALSE(v.admitted);
    EXPECT_EQ(v.refusal.code, "missing");
    const StaffGateVerdict w = g.admit("D001", "1234");
    EXPECT_FALSE(w.admitted);
    EXPECT_EQ(w.refusal.code, "no_staff_pin");
}

TEST_F(StaffGateTest, MissingCredentialsAreNotCountedAsWrongPins) {
    addAccounts();
    auto g = gate();
    EXPECT_EQ(g.admit("S001", "").refusal.code, "missing");
    EXPECT_EQ(g.admit("", "4321").refusal.code, "missing");
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 0);
}

TEST(SettingPinStaffGate, DemoStaffWithTheSettingPin) {
    SettingPinStaffGate g("2580");
    EXPECT_TRUE(g.admit("D001", "2580").admitted);
    const StaffGateVerdict wrong = g.admit("D001", "0000");
    EXPECT_FALSE(wrong.admitted);
    EXPECT_EQ(wrong.refusal.message_zh, "PIN 不正确。");
    // A prefix, an extension and a last-digit difference are all wrong.
    for (const char* guess : {"258", "25800", "2581", "2580\n"})
        EXPECT_EQ(g.admit("D001", guess).refusal.code, "wrong_pin") << guess;
}

}  // namespace
}  // namespace gradphoto::flow
