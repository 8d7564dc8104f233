#pragma once

// The SQLite record store: DATA_DIR/gradphoto.db (WAL, foreign keys on) and the photo folder
// DATA_DIR/photos. Opening applies the schema migrations, after a backup into DATA_DIR/backups.
//
//   auto store = SqliteRecordStore::open(dataDir(cliOverride));
//   ReviewQueue queue(*store, RejectReasons::load());
//
// One object per thread: a SQLite connection is not shared between threads here.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/store/database.h"
#include "gradphoto/store/photo_folder.h"
#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

// What the consistency check found. Rows without files are data loss and must be zero; files
// without rows are harmless leftovers of an interrupted submission (a crash between the file
// and the commit) and may be deleted.
struct ConsistencyReport {
    std::vector<std::string> integrityProblems;   // PRAGMA integrity_check
    std::vector<std::string> foreignKeyProblems;  // PRAGMA foreign_key_check
    std::vector<std::string> rowsWithoutFiles;    // "capture 12 final 3fa4..."
    std::vector<std::string> filesWithoutRows;    // hashes
    bool sound() const {
        return integrityProblems.empty() && foreignKeyProblems.empty() && rowsWithoutFiles.empty();
    }
};

class SqliteRecordStore : public RecordStore {
  public:
    struct Options {
        int busyTimeoutMs = 5000;
    };

    static constexpr const char* kDatabaseFile = "gradphoto.db";
    static constexpr const char* kPhotoFolder = "photos";
    static constexpr const char* kBackupFolder = "backups";

    // Creates the folder when absent. Throws Error: kInput for a damaged or too new database,
    // kIo for a locked one or an unwritable folder.
    static std::unique_ptr<SqliteRecordStore> open(const std::filesystem::path& dataDir,
                                                   const Options& options);
    static std::unique_ptr<SqliteRecordStore> open(const std::filesystem::path& dataDir) {
        return open(dataDir, Options{});
    }
    ~SqliteRecordStore() override;

    StudentRepository& students() override;
    CaptureRepository& captures() override;
    StaffDirectory& staff() override;
    AuditLog& audit() override;
    VerificationAttempts& verificationAttempts() override;
    PhotoArchive& photos() override;
    void inTransaction(const std::function<void()>& work) override;

    ConsistencyReport checkConsistency();

    Database& database() { return db_; }
    const std::filesystem::path& dataDir() const { return dataDir_; }
    // The backup taken by the migration at open, if there was one.
    const std::optional<std::filesystem::path>& migrationBackup() const { return backup_; }

  private:
    SqliteRecordStore(std::filesystem::path dataDir, Database db);
    struct Repositories;

    std::filesystem::path dataDir_;
    Database db_;
    PhotoFolder photos_;
    std::optional<std::filesystem::path> backup_;
    std::unique_ptr<Repositories> repos_;
};

}  // namespace gradphoto::store
