#include "gradphoto/export/file_name_pattern.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "gradphoto/common/error.h"

namespace gradphoto::exports {

namespace {

Error patternError(const std::string& pattern, const std::string& zh, const std::string& en) {
    return Error(Error::Kind::kUsage, {"export_pattern", "文件名模式 " + pattern + "：" + zh,
                                       "file-name pattern " + pattern + ": " + en});
}

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

}  // namespace

std::string lowerAscii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

FileNamePattern::FileNamePattern(const std::string& pattern) : text_(pattern) {
    static const std::map<std::string, Field> kFields{
        {"身份证号", Field::kIdNumber}, {"id_number", Field::kIdNumber},
        {"学号", Field::kStudentNo},    {"student_no", Field::kStudentNo},
        {"考生号", Field::kExamNo},     {"exam_no", Field::kExamNo},
        {"姓名", Field::kName},         {"name", Field::kName},
    };
    if (pattern.find('/') != std::string::npos || pattern.find('\\') != std::string::npos)
        throw patternError(pattern, "不能包含文件夹", "must not name a folder");
    std::string literal;
    bool anyField = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '}') throw patternError(pattern, "多余的 }", "a '}' without '{'");
        if (pattern[i] != '{') {
            literal += pattern[i];
            continue;
        }
        const auto close = pattern.find('}', i);
        if (close == std::string::npos) throw patternError(pattern, "{ 没有闭合", "unclosed '{'");
        const std::string name = pattern.substr(i + 1, close - i - 1);
        const auto it = kFields.find(name);
        if (it == kFields.end())
            throw patternError(pattern,
                               "未知字段 {" + name + "}（可用：身份证号、学号、考生号、姓名）",
                               "unknown field {" + name +
                                   "} (known: 身份证号/id_number, 学号/student_no, 考生号/exam_no, "
                                   "姓名/name)");
        if (!literal.empty()) parts_.push_back({literal, std::nullopt});
        literal.clear();
        parts_.push_back({"", it->second});
        anyField = true;
        i = close;
    }
    if (!literal.empty()) parts_.push_back({literal, std::nullopt});
    if (!anyField)
        throw patternError(pattern, "至少需要一个字段，例如 {身份证号}",
                           "needs at least one field such as {身份证号}");
}

FileNamePattern::Rendered FileNamePattern::render(const store::Student& student) const {
    Rendered out;
    std::string name;
    for (const auto& part : parts_) {
        if (!part.field) {
            name += part.literal;
            continue;
        }
        std::string value;
        const char* fieldName = "";
        switch (*part.field) {
            case Field::kIdNumber:
                value = trimmed(student.idNumber);
                std::transform(value.begin(), value.end(), value.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                fieldName = "身份证号";
                break;
            case Field::kStudentNo:
                value = trimmed(student.studentNo);
                fieldName = "学号";
                break;
            case Field::kExamNo:
                value = trimmed(student.examNo);
                fieldName = "考生号";
                break;
            case Field::kName:
                value = trimmed(student.name);
                fieldName = "姓名";
                break;
        }
        if (value.empty()) {
            out.missingField = fieldName;
            return out;
        }
        name += value;
    }
    out.fileName = safeFileName(name);
    return out;
}

std::string safeFileName(const std::string& name) {
    std::string out;
    out.reserve(name.size());
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        const bool unsafe = c < 0x20 || c == 0x7F || ch == '/' || ch == '\\' || ch == ':' ||
                            ch == '*' || ch == '?' || ch == '"' || ch == '<' || ch == '>' ||
                            ch == '|';
        out += unsafe ? '_' : ch;
    }
    for (std::size_t i = 0; i < out.size() && out[i] == '.'; ++i) out[i] = '_';
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.back() = '_';
    if (out.empty()) out = "_";
    return out;
}

std::string uniqueFileName(const std::string& name, const std::set<std::string>& takenLowerCase) {
    if (!takenLowerCase.count(lowerAscii(name))) return name;
    const auto dot = name.rfind('.');
    const std::string stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
    const std::string ext = dot == std::string::npos || dot == 0 ? "" : name.substr(dot);
    for (int n = 2;; ++n) {
        const std::string candidate = stem + "_" + std::to_string(n) + ext;
        if (!takenLowerCase.count(lowerAscii(candidate))) return candidate;
    }
}

}  // namespace gradphoto::exports
