// gradphoto staff add NO --name NAME --role staff|admin [--staff ADMIN] / staff passwd NO /
// staff edit NO [--name NAME] [--role staff|admin] --staff ADMIN / staff lock NO / staff unlock NO
// / staff list.

#include <iomanip>
#include <ostream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/store/staff_access.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

std::string newPin(const std::string& staffNo) {
    const std::string first = readPin(kNewPinVariable, "new PIN for " + staffNo);
    if (std::getenv(kNewPinVariable) == nullptr) {
        const std::string again = readPin(kNewPinVariable, "new PIN again");
        if (again != first)
            throw Error(Error::Kind::kUsage,
                        {"pin_mismatch", "两次输入的 PIN 不一致", "the two PINs differ"});
    }
    return first;
}

int runAdd(CommandContext& ctx, ArgParser& parser) {
    const std::string staffNo = parser.positional().front();
    const auto name = parser.value("--name");
    const auto roleText = parser.value("--role");
    if (!name || !roleText)
        return ctx.fail(kExitUsage, "usage: gradphoto staff add NO --name NAME --role staff|admin");
    const auto role = store::parseStaffRole(*roleText);
    if (!role) return ctx.fail(kExitUsage, "--role takes staff or admin");
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        store::StaffAccess access(*store);
        if (access.isEmpty()) {
            if (*role != store::StaffRole::kAdmin)
                throw store::Refusal({"forbidden", "第一个账号必须是管理员（--role admin）",
                                      "the first account must be an admin (--role admin)"});
            // The first admin: no credentials; the new PIN as any credential PIN is read.
            const char* variable = std::getenv(kNewPinVariable) ? kNewPinVariable : kPinVariable;
            const std::string pin =
                std::getenv(variable) ? std::string(std::getenv(variable)) : newPin(staffNo);
            access.addFirstAdmin(staffNo, *name, pin);
        } else {
            if (!parser.value("--staff"))
                throw Error(Error::Kind::kUsage,
                            {"usage", "需要管理员凭据：--staff 管理员工号",
                             "adding staff needs an admin: --staff ADMIN (PIN from "
                             "GRADPHOTO_PIN, the new PIN from GRADPHOTO_NEW_PIN)"});
            const auto admin = signInStaff(*store, *parser.value("--staff"));
            access.addAccount(admin, staffNo, *name, *role, newPin(staffNo));
        }
        ctx.out << "added " << *roleText << ' ' << staffNo << '\n';
        return kExitOk;
    });
}

int runPasswd(CommandContext& ctx, ArgParser& parser) {
    const std::string staffNo = parser.positional().front();
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        store::StaffAccess access(*store);
        const auto admin = parser.value("--staff");
        if (admin && *admin != staffNo) {
            const auto account = signInStaff(*store, *admin);
            access.resetPin(account, staffNo, newPin(staffNo));
        } else {
            const std::string current = readPin(kPinVariable, "current PIN for " + staffNo);
            access.changeOwnPin(staffNo, current, newPin(staffNo));
        }
        ctx.out << "PIN changed for " << staffNo << '\n';
        return kExitOk;
    });
}

int runLock(CommandContext& ctx, ArgParser& parser, bool lock) {
    const std::string staffNo = parser.positional().front();
    if (!parser.value("--staff"))
        return ctx.fail(kExitUsage,
                        "missing --staff ADMIN (PIN from GRADPHOTO_PIN or the terminal)");
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        store::StaffAccess access(*store);
        const auto admin = signInStaff(*store, *parser.value("--staff"));
        if (lock)
            access.lock(admin, staffNo);
        else
            access.unlock(admin, staffNo);
        ctx.out << (lock ? "locked " : "unlocked ") << staffNo << '\n';
        return kExitOk;
    });
}

int runEdit(CommandContext& ctx, ArgParser& parser) {
    const std::string staffNo = parser.positional().front();
    if (!parser.value("--staff"))
        return ctx.fail(kExitUsage,
                        "missing --staff ADMIN (PIN from GRADPHOTO_PIN or the terminal)");
    if (!parser.value("--name") && !parser.value("--role"))
        return ctx.fail(kExitUsage,
                        "usage: gradphoto staff edit NO [--name NAME] "
                        "[--role staff|admin] --staff ADMIN (at least one change)");
    std::optional<store::StaffRole> role;
    if (const auto roleText = parser.value("--role")) {
        role = store::parseStaffRole(*roleText);
        if (!role) return ctx.fail(kExitUsage, "--role takes staff or admin");
    }
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        store::StaffAccess access(*store);
        const auto admin = signInStaff(*store, *parser.value("--staff"));
        const auto current = store->staff().find(staffNo);
        if (!current)
            throw store::Refusal(
                {"not_found", "找不到工作人员 " + staffNo, "no staff member " + staffNo});
        const auto changed =
            access.changeAccount(admin, staffNo, parser.value("--name").value_or(current->name),
                                 role.value_or(current->role));
        ctx.out << "changed " << staffNo << ": " << store::toString(changed.role) << '\n';
        return kExitOk;
    });
}

int runList(CommandContext& ctx) {
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto now = store::systemNow();
        auto array = nlohmann::json::array();
        for (const auto& a : store->staff().list()) {
            const bool locked = a.lockedUntil && *a.lockedUntil > now;
            if (ctx.globals.json) {
                array.push_back({{"staff", a.staffNo},
                                 {"name", a.name},
                                 {"role", std::string(store::toString(a.role))},
                                 {"locked", locked}});
            } else {
                ctx.out << std::left << std::setw(12) << a.staffNo << std::setw(7)
                        << store::toString(a.role) << a.name << (locked ? "  (locked)" : "")
                        << '\n';
            }
        }
        if (ctx.globals.json) ctx.out << array.dump(2) << '\n';
        return kExitOk;
    });
}

int runStaff(CommandContext& ctx) {
    if (ctx.args.empty())
        return ctx.fail(kExitUsage, "usage: gradphoto staff add|passwd|edit|lock|unlock|list ...");
    const std::string sub = ctx.args.front();
    ArgParser parser;
    parser.option("--name").option("--role").option("--staff");
    if (const auto problem = parser.parse({ctx.args.begin() + 1, ctx.args.end()}))
        return ctx.fail(kExitUsage, *problem);
    if (sub == "list") {
        if (!parser.positional().empty())
            return ctx.fail(kExitUsage, "usage: gradphoto staff list");
        return runList(ctx);
    }
    if (sub != "add" && sub != "passwd" && sub != "edit" && sub != "lock" && sub != "unlock")
        return ctx.fail(kExitUsage, "unknown staff command " + sub +
                                        " (add, passwd, edit, lock, unlock or list)");
    if (parser.positional().size() != 1)
        return ctx.fail(kExitUsage, "usage: gradphoto staff " + sub + " NO ...");
    if (sub == "add") return runAdd(ctx, parser);
    if (sub == "edit") return runEdit(ctx, parser);
    if (parser.has("--name") || parser.has("--role"))
        return ctx.fail(kExitUsage, "--name and --role belong to staff add and staff edit");
    if (sub == "passwd") return runPasswd(ctx, parser);
    return runLock(ctx, parser, sub == "lock");
}

const CommandRegistration kStaff({
    "staff",
    "staff accounts: add, passwd, edit, lock, unlock, list",
    "usage: gradphoto staff add NO --name NAME --role staff|admin [--staff ADMIN]\n"
    "       gradphoto staff passwd NO [--staff ADMIN]\n"
    "       gradphoto staff edit NO [--name NAME] [--role staff|admin] --staff ADMIN\n"
    "       gradphoto staff lock NO --staff ADMIN\n"
    "       gradphoto staff unlock NO --staff ADMIN\n"
    "       gradphoto staff list\n"
    "\n"
    "PINs are 4 to 12 digits and never command-line options. The PIN of the signed-in staff\n"
    "member (--staff, or NO for passwd) comes from GRADPHOTO_PIN, a new PIN from\n"
    "GRADPHOTO_NEW_PIN; each is asked on the terminal when its variable is unset.\n"
    "add: the first account of an empty store must be an admin and needs no credentials (its\n"
    "PIN from GRADPHOTO_NEW_PIN or GRADPHOTO_PIN); every later account needs --staff ADMIN.\n"
    "passwd: changes NO's own PIN (current PIN from GRADPHOTO_PIN), or with --staff ADMIN resets\n"
    "it. edit: renames NO or changes the role; the last admin who can sign in stays an admin.\n"
    "lock: locks the account until an admin unlocks it. 5 wrong PINs in a row lock an account\n"
    "for 5 minutes.\n"
    "Exit codes: 0 done; 1 wrong PIN, locked, not an admin, unknown or existing staff number;\n"
    "2 usage (also two different new PINs at the prompt); 3 a new PIN that is not 4-12 digits,\n"
    "or a database error.\n",
    runStaff,
});

}  // namespace
}  // namespace gradphoto::cli
