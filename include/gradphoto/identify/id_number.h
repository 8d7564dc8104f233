#pragma once

// The 18-character resident identity number (公民身份号码, GB 11643-1999): validation of the check
// digit, and the masked forms that are the only ones a screen or a log may show.

#include <optional>
#include <string>
#include <string_view>

namespace gradphoto::identify {

enum class IdNumberFault { kLength, kCharacters, kBirthDate, kCheckDigit };

// The upper-cased, trimmed number, or the first fault found. Accepts a lower-case x.
struct IdNumberCheck {
    std::optional<IdNumberFault> fault;
    std::string normalized;
    bool valid() const { return !fault.has_value(); }
};
IdNumberCheck checkIdNumber(std::string_view text);

// The GB 11643 check character ('0'-'9' or 'X') for the first 17 digits.
char idNumberCheckCharacter(std::string_view first17Digits);

// 4401**********123X: the first four and last four characters, the rest starred. Anything that is
// not 18 characters long is starred completely except the last two.
std::string maskIdNumber(std::string_view idNumber);

// 张*三, 欧**娜; a two-character name keeps the first (张*); one character becomes *.
// Works on UTF-8 code points.
std::string maskName(std::string_view name);

}  // namespace gradphoto::identify
