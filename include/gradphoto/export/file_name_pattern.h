#pragma once

// How an exported photo is named: a pattern with fields in braces, `{身份证号}.jpg` by default
// (the CHSI upload), or `{学号}.jpg`, `{考生号}.jpg`, `{姓名}_{学号}.jpg`, ... The English names
// `{id_number}`, `{student_no}`, `{exam_no}`, `{name}` mean the same. ID numbers are written with
// an upper-case X; characters that are not safe in a file name on Windows, macOS or Linux
// (/ \ : * ? " < > | and control characters) become '_'. A student without the field the pattern
// needs gets no name (the export lists them as refused).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gradphoto/store/records.h"

namespace gradphoto::exports {

inline constexpr const char* kDefaultPattern = "{身份证号}.jpg";

class FileNamePattern {
  public:
    // Throws Error(kUsage) for an unknown field, an unclosed brace, a pattern without any field
    // or one that names a folder (contains '/' or '\').
    explicit FileNamePattern(const std::string& pattern = kDefaultPattern);

    const std::string& text() const { return text_; }

    struct Rendered {
        std::string fileName;      // empty when a field was missing
        std::string missingField;  // the Chinese field name (学号, 身份证号, 考生号, 姓名)
    };
    Rendered render(const store::Student& student) const;

  private:
    enum class Field { kIdNumber, kStudentNo, kExamNo, kName };
    struct Part {
        std::string literal;
        std::optional<Field> field;
    };
    std::string text_;
    std::vector<Part> parts_;
};

// Characters unsafe in a file name replaced by '_' (also leading dots and trailing dots/spaces,
// which Windows drops).
std::string safeFileName(const std::string& name);

// name when free, else name_2, name_3, ... before the extension ("a.jpg" -> "a_2.jpg").
// Comparison ignores ASCII case, as Windows and macOS file systems do.
std::string uniqueFileName(const std::string& name, const std::set<std::string>& takenLowerCase);
std::string lowerAscii(std::string text);

}  // namespace gradphoto::exports
