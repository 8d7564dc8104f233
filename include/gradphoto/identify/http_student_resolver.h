#pragma once

// The partner's HTTPS resolve service. Protocol (ours; the partner implements it):
//   POST <url>  Content-Type: application/json
//   body  {"payload": "<the code's payload>", "booth_id": "A1", "timestamp": <unix s>,
//          "nonce": "<32 hex>"}
//   header X-GradPhoto-Signature: hex(HMAC-SHA256(secret, body))
// The answer is signed the same way over its body (X-GradPhoto-Signature), and is
//   200 {"found": true, "student": {"student_no", "name", "id_number", "department", "major",
//        "level"}}   or   200 {"found": false}   or   404.
// TLS verification is always on; plain http:// is accepted for loopback hosts only (tests).
// Connection failures, timeouts, 429 and 5xx are retried with growing pauses; anything else is a
// permanent fault and is not.

#include <chrono>
#include <filesystem>
#include <string>

#include "gradphoto/identify/student_resolver.h"

namespace gradphoto::identify {

struct HttpResolverSettings {
    std::string url;
    std::filesystem::path secretFile;  // the shared secret; surrounding whitespace is ignored
    std::string boothId;
    std::chrono::milliseconds timeout{5000};         // per attempt, whole request
    std::chrono::milliseconds connectTimeout{3000};  // per attempt
    int attempts = 3;                                // 1 + retries
    std::chrono::milliseconds firstBackoff{250};     // doubles after each failed attempt
    std::size_t maxResponseBytes = 64 * 1024;
    std::filesystem::path caFile;  // empty: the system's trust store
};

class HttpStudentResolver final : public StudentResolver {
  public:
    // Throws Error(kInput) when the URL is not https (or loopback http) or the secret file is
    // missing or empty.
    explicit HttpStudentResolver(HttpResolverSettings settings);
    Resolution resolve(const ScannedCode& code) override;

    // hex(HMAC-SHA256(secret, message)), as both sides compute it.
    static std::string signature(const std::string& secret, const std::string& message);

  private:
    HttpResolverSettings settings_;
    std::string secret_;
};

}  // namespace gradphoto::identify
