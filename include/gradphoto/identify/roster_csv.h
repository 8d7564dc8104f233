#pragma once

// Parses the roster CSV admins export from the registrar's system: UTF-8 or GBK (GB18030), with or
// without a BOM, Excel-style quoting (quoted commas, doubled quotes, line breaks inside quotes),
// CRLF or LF, Chinese or English headers. Pure parsing: rows taken and rows refused with reasons;
// storing them is StudentRepository's job.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "gradphoto/identify/student_record.h"

namespace gradphoto::identify {

struct RosterRow {
    StudentRecord student;
    // Lower-case hex SHA-256 of the collection code's payload (the column may hold the payload or
    // the hash already); empty when the row has no code, so the student cannot be found by a scan.
    std::string collectionCodeSha256;
    int line = 0;        // 1-based line of the file where the row starts
    std::string examNo;  // 考生号 / exam_no (optional column); empty when absent
};

enum class RosterRefusal {
    kMissingField,             // 学号, 姓名 or 身份证号 empty
    kFieldCount,               // more or fewer fields than the header
    kBadIdNumber,              // GB 11643 length, characters, birth date or check digit
    kDuplicateStudentNo,       // the same 学号 earlier in the file
    kDuplicateCollectionCode,  // the same code earlier in the file, under another student
    kBadQuoting,               // an unterminated quoted field
};

struct RefusedRow {
    int line = 0;
    std::string studentNo;  // when the row had one
    RosterRefusal reason = RosterRefusal::kMissingField;
    std::string message_zh;
    std::string message_en;
};

struct RosterParse {
    std::string encoding;  // "UTF-8" or "GB18030"
    bool hadBom = false;
    std::vector<RosterRow> rows;
    std::vector<RefusedRow> refused;
    int rowsWithoutCode = 0;
};

std::string_view rosterRefusalName(RosterRefusal reason);

// Throws Error(kInput) when the file cannot be read, is not text in a known encoding, or its
// header lacks 学号/student_no, 姓名/name or 身份证号/id_number.
RosterParse parseRosterCsv(const std::filesystem::path& file);
RosterParse parseRosterCsvText(std::string_view bytes, const std::string& origin);

}  // namespace gradphoto::identify
