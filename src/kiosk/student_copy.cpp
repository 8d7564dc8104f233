#include "student_copy.h"

#include <unistd.h>

#include <system_error>

#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/error.h"
#include "gradphoto/layout/layout_sheet.h"

namespace gradphoto::kiosk {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const std::string& code, const std::string& zh, const std::string& en) {
    throw Error(Error::Kind::kIo, Problem{code, zh, en});
}

fs::path fromUtf8(const std::string& text) {
    return fs::path(std::u8string(text.begin(), text.end()));
}
}  // namespace

std::vector<StudentCopyFile> studentCopyFiles(const std::string& studentNo,
                                              std::span<const std::uint8_t> finalJpeg,
                                              const std::string& paper,
                                              const layout::LayoutSettings& settings) {
    const auto sheet = layout::makeLayoutSheet(finalJpeg, {.paper = paper}, settings);
    const std::string paperName = paper.empty() ? settings.defaultPaper : paper;
    return {
        {studentNo + "-标准照.jpg", std::vector<std::uint8_t>(finalJpeg.begin(), finalJpeg.end())},
        {studentNo + "-排版照-" + paperName + ".jpg", sheet.jpeg},
    };
}

fs::path studentCopyFolder(const fs::path& root, const std::string& studentNo) {
    return root / fromUtf8("毕业照-" + studentNo);
}

fs::path writeStudentCopy(const fs::path& root, const std::string& studentNo,
                          const std::vector<StudentCopyFile>& files) {
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec))
        fail("student_copy_no_root", "未找到U盘，请插入U盘后重试。",
             "No USB stick found. Insert a USB stick and try again.");
    if (::access(root.c_str(), W_OK) != 0)
        fail("student_copy_read_only", "U盘为只读，无法写入。请关闭U盘的写保护或换一个U盘。",
             "The USB stick is read-only. Switch off its write protection or use another stick.");
    std::uintmax_t needed = 64 * 1024;  // the folder entry and the temporary files' slack
    for (const auto& file : files) needed += file.bytes.size();
    if (const auto space = fs::space(root, ec); !ec && space.available < needed)
        fail("student_copy_full", "U盘空间不足，请清理后重试或换一个U盘。",
             "The USB stick is full. Free some space or use another stick.");

    const fs::path folder = studentCopyFolder(root, studentNo);
    try {
        fs::create_directories(folder);
        for (const auto& file : files)
            writeFileAtomically(folder / fromUtf8(file.name), file.bytes);
    } catch (const std::exception& e) {
        fail("student_copy_write", "写入U盘失败，请重新插入U盘后重试。",
             "Writing to the USB stick failed (" + std::string(e.what()) +
                 "). Re-insert the stick and try again.");
    }
    return folder;
}

}  // namespace gradphoto::kiosk
