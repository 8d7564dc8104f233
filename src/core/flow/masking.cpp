#include "gradphoto/flow/masking.h"

#include <vector>

namespace gradphoto::flow {

namespace {
// Splits UTF-8 into code-point byte sequences (invalid bytes count as one character each).
std::vector<std::string_view> characters(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = 1;
        if (lead >= 0xF0)
            len = 4;
        else if (lead >= 0xE0)
            len = 3;
        else if (lead >= 0xC0)
            len = 2;
        if (i + len > text.size()) len = 1;
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}
}  // namespace

std::string maskName(std::string_view utf8Name) {
    const auto chars = characters(utf8Name);
    if (chars.empty()) return {};
    if (chars.size() == 1) return "*";
    std::string out{chars.front()};
    if (chars.size() == 2) return out + "*";
    for (std::size_t i = 1; i + 1 < chars.size(); ++i) out += '*';
    out += chars.back();
    return out;
}

std::string maskIdNumber(std::string_view id) {
    if (id.size() <= 4) return std::string(id.size(), '*');
    if (id.size() <= 8)
        return std::string(id.size() - 4, '*') + std::string(id.substr(id.size() - 4));
    return std::string(id.substr(0, 4)) + std::string(id.size() - 8, '*') +
           std::string(id.substr(id.size() - 4));
}

std::string normalizeLast4(std::string_view typed) {
    std::string out;
    for (const char c : typed) {
        if (c >= '0' && c <= '9')
            out += c;
        else if (c == 'x' || c == 'X')
            out += 'X';
    }
    return out;
}

bool isValidLast4(std::string_view last4) {
    if (last4.size() != 4) return false;
    for (std::size_t i = 0; i < 4; ++i) {
        const char c = last4[i];
        const bool digit = c >= '0' && c <= '9';
        // Only the check digit, the last character, may be X.
        if (!digit && !(i == 3 && c == 'X')) return false;
    }
    return true;
}

}  // namespace gradphoto::flow
