#include <algorithm>
#include <cctype>
#include <set>

#include "gradphoto/common/error.h"
#include "gradphoto/store/photo_folder.h"
#include "sqlite_repositories.h"

namespace gradphoto::store {

namespace {

constexpr const char* kColumns =
    "student_no, name, id_number, department, major, level, collection_code, "
    "collection_code_sha256, status, exam_no";

Student readStudent(const Statement& s) {
    Student st;
    st.studentNo = s.text(0);
    st.name = s.text(1);
    st.idNumber = s.text(2);
    st.department = s.text(3);
    st.major = s.text(4);
    st.level = s.text(5);
    st.collectionCode = s.text(6);
    st.collectionCodeSha256 = s.text(7);
    st.status = s.text(8);
    st.examNo = s.text(9);
    return st;
}

// Why a record cannot be stored, or empty. Never quotes the name or the ID number.
std::string problemWith(const Student& s) {
    if (s.studentNo.empty()) return "missing student number";
    if (s.name.empty()) return "missing name";
    if (!s.collectionCodeSha256.empty()) {
        std::string lower = s.collectionCodeSha256;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!isSha256Hex(lower)) return "collection code hash is not 64 hex digits";
    }
    return {};
}

[[noreturn]] void refuseRow(std::size_t row, const std::string& studentNo, const std::string& why) {
    const std::string where =
        "row " + std::to_string(row) + (studentNo.empty() ? std::string() : " (" + studentNo + ")");
    throw Error(Error::Kind::kInput,
                {"bad_roster_row", "名单第 " + std::to_string(row) + " 条无效：" + why,
                 "roster " + where + ": " + why + "; nothing was imported"});
}

}  // namespace

std::optional<Student> SqliteStudentRepository::find(const std::string& studentNo) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns + " FROM students WHERE student_no = ?");
    s.bind(1, studentNo);
    if (!s.step()) return std::nullopt;
    return readStudent(s);
}

std::optional<Student> SqliteStudentRepository::findByCollectionCodeSha256(
    const std::string& sha256) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM students WHERE collection_code_sha256 = ? AND "
                         "collection_code_sha256 <> ''");
    s.bind(1, sha256);
    if (!s.step()) return std::nullopt;
    return readStudent(s);
}

bool SqliteStudentRepository::write(const Student& in) {
    Student st = in;
    std::transform(st.collectionCodeSha256.begin(), st.collectionCodeSha256.end(),
                   st.collectionCodeSha256.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (st.collectionCodeSha256.empty() && !st.collectionCode.empty())
        st.collectionCodeSha256 = sha256Hex(std::string_view(st.collectionCode));
    const UnixTime now = nowUnix();
    auto update = db_.prepare(
        "UPDATE students SET name = ?2, id_number = ?3, department = ?4, major = ?5, level = ?6, "
        "collection_code = ?7, collection_code_sha256 = ?8, updated_at = ?9, exam_no = ?10 "
        "WHERE student_no = ?1");
    update.bind(1, st.studentNo).bind(2, st.name).bind(3, st.idNumber).bind(4, st.department);
    update.bind(5, st.major).bind(6, st.level).bind(7, st.collectionCode);
    update.bind(8, st.collectionCodeSha256).bind(9, now).bind(10, st.examNo);
    update.run();
    if (db_.changes() > 0) return false;
    auto insert = db_.prepare(
        "INSERT INTO students (student_no, name, id_number, department, major, level, "
        "collection_code, collection_code_sha256, status, created_at, updated_at, exam_no) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'registered', ?9, ?9, ?10)");
    insert.bind(1, st.studentNo).bind(2, st.name).bind(3, st.idNumber).bind(4, st.department);
    insert.bind(5, st.major).bind(6, st.level).bind(7, st.collectionCode);
    insert.bind(8, st.collectionCodeSha256).bind(9, now).bind(10, st.examNo);
    insert.run();
    return true;
}

void SqliteStudentRepository::upsert(const Student& student) {
    if (const auto why = problemWith(student); !why.empty()) refuseRow(1, student.studentNo, why);
    write(student);
}

RosterImportResult SqliteStudentRepository::importAll(const std::vector<Student>& records) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (const auto why = problemWith(records[i]); !why.empty())
            refuseRow(i + 1, records[i].studentNo, why);
        if (!seen.insert(records[i].studentNo).second)
            refuseRow(i + 1, records[i].studentNo, "student number appears twice");
    }
    RosterImportResult result;
    Transaction tx(db_);
    for (const auto& r : records) {
        if (write(r))
            ++result.inserted;
        else
            ++result.updated;
    }
    tx.commit();
    return result;
}

std::vector<Student> SqliteStudentRepository::list(const StudentQuery& query) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM students WHERE (?1 IS NULL OR status = ?1) ORDER BY student_no "
                         "LIMIT ?2 OFFSET ?3");
    s.bind(1, query.status).bind(2, query.limit).bind(3, query.offset);
    std::vector<Student> out;
    while (s.step()) out.push_back(readStudent(s));
    return out;
}

std::int64_t SqliteStudentRepository::count() {
    auto s = db_.prepare("SELECT count(*) FROM students");
    s.step();
    return s.integer(0);
}

void SqliteStudentRepository::setStatus(const std::string& studentNo, const std::string& status) {
    auto s = db_.prepare("UPDATE students SET status = ?2, updated_at = ?3 WHERE student_no = ?1");
    s.bind(1, studentNo).bind(2, status).bind(3, nowUnix());
    s.run();
}

}  // namespace gradphoto::store
