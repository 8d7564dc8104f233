#include "gradphoto/identify/scanned_code.h"

#include <openssl/evp.h>

#include <array>

namespace gradphoto::identify {

std::string_view codeFormatName(CodeFormat format) {
    switch (format) {
        case CodeFormat::kQrCode:
            return "qr_code";
        case CodeFormat::kDataMatrix:
            return "data_matrix";
        case CodeFormat::kPdf417:
            return "pdf417";
    }
    return "unknown";
}

std::string payloadSha256Hex(std::string_view payload) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(payload.data(), payload.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
}

}  // namespace gradphoto::identify
