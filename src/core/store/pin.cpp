#include "gradphoto/store/pin.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace gradphoto::store {

namespace {

std::vector<std::uint8_t> derive(std::string_view pin, const std::vector<std::uint8_t>& salt,
                                 int iterations) {
    std::vector<std::uint8_t> out(32);
    if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(),
                          static_cast<int>(out.size()), out.data()) != 1) {
        throw Error(Error::Kind::kInternal,
                    {"crypto_error", "无法计算 PIN 摘要", "cannot hash the PIN (OpenSSL)"});
    }
    return out;
}

}  // namespace

void requireValidPin(std::string_view pin) {
    const bool digits =
        std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || pin.size() < static_cast<std::size_t>(kPinMinDigits) ||
        pin.size() > static_cast<std::size_t>(kPinMaxDigits)) {
        throw Error(Error::Kind::kInput,
                    {"bad_pin", "PIN 须为 4 至 12 位数字", "a PIN is 4 to 12 digits"});
    }
}

PinHash hashPin(std::string_view pin, int iterations) {
    PinHash h;
    h.iterations = iterations;
    h.salt.resize(16);
    if (RAND_bytes(h.salt.data(), static_cast<int>(h.salt.size())) != 1) {
        throw Error(Error::Kind::kInternal,
                    {"crypto_error", "无法生成随机数", "cannot draw random bytes (OpenSSL)"});
    }
    h.hash = derive(pin, h.salt, iterations);
    return h;
}

bool verifyPin(std::string_view pin, const PinHash& stored) {
    if (stored.iterations <= 0 || stored.salt.empty() || stored.hash.size() != 32) return false;
    const auto candidate = derive(pin, stored.salt, stored.iterations);
    return CRYPTO_memcmp(candidate.data(), stored.hash.data(), candidate.size()) == 0;
}

void wipePin(std::string& pin) {
    if (!pin.empty()) OPENSSL_cleanse(pin.data(), pin.size());
    pin.clear();
}

}  // namespace gradphoto::store
