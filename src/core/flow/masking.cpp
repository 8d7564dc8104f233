#include "gradphoto/flow/masking.h"

#include "gradphoto/identify/id_number.h"

namespace gradphoto::flow {

std::string maskName(std::string_view utf8Name) {
    return identify::maskName(utf8Name);
}

std::string maskIdNumber(std::string_view id) {
    return identify::maskIdNumber(id);
}

std::string maskIdNumberHidingLast4(std::string_view id) {
    return identify::maskIdNumberHidingLast4(id);
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
