#include "gradphoto/export/zip_package.h"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "gradphoto/common/error.h"

namespace gradphoto::exports {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void zipFailure(const fs::path& target, const std::string& cause) {
    throw Error(Error::Kind::kIo, {"zip_error", "无法写入压缩包 " + target.string() + "：" + cause,
                                   "cannot write the ZIP " + target.string() + ": " + cause});
}

bool endsWithJpeg(const std::string& name) {
    if (name.size() < 4) return false;
    std::string ext = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.'));
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".jpg" || ext == ".jpeg";
}

void syncPath(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void removeZipLeftovers(const fs::path& target) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string part = target.filename().string() + ".part";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == part || name.rfind(part + ".", 0) == 0) fs::remove(entry.path(), ec);
    }
}

void writeZipPackage(const fs::path& target, const std::vector<ZipEntry>& entries) {
    removeZipLeftovers(target);
    const fs::path part = target.string() + ".part";
    int err = 0;
    zip_t* za = zip_open(part.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (za == nullptr) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        const std::string cause = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        zipFailure(target, cause);
    }
    for (const auto& e : entries) {
        zip_source_t* src = zip_source_file(za, e.source.c_str(), 0, -1);
        if (src == nullptr) {
            const std::string cause = e.source.string() + ": " + zip_strerror(za);
            zip_discard(za);
            removeZipLeftovers(target);
            zipFailure(target, cause);
        }
        const zip_int64_t index =
            zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            const std::string cause = e.name + ": " + zip_strerror(za);
            zip_source_free(src);
            zip_discard(za);
            removeZipLeftovers(target);
            zipFailure(target, cause);
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index),
                                 endsWithJpeg(e.name) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) != 0) {
        const std::string cause = zip_strerror(za);
        zip_discard(za);
        removeZipLeftovers(target);
        zipFailure(target, cause);
    }
    syncPath(part, O_RDONLY);
    if (::rename(part.c_str(), target.c_str()) != 0) {
        const std::string cause = std::strerror(errno);
        removeZipLeftovers(target);
        zipFailure(target, cause);
    }
    syncPath(target.has_parent_path() ? target.parent_path() : fs::path("."),
             O_RDONLY | O_DIRECTORY);
}

}  // namespace gradphoto::exports
