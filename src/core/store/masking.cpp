#include "gradphoto/store/masking.h"

#include "gradphoto/identify/id_number.h"

#include <vector>

namespace gradphoto::store {

namespace {

// Splits UTF-8 text into characters (a broken sequence counts byte by byte).
std::vector<std::string_view> characters(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t n = 1;
        if (lead >= 0xf0)
            n = 4;
        else if (lead >= 0xe0)
            n = 3;
        else if (lead >= 0xc0)
            n = 2;
        if (i + n > text.size()) n = 1;
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

std::string maskName(std::string_view name) {
    return identify::maskName(name);
}

std::string maskIdNumber(std::string_view idNumber) {
    const auto chars = characters(idNumber);
    if (chars.size() <= 8) return std::string(chars.size(), '*');
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (i < 4 || i + 4 >= chars.size())
            out += chars[i];
        else
            out += '*';
    }
    return out;
}

}  // namespace gradphoto::store
