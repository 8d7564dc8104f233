// gradphoto scan IMAGE...: decode the CHSI collection code in each image (CLI-CONTRACT.md).

#include <nlohmann/json.hpp>
#include <ostream>

#include "command.h"
#include "gradphoto/common/error.h"
#include "gradphoto/identify/collection_code_scanner.h"
#include "gradphoto/imaging/image_loader.h"

namespace gradphoto::cli {
namespace {

bool validUtf8(const std::string& s) {
    try {
        (void)nlohmann::json(s).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

std::string hex(const std::string& bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char c : bytes) {
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0x0f]);
    }
    return out;
}

int runScan(CommandContext& ctx) {
    ArgParser parser;
    if (const auto problem = parser.parse(ctx.args)) return ctx.fail(kExitUsage, *problem);
    if (parser.positional().empty()) return ctx.fail(kExitUsage, "scan needs at least one IMAGE");

    const identify::CollectionCodeScanner scanner(
        identify::CollectionCodeScanner::imageFileOptions());
    bool anyMissing = false;
    bool anyUnreadable = false;
    for (const auto& file : parser.positional()) {
        nlohmann::ordered_json line{
            {"file", file}, {"found", false}, {"format", nullptr}, {"payload", nullptr}};
        cv::Mat image;
        try {
            // Codes may be small crops: only the pixel ceiling of a capture applies.
            ImageLimits limits;
            limits.minSide = 1;
            image = loadImage(file, limits);
        } catch (const Error& e) {
            anyUnreadable = true;
            line["error"] =
                ctx.globals.lang == "zh" ? e.problem().message_zh : e.problem().message_en;
            ctx.out << line.dump() << '\n';
            ctx.fail(kExitInput,
                     ctx.globals.lang == "zh" ? e.problem().message_zh : e.problem().message_en);
            continue;
        }
        if (const auto code = scanner.scan(image)) {
            line["found"] = true;
            line["format"] = std::string(identify::codeFormatName(code->format));
            if (validUtf8(code->payload)) {
                line["payload"] = code->payload;
            } else {
                line["payload_hex"] = hex(code->payload);  // binary payload, kept exactly
            }
            line["payload_sha256"] = identify::payloadSha256Hex(code->payload);
        } else {
            anyMissing = true;
            const auto advice = identify::CollectionCodeScanner::noCodeInImageProblem();
            ctx.fail(
                kExitNo,
                file + ": " + (ctx.globals.lang == "zh" ? advice.message_zh : advice.message_en));
        }
        ctx.out << line.dump() << '\n';
    }
    if (anyUnreadable) return kExitInput;
    return anyMissing ? kExitNo : kExitOk;
}

const CommandRegistration kScan{{
    "scan",
    "decode the CHSI collection code (QR, Data Matrix, PDF417) in images",
    "usage: gradphoto scan IMAGE...\n\n"
    "Decodes the CHSI image collection code (学信网图像采集码) in each image and prints one JSON\n"
    "line per image: {\"file\",\"found\",\"format\",\"payload\",\"payload_sha256\"}.\n"
    "format is qr_code, data_matrix or pdf417. The payload is opaque and printed as decoded; a\n"
    "payload that is not UTF-8 text is given as payload_hex instead. payload_sha256 is the key a\n"
    "roster CSV may hold instead of the payload.\n\n"
    "Exit: 0 every image had a code; 1 some image had none (a screenshot often does not decode:\n"
    "save the image from the CHSI app instead); 3 some image could not be read.\n",
    runScan,
}};

}  // namespace
}  // namespace gradphoto::cli
