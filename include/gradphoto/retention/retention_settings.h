#pragma once

// The `retention` keys of the settings file: how many days each kind of personal data stays.
//
//   "retention": { "raw_days": 30, "rejected_days": 90, "exported_batch_days": 180 }
//
// A key that is absent takes its default (above); null keeps that kind forever; 0 makes
// everything of that kind eligible at once. Unknown keys under "retention" are reported.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gradphoto::retention {

struct RetentionSettings {
    std::optional<int> rawDays = 30;             // booth captures (the raw camera frames)
    std::optional<int> rejectedDays = 90;        // rejected or replaced final photos
    std::optional<int> exportedBatchDays = 180;  // the files of complete export batches
    // retention.scheduled: the admin who wrote the settings file allows `gradphoto purge
    // --scheduled` (a timer, no PIN) to apply this policy unattended. Off by default.
    bool scheduled = false;
    std::vector<std::string> unknownKeys;  // "retention.typo"
};

// Throws Error(kInput) naming the key for a wrong type or a negative number.
RetentionSettings retentionSettingsFrom(const nlohmann::json& settings);
// Reads the settings file; no file gives the defaults. Throws Error(kInput) when unreadable.
RetentionSettings loadRetentionSettings(const std::optional<std::filesystem::path>& file);

}  // namespace gradphoto::retention
