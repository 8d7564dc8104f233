#include "gradphoto/store/reject_reasons.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "gradphoto/common/error.h"
#include "gradphoto/common/resources.h"

namespace gradphoto::store {

namespace {
[[noreturn]] void malformed(const std::string& origin, const std::string& why) {
    throw Error(Error::Kind::kInput, {"bad_reasons", "驳回原因文件 " + origin + " 无效：" + why,
                                      "reject reasons file " + origin + " is invalid: " + why});
}
}  // namespace

RejectReasons RejectReasons::load() {
    return load(resourcesDir() / "reject_reasons.json");
}

RejectReasons RejectReasons::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(Error::Kind::kInput, {"io_error", "无法读取驳回原因文件 " + file.string(),
                                          "cannot read reject reasons file " + file.string()});
    std::ostringstream s;
    s << in.rdbuf();
    return fromJsonText(s.str(), file.string());
}

RejectReasons RejectReasons::fromJsonText(const std::string& text, const std::string& origin) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        malformed(origin, e.what());
    }
    const auto& list = doc.contains("reasons") ? doc["reasons"] : doc;
    if (!list.is_array()) malformed(origin, "expected an array of reasons");
    RejectReasons out;
    std::set<std::string> seen;
    for (const auto& item : list) {
        if (!item.is_object() || !item.contains("code") || !item["code"].is_string() ||
            !item.contains("zh") || !item.contains("en"))
            malformed(origin, "every reason needs code, zh and en");
        RejectReason r;
        r.code = item["code"].get<std::string>();
        r.zh = item["zh"].get<std::string>();
        r.en = item["en"].get<std::string>();
        if (item.contains("checks")) r.checks = item["checks"].get<std::vector<std::string>>();
        if (r.code.empty() || !seen.insert(r.code).second)
            malformed(origin, "empty or repeated code " + r.code);
        out.reasons_.push_back(std::move(r));
    }
    if (out.reasons_.empty()) malformed(origin, "no reasons");
    return out;
}

const RejectReason* RejectReasons::find(const std::string& code) const {
    const auto it = std::find_if(reasons_.begin(), reasons_.end(),
                                 [&](const RejectReason& r) { return r.code == code; });
    return it == reasons_.end() ? nullptr : &*it;
}

const RejectReason* RejectReasons::forCheck(const std::string& checkId) const {
    for (const auto& r : reasons_) {
        if (std::find(r.checks.begin(), r.checks.end(), checkId) != r.checks.end()) return &r;
    }
    return nullptr;
}

}  // namespace gradphoto::store
