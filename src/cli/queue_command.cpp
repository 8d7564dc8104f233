// gradphoto queue list [--status S] [--limit N] [--offset N] [--all] / queue show ID:
// the review queue.

#include <iomanip>
#include <ostream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/store/masking.h"
#include "gradphoto/store/review_queue.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

std::optional<std::int64_t> parseId(const std::string& text) {
    try {
        std::size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used == text.size() && v > 0) return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::string submittedText(const store::QueueEntry& e) {
    return e.submittedAt ? store::toIsoTime(*e.submittedAt) : std::string("-");
}

int runList(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    parser.option("--status").option("--limit").option("--offset").flag("--all");
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (!parser.positional().empty())
        return ctx.fail(kExitUsage, "unexpected argument " + parser.positional().front());
    store::QueueQuery query;
    if (const auto status = parser.value("--status")) {
        query.status = store::parseCaptureStatus(*status);
        if (!query.status)
            return ctx.fail(kExitUsage, "--status takes captured, submitted, approved or rejected");
    }
    const auto limit = parser.count("--limit");
    const auto offset = parser.count("--offset");
    if ((limit && *limit < 0) || (offset && *offset < 0))
        return ctx.fail(kExitUsage, "--limit and --offset take a whole number");
    query.limit = limit.value_or(1000);
    query.offset = offset.value_or(0);
    query.includeSuperseded = parser.has("--all");
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto entries = store->captures().list(query);
        if (ctx.globals.json) {
            auto array = nlohmann::json::array();
            for (const auto& e : entries) array.push_back(queueEntryJson(e));
            ctx.out << array.dump(2) << '\n';
        } else {
            for (const auto& e : entries) {
                ctx.out << std::left << std::setw(8) << e.id << std::setw(14) << e.studentNo
                        << std::setw(10) << store::maskName(e.name) << std::setw(11)
                        << store::toString(e.status) << std::setw(22) << submittedText(e)
                        << "failed checks: " << e.checksFailed << '\n';
            }
            if (entries.empty())
                ctx.out << (ctx.globals.lang == "zh" ? "队列为空\n" : "queue empty\n");
        }
        return kExitOk;
    });
}

int runShow(CommandContext& ctx, const std::vector<std::string>& args) {
    ArgParser parser;
    if (const auto problem = parser.parse(args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().size() != 1)
        return ctx.fail(kExitUsage, "usage: gradphoto queue show ID");
    const auto id = parseId(parser.positional().front());
    if (!id) return ctx.fail(kExitUsage, "capture ID must be a positive whole number");
    return runRefusable(ctx, [&]() -> int {
        auto store = openRecordStore(ctx);
        const auto capture = store->captures().find(*id);
        if (!capture)
            throw store::Refusal({"not_found", "找不到采集记录 " + std::to_string(*id),
                                  "no capture " + std::to_string(*id)});
        const auto entry = queueEntryOf(*store, *capture);
        auto report = nlohmann::json::parse(capture->reportJson, nullptr, false);
        if (report.is_discarded()) report = nlohmann::json::object();
        if (ctx.globals.json) {
            auto object = queueEntryJson(entry);
            object["report"] = report;
            ctx.out << object.dump(2) << '\n';
            return kExitOk;
        }
        ctx.out << "capture       " << capture->id << '\n'
                << "student       " << capture->studentNo << "  " << store::maskName(entry.name)
                << '\n'
                << "status        " << store::toString(capture->status);
        if (capture->supersededBy) ctx.out << " (superseded by " << *capture->supersededBy << ')';
        ctx.out << '\n'
                << "submitted     " << submittedText(entry) << '\n'
                << "failed checks " << capture->checksFailed << '\n'
                << "final photo   " << store->photos().pathOf(capture->finalSha256).string() << '\n'
                << "raw capture   " << store->photos().pathOf(capture->rawSha256).string() << '\n';
        if (report.contains("checks") && report["checks"].is_array()) {
            for (const auto& c : report["checks"]) {
                if (c.value("status", std::string()) == "pass") continue;
                ctx.out << "  " << c.value("status", std::string()) << "  "
                        << c.value("id", std::string()) << "  "
                        << c.value(ctx.globals.lang == "zh" ? "message_zh" : "message_en",
                                   std::string())
                        << '\n';
            }
        }
        for (const auto& r : store->captures().reviewsOf(capture->id)) {
            ctx.out << "review        " << store::toIsoTime(r.at) << "  "
                    << store::toString(r.decision) << " by " << r.staffNo;
            if (!r.reasonCode.empty()) ctx.out << "  reason " << r.reasonCode;
            if (!r.note.empty()) ctx.out << "  note: " << r.note;
            ctx.out << '\n';
        }
        return kExitOk;
    });
}

int runQueue(CommandContext& ctx) {
    if (ctx.args.empty()) return ctx.fail(kExitUsage, "usage: gradphoto queue list|show ...");
    const std::string sub = ctx.args.front();
    const std::vector<std::string> rest(ctx.args.begin() + 1, ctx.args.end());
    if (sub == "list") return runList(ctx, rest);
    if (sub == "show") return runShow(ctx, rest);
    return ctx.fail(kExitUsage, "unknown queue command " + sub + " (list or show)");
}

const CommandRegistration kQueue({
    "queue",
    "the review queue: list, show",
    "usage: gradphoto queue list [--status captured|submitted|approved|rejected]\n"
    "                            [--limit N] [--offset N] [--all]\n"
    "       gradphoto queue show ID\n"
    "\n"
    "list: the current captures (a superseded capture only with --all), pending (submitted)\n"
    "first, oldest first; --limit defaults to 1000. With --json an array of\n"
    "{\"id\",\"student\",\"name\",\"status\",\"submitted_at\",\"checks_failed\"}; names are "
    "masked\n"
    "(张*三), submitted_at is ISO 8601 UTC or null.\n"
    "show: one capture with its check results, photo files and reviews; with --json the same\n"
    "object as list plus \"report\" (the report JSON of the capture).\n"
    "Exit codes: 0 done; 1 no such capture; 2 usage; 3 database error.\n",
    runQueue,
});

}  // namespace
}  // namespace gradphoto::cli
