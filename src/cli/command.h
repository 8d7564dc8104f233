#pragma once

// The command registry of the `gradphoto` command line. Each command lives in its own file and
// registers itself with a static CommandRegistration; main.cpp parses the global options and
// dispatches. Exit codes follow shared CLI-CONTRACT.md.

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gradphoto::cli {

enum ExitCode : int { kExitOk = 0, kExitNo = 1, kExitUsage = 2, kExitInput = 3 };

struct GlobalOptions {
    std::optional<std::string> dataDir;
    std::optional<std::string> configFile;
    bool json = false;
    std::string lang = "en";
};

struct CommandContext {
    std::vector<std::string> args;  // after the command name, global options removed
    GlobalOptions globals;
    std::ostream& out;
    std::ostream& err;

    // Prints "gradphoto: MESSAGE" on stderr and returns code.
    int fail(int code, const std::string& message) const;
};

struct CommandSpec {
    std::string name;
    std::string summary;
    std::string help;  // full usage text for `gradphoto help NAME`
    std::function<int(CommandContext&)> run;
};

std::map<std::string, CommandSpec>& commandRegistry();

struct CommandRegistration {
    explicit CommandRegistration(CommandSpec spec);
};

// A small option parser: named options with or without a value, the rest positional.
// Unknown options are usage errors.
class ArgParser {
  public:
    ArgParser& flag(const std::string& name);
    ArgParser& option(const std::string& name);  // takes one value; may repeat

    // Returns an error message on bad usage.
    std::optional<std::string> parse(const std::vector<std::string>& args);

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    const std::vector<std::string>& values(const std::string& name) const;
    // The option's last value as a whole number >= 0: nullopt when the option is absent, -1 when
    // its value is not such a number ("12x", "-3", "", too large).
    std::optional<int> count(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

  private:
    std::set<std::string> flags_;
    std::set<std::string> options_;
    std::set<std::string> seenFlags_;
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

}  // namespace gradphoto::cli
