#include "gradphoto/store/sqlite_record_store.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <system_error>

#include "gradphoto/common/error.h"
#include "gradphoto/store/schema.h"
#include "sqlite_repositories.h"

namespace gradphoto::store {
namespace fs = std::filesystem;

UnixTime systemNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct SqliteRecordStore::Repositories {
    explicit Repositories(Database& db)
        : students(db), captures(db), staff(db), audit(db), attempts(db) {}
    SqliteStudentRepository students;
    SqliteCaptureRepository captures;
    SqliteStaffDirectory staff;
    SqliteAuditLog audit;
    SqliteVerificationAttempts attempts;
};

SqliteRecordStore::SqliteRecordStore(fs::path dataDir, Database db)
    : dataDir_(std::move(dataDir)),
      db_(std::move(db)),
      photos_(dataDir_ / kPhotoFolder),
      repos_(std::make_unique<Repositories>(db_)) {}

SqliteRecordStore::~SqliteRecordStore() = default;

std::unique_ptr<SqliteRecordStore> SqliteRecordStore::open(const fs::path& dataDir,
                                                           const Options& options) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec)
        throw Error(Error::Kind::kIo,
                    {"io_error", "无法创建数据文件夹 " + dataDir.string(),
                     "cannot create data folder " + dataDir.string() + ": " + ec.message()});
    Database::Options dbOptions;
    dbOptions.busyTimeoutMs = options.busyTimeoutMs;
    Database db = Database::open(dataDir / kDatabaseFile, dbOptions);
    auto backup = migrate(db, dataDir / kBackupFolder);
    std::unique_ptr<SqliteRecordStore> store(new SqliteRecordStore(dataDir, std::move(db)));
    store->backup_ = std::move(backup);
    return store;
}

StudentRepository& SqliteRecordStore::students() {
    return repos_->students;
}
CaptureRepository& SqliteRecordStore::captures() {
    return repos_->captures;
}
StaffDirectory& SqliteRecordStore::staff() {
    return repos_->staff;
}
AuditLog& SqliteRecordStore::audit() {
    return repos_->audit;
}
VerificationAttempts& SqliteRecordStore::verificationAttempts() {
    return repos_->attempts;
}
PhotoArchive& SqliteRecordStore::photos() {
    return photos_;
}

void SqliteRecordStore::inTransaction(const std::function<void()>& work) {
    Transaction tx(db_);
    work();
    tx.commit();
}

ConsistencyReport SqliteRecordStore::checkConsistency() {
    ConsistencyReport report;
    report.integrityProblems = db_.integrityCheck();
    {
        auto fk = db_.prepare("PRAGMA foreign_key_check");
        while (fk.step())
            report.foreignKeyProblems.push_back(fk.text(0) + " row " + fk.text(1) + " -> " +
                                                fk.text(2));
    }
    std::set<std::string> referenced;
    {
        // A file that retention removed on purpose (raw_purged_at / final_purged_at) is not
        // lost, and a purged row no longer needs its file.
        auto rows = db_.prepare(
            "SELECT id, raw_sha256, final_sha256, raw_purged_at IS NULL, final_purged_at IS NULL "
            "FROM captures ORDER BY id");
        while (rows.step()) {
            const auto id = std::to_string(rows.integer(0));
            const auto raw = rows.text(1), fin = rows.text(2);
            const bool rawNeeded = rows.integer(3) != 0, finalNeeded = rows.integer(4) != 0;
            if (rawNeeded) referenced.insert(raw);
            if (finalNeeded) referenced.insert(fin);
            if (rawNeeded && !photos_.contains(raw))
                report.rowsWithoutFiles.push_back("capture " + id + " raw " + raw);
            if (finalNeeded && !photos_.contains(fin))
                report.rowsWithoutFiles.push_back("capture " + id + " final " + fin);
        }
    }
    for (const auto& hash : photos_.allHashes()) {
        if (!referenced.count(hash)) report.filesWithoutRows.push_back(hash);
    }
    return report;
}

}  // namespace gradphoto::store
