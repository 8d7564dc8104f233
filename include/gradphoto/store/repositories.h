#pragma once

// The storage interfaces of the record store. The core's rules (ReviewQueue, StaffAccess) and the
// GUI talk only to these, so a shared server database can replace SQLite for a campus with
// several booths without touching either. The SQLite implementation is SqliteRecordStore
// (sqlite_record_store.h).
//
// Methods throw gradphoto::Error on storage failures (database.h lists the kinds). None of them
// opens a transaction of its own except StudentRepository::importAll; group changes with
// RecordStore::inTransaction.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "gradphoto/store/records.h"

namespace gradphoto::store {

struct StudentQuery {
    std::optional<std::string> status;
    int limit = 1000;
    int offset = 0;
};

// What StudentRepository::importAll did.
struct RosterImportResult {
    int inserted = 0;
    int updated = 0;
};

// The roster (学籍). For the roster import of the identify issue:
//
//   std::vector<Student> rows = parseCsv(...);          // your parser, your validation
//   auto result = store.students().importAll(rows);      // all or nothing
//
// importAll checks every record first (学号 and name present, no 学号 twice in the batch, a
// collectionCodeSha256 that is 64 hex digits when given) and throws Error(kInput) naming the
// first bad row (1-based index in `records`, never its name or ID number) without changing
// anything. Otherwise it upserts all records in one transaction (a savepoint when called inside
// RecordStore::inTransaction): new 学号 are inserted with status "registered"; known ones get the
// new name, ID number, department, major, level and collection code, and keep their status
// (their captures stay theirs). When collectionCode is set and collectionCodeSha256 is empty, the
// hash is computed.
class StudentRepository {
  public:
    virtual ~StudentRepository() = default;

    virtual std::optional<Student> find(const std::string& studentNo) = 0;
    // Lookup by the SHA-256 (lower-case hex) of the collection code payload.
    virtual std::optional<Student> findByCollectionCodeSha256(const std::string& sha256) = 0;
    // Inserts or updates one student (same rules as importAll, single record).
    virtual void upsert(const Student& student) = 0;
    virtual RosterImportResult importAll(const std::vector<Student>& records) = 0;
    virtual std::vector<Student> list(const StudentQuery& query) = 0;
    virtual std::int64_t count() = 0;
    virtual void setStatus(const std::string& studentNo, const std::string& status) = 0;
};

// What happened between two times (the staff console's "Today").
struct ActivitySummary {
    std::int64_t submitted = 0;  // captures submitted in the period (retakes included)
    std::int64_t approved = 0;   // approvals decided in the period
    std::int64_t rejected = 0;   // rejections and revocations decided in the period
    std::map<std::string, std::int64_t> rejectedByReason;  // reason code → count
};

class CaptureRepository {
  public:
    virtual ~CaptureRepository() = default;

    // Inserts and returns the new id (capture.id is ignored).
    virtual std::int64_t insert(const Capture& capture) = 0;
    virtual std::optional<Capture> find(std::int64_t id) = 0;
    // The student's capture that is not superseded (the newest), if any.
    virtual std::optional<Capture> currentFor(const std::string& studentNo) = 0;
    // Writes status, submittedAt, decidedAt and supersededBy.
    virtual void update(const Capture& capture) = 0;
    virtual std::vector<QueueEntry> list(const QueueQuery& query) = 0;
    // Current (not superseded) captures per status.
    virtual std::map<CaptureStatus, std::int64_t> countByStatus() = 0;

    // Submissions and decisions with from <= time < to.
    virtual ActivitySummary summarize(UnixTime from, UnixTime to) = 0;

    virtual std::int64_t addReview(const Review& review) = 0;
    virtual std::vector<Review> reviewsOf(std::int64_t captureId) = 0;

    // Every photo hash any capture refers to (raw and final), for the consistency check.
    virtual std::vector<std::string> referencedPhotoHashes() = 0;
};

class StaffDirectory {
  public:
    virtual ~StaffDirectory() = default;

    virtual std::optional<StaffAccount> find(const std::string& staffNo) = 0;
    virtual void insert(const StaffAccount& account) = 0;
    // Writes name, role, PIN, failed attempts and lock.
    virtual void update(const StaffAccount& account) = 0;
    virtual std::vector<StaffAccount> list() = 0;
    virtual std::int64_t count() = 0;
};

class AuditLog {
  public:
    virtual ~AuditLog() = default;

    virtual std::int64_t append(const AuditEntry& entry) = 0;
    // Newest first.
    virtual std::vector<AuditEntry> recent(int limit, int offset = 0) = 0;
    virtual std::vector<AuditEntry> forSubject(const std::string& subject) = 0;
};

// Wrong tries at the last-four-characters check per student (identify's lockout).
class VerificationAttempts {
  public:
    virtual ~VerificationAttempts() = default;

    virtual int failures(const std::string& studentNo) = 0;
    // Adds one and returns the new count.
    virtual int addFailure(const std::string& studentNo, UnixTime at) = 0;
    // Returns the count that was cleared.
    virtual int clear(const std::string& studentNo) = 0;
};

// Photos by content: the SHA-256 (lower-case hex) of the bytes names the file.
class PhotoArchive {
  public:
    virtual ~PhotoArchive() = default;

    // Stores the bytes durably (temporary file, fsync, rename) unless already present; returns
    // their hash. Call before committing the row that refers to it.
    virtual std::string put(std::span<const std::uint8_t> bytes) = 0;
    virtual bool contains(const std::string& sha256) = 0;
    virtual std::vector<std::uint8_t> read(const std::string& sha256) = 0;
    // Where the file is on disk (for viewers and the export).
    virtual std::filesystem::path pathOf(const std::string& sha256) = 0;
    virtual std::vector<std::string> allHashes() = 0;
};

// The whole record store: the repositories plus the unit of work that spans them.
class RecordStore {
  public:
    virtual ~RecordStore() = default;

    virtual StudentRepository& students() = 0;
    virtual CaptureRepository& captures() = 0;
    virtual StaffDirectory& staff() = 0;
    virtual AuditLog& audit() = 0;
    virtual VerificationAttempts& verificationAttempts() = 0;
    virtual PhotoArchive& photos() = 0;

    // Runs work in one transaction: committed when it returns, rolled back when it throws.
    virtual void inTransaction(const std::function<void()>& work) = 0;
};

}  // namespace gradphoto::store
