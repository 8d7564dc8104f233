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

// 4401**********123X: the first four and last four characters, the rest starred. A number of eight
// characters or fewer (malformed) is starred completely. Counts UTF-8 characters, not bytes. The
// one masking rule for ID numbers: the flow's and the store's maskIdNumber forward here.
std::string maskIdNumber(std::string_view idNumber);

// The masked number before the student has proved the last four characters: 4401**************.
// The screen that asks for the last four must not show them. Accepts a masked or a full number.
std::string maskIdNumberHidingLast4(std::string_view idNumber);

// 张*三, 欧**娜; a two-character name keeps the first (张*); one character becomes *.
// Works on UTF-8 code points.
std::string maskName(std::string_view name);

}  // namespace gradphoto::identify
