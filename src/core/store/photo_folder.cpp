#include "gradphoto/store/photo_folder.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/error.h"

namespace gradphoto::store {
namespace fs = std::filesystem;

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                      &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
        throw Error(Error::Kind::kInternal,
                    {"crypto_error", "无法计算 SHA-256", "cannot compute SHA-256 (OpenSSL)"});
    }
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xf];
    }
    return hex;
}

std::string sha256Hex(std::string_view text) {
    return sha256Hex(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

bool isSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

PhotoFolder::PhotoFolder(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec)
        throw Error(Error::Kind::kIo,
                    {"io_error", "无法创建照片文件夹 " + root_.string(),
                     "cannot create photo folder " + root_.string() + ": " + ec.message()});
}

fs::path PhotoFolder::pathOf(const std::string& sha256) {
    if (!isSha256Hex(sha256))
        throw Error(Error::Kind::kInput,
                    {"bad_hash", "照片编号无效", "not a photo hash: " + sha256});
    return root_ / sha256.substr(0, 2) / (sha256 + ".jpg");
}

bool PhotoFolder::contains(const std::string& sha256) {
    std::error_code ec;
    return fs::is_regular_file(pathOf(sha256), ec);
}

std::string PhotoFolder::put(std::span<const std::uint8_t> bytes) {
    const std::string hash = sha256Hex(bytes);
    const fs::path target = pathOf(hash);
    std::error_code ec;
    if (fs::is_regular_file(target, ec) && fs::file_size(target, ec) == bytes.size()) return hash;
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        throw Error(
            Error::Kind::kIo,
            {"io_error", "无法创建照片文件夹 " + target.parent_path().string(),
             "cannot create photo folder " + target.parent_path().string() + ": " + ec.message()});
    writeFileAtomically(target, bytes);
    return hash;
}

std::vector<std::uint8_t> PhotoFolder::read(const std::string& sha256) {
    const fs::path file = pathOf(sha256);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(Error::Kind::kIo, {"photo_missing", "照片文件缺失：" + file.string(),
                                       "photo file missing: " + file.string()});
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> PhotoFolder::allHashes() {
    std::vector<std::string> hashes;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const fs::path& p = it->path();
        if (p.extension() != ".jpg") continue;
        const std::string stem = p.stem().string();
        if (isSha256Hex(stem)) hashes.push_back(stem);
    }
    std::sort(hashes.begin(), hashes.end());
    return hashes;
}

}  // namespace gradphoto::store
