#pragma once

// How personal data appears on screens and in CLI output: masked.

#include <string>
#include <string_view>

namespace gradphoto::store {

// 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, 张三 → 张*, 王 → *. Counts UTF-8 characters, not bytes.
std::string maskName(std::string_view name);

// 440106199001011234 → 4401**********1234: the first four and last four characters kept
// (identify::maskIdNumber, the one rule).
std::string maskIdNumber(std::string_view idNumber);

}  // namespace gradphoto::store
