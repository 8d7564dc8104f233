// gradphoto submit --student NO --photo FINAL.jpg --capture RAW.jpg [--report FILE.json]:
// queue a photo for review without the kiosk (staff import).

#include <fstream>
#include <iterator>
#include <ostream>
#include <vector>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "record_store_cli.h"

namespace gradphoto::cli {
namespace {

std::vector<std::uint8_t> readJpeg(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(Error::Kind::kInput,
                    {"io_error", "无法读取 " + file, "cannot read " + file + ": no such file"});
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in),
                                    std::istreambuf_iterator<char>()};
    if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
        throw Error(Error::Kind::kInput,
                    {"not_jpeg", file + " 不是 JPEG 文件", file + " is not a JPEG file"});
    return bytes;
}

std::string readReport(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(Error::Kind::kInput, {"io_error", "无法读取 " + file, "cannot read " + file});
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (nlohmann::json::parse(text, nullptr, false).is_discarded())
        throw Error(Error::Kind::kInput,
                    {"bad_report", file + " 不是有效的 JSON", file + " is not valid JSON"});
    return text;
}

int runSubmit(CommandContext& ctx) {
    ArgParser parser;
    parser.option("--student").option("--photo").option("--capture").option("--report");
    if (const auto problem = parser.parse(ctx.args)) return ctx.fail(kExitUsage, *problem);
    if (!parser.positional().empty())
        return ctx.fail(kExitUsage, "unexpected argument " + parser.positional().front());
    for (const char* required : {"--student", "--photo", "--capture"}) {
        if (!parser.value(required))
            return ctx.fail(kExitUsage, std::string("missing ") + required +
                                            " (usage: gradphoto submit --student NO --photo "
                                            "FINAL.jpg --capture RAW.jpg)");
    }
    return runRefusable(ctx, [&]() -> int {
        const auto finalJpeg = readJpeg(*parser.value("--photo"));
        const auto rawJpeg = readJpeg(*parser.value("--capture"));
        const std::string report =
            parser.value("--report") ? readReport(*parser.value("--report")) : std::string();
        auto store = openRecordStore(ctx);
        store::ReviewQueue queue(*store, store::RejectReasons::load());
        const auto capture =
            queue.recordAndSubmit({*parser.value("--student"), rawJpeg, finalJpeg, report, "cli"});
        if (ctx.globals.json) {
            ctx.out << queueEntryJson(queueEntryOf(*store, capture)).dump() << '\n';
        } else if (ctx.globals.lang == "zh") {
            ctx.out << "已提交审核：采集记录 " << capture.id << "（学号 " << capture.studentNo
                    << "）\n";
        } else {
            ctx.out << "submitted capture " << capture.id << " of student " << capture.studentNo
                    << " for review\n";
        }
        return kExitOk;
    });
}

const CommandRegistration kSubmit({
    "submit",
    "queue a photo for review (staff import)",
    "usage: gradphoto submit --student NO --photo FINAL.jpg --capture RAW.jpg [--report "
    "FILE.json]\n"
    "\n"
    "Stores the standardized photo and the raw capture in the photo folder of --data-dir and\n"
    "queues them for review as a new capture of the student (学号 NO, who must be in the roster).\n"
    "A rejected or still pending capture of the same student is superseded (the free retake); a\n"
    "student whose photo is approved cannot submit again (exit 1). --report attaches the report\n"
    "JSON of `gradphoto standardize --report`; its failed checks are counted.\n"
    "With --json prints the queue entry {\"id\",\"student\",\"name\",\"status\",\"submitted_at\",\n"
    "\"checks_failed\"}.\n"
    "Exit codes: 0 queued; 1 unknown student or approved already; 2 usage; 3 unreadable file,\n"
    "not a JPEG, or a database error.\n",
    runSubmit,
});

}  // namespace
}  // namespace gradphoto::cli
