// gradphoto check: compliance checks on a raw capture (shared CLI-CONTRACT.md).

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "command.h"
#include "gradphoto/checks/compliance_analyzer.h"
#include "gradphoto/common/error.h"
#include "gradphoto/imaging/image_loader.h"
#include "gradphoto/imaging/preset.h"
#include "gradphoto/report/report.h"

namespace gradphoto::cli {

namespace {

const char* kHelp =
    "usage: gradphoto check INPUT [--preset NAME|FILE] [--json]\n\n"
    "Runs every compliance check (seed §10 and the CHSI specification) on a raw booth capture:\n"
    "face_count, face_size, head_roll, head_yaw, head_pitch, eyes_open, mouth_closed,\n"
    "shoulders_level, face_lighting, exposure, sharpness, background_uniform, clothing_contrast,\n"
    "glasses_tint, glasses_glare, red_eye, hair_covers_features, headwear, jewellery, retouching.\n"
    "Each is pass, warn (staff should look), fail or unknown (could not be assessed, with why),\n"
    "with a 0-100 score after the status (higher is better: pass 60-100, warn 30-59,\n"
    "fail 0-29; - when unknown).\n"
    "Thresholds: resources/checks.json.\n\n"
    "  --preset   the preset whose backdrop colour and geometry apply (default chsi-blue)\n"
    "  --json     print the report JSON on stdout\n\n"
    "Exit 0 when no check fails; 1 when any check fails; 2 bad usage; 3 unreadable input.\n";

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int runCheck(CommandContext& ctx) {
    ArgParser p;
    p.option("--preset");
    if (auto e = p.parse(ctx.args)) return ctx.fail(kExitUsage, *e);
    if (p.positional().size() != 1) return ctx.fail(kExitUsage, "check needs exactly one INPUT");
    const std::string input = p.positional().front();
    Preset preset;
    try {
        preset = Preset::load(p.value("--preset").value_or("chsi-blue"));
    } catch (const Error& e) {
        return ctx.fail(kExitUsage, e.problem().message_en);
    }
    Report report;
    report.preset = preset.name;
    report.input.file = input;
    auto t0 = std::chrono::steady_clock::now();
    cv::Mat image;
    try {
        image = loadImage(input);
    } catch (const Error& e) {
        if (ctx.globals.json) {
            report.errors.push_back(e.problem());
            ctx.out << report.toJson().dump(2) << '\n';
        }
        return ctx.fail(kExitInput, e.problem().message_en);
    }
    report.input.width = image.cols;
    report.input.height = image.rows;
    report.timingMs.emplace_back("load", msSince(t0));
    t0 = std::chrono::steady_clock::now();
    const checks::ComplianceAnalyzer analyzer;
    checks::AnalysisOptions options;
    options.preset = &preset;
    report.checks = analyzer.analyze(image, options);
    report.timingMs.emplace_back("checks", msSince(t0));
    report.ok = !report.anyCheck(CheckStatus::kFail);
    if (ctx.globals.json) {
        ctx.out << report.toJson().dump(2) << '\n';
    } else {
        const bool zh = ctx.globals.lang == "zh";
        for (const auto& c : report.checks) {
            // The 0-100 score after the status ("-" when unknown: nothing was judged).
            ctx.out << std::left << std::setw(22) << c.id << std::setw(8) << toString(c.status)
                    << std::setw(5) << (c.score ? std::to_string(*c.score) : std::string("-"))
                    << (zh ? c.message_zh : c.message_en) << '\n';
        }
        ctx.out << input << ": " << (report.ok ? "no check failed" : "some checks failed") << '\n';
    }
    return report.ok ? kExitOk : kExitNo;
}

const CommandRegistration kRegistration{
    {"check", "compliance checks on a raw capture (exit 1 when any fails)", kHelp, runCheck}};

}  // namespace
}  // namespace gradphoto::cli
