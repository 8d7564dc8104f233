#include "gradphoto/export/manifest.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "gradphoto/common/error.h"

namespace gradphoto::exports {

namespace {

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::vector<std::string> fieldsOf(const ManifestRow& r) {
    return {r.studentNo,     r.name,
            r.idNumber,      r.department,
            r.examNo,        r.fileName,
            r.sha256,        std::to_string(r.bytes),
            r.approvedBy,    r.approvedAt > 0 ? store::toIsoTime(r.approvedAt) : std::string(),
            r.collectionCode};
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += csvField(fields[i]);
    }
    return line + "\r\n";
}

}  // namespace

ManifestEncoding parseManifestEncoding(std::string_view text) {
    std::string t(text);
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "utf8" || t == "utf-8") return ManifestEncoding::kUtf8;
    if (t == "gbk") return ManifestEncoding::kGbk;
    throw Error(Error::Kind::kUsage,
                {"export_encoding", "清单编码只能是 utf8 或 gbk，而不是 " + std::string(text),
                 "manifest encoding must be utf8 or gbk, not " + std::string(text)});
}

const std::vector<std::string>& manifestColumns() {
    static const std::vector<std::string> kColumns{"学号",   "姓名",     "身份证号", "院系",
                                                   "考生号", "文件名",   "SHA-256",  "字节数",
                                                   "审核人", "审核时间", "采集码"};
    return kColumns;
}

std::string toGbk(std::string_view utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw Error(Error::Kind::kIo, {"iconv", "系统不支持 GBK 编码转换",
                                       "this system's iconv cannot convert to GBK"});
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t inLeft = utf8.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    const std::size_t rc = iconv(cd, &in, &inLeft, &dst, &dstLeft);
    const int err = errno;
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) {
        const std::string why = err == EILSEQ ? "a character GBK cannot hold" : "invalid UTF-8";
        throw Error(Error::Kind::kInput, {"gbk_unrepresentable", "文本含有 GBK 无法表示的字符",
                                          "the text holds " + why});
    }
    out.resize(out.size() - dstLeft);
    return out;
}

std::string manifestCsv(const std::vector<ManifestRow>& rows, ManifestEncoding encoding) {
    if (encoding == ManifestEncoding::kUtf8) {
        std::string out = "\xEF\xBB\xBF" + csvLine(manifestColumns());
        for (const auto& r : rows) out += csvLine(fieldsOf(r));
        return out;
    }
    std::string out = toGbk(csvLine(manifestColumns()));
    for (const auto& r : rows) {
        try {
            out += toGbk(csvLine(fieldsOf(r)));
        } catch (const Error&) {
            throw Error(
                Error::Kind::kInput,
                {"gbk_unrepresentable",
                 "学号 " + r.studentNo + " 的信息含有 GBK 无法表示的字符，请改用 UTF-8 清单",
                 "the row of student " + r.studentNo +
                     " holds a character GBK cannot represent; use --encoding utf8"});
        }
    }
    return out;
}

nlohmann::json manifestJson(const std::string& batchName, const std::vector<ManifestRow>& rows) {
    auto array = nlohmann::json::array();
    for (const auto& r : rows) {
        array.push_back(
            {{"student_no", r.studentNo},
             {"name", r.name},
             {"id_number", r.idNumber},
             {"department", r.department},
             {"exam_no", r.examNo},
             {"file", r.fileName},
             {"sha256", r.sha256},
             {"bytes", r.bytes},
             {"approved_by", r.approvedBy},
             {"approved_at", r.approvedAt > 0 ? nlohmann::json(store::toIsoTime(r.approvedAt))
                                              : nlohmann::json(nullptr)},
             {"collection_code", r.collectionCode}});
    }
    return {{"batch", batchName}, {"rows", array}};
}

}  // namespace gradphoto::exports
