#include "gradphoto/retention/retention_settings.h"

#include <set>

#include "gradphoto/common/error.h"
#include "gradphoto/common/settings_file.h"

namespace gradphoto::retention {
using nlohmann::json;

namespace {

Error badSetting(const std::string& key, const std::string& expected) {
    return Error(Error::Kind::kInput,
                 {"settings", "设置项 " + key + " 无效（应为" + expected + "）",
                  "setting " + key + " must be " + expected});
}

void readDays(const json& section, const char* key, std::optional<int>& days) {
    if (!section.contains(key)) return;
    const json& value = section[key];
    if (value.is_null()) {
        days.reset();
        return;
    }
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
        value.get<std::int64_t>() > 36500)
        throw badSetting(std::string("retention.") + key,
                         "a whole number of days 0..36500, or null to keep forever");
    days = value.get<int>();
}

}  // namespace

RetentionSettings retentionSettingsFrom(const json& settings) {
    RetentionSettings s;
    if (!settings.is_object()) throw badSetting("(top level)", "an object");
    if (!settings.contains("retention")) return s;
    const json& r = settings["retention"];
    if (!r.is_object()) throw badSetting("retention", "an object");
    static const std::set<std::string> kKnown{"raw_days", "rejected_days", "exported_batch_days",
                                              "scheduled"};
    for (const auto& [key, value] : r.items())
        if (!kKnown.count(key)) s.unknownKeys.push_back("retention." + key);
    readDays(r, "raw_days", s.rawDays);
    readDays(r, "rejected_days", s.rejectedDays);
    readDays(r, "exported_batch_days", s.exportedBatchDays);
    if (r.contains("scheduled")) {
        if (!r["scheduled"].is_boolean()) throw badSetting("retention.scheduled", "true or false");
        s.scheduled = r["scheduled"].get<bool>();
    }
    return s;
}

RetentionSettings loadRetentionSettings(const std::optional<std::filesystem::path>& file) {
    if (!file) return {};
    return retentionSettingsFrom(readSettingsFile(*file));
}

}  // namespace gradphoto::retention
