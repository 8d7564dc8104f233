#include "gradphoto/imaging/imaging_problem.h"

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "gradphoto/common/resources.h"

namespace gradphoto {

namespace {
const nlohmann::json& messages() {
    static nlohmann::json table;
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in(resourcesDir() / "imaging_messages.json");
        table = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
        if (table.is_discarded()) table = nlohmann::json::object();
    });
    return table;
}
}  // namespace

Problem imagingProblem(const std::string& code, const std::string& detail) {
    Problem p{code, code, code};
    const auto& table = messages();
    if (const auto it = table.find(code); it != table.end()) {
        p.message_zh = it->value("zh", code);
        p.message_en = it->value("en", code);
    }
    if (!detail.empty()) p.message_en += " (" + detail + ")";
    return p;
}

}  // namespace gradphoto
