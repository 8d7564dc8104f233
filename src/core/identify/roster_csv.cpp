#include "gradphoto/identify/roster_csv.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "gradphoto/common/error.h"
#include "gradphoto/identify/id_number.h"
#include "gradphoto/identify/scanned_code.h"

namespace gradphoto::identify {
namespace {

enum class Column {
    kStudentNo,
    kName,
    kIdNumber,
    kDepartment,
    kMajor,
    kLevel,
    kCollectionCode,
    kExamNo
};

Error inputError(const std::string& origin, const std::string& zh, const std::string& en) {
    return Error(Error::Kind::kInput, {"roster.invalid", origin + ": " + zh, origin + ": " + en});
}

bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4;
        else
            return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

std::optional<std::string> gb18030ToUtf8(std::string_view in) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t srcLeft = in.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    const std::size_t rc = iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1) || srcLeft != 0) return std::nullopt;
    out.resize(out.size() - dstLeft);
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<Column> columnFor(const std::string& header) {
    static const std::map<std::string, Column> kNames{
        {"学号", Column::kStudentNo},
        {"student_no", Column::kStudentNo},
        {"姓名", Column::kName},
        {"name", Column::kName},
        {"身份证号", Column::kIdNumber},
        {"身份证号码", Column::kIdNumber},
        {"id_number", Column::kIdNumber},
        {"院系", Column::kDepartment},
        {"department", Column::kDepartment},
        {"专业", Column::kMajor},
        {"major", Column::kMajor},
        {"层次", Column::kLevel},
        {"level", Column::kLevel},
        {"采集码", Column::kCollectionCode},
        {"collection_code", Column::kCollectionCode},
        {"考生号", Column::kExamNo},
        {"exam_no", Column::kExamNo},
    };
    const auto it = kNames.find(lower(trim(header)));
    if (it == kNames.end()) return std::nullopt;
    return it->second;
}

// One CSV record (RFC 4180 / Excel): fields, the line it starts on, and whether a quote was left
// open at the end of the input.
struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;
    bool unterminated = false;
};

class CsvReader {
  public:
    CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

    std::optional<CsvRecord> next() {
        if (pos_ >= text_.size()) return std::nullopt;
        CsvRecord record;
        record.line = line_;
        std::string field;
        bool quoted = false;
        bool fieldStarted = false;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (quoted) {
                if (c == '"') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                        field.push_back('"');
                        pos_ += 2;
                        continue;
                    }
                    quoted = false;
                    ++pos_;
                    continue;
                }
                if (c == '\n') ++line_;
                field.push_back(c);
                ++pos_;
                continue;
            }
            if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                ++pos_;
                continue;
            }
            if (c == delimiter_) {
                record.fields.push_back(std::move(field));
                field.clear();
                fieldStarted = false;
                ++pos_;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
                ++pos_;
                ++line_;
                record.fields.push_back(std::move(field));
                return record;
            }
            field.push_back(c);
            fieldStarted = true;
            ++pos_;
        }
        record.unterminated = quoted;
        record.fields.push_back(std::move(field));
        return record;
    }

  private:
    std::string_view text_;
    char delimiter_;
    std::size_t pos_ = 0;
    int line_ = 1;
};

bool blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(),
                       [](const std::string& f) { return trim(f).empty(); });
}

bool isSha256Hex(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string idFaultText(IdNumberFault fault, bool zh) {
    switch (fault) {
        case IdNumberFault::kLength:
            return zh ? "身份证号不是 18 位" : "ID number is not 18 characters";
        case IdNumberFault::kCharacters:
            return zh ? "身份证号含有非法字符"
                      : "ID number has characters other than digits and a final X";
        case IdNumberFault::kBirthDate:
            return zh ? "身份证号中的出生日期无效" : "ID number has an impossible birth date";
        case IdNumberFault::kCheckDigit:
            return zh ? "身份证号校验位错误（GB 11643）"
                      : "ID number check digit is wrong (GB 11643)";
    }
    return {};
}

}  // namespace

std::string_view rosterRefusalName(RosterRefusal reason) {
    switch (reason) {
        case RosterRefusal::kMissingField:
            return "missing_field";
        case RosterRefusal::kFieldCount:
            return "field_count";
        case RosterRefusal::kBadIdNumber:
            return "bad_id_number";
        case RosterRefusal::kDuplicateStudentNo:
            return "duplicate_student_no";
        case RosterRefusal::kDuplicateCollectionCode:
            return "duplicate_collection_code";
        case RosterRefusal::kBadQuoting:
            return "bad_quoting";
    }
    return "unknown";
}

RosterParse parseRosterCsv(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(Error::Kind::kInput, {"roster.unreadable", file.string() + ": 无法读取名单文件",
                                          file.string() + ": cannot open the roster file"});
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) {
        throw Error(Error::Kind::kIo, {"roster.unreadable", file.string() + ": 读取名单文件出错",
                                       file.string() + ": read error"});
    }
    return parseRosterCsvText(bytes.str(), file.string());
}

RosterParse parseRosterCsvText(std::string_view bytes, const std::string& origin) {
    RosterParse parse;
    std::string text;
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        throw inputError(origin, "名单是 UTF-16 编码；请另存为 CSV UTF-8 或 GBK",
                         "the roster is UTF-16; save it as CSV in UTF-8 or GBK");
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        parse.hadBom = true;
        bytes.remove_prefix(3);
    }
    if (validUtf8(bytes)) {
        parse.encoding = "UTF-8";
        text.assign(bytes);
    } else if (auto converted = parse.hadBom ? std::nullopt : gb18030ToUtf8(bytes)) {
        parse.encoding = "GB18030";
        text = std::move(*converted);
    } else {
        throw inputError(origin, "名单既不是 UTF-8 也不是 GBK 编码的文本",
                         "the roster is neither UTF-8 nor GBK text");
    }
    if (text.find('\0') != std::string::npos) {
        throw inputError(origin, "名单不是文本文件", "the roster is not a text file");
    }

    // Excel in some locales writes ';' or tabs; the header line decides.
    const std::string firstLine = text.substr(0, text.find_first_of("\r\n"));
    char delimiter = ',';
    if (firstLine.find(',') == std::string::npos) {
        if (firstLine.find('\t') != std::string::npos)
            delimiter = '\t';
        else if (firstLine.find(';') != std::string::npos)
            delimiter = ';';
    }

    CsvReader reader(text, delimiter);
    std::optional<CsvRecord> header;
    while ((header = reader.next()) && blank(header->fields)) {
    }
    if (!header) throw inputError(origin, "名单是空的", "the roster is empty");

    std::map<Column, std::size_t> columns;
    for (std::size_t i = 0; i < header->fields.size(); ++i) {
        if (const auto column = columnFor(header->fields[i])) {
            if (columns.count(*column)) {
                throw inputError(origin, "表头有重复的列：" + trim(header->fields[i]),
                                 "the header names a column twice: " + trim(header->fields[i]));
            }
            columns[*column] = i;
        }
    }
    for (const auto& [column, zh, en] : {std::tuple{Column::kStudentNo, "学号", "student_no"},
                                         std::tuple{Column::kName, "姓名", "name"},
                                         std::tuple{Column::kIdNumber, "身份证号", "id_number"}}) {
        if (!columns.count(column)) {
            throw inputError(origin, std::string("表头缺少“") + zh + "”列",
                             std::string("the header has no ") + en + " (" + zh + ") column");
        }
    }
    const auto field = [&](const CsvRecord& r, Column c) -> std::string {
        const auto it = columns.find(c);
        if (it == columns.end() || it->second >= r.fields.size()) return {};
        return trim(r.fields[it->second]);
    };

    std::map<std::string, int> lineOfStudent;
    std::map<std::string, std::string> studentOfCode;
    while (auto record = reader.next()) {
        if (blank(record->fields)) continue;
        RefusedRow refused;
        refused.line = record->line;
        refused.studentNo = field(*record, Column::kStudentNo);
        const auto refuse = [&](RosterRefusal reason, std::string zh, std::string en) {
            refused.reason = reason;
            refused.message_zh = "第 " + std::to_string(record->line) + " 行：" + zh;
            refused.message_en = "line " + std::to_string(record->line) + ": " + en;
            parse.refused.push_back(refused);
        };
        if (record->unterminated) {
            refuse(RosterRefusal::kBadQuoting, "引号没有闭合", "a quoted field is never closed");
            continue;
        }
        if (record->fields.size() != header->fields.size()) {
            const auto n = std::to_string(record->fields.size());
            const auto m = std::to_string(header->fields.size());
            refuse(RosterRefusal::kFieldCount, "有 " + n + " 列，表头有 " + m + " 列",
                   "has " + n + " fields, the header " + m);
            continue;
        }
        RosterRow row;
        row.line = record->line;
        row.student.studentNo = field(*record, Column::kStudentNo);
        row.student.name = field(*record, Column::kName);
        row.student.department = field(*record, Column::kDepartment);
        row.student.major = field(*record, Column::kMajor);
        row.student.level = field(*record, Column::kLevel);
        row.examNo = field(*record, Column::kExamNo);
        const std::string idText = field(*record, Column::kIdNumber);
        std::vector<std::string> missingZh, missingEn;
        if (row.student.studentNo.empty())
            missingZh.push_back("学号"), missingEn.push_back("student_no");
        if (row.student.name.empty()) missingZh.push_back("姓名"), missingEn.push_back("name");
        if (idText.empty()) missingZh.push_back("身份证号"), missingEn.push_back("id_number");
        if (!missingZh.empty()) {
            std::string zh, en;
            for (std::size_t i = 0; i < missingZh.size(); ++i) {
                zh += (i ? "、" : "") + missingZh[i];
                en += (i ? ", " : "") + missingEn[i];
            }
            refuse(RosterRefusal::kMissingField, "缺少" + zh, "missing " + en);
            continue;
        }
        const IdNumberCheck id = checkIdNumber(idText);
        if (!id.valid()) {
            // The number itself is personal data: the message names the fault only.
            refuse(RosterRefusal::kBadIdNumber, idFaultText(*id.fault, true),
                   idFaultText(*id.fault, false));
            continue;
        }
        row.student.idNumber = id.normalized;
        if (const auto it = lineOfStudent.find(row.student.studentNo); it != lineOfStudent.end()) {
            const auto first = std::to_string(it->second);
            refuse(RosterRefusal::kDuplicateStudentNo,
                   "学号 " + row.student.studentNo + " 与第 " + first + " 行重复",
                   "student_no " + row.student.studentNo + " repeats line " + first);
            continue;
        }
        const std::string code = field(*record, Column::kCollectionCode);
        if (!code.empty()) {
            row.collectionCodeSha256 = isSha256Hex(code) ? lower(code) : payloadSha256Hex(code);
            if (const auto it = studentOfCode.find(row.collectionCodeSha256);
                it != studentOfCode.end()) {
                refuse(RosterRefusal::kDuplicateCollectionCode,
                       "采集码与学号 " + it->second + " 的相同",
                       "collection code is the same as student_no " + it->second + "'s");
                continue;
            }
            studentOfCode[row.collectionCodeSha256] = row.student.studentNo;
        } else {
            ++parse.rowsWithoutCode;
        }
        lineOfStudent[row.student.studentNo] = row.line;
        parse.rows.push_back(std::move(row));
    }
    return parse;
}

}  // namespace gradphoto::identify
