#pragma once

// Reads a CSV the way Excel does when it opens one: a UTF-8 BOM selects UTF-8 (else the text
// is taken as is), fields split on commas, a quoted field may hold commas, doubled quotes and
// line breaks, records end at CRLF or LF. Written independently of the manifest writer so the
// round trip tests something.

#include <string>
#include <vector>

namespace gradphoto::test {

struct CsvReading {
    std::string encoding;  // "UTF-8" with a BOM, else "unknown"
    std::vector<std::vector<std::string>> rows;
    bool wellFormed = true;  // false on an unterminated quote or a stray quote mid-field
};

inline CsvReading readExcelCsv(std::string text) {
    CsvReading out;
    out.encoding = "unknown";
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        out.encoding = "UTF-8";
        text.erase(0, 3);
    }
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, wasQuoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (!field.empty() || wasQuoted) out.wellFormed = false;
            quoted = wasQuoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            row.push_back(field);
            out.rows.push_back(row);
            row.clear();
            field.clear();
            wasQuoted = false;
        } else {
            field += c;
        }
    }
    if (quoted) out.wellFormed = false;
    if (!field.empty() || !row.empty()) {
        row.push_back(field);
        out.rows.push_back(row);
    }
    return out;
}

}  // namespace gradphoto::test
