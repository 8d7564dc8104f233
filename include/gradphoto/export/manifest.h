#pragma once

// The manifest of an export batch: one row per exported photo, as CSV (UTF-8 with a BOM and
// RFC 4180 quoting, so Excel opens it with the Chinese intact; or GBK for old Excel set-ups) and
// as JSON. Columns, in order:
//   学号, 姓名, 身份证号, 院系, 考生号, 文件名, SHA-256, 字节数, 审核人, 审核时间, 采集码
// The manifest holds personal data for the upload; it is written into the export folder only.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "gradphoto/store/records.h"

namespace gradphoto::exports {

struct ManifestRow {
    std::string studentNo;
    std::string name;
    std::string idNumber;
    std::string department;
    std::string examNo;
    std::string fileName;
    std::string sha256;
    std::int64_t bytes = 0;
    std::string approvedBy;  // staff number
    store::UnixTime approvedAt = 0;
    std::string collectionCode;  // the raw payload; empty when the roster had only its hash
};

enum class ManifestEncoding { kUtf8, kGbk };

// "utf8" / "utf-8" / "gbk" (case-insensitive); throws Error(kUsage) otherwise.
ManifestEncoding parseManifestEncoding(std::string_view text);

// The column headers (Chinese, as the upload tools and admins expect).
const std::vector<std::string>& manifestColumns();

// CRLF line ends; a field is quoted when it holds a comma, quote, CR or LF (quotes doubled).
// Values are written as they are (upload tools read them back), so long digit strings such as ID
// numbers should be opened in Excel as text (docs/export.md). UTF-8 starts with the BOM EF BB BF.
// GBK is converted with glibc's iconv; a character GBK cannot hold throws Error(kInput) naming
// the 学号 (use UTF-8 then).
std::string manifestCsv(const std::vector<ManifestRow>& rows, ManifestEncoding encoding);

// {"batch": NAME, "rows": [{"student_no","name","id_number","department","exam_no","file",
//   "sha256","bytes","approved_by","approved_at","collection_code"}]} (approved_at ISO 8601 UTC).
nlohmann::json manifestJson(const std::string& batchName, const std::vector<ManifestRow>& rows);

// UTF-8 to GBK (CP936) with iconv; throws Error(kInput) on a character GBK lacks.
std::string toGbk(std::string_view utf8);

}  // namespace gradphoto::exports
