#pragma once

// The versioned schema of the record store. PRAGMA user_version holds the version; each
// migration is a SQL script that takes the database from version N-1 to N. Opening a store
// applies the missing migrations in one transaction, after a backup of the old file.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/store/database.h"

namespace gradphoto::store {

struct Migration {
    int version;       // the version this script produces
    std::string what;  // one line for the log and docs
    std::string sql;
};

// Every migration, oldest first; migrations()[i].version == i + 1.
const std::vector<Migration>& migrations();
int currentSchemaVersion();

// Brings db to currentSchemaVersion(). When the file holds data at an older version, first
// copies it to backupDir/gradphoto-v{OLD}-{UTC time}.db (sqlite3_backup) and returns that path.
// Throws Error(kInput, "db_too_new") for a database written by a newer program.
std::optional<std::filesystem::path> migrate(Database& db, const std::filesystem::path& backupDir);

// Applies migrations up to `version` only (tests build older databases with it).
void migrateTo(Database& db, int version);

}  // namespace gradphoto::store
