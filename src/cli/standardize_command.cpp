// gradphoto standardize: booth capture(s) → the preset's final photo(s).

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "command.h"
#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/error.h"
#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/standardizer.h"

namespace gradphoto::cli {
namespace fs = std::filesystem;

namespace {

const char* kHelp =
    "usage: gradphoto standardize INPUT... -o OUT.jpg|DIR [--preset NAME|FILE] [--plate PLATE]\n"
    "                             [--report FILE.json|DIR] [--alpha FILE.png|DIR] [--strict]\n\n"
    "Turns booth captures into the preset's final photo (default preset chsi-blue: 480x640 JPEG,\n"
    "300 dpi, 20-40 KB, light blue backdrop). Several inputs go into the directory OUT, named\n"
    "after each input, and are processed on every core.\n\n"
    "  -o, --output   the final photo, or a directory for several inputs\n"
    "  --preset       a preset name (see resources/presets) or a preset JSON file\n"
    "  --plate        a photo of the empty booth backdrop, same size as the captures\n"
    "  --report       write the report JSON (a directory for several inputs)\n"
    "  --alpha        write the person's matte as an 8-bit PNG (a directory for several inputs)\n"
    "  --strict       also exit 1 when any compliance check fails\n\n"
    "Exit 0 when every output meets the preset's spec; 1 with reasons and no output when a "
    "capture\n"
    "cannot give a compliant photo; 2 bad usage; 3 unreadable input or an I/O error.\n";

bool isInputProblem(const std::string& code) {
    return code == "file_missing" || code == "file_unreadable" || code == "image_empty" ||
           code == "image_undecodable" || code == "image_too_large" || code == "image_too_small";
}

// The capture's bytes; a missing or unreadable file throws the same Error loadImage would.
std::vector<std::uint8_t> readCapture(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return loadImage(file), std::vector<std::uint8_t>{};
    std::ifstream in(file, std::ios::binary);
    if (!in) return loadImage(file), std::vector<std::uint8_t>{};
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Job {
    fs::path input;
    fs::path output;
    fs::path report;
    fs::path alpha;
};

int runStandardize(CommandContext& ctx) {
    ArgParser p;
    p.option("-o").option("--output").option("--preset").option("--plate").option("--report");
    p.option("--alpha").flag("--strict");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    const auto& inputs = p.positional();
    auto out = p.value("-o");
    if (!out) out = p.value("--output");
    if (inputs.empty()) return ctx.fail(kExitUsage, "standardize needs at least one INPUT");
    if (!out) return ctx.fail(kExitUsage, "standardize needs -o OUT.jpg or -o DIR");
    const Preset preset = Preset::load(p.value("--preset").value_or("chsi-blue"));

    const bool many = inputs.size() > 1 || fs::is_directory(*out);
    std::vector<Job> jobs;
    std::error_code ec;
    if (many) {
        fs::create_directories(*out, ec);
        if (ec)
            return ctx.fail(kExitInput, "cannot create directory " + *out + ": " + ec.message());
        for (const auto& dirOpt : {p.value("--report"), p.value("--alpha")}) {
            if (dirOpt) fs::create_directories(*dirOpt, ec);
        }
    }
    for (const auto& in : inputs) {
        Job job;
        job.input = in;
        const std::string stem = fs::path(in).stem().string();
        job.output = many ? fs::path(*out) / (stem + ".jpg") : fs::path(*out);
        if (auto r = p.value("--report"))
            job.report = many ? fs::path(*r) / (stem + ".json") : fs::path(*r);
        if (auto a = p.value("--alpha"))
            job.alpha = many ? fs::path(*a) / (stem + ".png") : fs::path(*a);
        jobs.push_back(job);
    }

    cv::Mat plate;
    fs::path platePath;
    if (auto pl = p.value("--plate")) {
        platePath = *pl;
        plate = loadImage(platePath);  // unreadable plate: exit 3 through main
    }
    const Standardizer standardizer(preset);
    const bool strict = p.has("--strict");

    std::mutex printMutex;
    std::atomic<int> worst{kExitOk};
    auto raise = [&](int code) {
        int cur = worst.load();
        // Input errors (3) outrank refusals (1).
        while (code > cur && !worst.compare_exchange_weak(cur, code)) {
        }
    };
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            const Job& job = jobs[i];
            StandardizedPhoto result;
            cv::Mat image;
            try {
                if (plate.empty()) {
                    result = standardizer.runEncoded(readCapture(job.input), job.input.string());
                } else {
                    image = loadImage(job.input);
                    result = standardizer.run(image, plate, job.input.string());
                }
            } catch (const Error& e) {
                result.report.preset = preset.name;
                result.report.input.file = job.input.string();
                result.report.errors.push_back(e.problem());
            }
            int code = kExitOk;
            std::string failure;
            try {
                if (result.report.ok) {
                    writeFileAtomically(job.output, result.jpeg);
                    result.report.output->file = job.output.string();
                    if (!job.alpha.empty()) {
                        std::vector<uchar> png;
                        cv::imencode(".png", result.alpha, png);
                        writeFileAtomically(job.alpha, png);
                    }
                    if (strict && result.report.anyCheck(CheckStatus::kFail)) code = kExitNo;
                } else {
                    const bool input = !result.report.errors.empty() &&
                                       isInputProblem(result.report.errors.front().code);
                    code = input ? kExitInput : kExitNo;
                }
                if (!job.report.empty()) {
                    writeFileAtomically(job.report, result.report.toJson().dump(2) + "\n");
                }
            } catch (const Error& e) {
                code = kExitInput;
                failure = e.problem().message_en;
            }
            raise(code);
            std::lock_guard lock(printMutex);
            if (!failure.empty()) {
                ctx.err << "gradphoto: " << failure << '\n';
            } else if (ctx.globals.json) {
                ctx.out << result.report.toJson().dump() << '\n';
            } else if (result.report.ok) {
                const auto& o = *result.report.output;
                ctx.out << job.output.string() << ": ok (" << o.width << "x" << o.height << ", "
                        << o.bytes << " bytes, quality " << o.quality << ")\n";
            }
            if (!result.report.ok) {
                for (const auto& e : result.report.errors) {
                    ctx.err << "gradphoto: " << job.input.string() << ": "
                            << (ctx.globals.lang == "zh" ? e.message_zh : e.message_en) << '\n';
                }
            }
        }
    };
    const unsigned threads = std::clamp<unsigned>(std::thread::hardware_concurrency(), 1,
                                                  std::min<unsigned>(8, unsigned(jobs.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    return worst.load();
}

const CommandRegistration kRegistration{
    {"standardize", "booth capture -> compliant final photo (CHSI 480x640 by default)", kHelp,
     runStandardize}};

}  // namespace
}  // namespace gradphoto::cli
