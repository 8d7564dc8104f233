#pragma once

// The cryptography of the payment protocols, over OpenSSL EVP: SHA256-with-RSA (PKCS #1 v1.5)
// signatures in base64, AEAD_AES_256_GCM (WeChat Pay notifications), HMAC-SHA256 (the campus
// gateway), random nonces. Keys are read from PEM files that only their owner may read.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace gradphoto::payment {

class PemKey {
  public:
    // A private key (PKCS #8 or traditional PEM). Refuses a file that group or others may read.
    static PemKey loadPrivate(const std::filesystem::path& file);
    // A public key: a PEM public key or an X.509 certificate (WeChat's platform certificate).
    static PemKey loadPublic(const std::filesystem::path& file);
    static PemKey privateFromPem(std::string_view pem);
    static PemKey publicFromPem(std::string_view pem);

    EVP_PKEY* get() const { return key_.get(); }

  private:
    struct Free {
        void operator()(EVP_PKEY* key) const;
    };
    explicit PemKey(EVP_PKEY* key) : key_(key) {}
    std::unique_ptr<EVP_PKEY, Free> key_;
};

// Throws Error(kInput) when group or others may read the file (keys, secrets).
void requireOwnerOnly(const std::filesystem::path& file, std::string_view what);
// The file's content without a trailing newline; requireOwnerOnly first.
std::string readSecretFile(const std::filesystem::path& file, std::string_view what);

std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);

std::string signSha256Rsa(const PemKey& privateKey, std::string_view message);
bool verifySha256Rsa(const PemKey& publicKey, std::string_view message,
                     std::string_view base64Signature);

// AEAD_AES_256_GCM: ciphertext base64 with the 16-byte tag appended (WeChat's layout).
std::optional<std::string> decryptAes256Gcm(std::string_view key, std::string_view nonce,
                                            std::string_view associatedData,
                                            std::string_view base64Ciphertext);
std::string encryptAes256Gcm(std::string_view key, std::string_view nonce,
                             std::string_view associatedData, std::string_view plaintext);

// Lower-case hex of HMAC-SHA256(key, message).
std::string hmacSha256Hex(std::string_view key, std::string_view message);
bool equalInConstantTime(std::string_view a, std::string_view b);

// 2n random hex digits.
std::string randomHex(int bytes);

}  // namespace gradphoto::payment
