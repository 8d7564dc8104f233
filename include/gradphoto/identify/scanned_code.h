#pragma once

// What a scan yields: the collection code's payload, opaque, exactly as encoded.

#include <string>
#include <string_view>

namespace gradphoto::identify {

enum class CodeFormat { kQrCode, kDataMatrix, kPdf417 };

// "qr_code", "data_matrix", "pdf417": the names the CLI and logs use.
std::string_view codeFormatName(CodeFormat format);

// The CHSI collection code is encrypted and its format is not public: the payload is kept as it
// was decoded and never interpreted. `payload` holds the symbol's content bytes; for the text
// payloads CHSI issues these are the UTF-8 text.
struct ScannedCode {
    std::string payload;
    CodeFormat format = CodeFormat::kQrCode;
};

// Lower-case hex SHA-256 of the payload bytes: the key a roster stores instead of the payload.
std::string payloadSha256Hex(std::string_view payload);

}  // namespace gradphoto::identify
