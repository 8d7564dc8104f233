// gradphoto review approve ID / review reject ID --reason CODE [--note TEXT] /
// review revoke ID --reason CODE [--note TEXT] / review reasons; all with --staff NO.

#include <ostream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/payment/paid_approval_guard.h"
#include "gradphoto/payment/payment_settings.h"
#include "gradphoto/store/review_queue.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

int runReasons(CommandContext& ctx) {
    const auto reasons = store::RejectReasons::load();
    if (ctx.globals.json) {
        auto array = nlohmann::json::array();
        for (const auto& r : reasons.all())
            array.push_back({{"code", r.code}, {"zh", r.zh}, {"en", r.en}, {"checks", r.checks}});
        ctx.out << array.dump(2) << '\n';
    } else {
        for (const auto& r : reasons.all())
            ctx.out << r.code << "  " << (ctx.globals.lang == "zh" ? r.zh : r.en) << '\n';
    }
    return kExitOk;
}

int runReview(CommandContext& ctx) {
    if (ctx.args.empty())
        return ctx.fail(kExitUsage, "usage: gradphoto review approve|reject|revoke ID --staff NO");
    const std::string decision = ctx.args.front();
    if (decision == "reasons") return runRefusable(ctx, [&]() -> int { return runReasons(ctx); });
    if (decision != "approve" && decision != "reject" && decision != "revoke")
        return ctx.fail(kExitUsage, "unknown review command " + decision +
                                        " (approve, reject, revoke or reasons)");
    ArgParser parser;
    parser.option("--staff").option("--reason").option("--note");
    if (const auto problem = parser.parse({ctx.args.begin() + 1, ctx.args.end()}))
        return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1)
        return ctx.fail(kExitUsage, "usage: gradphoto review " + decision + " ID --staff NO");
    std::int64_t id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(parser.positional().front(), &used);
        if (used != parser.positional().front().size() || id <= 0) id = 0;
    } catch (const std::exception&) {
        id = 0;
    }
    if (id == 0) return ctx.fail(kExitUsage, "capture ID must be a positive whole number");
    if (!parser.value("--staff"))
        return ctx.fail(kExitUsage,
                        "missing --staff NO (the PIN comes from GRADPHOTO_PIN or the "
                        "terminal)");
    if (decision == "approve" && (parser.has("--reason") || parser.has("--note")))
        return ctx.fail(kExitUsage, "approve takes no --reason or --note");
    if (decision != "approve" && !parser.value("--reason"))
        return ctx.fail(kExitUsage, "missing --reason CODE (see gradphoto review reasons)");
    return runRefusable(ctx, [&]() -> int {
        auto reasons = store::RejectReasons::load();
        const std::string reason = parser.value("--reason").value_or("");
        if (decision != "approve" && !reasons.find(reason)) {
            std::string known;
            for (const auto& r : reasons.all()) known += (known.empty() ? "" : ", ") + r.code;
            return ctx.fail(kExitUsage, "unknown reason " + reason + " (one of: " + known + ")");
        }
        auto store = openRecordStore(ctx);
        const auto reviewer = signInStaff(*store, *parser.value("--staff"));
        store::ReviewQueue queue(*store, std::move(reasons));
        // No approval without a paid order (WeChat, campus, staff cash or waiver) while the booth
        // charges a fee (kiosk.fee_fen of the settings; 0 = free collection, no guard).
        const auto payment = payment::loadPaymentSettings(
            ctx.globals.configFile ? std::optional<std::filesystem::path>(*ctx.globals.configFile)
                                   : std::nullopt);
        if (payment.checkout.feeFen > 0)
            queue.setApprovalGuard(payment::paidApprovalGuard(store->database()));
        const std::string note = parser.value("--note").value_or("");
        store::Capture capture;
        if (decision == "approve")
            capture = queue.approve(id, reviewer);
        else if (decision == "reject")
            capture = queue.reject(id, reviewer, reason, note);
        else
            capture = queue.revoke(id, reviewer, reason, note);
        if (ctx.globals.json) {
            ctx.out << queueEntryJson(queueEntryOf(*store, capture)).dump() << '\n';
        } else {
            ctx.out << "capture " << capture.id << " " << store::toString(capture.status) << '\n';
        }
        return kExitOk;
    });
}

const CommandRegistration kReview({
    "review",
    "approve or reject a capture (staff credentials)",
    "usage: gradphoto review approve ID --staff NO\n"
    "       gradphoto review reject ID --reason CODE [--note TEXT] --staff NO\n"
    "       gradphoto review revoke ID --reason CODE [--note TEXT] --staff ADMIN\n"
    "       gradphoto review reasons\n"
    "\n"
    "The PIN of --staff comes from the environment variable GRADPHOTO_PIN or, when it is unset,\n"
    "a prompt on the terminal (never an option). Only a submitted capture that no retake has\n"
    "superseded can be approved or rejected; an approved capture is final, except that an admin\n"
    "may revoke it with a reason (it becomes rejected and the student may retake for free).\n"
    "`review reasons` lists the reason codes (resources/reject_reasons.json).\n"
    "Exit codes: 0 done; 1 no such capture, wrong state, wrong PIN, locked account or not an\n"
    "admin; 2 usage or unknown reason; 3 database error.\n",
    runReview,
});

}  // namespace
}  // namespace gradphoto::cli
