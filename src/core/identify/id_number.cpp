#include "gradphoto/identify/id_number.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace gradphoto::identify {
namespace {

bool isLeapYear(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int digitsValue(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool plausibleBirthDate(std::string_view yyyymmdd) {
    const int year = digitsValue(yyyymmdd.substr(0, 4));
    const int month = digitsValue(yyyymmdd.substr(4, 2));
    const int day = digitsValue(yyyymmdd.substr(6, 2));
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && isLeapYear(year));
    return day <= days;
}

// Number of bytes of the UTF-8 sequence starting with lead byte c.
std::size_t utf8Length(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) return 2;
    if ((c & 0xF0) == 0xE0) return 3;
    if ((c & 0xF8) == 0xF0) return 4;
    return 1;
}

// The text split into UTF-8 characters (a broken sequence counts byte by byte).
std::vector<std::string_view> utf8Characters(std::string_view text) {
    std::vector<std::string_view> chars;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len =
            std::min(utf8Length(static_cast<unsigned char>(text[i])), text.size() - i);
        chars.push_back(text.substr(i, len));
        i += len;
    }
    return chars;
}

}  // namespace

char idNumberCheckCharacter(std::string_view first17Digits) {
    static constexpr std::array<int, 17> kWeights{7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                  3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < first17Digits.size(); ++i) {
        sum += (first17Digits[i] - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

IdNumberCheck checkIdNumber(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    IdNumberCheck check;
    check.normalized.assign(text);
    if (!check.normalized.empty() && check.normalized.back() == 'x') check.normalized.back() = 'X';
    const std::string& n = check.normalized;
    if (n.size() != 18) {
        check.fault = IdNumberFault::kLength;
        return check;
    }
    for (std::size_t i = 0; i < 17; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(n[i]))) {
            check.fault = IdNumberFault::kCharacters;
            return check;
        }
    }
    if (!std::isdigit(static_cast<unsigned char>(n[17])) && n[17] != 'X') {
        check.fault = IdNumberFault::kCharacters;
        return check;
    }
    if (!plausibleBirthDate(std::string_view(n).substr(6, 8))) {
        check.fault = IdNumberFault::kBirthDate;
        return check;
    }
    if (idNumberCheckCharacter(n) != n[17]) check.fault = IdNumberFault::kCheckDigit;
    return check;
}

std::string maskIdNumber(std::string_view idNumber) {
    const auto chars = utf8Characters(idNumber);
    if (chars.size() <= 8) return std::string(chars.size(), '*');
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i)
        out += i < 4 || i + 4 >= chars.size() ? std::string(chars[i]) : std::string("*");
    return out;
}

std::string maskIdNumberHidingLast4(std::string_view idNumber) {
    const auto chars = utf8Characters(idNumber);
    if (chars.size() <= 8) return std::string(chars.size(), '*');
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i)
        out += i < 4 ? std::string(chars[i]) : std::string("*");
    return out;
}

std::string maskName(std::string_view name) {
    const auto chars = utf8Characters(name);
    if (chars.empty()) return {};
    if (chars.size() == 1) return "*";
    std::string masked(chars.front());
    if (chars.size() == 2) return masked + "*";
    masked += std::string(chars.size() - 2, '*');
    masked += chars.back();
    return masked;
}

}  // namespace gradphoto::identify
