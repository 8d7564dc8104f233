// gradphoto layout PHOTO.jpg -o SHEET.jpg [--paper 6in|5in|a4] [--copies N] [--cut-lines]
//                  [--caption TEXT]: a printable layout sheet (排版照) at 300 dpi.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>

#include "command.h"
#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/error.h"
#include "gradphoto/layout/layout_sheet.h"

namespace gradphoto::cli {
namespace fs = std::filesystem;

namespace {

const char* kHelp =
    "usage: gradphoto layout PHOTO.jpg -o SHEET.jpg [--paper 6in|5in|a4] [--copies N]\n"
    "                        [--cut-lines] [--caption TEXT]\n\n"
    "Places copies of a standard photo on a printable sheet (排版照), a 300 dpi JPEG. Each copy\n"
    "has its preset's printed size (CHSI 33x48 mm, 一寸 25x35 mm, 二寸 35x49 mm; any other photo\n"
    "its own size at its dpi), upright, in a centred grid inside the margins; the paper is turned\n"
    "when that holds more copies. Papers, margins and sizes: resources/layout/papers.json.\n\n"
    "  -o, --output   the sheet JPEG (written atomically)\n"
    "  --paper        6in (4x6 in, default), 5in (3.5x5 in) or a4\n"
    "  --copies N     this many copies (default: as many as fit)\n"
    "  --cut-lines    light grey cut lines between the copies\n"
    "  --caption TEXT a small caption (e.g. the name) under each copy\n"
    "  --json         print {\"output\",\"paper\",\"width\",\"height\",\"turned\",\"copies\",\n"
    "                 \"copy_mm\",\"preset\",\"dpi\"}\n\n"
    "Exit 0 written; 1 when N copies do not fit (the message says how many do); 2 bad usage or\n"
    "unknown paper; 3 unreadable photo or an I/O error.\n";

std::vector<std::uint8_t> readPhoto(const fs::path& file) {
    std::error_code ec;
    std::ifstream in(file, std::ios::binary);
    if (!fs::is_regular_file(file, ec) || !in)
        throw Error(Error::Kind::kInput, {"file_unreadable", "无法读取 " + file.string(),
                                          "cannot read " + file.string()});
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int runLayout(CommandContext& ctx) {
    ArgParser p;
    p.option("-o").option("--output").option("--paper").option("--copies").option("--caption");
    p.flag("--cut-lines");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    if (p.positional().size() != 1)
        return ctx.fail(kExitUsage, "usage: gradphoto layout PHOTO.jpg -o SHEET.jpg");
    auto out = p.value("-o");
    if (!out) out = p.value("--output");
    if (!out) return ctx.fail(kExitUsage, "layout needs -o SHEET.jpg");

    layout::SheetOptions options;
    options.paper = p.value("--paper").value_or("");
    options.cutLines = p.has("--cut-lines");
    options.caption = p.value("--caption").value_or("");
    if (const auto copies = p.count("--copies")) {
        if (*copies <= 0) return ctx.fail(kExitUsage, "--copies must be a positive whole number");
        options.copies = *copies;
    }
    const auto settings = layout::LayoutSettings::load();
    if (!options.paper.empty() && !settings.findPaper(options.paper))
        return ctx.fail(kExitUsage, "unknown paper " + options.paper +
                                        " (one of: " + settings.paperNames() + ")");
    const fs::path input = p.positional().front();
    const auto bytes = readPhoto(input);
    layout::LayoutSheet sheet;
    try {
        sheet = layout::makeLayoutSheet(bytes, options, settings);
    } catch (const Error& e) {
        if (e.problem().code == "layout_copies") return ctx.fail(kExitNo, e.problem().message_en);
        if (e.problem().code == "layout_photo_unreadable")
            return ctx.fail(kExitInput, input.string() + ": " + e.problem().message_en);
        throw;
    }
    writeFileAtomically(*out, sheet.jpeg);
    const auto& plan = sheet.plan;
    if (ctx.globals.json) {
        ctx.out << nlohmann::json{{"output", *out},
                                  {"paper", plan.paper},
                                  {"width", plan.widthPx},
                                  {"height", plan.heightPx},
                                  {"turned", plan.turned},
                                  {"copies", plan.copies.size()},
                                  {"copy_mm",
                                   {sheet.printSize.mm.width, sheet.printSize.mm.height}},
                                  {"preset", sheet.printSize.preset},
                                  {"dpi", settings.dpi}}
                       .dump()
                << '\n';
    } else {
        ctx.out << *out << ": " << plan.copies.size() << " copies of " << sheet.printSize.mm.width
                << "x" << sheet.printSize.mm.height << " mm on " << plan.paper << " ("
                << plan.widthPx << "x" << plan.heightPx << " px, " << settings.dpi << " dpi)\n";
    }
    return kExitOk;
}

const CommandRegistration kLayout({"layout", "printable layout sheet (排版照) at 300 dpi", kHelp,
                                   runLayout});

}  // namespace
}  // namespace gradphoto::cli
