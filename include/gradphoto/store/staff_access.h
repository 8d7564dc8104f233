#pragma once

// Staff accounts and signing in: PINs hashed with salted PBKDF2 (pin.h), 5 wrong PINs in a row
// lock the account for 5 minutes, roles staff and admin. Every change is one transaction with an
// audit entry; so is every failed sign-in (the attempt counts even though the call throws).
//
// Rules:
//   - the first account of an empty store must be an admin and needs no credentials
//     (addFirstAdmin); every later add, role or name change, lock or PIN reset needs a signed-in
//     admin, and no change may leave the store without an unlocked admin;
//   - a staff member changes their own PIN with their current one (changeOwnPin);
//   - signIn throws Refusal "wrong_pin" (with the attempts left) or "locked" (until when).

#include <string>

#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

inline constexpr int kMaxPinAttempts = 5;
inline constexpr UnixTime kLockoutSeconds = 5 * 60;

class StaffAccess {
  public:
    explicit StaffAccess(RecordStore& store, Clock clock = systemNow);

    // Returns the account when the PIN is right; records the failure and throws Refusal else.
    StaffAccount signIn(const std::string& staffNo, const std::string& pin);

    bool isEmpty();
    StaffAccount addFirstAdmin(const std::string& staffNo, const std::string& name,
                               const std::string& pin);
    StaffAccount addAccount(const StaffAccount& admin, const std::string& staffNo,
                            const std::string& name, StaffRole role, const std::string& pin);
    void changeOwnPin(const std::string& staffNo, const std::string& currentPin,
                      const std::string& newPin);
    void resetPin(const StaffAccount& admin, const std::string& staffNo, const std::string& newPin);
    // Locks until unlock (lockedUntil far in the future); the admin cannot lock themself out.
    void lock(const StaffAccount& admin, const std::string& staffNo);
    void unlock(const StaffAccount& admin, const std::string& staffNo);
    // Renames a staff member and sets their role. Refused when it would leave the store without an
    // admin who can sign in (demoting the last unlocked admin, oneself included), or for an empty
    // name. The audit entry records the role change and whether the name changed, not the name.
    StaffAccount changeAccount(const StaffAccount& admin, const std::string& staffNo,
                               const std::string& name, StaffRole role);

    // Iterations for new PIN hashes (tests lower it to stay fast).
    void setPinIterations(int iterations) { pinIterations_ = iterations; }

  private:
    void requireAdmin(const StaffAccount& account, const std::string& action);
    StaffAccount existing(const std::string& staffNo);
    void audit(const std::string& actor, const std::string& action, const std::string& staffNo);

    RecordStore& store_;
    Clock clock_;
    int pinIterations_;
};

}  // namespace gradphoto::store
