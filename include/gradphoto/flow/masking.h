#pragma once

#include <string>
#include <string_view>

namespace gradphoto::flow {

// What a screen may show of a person: 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明.
std::string maskName(std::string_view utf8Name);
// 440106199901011234 → 4401**********1234; eight characters or fewer are starred completely
// (identify::maskIdNumber, the one rule).
std::string maskIdNumber(std::string_view idNumber);
// 4401************** for the page that asks for the last four (identify::maskIdNumberHidingLast4).
std::string maskIdNumberHidingLast4(std::string_view idNumber);
// Upper-cases x and keeps only 0-9 and X; the result is a valid last-four entry when its size is 4.
std::string normalizeLast4(std::string_view typed);
bool isValidLast4(std::string_view last4);

}  // namespace gradphoto::flow
