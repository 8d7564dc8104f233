#include "gradphoto/store/database.h"

#include <sqlite3.h>

#include <atomic>
#include <random>
#include <system_error>
#include <utility>

#include "gradphoto/common/error.h"

namespace gradphoto::store {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void raiseFor(sqlite3* db, const fs::path& file, int rc, std::string_view during) {
    const int primary = rc & 0xff;
    const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const std::string name = file.string();
    const std::string what = std::string(during) + ": " + detail;
    switch (primary) {
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            throw Error(
                Error::Kind::kInput,
                {"db_corrupt", "数据库文件 " + name + " 已损坏或不是数据库（" + detail + "）",
                 "database " + name + " is damaged or not a database (" + what + ")"});
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Error(Error::Kind::kIo,
                        {"db_locked", "数据库 " + name + " 正被其他程序占用，请稍后再试",
                         "database " + name + " is locked by another program (" + what +
                             "); try again later"});
        case SQLITE_CONSTRAINT:
            throw Error(
                Error::Kind::kInput,
                {"db_constraint", "数据库 " + name + " 拒绝了不一致的数据（" + detail + "）",
                 "database " + name + " refused inconsistent data (" + what + ")"});
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            throw Error(Error::Kind::kIo,
                        {"db_error", "无法打开或写入数据库 " + name + "（" + detail + "）",
                         "cannot open or write database " + name + " (" + what + ")"});
        default:
            throw Error(Error::Kind::kIo, {"db_error", "数据库 " + name + " 出错（" + detail + "）",
                                           "database " + name + " failed (" + what + ")"});
    }
}

}  // namespace

Database Database::open(const fs::path& file, const Options& options) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        // Read the message before closing, then report it.
        const std::string detail = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close(raw);
        raiseFor(nullptr, file, rc, "open (" + detail + ")");
    }
    Database db(raw, file);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    // Reading the schema fails with SQLITE_NOTADB on a file that is not a database.
    db.exec("SELECT count(*) FROM sqlite_master");
    if (options.walMode) {
        auto mode = db.prepare("PRAGMA journal_mode=WAL");
        mode.step();
    }
    db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), file_(std::move(other.file_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        file_ = std::move(other.file_);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::raise(int rc, std::string_view during) const {
    raiseFor(db_, file_, rc, during);
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) raise(rc, "exec");
}

Statement Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) raise(rc, "prepare");
    return Statement(this, stmt);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}
bool Database::inTransaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

int Database::userVersion() {
    auto s = prepare("PRAGMA user_version");
    s.step();
    return static_cast<int>(s.integer(0));
}

void Database::setUserVersion(int version) {
    exec("PRAGMA user_version=" + std::to_string(version));
}

std::vector<std::string> Database::integrityCheck() {
    std::vector<std::string> problems;
    auto s = prepare("PRAGMA integrity_check");
    while (s.step()) {
        auto line = s.text(0);
        if (line != "ok") problems.push_back(std::move(line));
    }
    return problems;
}

void Database::backupTo(const fs::path& target) {
    std::random_device rd;
    const fs::path tmp =
        target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
    sqlite3* dest = nullptr;
    int rc =
        sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(dest);
        raiseFor(nullptr, tmp, rc, "open backup");
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", db_, "main");
    if (!backup) {
        const int err = sqlite3_errcode(dest);
        const std::string detail = sqlite3_errmsg(dest);
        sqlite3_close(dest);
        std::error_code ec;
        fs::remove(tmp, ec);
        raiseFor(nullptr, target, err, "backup (" + detail + ")");
    }
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int closeRc = sqlite3_close(dest);
    std::error_code ec;
    if (rc != SQLITE_DONE || closeRc != SQLITE_OK) {
        fs::remove(tmp, ec);
        raise(rc != SQLITE_DONE ? rc : closeRc, "backup to " + target.string());
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(Error::Kind::kIo,
                    {"io_error", "无法保存数据库备份 " + target.string(),
                     "cannot save database backup " + target.string() + ": " + ec.message()});
    }
}

// --- Statement ---------------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK)
        db_->raise(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (const int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK)
        db_->raise(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    const int rc =
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->raise(rc, "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> bytes) {
    const int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) db_->raise(rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) db_->raise(rc, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_->raise(rc, "step");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const {
    if (isNull(column)) return std::nullopt;
    return integer(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

// --- Transaction -------------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) {
    if (db_.inTransaction()) {
        static std::atomic<unsigned> counter{0};
        savepoint_ = "sp_" + std::to_string(++counter);
        db_.exec("SAVEPOINT " + savepoint_);
    } else {
        db_.exec("BEGIN IMMEDIATE");
    }
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        if (savepoint_.empty()) {
            if (db_.inTransaction()) db_.exec("ROLLBACK");
        } else {
            db_.exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit() {
    db_.exec(savepoint_.empty() ? std::string("COMMIT") : "RELEASE " + savepoint_);
    done_ = true;
}

}  // namespace gradphoto::store
