#pragma once

// A thin RAII wrapper over SQLite's C API: one connection (Database), one prepared statement
// (Statement), one transaction or savepoint (Transaction). Every SQLite failure becomes a
// gradphoto::Error with a Chinese and an English message naming the database file:
//   - the file is not a database or is damaged      -> Error::Kind::kInput ("db_corrupt")
//   - the database is locked by another program     -> Error::Kind::kIo    ("db_locked")
//   - a constraint (unique, foreign key, check)     -> Error::Kind::kInput ("db_constraint")
//   - anything else (disk full, permissions, ...)   -> Error::Kind::kIo    ("db_error")
// Nothing here knows the GradPhoto schema; see schema.h and sqlite_record_store.h.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gradphoto::store {

class Statement;

class Database {
  public:
    struct Options {
        int busyTimeoutMs = 5000;  // how long a writer waits for another connection's lock
        bool walMode = true;       // journal_mode=WAL (readers never block the writer)
    };

    // Opens (creating when absent) the database file, sets foreign_keys=ON, WAL mode,
    // synchronous=FULL and the busy timeout, and checks that the file really is a database.
    static Database open(const std::filesystem::path& file, const Options& options);
    static Database open(const std::filesystem::path& file) { return open(file, Options{}); }

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more statements without results.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;

    // PRAGMA user_version: the schema version (see schema.h).
    int userVersion();
    void setUserVersion(int version);

    // PRAGMA integrity_check: empty when the database is sound, else SQLite's findings.
    std::vector<std::string> integrityCheck();

    // A consistent copy of the whole database through the online backup API (sqlite3_backup_*).
    // Written to a temporary file and renamed, so the target is either absent or complete.
    void backupTo(const std::filesystem::path& target);

    const std::filesystem::path& file() const { return file_; }
    sqlite3* handle() const { return db_; }

    // Throws the Error that matches SQLite result code rc (used by Statement and Transaction).
    [[noreturn]] void raise(int rc, std::string_view during) const;

  private:
    Database(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
};

// A prepared statement. Parameters are numbered from 1, result columns from 0.
class Statement {
  public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bindBlob(int index, std::span<const std::uint8_t> bytes);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Steps once: true when a row is available, false when done.
    bool step();
    // Steps to the end (for INSERT/UPDATE/DELETE).
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

  private:
    friend class Database;
    Statement(const Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    const Database* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, or a SAVEPOINT when a transaction is already open on the
// connection, so that operations compose. Rolls back in the destructor unless commit() ran.
class Transaction {
  public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

  private:
    Database& db_;
    std::string savepoint_;  // empty for the outermost transaction
    bool done_ = false;
};

}  // namespace gradphoto::store
