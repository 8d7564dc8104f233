#include "command.h"

#include <ostream>

namespace gradphoto::cli {

int CommandContext::fail(int code, const std::string& message) const {
    err << "gradphoto: " << message << '\n';
    return code;
}

std::map<std::string, CommandSpec>& commandRegistry() {
    static std::map<std::string, CommandSpec> registry;
    return registry;
}

CommandRegistration::CommandRegistration(CommandSpec spec) {
    auto name = spec.name;
    commandRegistry().emplace(std::move(name), std::move(spec));
}

ArgParser& ArgParser::flag(const std::string& name) {
    flags_.insert(name);
    return *this;
}

ArgParser& ArgParser::option(const std::string& name) {
    options_.insert(name);
    return *this;
}

std::optional<std::string> ArgParser::parse(const std::vector<std::string>& args) {
    bool onlyPositional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (onlyPositional || a.size() < 2 || a[0] != '-' || a == "-") {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositional = true;
            continue;
        }
        std::string name = a;
        std::optional<std::string> inlineValue;
        if (const auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
        }
        if (flags_.count(name)) {
            if (inlineValue) return "option " + name + " takes no value";
            seenFlags_.insert(name);
        } else if (options_.count(name)) {
            if (inlineValue) {
                values_[name].push_back(*inlineValue);
            } else if (i + 1 < args.size()) {
                values_[name].push_back(args[++i]);
            } else {
                return "option " + name + " needs a value";
            }
        } else {
            return "unknown option " + a;
        }
    }
    return std::nullopt;
}

bool ArgParser::has(const std::string& name) const {
    return seenFlags_.count(name) > 0 || values_.count(name) > 0;
}

std::optional<std::string> ArgParser::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

const std::vector<std::string>& ArgParser::values(const std::string& name) const {
    static const std::vector<std::string> kNone;
    const auto it = values_.find(name);
    return it == values_.end() ? kNone : it->second;
}

std::optional<int> ArgParser::count(const std::string& name) const {
    const auto text = value(name);
    if (!text) return std::nullopt;
    try {
        std::size_t used = 0;
        const int v = std::stoi(*text, &used);
        if (used == text->size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    return -1;
}

}  // namespace gradphoto::cli
