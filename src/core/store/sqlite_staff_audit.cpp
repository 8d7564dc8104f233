#include "sqlite_repositories.h"

namespace gradphoto::store {

namespace {

constexpr const char* kStaffColumns =
    "staff_no, name, role, pin_salt, pin_hash, pin_iterations, failed_attempts, locked_until, "
    "created_at";

StaffAccount readAccount(const Statement& s) {
    StaffAccount a;
    a.staffNo = s.text(0);
    a.name = s.text(1);
    a.role = parseStaffRole(s.text(2)).value_or(StaffRole::kStaff);
    a.pin.salt = s.blob(3);
    a.pin.hash = s.blob(4);
    a.pin.iterations = static_cast<int>(s.integer(5));
    a.failedAttempts = static_cast<int>(s.integer(6));
    a.lockedUntil = s.optionalInteger(7);
    a.createdAt = s.integer(8);
    return a;
}

AuditEntry readEntry(const Statement& s) {
    AuditEntry e;
    e.id = s.integer(0);
    e.at = s.integer(1);
    e.actor = s.text(2);
    e.action = s.text(3);
    e.subject = s.text(4);
    e.detailJson = s.text(5);
    return e;
}

}  // namespace

std::optional<StaffAccount> SqliteStaffDirectory::find(const std::string& staffNo) {
    auto s = db_.prepare(std::string("SELECT ") + kStaffColumns + " FROM staff WHERE staff_no = ?");
    s.bind(1, staffNo);
    if (!s.step()) return std::nullopt;
    return readAccount(s);
}

void SqliteStaffDirectory::insert(const StaffAccount& a) {
    auto s = db_.prepare(std::string("INSERT INTO staff (") + kStaffColumns +
                         ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, a.staffNo).bind(2, a.name).bind(3, toString(a.role));
    s.bindBlob(4, a.pin.salt).bindBlob(5, a.pin.hash).bind(6, a.pin.iterations);
    s.bind(7, a.failedAttempts).bind(8, a.lockedUntil).bind(9, a.createdAt);
    s.run();
}

void SqliteStaffDirectory::update(const StaffAccount& a) {
    auto s = db_.prepare(
        "UPDATE staff SET name = ?2, role = ?3, pin_salt = ?4, pin_hash = ?5, pin_iterations = ?6, "
        "failed_attempts = ?7, locked_until = ?8 WHERE staff_no = ?1");
    s.bind(1, a.staffNo).bind(2, a.name).bind(3, toString(a.role));
    s.bindBlob(4, a.pin.salt).bindBlob(5, a.pin.hash).bind(6, a.pin.iterations);
    s.bind(7, a.failedAttempts).bind(8, a.lockedUntil);
    s.run();
    if (db_.changes() != 1)
        throw Refusal({"not_found", "找不到工作人员 " + a.staffNo, "no staff member " + a.staffNo});
}

std::vector<StaffAccount> SqliteStaffDirectory::list() {
    auto s = db_.prepare(std::string("SELECT ") + kStaffColumns + " FROM staff ORDER BY staff_no");
    std::vector<StaffAccount> out;
    while (s.step()) out.push_back(readAccount(s));
    return out;
}

std::int64_t SqliteStaffDirectory::count() {
    auto s = db_.prepare("SELECT count(*) FROM staff");
    s.step();
    return s.integer(0);
}

std::int64_t SqliteAuditLog::append(const AuditEntry& e) {
    auto s = db_.prepare(
        "INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, e.at).bind(2, e.actor).bind(3, e.action).bind(4, e.subject);
    s.bind(5, e.detailJson.empty() ? std::string("{}") : e.detailJson);
    s.run();
    return db_.lastInsertRowId();
}

std::vector<AuditEntry> SqliteAuditLog::recent(int limit, int offset) {
    auto s = db_.prepare(
        "SELECT id, at, actor, action, subject, detail_json FROM audit_log ORDER BY id DESC "
        "LIMIT ? OFFSET ?");
    s.bind(1, limit).bind(2, offset);
    std::vector<AuditEntry> out;
    while (s.step()) out.push_back(readEntry(s));
    return out;
}

std::vector<AuditEntry> SqliteAuditLog::forSubject(const std::string& subject) {
    auto s = db_.prepare(
        "SELECT id, at, actor, action, subject, detail_json FROM audit_log WHERE subject = ? "
        "ORDER BY id");
    s.bind(1, subject);
    std::vector<AuditEntry> out;
    while (s.step()) out.push_back(readEntry(s));
    return out;
}

}  // namespace gradphoto::store

namespace gradphoto::store {

int SqliteVerificationAttempts::failures(const std::string& studentNo) {
    auto s = db_.prepare("SELECT failures FROM verification_attempts WHERE student_no = ?");
    s.bind(1, studentNo);
    return s.step() ? static_cast<int>(s.integer(0)) : 0;
}

int SqliteVerificationAttempts::addFailure(const std::string& studentNo, UnixTime at) {
    auto s = db_.prepare(
        "INSERT INTO verification_attempts (student_no, failures, updated_at) VALUES (?1, 1, ?2) "
        "ON CONFLICT (student_no) DO UPDATE SET failures = failures + 1, updated_at = ?2 "
        "RETURNING failures");
    s.bind(1, studentNo).bind(2, at);
    const int count = s.step() ? static_cast<int>(s.integer(0)) : 0;
    s.run();
    return count;
}

int SqliteVerificationAttempts::clear(const std::string& studentNo) {
    const int before = failures(studentNo);
    auto s = db_.prepare("DELETE FROM verification_attempts WHERE student_no = ?");
    s.bind(1, studentNo).run();
    return before;
}

}  // namespace gradphoto::store
