#include "gradphoto/common/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "gradphoto/common/error.h"

namespace gradphoto {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& what, int err) {
    const std::string cause = std::strerror(err);
    throw Error(Error::Kind::kIo, {"io_error", "无法写入文件 " + file.string() + "：" + cause,
                                   "cannot write " + file.string() + ": " + what + ": " + cause});
}

std::string randomSuffix() {
    std::random_device rd;
    static const char kDigits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 12; ++i) s += kDigits[rd() % 16];
    return s;
}

}  // namespace

void writeFileAtomically(const fs::path& target, std::span<const std::uint8_t> bytes) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict for "." + std::string.
    std::string name = ".";
    name += target.filename().string();
    name += ".tmp-";
    name += randomSuffix();
    const fs::path tmp = dir / name;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail(target, "create temporary file", errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            fail(target, "write", err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        fail(target, "fsync", err);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(target, "rename", err);
    }
    // Make the rename itself durable.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void writeFileAtomically(const fs::path& target, std::string_view text) {
    writeFileAtomically(
        target, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                              text.size()));
}

}  // namespace gradphoto
