#pragma once

// The student's copy of an approved photo (下载, issue 8), without widgets: which files go on the
// USB stick and where. The 标准照 is the final JPEG exactly as stored; the 排版照 is a layout sheet
// (layout core) on the booth's paper.
//
//   auto files = studentCopyFiles("2020010001", finalJpeg, "6in", LayoutSettings::load());
//   auto folder = writeStudentCopy("/media/kiosk/STICK", "2020010001", files);  // throws Error
//
// Errors (gradphoto::Error, kIo): student_copy_no_root (the stick is gone), student_copy_read_only,
// student_copy_full, student_copy_write (any other failure); layout errors pass through.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "gradphoto/layout/layout_settings.h"

namespace gradphoto::kiosk {

struct StudentCopyFile {
    std::string name;  // UTF-8, e.g. 2020010001-标准照.jpg
    std::vector<std::uint8_t> bytes;
};

// 学号-标准照.jpg (the stored bytes) and 学号-排版照-PAPER.jpg (the sheet, as many copies as fit).
std::vector<StudentCopyFile> studentCopyFiles(const std::string& studentNo,
                                              std::span<const std::uint8_t> finalJpeg,
                                              const std::string& paper,
                                              const layout::LayoutSettings& settings);

// The folder on the stick: ROOT/毕业照-学号.
std::filesystem::path studentCopyFolder(const std::filesystem::path& root,
                                        const std::string& studentNo);

// Writes the files into studentCopyFolder(root, studentNo), each atomically (a temporary file
// renamed over the target, so a pulled stick never leaves half a photo under the real name).
// Checks first that the root exists, is writable and has room for all files.
std::filesystem::path writeStudentCopy(const std::filesystem::path& root,
                                       const std::string& studentNo,
                                       const std::vector<StudentCopyFile>& files);

}  // namespace gradphoto::kiosk
