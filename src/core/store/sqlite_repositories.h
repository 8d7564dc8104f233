#pragma once

// The SQLite implementations of the repository interfaces (private to the core).

#include "gradphoto/store/database.h"
#include "gradphoto/store/repositories.h"

namespace gradphoto::store {

class SqliteStudentRepository : public StudentRepository {
  public:
    explicit SqliteStudentRepository(Database& db) : db_(db) {}
    std::optional<Student> find(const std::string& studentNo) override;
    std::optional<Student> findByCollectionCodeSha256(const std::string& sha256) override;
    void upsert(const Student& student) override;
    RosterImportResult importAll(const std::vector<Student>& records) override;
    std::vector<Student> list(const StudentQuery& query) override;
    std::int64_t count() override;
    void setStatus(const std::string& studentNo, const std::string& status) override;

  private:
    bool write(const Student& student);  // true when inserted
    Database& db_;
};

class SqliteCaptureRepository : public CaptureRepository {
  public:
    explicit SqliteCaptureRepository(Database& db) : db_(db) {}
    std::int64_t insert(const Capture& capture) override;
    std::optional<Capture> find(std::int64_t id) override;
    std::optional<Capture> currentFor(const std::string& studentNo) override;
    void update(const Capture& capture) override;
    std::vector<QueueEntry> list(const QueueQuery& query) override;
    std::map<CaptureStatus, std::int64_t> countByStatus() override;
    ActivitySummary summarize(UnixTime from, UnixTime to) override;
    std::int64_t addReview(const Review& review) override;
    std::vector<Review> reviewsOf(std::int64_t captureId) override;
    std::vector<std::string> referencedPhotoHashes() override;

  private:
    Database& db_;
};

class SqliteStaffDirectory : public StaffDirectory {
  public:
    explicit SqliteStaffDirectory(Database& db) : db_(db) {}
    std::optional<StaffAccount> find(const std::string& staffNo) override;
    void insert(const StaffAccount& account) override;
    void update(const StaffAccount& account) override;
    std::vector<StaffAccount> list() override;
    std::int64_t count() override;

  private:
    Database& db_;
};

class SqliteAuditLog : public AuditLog {
  public:
    explicit SqliteAuditLog(Database& db) : db_(db) {}
    std::int64_t append(const AuditEntry& entry) override;
    std::vector<AuditEntry> recent(int limit, int offset) override;
    std::vector<AuditEntry> forSubject(const std::string& subject) override;

  private:
    Database& db_;
};

class SqliteVerificationAttempts : public VerificationAttempts {
  public:
    explicit SqliteVerificationAttempts(Database& db) : db_(db) {}
    int failures(const std::string& studentNo) override;
    int addFailure(const std::string& studentNo, UnixTime at) override;
    int clear(const std::string& studentNo) override;

  private:
    Database& db_;
};

inline UnixTime nowUnix() {
    return systemNow();
}

}  // namespace gradphoto::store
