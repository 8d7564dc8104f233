#include "gradphoto/identify/http_student_resolver.h"

#include <curl/curl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace gradphoto::identify {
namespace {

constexpr const char* kSignatureHeader = "X-GradPhoto-Signature";

std::string hex(const unsigned char* data, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kHex[data[i] >> 4]);
        out.push_back(kHex[data[i] & 0x0f]);
    }
    return out;
}

std::string trim(std::string s) {
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool validUtf8(std::string_view s) {
    try {
        (void)nlohmann::json(std::string(s)).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

std::string base64(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

Error settingsError(const std::string& zh, const std::string& en) {
    return Error(Error::Kind::kInput, {"resolver.settings", zh, en});
}

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The URL's scheme and host, through curl's own parser so both sides agree.
std::pair<std::string, std::string> schemeAndHost(const std::string& url) {
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> parsed(curl_url(), curl_url_cleanup);
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
        return {};
    }
    std::pair<std::string, std::string> result;
    char* part = nullptr;
    if (curl_url_get(parsed.get(), CURLUPART_SCHEME, &part, 0) == CURLUE_OK) {
        result.first = lower(part);
        curl_free(part);
    }
    if (curl_url_get(parsed.get(), CURLUPART_HOST, &part, 0) == CURLUE_OK) {
        result.second = lower(part);
        curl_free(part);
    }
    return result;
}

struct Exchange {
    std::string body;
    std::string signature;
    std::size_t limit = 0;
    bool oversized = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    const std::size_t bytes = size * count;
    if (exchange->body.size() + bytes > exchange->limit) {
        exchange->oversized = true;
        return 0;  // aborts the transfer
    }
    exchange->body.append(data, bytes);
    return bytes;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto* exchange = static_cast<Exchange*>(user);
    const std::size_t bytes = size * count;
    const std::string line(data, bytes);
    const auto colon = line.find(':');
    if (colon != std::string::npos &&
        lower(trim(line.substr(0, colon))) == lower(kSignatureHeader)) {
        exchange->signature = lower(trim(line.substr(colon + 1)));
    }
    return bytes;
}

bool temporaryCurlFault(CURLcode code) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return true;
        default:
            return false;
    }
}

bool temporaryHttpStatus(long status) {
    return status == 408 || status == 429 || status >= 500;
}

Problem failedProblem(const std::string& detail_en) {
    return {"identify.resolver_failed", "学籍查询服务返回了无法使用的结果，请联系现场工作人员。",
            "The student resolve service failed: " + detail_en};
}

std::string stringField(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string())
        throw nlohmann::json::type_error::create(302, std::string(key) + " is not a string",
                                                 nullptr);
    return it->get<std::string>();
}

}  // namespace

std::string HttpStudentResolver::signature(const std::string& secret, const std::string& message) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(),
         &length);
    return hex(mac.data(), length);
}

HttpStudentResolver::HttpStudentResolver(HttpResolverSettings settings)
    : settings_(std::move(settings)) {
    initCurlOnce();
    const auto [scheme, host] = schemeAndHost(settings_.url);
    const bool loopback =
        host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
    if (scheme != "https" && !(scheme == "http" && loopback)) {
        throw settingsError("学籍查询服务地址必须是 https:// 地址：" + settings_.url,
                            "the resolve service URL must be https:// (plain http only on "
                            "loopback): " +
                                settings_.url);
    }
    std::ifstream in(settings_.secretFile, std::ios::binary);
    if (!in) {
        throw settingsError("无法读取共享密钥文件：" + settings_.secretFile.string(),
                            "cannot read the shared secret file " + settings_.secretFile.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    secret_ = trim(text.str());
    if (secret_.empty()) {
        throw settingsError("共享密钥文件是空的：" + settings_.secretFile.string(),
                            "the shared secret file is empty: " + settings_.secretFile.string());
    }
    settings_.attempts = std::max(1, settings_.attempts);
}

Resolution HttpStudentResolver::resolve(const ScannedCode& code) {
    nlohmann::json request{{"booth_id", settings_.boothId},
                           {"timestamp", std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count()}};
    if (validUtf8(code.payload)) {
        request["payload"] = code.payload;
    } else {
        request["payload_base64"] = base64(code.payload);
    }
    std::array<unsigned char, 16> nonce{};
    RAND_bytes(nonce.data(), static_cast<int>(nonce.size()));
    request["nonce"] = hex(nonce.data(), nonce.size());
    const std::string body = request.dump();
    const std::string signatureHeader =
        std::string(kSignatureHeader) + ": " + signature(secret_, body);

    Resolution resolution;
    auto backoff = settings_.firstBackoff;
    std::string lastFault;
    for (int attempt = 1; attempt <= settings_.attempts; ++attempt) {
        if (attempt > 1) {
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
        std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 curl_easy_cleanup);
        if (!curl) {
            lastFault = "curl_easy_init failed";
            continue;
        }
        std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr,
                                                                            curl_slist_free_all);
        curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json");
        list = curl_slist_append(list, "Accept: application/json");
        list = curl_slist_append(list, signatureHeader.c_str());
        headers.reset(list);
        Exchange exchange;
        exchange.limit = settings_.maxResponseBytes;
        CURL* h = curl.get();
        curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str());
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(settings_.connectTimeout.count()));
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!settings_.caFile.empty()) {
            curl_easy_setopt(h, CURLOPT_CAINFO, settings_.caFile.c_str());
        }
        curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(settings_.maxResponseBytes));
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &exchange);
        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, &exchange);
        const CURLcode rc = curl_easy_perform(h);
        if (exchange.oversized || rc == CURLE_FILESIZE_EXCEEDED) {
            resolution.status = ResolveStatus::kFailed;
            resolution.problem =
                failedProblem("the answer is larger than " +
                              std::to_string(settings_.maxResponseBytes) + " bytes");
            return resolution;
        }
        if (rc != CURLE_OK) {
            lastFault = curl_easy_strerror(rc);
            if (temporaryCurlFault(rc)) continue;
            resolution.status = ResolveStatus::kFailed;
            resolution.problem = failedProblem(lastFault);
            return resolution;
        }
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        if (temporaryHttpStatus(status)) {
            lastFault = "HTTP " + std::to_string(status);
            continue;
        }
        if (status == 404) {
            resolution.status = ResolveStatus::kNotFound;
            resolution.problem = notFoundProblem();
            return resolution;
        }
        if (status != 200) {
            resolution.status = ResolveStatus::kFailed;
            resolution.problem = failedProblem("HTTP " + std::to_string(status) +
                                               (status == 401 || status == 403
                                                    ? " (the service refused our signature; check "
                                                      "the shared secret)"
                                                    : ""));
            return resolution;
        }
        const std::string expected = signature(secret_, exchange.body);
        if (exchange.signature.size() != expected.size() ||
            CRYPTO_memcmp(exchange.signature.data(), expected.data(), expected.size()) != 0) {
            resolution.status = ResolveStatus::kFailed;
            resolution.problem = failedProblem("the answer's signature is missing or wrong");
            return resolution;
        }
        try {
            const auto answer = nlohmann::json::parse(exchange.body);
            if (!answer.is_object() || !answer.contains("found") || !answer["found"].is_boolean()) {
                throw nlohmann::json::other_error::create(501, "no boolean \"found\"", nullptr);
            }
            if (!answer["found"].get<bool>()) {
                resolution.status = ResolveStatus::kNotFound;
                resolution.problem = notFoundProblem();
                return resolution;
            }
            const auto& s = answer.at("student");
            if (!s.is_object()) {
                throw nlohmann::json::other_error::create(501, "student is not an object", nullptr);
            }
            StudentRecord student{stringField(s, "student_no"), stringField(s, "name"),
                                  stringField(s, "id_number"),  stringField(s, "department"),
                                  stringField(s, "major"),      stringField(s, "level")};
            if (student.studentNo.empty() || student.name.empty() || student.idNumber.empty()) {
                throw nlohmann::json::other_error::create(
                    501, "student_no, name or id_number missing", nullptr);
            }
            resolution.status = ResolveStatus::kFound;
            resolution.student = std::move(student);
            return resolution;
        } catch (const nlohmann::json::exception& e) {
            resolution.status = ResolveStatus::kFailed;
            resolution.problem = failedProblem(std::string("the answer is not valid: ") + e.what());
            return resolution;
        }
    }
    resolution.status = ResolveStatus::kOffline;
    resolution.problem =
        offlineProblem(lastFault + " after " + std::to_string(settings_.attempts) + " attempts");
    return resolution;
}

}  // namespace gradphoto::identify
