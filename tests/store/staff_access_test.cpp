#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "gradphoto/store/pin.h"
#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {

TEST(StorePin, SaltedHashVerifies) {
    const auto a = hashPin("123456", 2000);
    const auto b = hashPin("123456", 2000);
    EXPECT_EQ(a.hash.size(), 32u);
    EXPECT_EQ(a.salt.size(), 16u);
    EXPECT_NE(a.salt, b.salt);
    EXPECT_NE(a.hash, b.hash);
    EXPECT_TRUE(verifyPin("123456", a));
    EXPECT_FALSE(verifyPin("123457", a));
    EXPECT_FALSE(verifyPin("", a));
    EXPECT_FALSE(verifyPin("123456", PinHash{}));
}

TEST(StorePin, OnlyDigitsOfSensibleLength) {
    EXPECT_NO_THROW(requireValidPin("1234"));
    EXPECT_NO_THROW(requireValidPin("123456789012"));
    EXPECT_THROW(requireValidPin("123"), Error);
    EXPECT_THROW(requireValidPin("1234567890123"), Error);
    EXPECT_THROW(requireValidPin("12a4"), Error);
}

// A PIN held only as long as it is needed: its characters overwritten in place, then emptied.
TEST(StorePin, WipeOverwritesThePinInPlace) {
    std::string pin = "135792468024";  // the longest PIN: past the short-string buffer
    pin.reserve(64);
    const char* where = pin.data();
    const std::size_t size = pin.size();
    wipePin(pin);
    EXPECT_TRUE(pin.empty());
    EXPECT_EQ(pin.data(), where);  // the same buffer, still owned by pin
    EXPECT_EQ(std::string(where, size).find_first_of("123456789"), std::string::npos);
    std::string none;
    wipePin(none);
    EXPECT_TRUE(none.empty());
}

TEST_F(StoreTest, PinIsStoredHashedNeverPlain) {
    const auto stored = store->staff().find("S001");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->pin.iterations, 1000);
    const std::string hash(stored->pin.hash.begin(), stored->pin.hash.end());
    EXPECT_EQ(hash.find("135790"), std::string::npos);
    EXPECT_EQ(access->signIn("S001", "135790").role, StaffRole::kStaff);
}

// The PIN's PBKDF2 runs before signIn's transaction: while it runs another connection can write
// (a kiosk's journal, a console's review). With a PIN hashed slowly (several seconds of PBKDF2
// on any machine), another connection that does not wait at all takes the write lock while the
// sign-in is still checking it, and the sign-in succeeds afterwards.
TEST_F(StoreTest, ThePinCheckDoesNotHoldTheStoresWriteLock) {
    access->setPinIterations(5'000'000);
    access->resetPin(admin, "S001", "246802");
    std::atomic<bool> signedIn{false};
    std::thread check([&] {
        StaffAccess own(*store, time.clock());
        signedIn = own.signIn("S001", "246802").staffNo == "S001";
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));           // the check is under way
    Database other = Database::open(store->database().file(), {0, true});  // never waits
    EXPECT_FALSE(signedIn.load()) << "the PIN check ended too soon to show anything";
    EXPECT_NO_THROW({
        other.exec("BEGIN IMMEDIATE");
        other.exec("COMMIT");
    });
    check.join();
    EXPECT_TRUE(signedIn.load());
}

TEST_F(StoreTest, FiveWrongPinsLockForMinutes) {
    for (int i = 1; i <= 4; ++i) {
        try {
            access->signIn("S001", "000000");
            FAIL();
        } catch (const Refusal& r) {
            EXPECT_EQ(r.problem().code, "wrong_pin");
        }
        EXPECT_EQ(store->staff().find("S001")->failedAttempts, i);
    }
    try {
        access->signIn("S001", "000000");
        FAIL();
    } catch (const Refusal& r) {
        EXPECT_EQ(r.problem().code, "locked");
    }
    // Locked: even the right PIN is refused, and not even checked.
    time.now += kLockoutSeconds - 1;
    try {
        access->signIn("S001", "135790");
        FAIL();
    } catch (const Refusal& r) {
        EXPECT_EQ(r.problem().code, "locked");
    }
    time.now += 2;
    EXPECT_NO_THROW(access->signIn("S001", "135790"));
    const auto after = store->staff().find("S001");
    EXPECT_EQ(after->failedAttempts, 0);
    EXPECT_FALSE(after->lockedUntil);
    const auto log = store->audit().forSubject("staff:S001");
    EXPECT_TRUE(std::any_of(log.begin(), log.end(),
                            [](const AuditEntry& e) { return e.action == "staff.locked_out"; }));
}

TEST_F(StoreTest, SuccessResetsTheFailureCount) {
    EXPECT_THROW(access->signIn("S001", "000000"), Refusal);
    EXPECT_THROW(access->signIn("S001", "000000"), Refusal);
    access->signIn("S001", "135790");
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 0);
}

TEST_F(StoreTest, UnknownStaffLooksLikeAWrongPin) {
    try {
        access->signIn("NOBODY", "135790");
        FAIL();
    } catch (const Refusal& r) {
        EXPECT_EQ(r.problem().code, "wrong_pin");
    }
}

TEST_F(StoreTest, OnlyTheFirstAdminNeedsNoCredentials) {
    EXPECT_FALSE(access->isEmpty());
    EXPECT_THROW(access->addFirstAdmin("A002", "x", "111111"), Refusal);
    // A staff member is no admin.
    EXPECT_THROW(access->addAccount(reviewer, "S002", "x", StaffRole::kStaff, "111111"), Refusal);
    EXPECT_THROW(access->addAccount(admin, "S001", "dup", StaffRole::kStaff, "111111"), Refusal);
    EXPECT_NO_THROW(access->addAccount(admin, "S002", "x", StaffRole::kAdmin, "111111"));
    EXPECT_EQ(store->staff().count(), 3);
}

TEST_F(StoreTest, PinChangeAndReset) {
    access->changeOwnPin("S001", "135790", "8642");
    EXPECT_THROW(access->signIn("S001", "135790"), Refusal);
    EXPECT_NO_THROW(access->signIn("S001", "8642"));
    EXPECT_THROW(access->changeOwnPin("S001", "0000", "9999"), Refusal);
    EXPECT_THROW(access->resetPin(reviewer, "A001", "1111"), Refusal);
    access->resetPin(admin, "S001", "7777");
    EXPECT_NO_THROW(access->signIn("S001", "7777"));
}

TEST_F(StoreTest, AdminLockHoldsUntilUnlock) {
    access->lock(admin, "S001");
    time.now += 365 * 24 * 3600;
    EXPECT_THROW(access->signIn("S001", "135790"), Refusal);
    EXPECT_THROW(access->lock(admin, "A001"), Refusal);  // not themself
    EXPECT_THROW(access->unlock(reviewer, "S001"), Refusal);
    access->unlock(admin, "S001");
    EXPECT_NO_THROW(access->signIn("S001", "135790"));
}

TEST_F(StoreTest, AdminChangesNameAndRoleButNeverRemovesTheLastAdmin) {
    // A staff member may not change accounts.
    EXPECT_THROW(access->changeAccount(reviewer, "S001", "x", StaffRole::kAdmin), Refusal);
    EXPECT_THROW(access->changeAccount(admin, "S999", "x", StaffRole::kStaff), Refusal);
    EXPECT_THROW(access->changeAccount(admin, "S001", "  ", StaffRole::kStaff), Refusal);

    const auto promoted = access->changeAccount(admin, "S001", "审核组长", StaffRole::kAdmin);
    EXPECT_EQ(promoted.role, StaffRole::kAdmin);
    EXPECT_EQ(store->staff().find("S001")->name, "审核组长");
    // The PIN and sign-in are untouched by the change; the new admin can now add accounts.
    const auto signedIn = access->signIn("S001", "135790");
    EXPECT_EQ(signedIn.role, StaffRole::kAdmin);
    EXPECT_NO_THROW(access->addAccount(signedIn, "S002", "x", StaffRole::kStaff, "111111"));

    // With two admins, A001 may step down; the remaining admin may not.
    access->changeAccount(admin, "A001", "管理员", StaffRole::kStaff);
    EXPECT_EQ(store->staff().find("A001")->role, StaffRole::kStaff);
    EXPECT_THROW(access->changeAccount(admin, "S001", "x", StaffRole::kStaff),
                 Refusal);  // no admin
    try {
        access->changeAccount(signedIn, "S001", "审核组长", StaffRole::kStaff);
        FAIL() << "the last admin was demoted";
    } catch (const Refusal& r) {
        EXPECT_EQ(r.problem().code, "forbidden");
    }
    EXPECT_EQ(store->staff().find("S001")->role, StaffRole::kAdmin);

    // A locked admin does not count: with A001 promoted again but locked, S001 stays an admin.
    access->changeAccount(signedIn, "A001", "管理员", StaffRole::kAdmin);
    access->lock(signedIn, "A001");
    EXPECT_THROW(access->changeAccount(signedIn, "S001", "审核组长", StaffRole::kStaff), Refusal);

    // Audited by the acting admin, with the roles but without the name.
    const auto entries = store->audit().forSubject("staff:S001");
    const auto change = std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) {
        return e.action == "staff.change";
    });
    ASSERT_NE(change, entries.end());
    EXPECT_EQ(change->actor, "A001");
    EXPECT_NE(change->detailJson.find("\"role\":\"admin\""), std::string::npos);
    EXPECT_EQ(change->detailJson.find("审核组长"), std::string::npos);
}

}  // namespace
}  // namespace gradphoto::store::testing
