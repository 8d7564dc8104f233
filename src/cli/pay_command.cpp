// gradphoto pay create --student NO [--provider wechat|campus|staff|demo] / pay status ORDER /
// pay close ORDER / pay list [--date YYYY-MM-DD] [--student NO]: payment orders.

#include <ctime>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/payment/checkout.h"
#include "gradphoto/payment/payment_settings.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

using payment::Checkout;
using payment::PaymentOrder;

nlohmann::json orderJson(const PaymentOrder& o) {
    nlohmann::json j = {
        {"order", o.orderNo},
        {"student", o.studentNo},
        {"provider", o.provider},
        {"amount_fen", o.amountFen},
        {"state", std::string(payment::toString(o.state))},
        {"code_url", payment::isOpen(o.state) && !o.codeUrl.empty() ? nlohmann::json(o.codeUrl)
                                                                    : nlohmann::json(nullptr)}};
    if (o.provider == "demo") j["demo"] = true;
    if (!o.settlement.empty()) j["settlement"] = o.settlement;
    if (!o.lastFault.empty()) j["fault"] = o.lastFault;
    return j;
}

std::string yuan(std::int64_t fen) {
    std::ostringstream s;
    s << fen / 100 << '.' << std::setw(2) << std::setfill('0') << fen % 100;
    return s.str();
}

void print(CommandContext& ctx, const PaymentOrder& o) {
    if (ctx.globals.json) {
        ctx.out << orderJson(o).dump() << '\n';
        return;
    }
    ctx.out << "order    " << o.orderNo << (o.provider == "demo" ? "  (DEMO: no money moves)" : "")
            << "\nstudent  " << o.studentNo << "\nprovider " << o.provider
            << (o.settlement.empty() ? "" : " (" + o.settlement + ")") << "\namount   "
            << yuan(o.amountFen) << " yuan (" << o.amountFen << " fen)\nstate    "
            << payment::toString(o.state) << '\n';
    if (payment::isOpen(o.state) && !o.codeUrl.empty()) ctx.out << "code_url " << o.codeUrl << '\n';
    if (!o.lastFault.empty()) ctx.out << "fault    " << o.lastFault << '\n';
}

struct PayContext {
    std::unique_ptr<store::SqliteRecordStore> store;
    payment::PaymentSettings settings;
    std::unique_ptr<Checkout> checkout;
};

PayContext open(CommandContext& ctx) {
    PayContext p;
    p.settings = payment::loadPaymentSettings(
        ctx.globals.configFile ? std::optional<std::filesystem::path>(*ctx.globals.configFile)
                               : std::nullopt);
    for (const auto& key : p.settings.unknownKeys)
        ctx.err << "gradphoto: unknown setting " << key << " (ignored)\n";
    p.store = openRecordStore(ctx);
    p.checkout = std::make_unique<Checkout>(*p.store, p.settings.checkout);
    return p;
}

int runCreate(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.option("--student")
        .option("--provider")
        .option("--staff")
        .option("--settle")
        .option("--reason");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    const auto student = parser.value("--student");
    if (!student || !parser.positional().empty())
        return ctx.fail(
            kExitUsage,
            "usage: gradphoto pay create --student NO [--provider wechat|campus|staff]");
    return runRefusable(ctx, [&]() -> int {
        auto p = open(ctx);
        const std::string provider = parser.value("--provider").value_or(p.settings.provider);
        if (provider == "staff") {
            const auto staffNo = parser.value("--staff");
            if (!staffNo)
                return ctx.fail(kExitUsage,
                                "--provider staff needs --staff NO (PIN from GRADPHOTO_PIN or "
                                "the terminal) and --settle cash|waiver");
            const auto settle =
                payment::parseStaffSettlement(parser.value("--settle").value_or("cash"));
            if (!settle) return ctx.fail(kExitUsage, "--settle takes cash or waiver");
            const std::string pin = readPin(kPinVariable, "PIN for " + *staffNo);
            print(ctx, p.checkout->confirmByStaff(*student, *staffNo, pin, *settle,
                                                  parser.value("--reason").value_or("")));
            return kExitOk;
        }
        if (parser.has("--staff") || parser.has("--settle"))
            return ctx.fail(kExitUsage, "--staff and --settle belong to --provider staff");
        if (provider != "wechat" && provider != "campus" && provider != "demo")
            return ctx.fail(kExitUsage, "--provider takes wechat, campus or staff");
        if (!payment::addConfiguredProvider(*p.checkout, p.settings, provider))
            throw store::Refusal({"not_configured", "未配置此支付方式：" + provider,
                                  "payment provider " + provider + " is not configured (payment." +
                                      provider + " in the settings file)"});
        print(ctx, p.checkout->start(*student, provider));
        return kExitOk;
    });
}

int runStatusOrClose(CommandContext& ctx, const std::vector<std::string>& args, bool close) {
    ArgParser parser;
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1)
        return ctx.fail(kExitUsage, std::string("usage: gradphoto pay ") +
                                        (close ? "close" : "status") + " ORDER");
    const std::string orderNo = parser.positional().front();
    return runRefusable(ctx, [&]() -> int {
        auto p = open(ctx);
        const auto known = p.checkout->orders().find(orderNo);
        if (!known)
            throw store::Refusal({"not_found", "没有此支付订单", "no payment order " + orderNo});
        payment::addConfiguredProvider(*p.checkout, p.settings, known->provider);
        print(ctx, close ? p.checkout->close(orderNo) : p.checkout->refresh(orderNo));
        return kExitOk;
    });
}

// Local midnight of YYYY-MM-DD and the next one.
std::optional<std::pair<store::UnixTime, store::UnixTime>> day(const std::string& text) {
    std::tm tm{};
    std::istringstream in(text);
    in >> std::get_time(&tm, "%Y-%m-%d");
    if (in.fail() || !in.eof()) return std::nullopt;
    tm.tm_isdst = -1;
    const std::time_t from = std::mktime(&tm);
    tm.tm_mday += 1;
    tm.tm_isdst = -1;
    const std::time_t to = std::mktime(&tm);
    if (from < 0 || to <= from) return std::nullopt;
    return std::make_pair(static_cast<store::UnixTime>(from), static_cast<store::UnixTime>(to));
}

int runList(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.option("--date").option("--student");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (!parser.positional().empty())
        return ctx.fail(kExitUsage, "usage: gradphoto pay list [--date YYYY-MM-DD] [--student NO]");
    payment::OrderQuery query;
    query.studentNo = parser.value("--student");
    std::optional<std::pair<store::UnixTime, store::UnixTime>> period;
    if (const auto date = parser.value("--date")) {
        period = day(*date);
        if (!period) return ctx.fail(kExitUsage, "--date takes YYYY-MM-DD");
        query.from = period->first;
        query.to = period->second;
    }
    query.limit = 100000;
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        payment::PaymentOrders orders(store->database());
        const auto all = orders.list(query);
        if (ctx.globals.json) {
            auto array = nlohmann::json::array();
            for (const auto& o : all) array.push_back(orderJson(o));
            ctx.out << array.dump(2) << '\n';
            return kExitOk;
        }
        for (const auto& o : all)
            ctx.out << std::left << std::setw(28) << o.orderNo << std::setw(14) << o.studentNo
                    << std::setw(8) << o.provider << std::setw(10) << payment::toString(o.state)
                    << std::right << std::setw(8) << yuan(o.amountFen) << '\n';
        if (period)
            ctx.out << "cash taken by staff: "
                    << yuan(orders.cashTotalFen(period->first, period->second)) << " yuan\n";
        return kExitOk;
    });
}

int runPay(CommandContext& ctx) {
    if (ctx.args.empty())
        return ctx.fail(kExitUsage, "usage: gradphoto pay create|status|close|list ...");
    const std::string sub = ctx.args.front();
    const std::vector<std::string> rest(ctx.args.begin() + 1, ctx.args.end());
    if (sub == "create") return runCreate(ctx, rest);
    if (sub == "status") return runStatusOrClose(ctx, rest, false);
    if (sub == "close") return runStatusOrClose(ctx, rest, true);
    if (sub == "list") return runList(ctx, rest);
    return ctx.fail(kExitUsage, "unknown pay command " + sub + " (create, status, close or list)");
}

const CommandRegistration kPay({
    "pay",
    "payment orders: create, status, close, list",
    "usage: gradphoto pay create --student NO [--provider wechat|campus|staff|demo]\n"
    "       gradphoto pay create --student NO --provider staff --staff NO "
    "[--settle cash|waiver] [--reason TEXT]\n"
    "       gradphoto pay status ORDER\n"
    "       gradphoto pay close ORDER\n"
    "       gradphoto pay list [--date YYYY-MM-DD] [--student NO]\n"
    "\n"
    "create: the student's paid order when there is one (a retake is free), else their open\n"
    "order, else a new one for kiosk.fee_fen; prints the code_url to show as a QR code.\n"
    "Staff confirm cash or a fee waiver with their PIN (GRADPHOTO_PIN or the terminal).\n"
    "status asks the provider; close closes an open order (a payment made meanwhile is kept).\n"
    "list --date also prints the cash staff took that day.\n"
    "--json: {\"order\",\"student\",\"provider\",\"amount_fen\",\"state\",\"code_url\"}.\n"
    "Exit codes: 0 done, 1 not found / not configured / wrong PIN, 2 usage, 3 settings, keys,\n"
    "network or provider faults. Settings: kiosk.fee_fen and payment.* (docs/payment.md).",
    runPay,
});

}  // namespace
}  // namespace gradphoto::cli
