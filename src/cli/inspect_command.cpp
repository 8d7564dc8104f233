// gradphoto inspect: verify an existing final photo against a preset.

#include <fstream>
#include <iterator>
#include <vector>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::cli {
namespace {

const char* kHelp =
    "usage: gradphoto inspect PHOTO.jpg [--preset NAME|FILE] [--json]\n\n"
    "Measures a final photo against a preset, independently of how it was made: pixel size,\n"
    "bytes, dpi, estimated JPEG quality, backdrop colour and uniformity, and the geometry\n"
    "(head top, eye line, face width, centring) from the face found in it.\n"
    "With --json the report JSON goes to stdout.\n\n"
    "Exit 0 compliant; 1 not compliant (reasons on stderr); 3 unreadable file.\n";

int runInspect(CommandContext& ctx) {
    ArgParser p;
    p.option("--preset");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    if (p.positional().size() != 1) return ctx.fail(kExitUsage, "inspect takes one PHOTO.jpg");
    const std::string file = p.positional().front();
    const Preset preset = Preset::load(p.value("--preset").value_or("chsi-blue"));
    std::ifstream in(file, std::ios::binary);
    if (!in) return ctx.fail(kExitInput, file + ": cannot open for reading");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    if (bytes.empty()) return ctx.fail(kExitInput, file + ": the file is empty");
    const Report report = inspectPhoto(bytes, file, preset, *FaceLocator::shared());
    if (!report.output) return ctx.fail(kExitInput, file + ": not a JPEG file");
    if (ctx.globals.json) {
        ctx.out << report.toJson().dump(2) << '\n';
    } else {
        const auto& o = *report.output;
        ctx.out << file << ": " << (report.ok ? "compliant" : "NOT compliant") << " (" << o.width
                << "x" << o.height << ", " << o.bytes << " bytes, " << o.dpi << " dpi, quality ~"
                << o.quality << ")\n";
        if (report.geometry.measured) {
            ctx.out << "  head top " << int(report.geometry.headTopPx) << " px, eye line "
                    << int(report.geometry.eyeLinePx) << " px, face width "
                    << int(report.geometry.faceWidthPx) << " px, centre offset "
                    << int(report.geometry.centerOffsetPx) << " px\n";
        }
    }
    for (const auto& e : report.errors) {
        ctx.err << "gradphoto: " << file << ": "
                << (ctx.globals.lang == "zh" ? e.message_zh : e.message_en) << '\n';
    }
    return report.ok ? kExitOk : kExitNo;
}

const CommandRegistration kRegistration{
    {"inspect", "verify a final photo against a preset", kHelp, runInspect}};

}  // namespace
}  // namespace gradphoto::cli
