#pragma once

// Writes a ZIP with libzip: the files listed, under the names given (UTF-8 flagged, so Chinese
// names survive), JPEGs stored as they are (already compressed), other files deflated. Written to
// TARGET.part (libzip itself writes a temporary file and renames it on close), flushed, then
// renamed to TARGET: a ZIP under its final name is always complete.

#include <filesystem>
#include <string>
#include <vector>

namespace gradphoto::exports {

struct ZipEntry {
    std::string name;  // the name inside the archive
    std::filesystem::path source;
};

// Throws Error(kIo) naming the target when it cannot be written; no .part is left behind then.
void writeZipPackage(const std::filesystem::path& target, const std::vector<ZipEntry>& entries);

// Removes what an interrupted writeZipPackage(target) may have left: TARGET.part and libzip's
// temporary files TARGET.part.XXXXXX.
void removeZipLeftovers(const std::filesystem::path& target);

}  // namespace gradphoto::exports
