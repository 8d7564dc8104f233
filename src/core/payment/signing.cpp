#include "signing.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "gradphoto/common/error.h"

namespace gradphoto::payment {
namespace fs = std::filesystem;
namespace {

Error keyError(const std::string& what_en) {
    return Error(Error::Kind::kInput, {"payment_key", "支付密钥无法读取", what_en});
}

std::string readFile(const fs::path& file, std::string_view what) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(Error::Kind::kInput,
                    {"payment_key", "无法读取支付配置文件 " + file.string(),
                     "cannot read the " + std::string(what) + " file " + file.string()});
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio memoryBio(std::string_view pem) {
    return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
}

}  // namespace

void PemKey::Free::operator()(EVP_PKEY* key) const {
    EVP_PKEY_free(key);
}

PemKey PemKey::privateFromPem(std::string_view pem) {
    auto bio = memoryBio(pem);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (key == nullptr) throw keyError("not a PEM private key");
    return PemKey(key);
}

PemKey PemKey::publicFromPem(std::string_view pem) {
    auto bio = memoryBio(pem);
    if (EVP_PKEY* key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr))
        return PemKey(key);
    bio = memoryBio(pem);
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (cert == nullptr) throw keyError("not a PEM public key or certificate");
    EVP_PKEY* key = X509_get_pubkey(cert);
    X509_free(cert);
    if (key == nullptr) throw keyError("the certificate has no usable public key");
    return PemKey(key);
}

PemKey PemKey::loadPrivate(const fs::path& file) {
    requireOwnerOnly(file, "merchant private key");
    return privateFromPem(readFile(file, "merchant private key"));
}

PemKey PemKey::loadPublic(const fs::path& file) {
    return publicFromPem(readFile(file, "platform public key"));
}

void requireOwnerOnly(const fs::path& file, std::string_view what) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (ec || !fs::is_regular_file(status))
        throw Error(Error::Kind::kInput,
                    {"payment_key", "找不到支付密钥文件 " + file.string(),
                     "the " + std::string(what) + " file " + file.string() + " is missing"});
    const auto shared = fs::perms::group_all | fs::perms::others_all;
    if ((status.permissions() & shared) != fs::perms::none)
        throw Error(Error::Kind::kInput,
                    {"key_file_permissions",
                     "支付密钥文件 " + file.string() + " 的权限过宽，请执行 chmod 600",
                     "the " + std::string(what) + " file " + file.string() +
                         " may be read by other users; chmod 600 it"});
}

std::string readSecretFile(const fs::path& file, std::string_view what) {
    requireOwnerOnly(file, what);
    std::string text = readFile(file, what);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

std::string base64Encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<size_t>(n));
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out(3 * text.size() / 4 + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    size_t size = static_cast<size_t>(n);
    for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;  // padding
    out.resize(size);
    return out;
}

std::string signSha256Rsa(const PemKey& privateKey, std::string_view message) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t size = 0;
    if (!ctx ||
        EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, privateKey.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &size,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw Error(Error::Kind::kInternal, {"sign", "签名失败", "SHA256-RSA signing failed"});
    std::string signature(size, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw Error(Error::Kind::kInternal, {"sign", "签名失败", "SHA256-RSA signing failed"});
    signature.resize(size);
    return base64Encode(signature);
}

bool verifySha256Rsa(const PemKey& publicKey, std::string_view message,
                     std::string_view base64Signature) {
    const auto signature = base64Decode(base64Signature);
    if (!signature || signature->empty()) return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx ||
        EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, publicKey.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                            signature->size(),
                            reinterpret_cast<const unsigned char*>(message.data()),
                            message.size()) == 1;
}

namespace {
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
constexpr int kTagBytes = 16;
const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

std::optional<std::string> decryptAes256Gcm(std::string_view key, std::string_view nonce,
                                            std::string_view associatedData,
                                            std::string_view base64Ciphertext) {
    if (key.size() != 32 || nonce.empty()) return std::nullopt;
    const auto sealed = base64Decode(base64Ciphertext);
    if (!sealed || sealed->size() < kTagBytes) return std::nullopt;
    const std::string_view cipher(sealed->data(), sealed->size() - kTagBytes);
    std::string tag = sealed->substr(sealed->size() - kTagBytes);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string plain(cipher.size() + 16, '\0');
    int n = 0;
    int total = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()),
                            nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) != 1)
        return std::nullopt;
    if (!associatedData.empty() && EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytes(associatedData),
                                                     static_cast<int>(associatedData.size())) != 1)
        return std::nullopt;
    if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &n,
                          bytes(cipher), static_cast<int>(cipher.size())) != 1)
        return std::nullopt;
    total = n;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + total,
                            &n) != 1)
        return std::nullopt;  // wrong key or tampered
    plain.resize(static_cast<size_t>(total + n));
    return plain;
}

std::string encryptAes256Gcm(std::string_view key, std::string_view nonce,
                             std::string_view associatedData, std::string_view plaintext) {
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string out(plaintext.size() + 16, '\0');
    int n = 0;
    int total = 0;
    std::string tag(kTagBytes, '\0');
    const bool ok =
        ctx && key.size() == 32 &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()),
                            nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) == 1 &&
        (associatedData.empty() ||
         EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytes(associatedData),
                           static_cast<int>(associatedData.size())) == 1) &&
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                          bytes(plaintext), static_cast<int>(plaintext.size())) == 1 &&
        (total = n,
         EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + total, &n) ==
             1) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) == 1;
    if (!ok) throw Error(Error::Kind::kInternal, {"encrypt", "加密失败", "AES-256-GCM failed"});
    out.resize(static_cast<size_t>(total + n));
    return base64Encode(out + tag);
}

std::string hmacSha256Hex(std::string_view key, std::string_view message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), bytes(message), message.size(),
         digest, &size);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

bool equalInConstantTime(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string randomHex(int count) {
    std::vector<unsigned char> random(static_cast<size_t>(count));
    if (RAND_bytes(random.data(), count) != 1)
        throw Error(Error::Kind::kInternal, {"random", "随机数生成失败", "RAND_bytes failed"});
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char b : random) {
        hex += kHex[b >> 4];
        hex += kHex[b & 15];
    }
    return hex;
}

}  // namespace gradphoto::payment
