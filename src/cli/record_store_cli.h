#pragma once

// What the record commands (submit, queue, review, staff, store) share: opening the store of
// --data-dir, reading PINs from the environment or the terminal, signing a staff member in, and
// turning the store's refusals into exit code 1.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"
#include "gradphoto/store/records.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::cli {

// The environment variables that carry PINs (never a command-line option).
inline constexpr const char* kPinVariable = "GRADPHOTO_PIN";
inline constexpr const char* kNewPinVariable = "GRADPHOTO_NEW_PIN";

std::unique_ptr<store::SqliteRecordStore> openRecordStore(const CommandContext& ctx);

// The value of envVar when set, else a prompt on the terminal without echo. Throws
// Error(kUsage) when neither is available.
std::string readPin(const char* envVar, const std::string& prompt);

// Signs in staffNo with the PIN of GRADPHOTO_PIN or the terminal.
store::StaffAccount signInStaff(store::RecordStore& store, const std::string& staffNo);

// The message of a problem in the language of --lang.
std::string localized(const CommandContext& ctx, const Problem& problem);

// A capture as `queue list --json` shows it: {"id","student","name","status","submitted_at",
// "checks_failed"} with the name masked (张*三) and submitted_at in ISO 8601 UTC or null.
nlohmann::json queueEntryJson(const store::QueueEntry& entry);
store::QueueEntry queueEntryOf(store::RecordStore& store, const store::Capture& capture);

// Runs body; a store::Refusal becomes "gradphoto: ..." and exit code 1.
int runRefusable(CommandContext& ctx, const std::function<int()>& body);

}  // namespace gradphoto::cli
