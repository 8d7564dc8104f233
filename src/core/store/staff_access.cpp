#include "gradphoto/store/staff_access.h"

#include <nlohmann/json.hpp>

#include "gradphoto/store/pin.h"

namespace gradphoto::store {

namespace {

constexpr UnixTime kLockedByAdmin = 253402300799;  // 9999-12-31T23:59:59Z

Refusal forbidden(const std::string& action) {
    return Refusal({"forbidden", "只有管理员可以" + action, "only an admin may " + action});
}

}  // namespace

StaffAccess::StaffAccess(RecordStore& store, Clock clock)
    : store_(store), clock_(std::move(clock)), pinIterations_(kPinIterations) {}

void StaffAccess::audit(const std::string& actor, const std::string& action,
                        const std::string& staffNo) {
    store_.audit().append({0, clock_(), actor, action, "staff:" + staffNo, "{}"});
}

void StaffAccess::requireAdmin(const StaffAccount& account, const std::string& action) {
    // Re-read: the role or lock may have changed since the caller signed in.
    const auto fresh = store_.staff().find(account.staffNo);
    if (!fresh || fresh->role != StaffRole::kAdmin) throw forbidden(action);
    if (fresh->lockedUntil && *fresh->lockedUntil > clock_()) throw forbidden(action);
}

StaffAccount StaffAccess::existing(const std::string& staffNo) {
    auto account = store_.staff().find(staffNo);
    if (!account)
        throw Refusal({"not_found", "找不到工作人员 " + staffNo, "no staff member " + staffNo});
    return *account;
}

StaffAccount StaffAccess::signIn(const std::string& staffNo, const std::string& pin) {
    // The PIN's PBKDF2 (about 0.05-0.5 s) runs before the transaction, against the hash read
    // then, so that the store's write lock is not held meanwhile (a kiosk's journal or a
    // console's review would wait for it). Inside, a hash that changed in between (a PIN reset)
    // is checked again.
    const auto before = store_.staff().find(staffNo);
    const bool matchedBefore = before && verifyPin(pin, before->pin);
    auto sameHash = [](const PinHash& a, const PinHash& b) {
        return a.salt == b.salt && a.hash == b.hash && a.iterations == b.iterations;
    };
    std::optional<Refusal> refusal;
    StaffAccount result;
    store_.inTransaction([&] {
        auto account = store_.staff().find(staffNo);
        const UnixTime now = clock_();
        if (!account) {
            audit("system", "staff.sign_in_unknown", staffNo);
            refusal =
                Refusal({"wrong_pin", "工号或 PIN 不正确", "unknown staff number or wrong PIN"});
            return;
        }
        if (account->lockedUntil && *account->lockedUntil > now) {
            audit(staffNo, "staff.sign_in_locked", staffNo);
            const bool byAdmin = *account->lockedUntil >= kLockedByAdmin;
            refusal = Refusal({"locked",
                               byAdmin ? "账号已被管理员锁定"
                                       : "账号已锁定至 " + toIsoTime(*account->lockedUntil),
                               byAdmin ? "account " + staffNo + " is locked by an admin"
                                       : "account " + staffNo + " is locked until " +
                                             toIsoTime(*account->lockedUntil) + " after " +
                                             std::to_string(kMaxPinAttempts) + " wrong PINs"});
            return;
        }
        const bool lockRanOut = account->lockedUntil.has_value();
        if (lockRanOut) account->lockedUntil.reset();
        const bool matches = before && sameHash(before->pin, account->pin)
                                 ? matchedBefore
                                 : verifyPin(pin, account->pin);
        if (!matches) {
            ++account->failedAttempts;
            if (account->failedAttempts >= kMaxPinAttempts) {
                account->failedAttempts = 0;
                account->lockedUntil = now + kLockoutSeconds;
                store_.staff().update(*account);
                audit(staffNo, "staff.locked_out", staffNo);
                refusal = Refusal(
                    {"locked", "PIN 连续错误 5 次，账号锁定至 " + toIsoTime(*account->lockedUntil),
                     "wrong PIN " + std::to_string(kMaxPinAttempts) + " times: account " + staffNo +
                         " is locked until " + toIsoTime(*account->lockedUntil)});
                return;
            }
            store_.staff().update(*account);
            audit(staffNo, "staff.sign_in_failed", staffNo);
            const int left = kMaxPinAttempts - account->failedAttempts;
            refusal =
                Refusal({"wrong_pin", "工号或 PIN 不正确，还可尝试 " + std::to_string(left) + " 次",
                         "unknown staff number or wrong PIN (" + std::to_string(left) +
                             " attempts left before the account locks)"});
            return;
        }
        if (account->failedAttempts != 0 || lockRanOut) {
            account->failedAttempts = 0;
            store_.staff().update(*account);
        }
        audit(staffNo, "staff.sign_in", staffNo);
        result = *account;
    });
    if (refusal) throw *refusal;
    return result;
}

bool StaffAccess::isEmpty() {
    return store_.staff().count() == 0;
}

StaffAccount StaffAccess::addFirstAdmin(const std::string& staffNo, const std::string& name,
                                        const std::string& pin) {
    requireValidPin(pin);
    StaffAccount account{staffNo, name,         StaffRole::kAdmin, hashPin(pin, pinIterations_),
                         0,       std::nullopt, clock_()};
    store_.inTransaction([&] {
        if (store_.staff().count() != 0)
            throw Refusal({"forbidden", "已有工作人员账号，添加账号需要管理员登录",
                           "the store already has staff accounts: adding one needs an admin"});
        store_.staff().insert(account);
        audit(staffNo, "staff.add_first_admin", staffNo);
    });
    return account;
}

StaffAccount StaffAccess::addAccount(const StaffAccount& admin, const std::string& staffNo,
                                     const std::string& name, StaffRole role,
                                     const std::string& pin) {
    requireValidPin(pin);
    StaffAccount account{staffNo, name,         role,    hashPin(pin, pinIterations_),
                         0,       std::nullopt, clock_()};
    store_.inTransaction([&] {
        requireAdmin(admin, "add staff accounts");
        if (store_.staff().find(staffNo))
            throw Refusal({"exists", "工号 " + staffNo + " 已存在",
                           "staff number " + staffNo + " already exists"});
        store_.staff().insert(account);
        store_.audit().append({0, clock_(), admin.staffNo, "staff.add", "staff:" + staffNo,
                               nlohmann::json{{"role", toString(role)}}.dump()});
    });
    return account;
}

void StaffAccess::changeOwnPin(const std::string& staffNo, const std::string& currentPin,
                               const std::string& newPin) {
    requireValidPin(newPin);
    signIn(staffNo, currentPin);
    const PinHash hash = hashPin(newPin, pinIterations_);
    store_.inTransaction([&] {
        auto account = existing(staffNo);
        account.pin = hash;
        store_.staff().update(account);
        audit(staffNo, "staff.change_pin", staffNo);
    });
}

void StaffAccess::resetPin(const StaffAccount& admin, const std::string& staffNo,
                           const std::string& newPin) {
    requireValidPin(newPin);
    const PinHash hash = hashPin(newPin, pinIterations_);
    store_.inTransaction([&] {
        requireAdmin(admin, "reset PINs");
        auto account = existing(staffNo);
        account.pin = hash;
        account.failedAttempts = 0;
        store_.staff().update(account);
        audit(admin.staffNo, "staff.reset_pin", staffNo);
    });
}

void StaffAccess::lock(const StaffAccount& admin, const std::string& staffNo) {
    store_.inTransaction([&] {
        requireAdmin(admin, "lock accounts");
        if (admin.staffNo == staffNo)
            throw Refusal(
                {"forbidden", "不能锁定自己的账号", "an admin cannot lock their own account"});
        auto account = existing(staffNo);
        account.lockedUntil = kLockedByAdmin;
        store_.staff().update(account);
        audit(admin.staffNo, "staff.lock", staffNo);
    });
}

void StaffAccess::unlock(const StaffAccount& admin, const std::string& staffNo) {
    store_.inTransaction([&] {
        requireAdmin(admin, "unlock accounts");
        auto account = existing(staffNo);
        account.lockedUntil.reset();
        account.failedAttempts = 0;
        store_.staff().update(account);
        audit(admin.staffNo, "staff.unlock", staffNo);
    });
}

StaffAccount StaffAccess::changeAccount(const StaffAccount& admin, const std::string& staffNo,
                                        const std::string& name, StaffRole role) {
    if (name.find_first_not_of(" \t") == std::string::npos)
        throw Refusal({"usage", "姓名不能为空", "the name must not be empty"});
    StaffAccount changed;
    store_.inTransaction([&] {
        requireAdmin(admin, "change staff accounts");
        auto account = existing(staffNo);
        const StaffRole before = account.role;
        const bool renamed = account.name != name;
        if (before == StaffRole::kAdmin && role != StaffRole::kAdmin) {
            const UnixTime now = clock_();
            int otherAdmins = 0;
            for (const auto& a : store_.staff().list())
                if (a.staffNo != staffNo && a.role == StaffRole::kAdmin &&
                    !(a.lockedUntil && *a.lockedUntil > now))
                    ++otherAdmins;
            if (otherAdmins == 0)
                throw Refusal({"forbidden", "这是最后一个可用的管理员账号，不能改为工作人员",
                               "account " + staffNo +
                                   " is the last admin who can sign in: it stays an admin"});
        }
        account.name = name;
        account.role = role;
        store_.staff().update(account);
        store_.audit().append(
            {0, clock_(), admin.staffNo, "staff.change", "staff:" + staffNo,
             nlohmann::json{
                 {"role_before", toString(before)}, {"role", toString(role)}, {"renamed", renamed}}
                 .dump()});
        changed = account;
    });
    return changed;
}

}  // namespace gradphoto::store
