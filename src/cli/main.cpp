// gradphoto: the scriptable twin of the kiosk. See docs/cli.md and shared CLI-CONTRACT.md.

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "command.h"
#include "gradphoto/common/error.h"

namespace {

using gradphoto::cli::commandRegistry;

void printOverview(std::ostream& out) {
    out << "usage: gradphoto [--data-dir DIR] [--config FILE] [--json] [--lang zh|en] COMMAND "
           "...\n\n"
           "commands:\n";
    for (const auto& [name, spec] : commandRegistry()) {
        out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ')
            << spec.summary << '\n';
    }
    out << "\n`gradphoto help COMMAND` describes one command in full.\n";
}

// Removes the global options wherever they stand. Returns an error message on bad usage.
std::string extractGlobals(std::vector<std::string>& args, gradphoto::cli::GlobalOptions& g) {
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--") {
            rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
            break;
        }
        std::string name = a, value;
        bool hasInline = false;
        if (const auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            hasInline = true;
        }
        if (name == "--json") {
            if (hasInline) return "option --json takes no value";
            g.json = true;
            continue;
        }
        if (name == "--data-dir" || name == "--config" || name == "--lang") {
            if (!hasInline) {
                if (i + 1 >= args.size()) return "option " + name + " needs a value";
                value = args[++i];
            }
            if (name == "--data-dir") g.dataDir = value;
            if (name == "--config") g.configFile = value;
            if (name == "--lang") {
                if (value != "zh" && value != "en") return "--lang takes zh or en";
                g.lang = value;
            }
            continue;
        }
        rest.push_back(a);
    }
    args = std::move(rest);
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    gradphoto::cli::GlobalOptions globals;
    if (const auto problem = extractGlobals(args, globals); !problem.empty()) {
        std::cerr << "gradphoto: " << problem << '\n';
        return gradphoto::cli::kExitUsage;
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printOverview(args.empty() ? std::cerr : std::cout);
        return args.empty() ? gradphoto::cli::kExitUsage : gradphoto::cli::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "gradphoto " << GRADPHOTO_VERSION << '\n';
        return 0;
    }
    if (args[0] == "help") {
        if (args.size() < 2) {
            printOverview(std::cout);
            return 0;
        }
        const auto it = commandRegistry().find(args[1]);
        if (it == commandRegistry().end()) {
            std::cerr << "gradphoto: unknown command " << args[1] << '\n';
            return gradphoto::cli::kExitUsage;
        }
        std::cout << it->second.help;
        return 0;
    }
    const auto it = commandRegistry().find(args[0]);
    if (it == commandRegistry().end()) {
        std::cerr << "gradphoto: unknown command " << args[0] << " (see gradphoto --help)\n";
        return gradphoto::cli::kExitUsage;
    }
    gradphoto::cli::CommandContext ctx{
        {args.begin() + 1, args.end()}, globals, std::cout, std::cerr};
    try {
        return it->second.run(ctx);
    } catch (const gradphoto::Error& e) {
        const int code = e.kind() == gradphoto::Error::Kind::kUsage ? gradphoto::cli::kExitUsage
                                                                    : gradphoto::cli::kExitInput;
        return ctx.fail(code, e.problem().message_en);
    } catch (const std::exception& e) {
        return ctx.fail(gradphoto::cli::kExitInput, std::string("internal error: ") + e.what());
    }
}
