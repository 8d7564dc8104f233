#pragma once

// Reads a ZIP back with libzip: every entry's name and bytes, or nullopt when libzip cannot open
// it (a partial or damaged archive).

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradphoto::test {

inline std::optional<std::map<std::string, std::vector<std::uint8_t>>> readZip(
    const std::filesystem::path& file) {
    int err = 0;
    zip_t* za = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (za == nullptr) return std::nullopt;
    std::map<std::string, std::vector<std::uint8_t>> entries;
    const zip_int64_t n = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0) {
            zip_discard(za);
            return std::nullopt;
        }
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        if (f == nullptr) {
            zip_discard(za);
            return std::nullopt;
        }
        std::vector<std::uint8_t> bytes(st.size);
        const zip_int64_t got = zip_fread(f, bytes.data(), st.size);
        zip_fclose(f);
        if (got != static_cast<zip_int64_t>(st.size)) {
            zip_discard(za);
            return std::nullopt;
        }
        entries[st.name] = std::move(bytes);
    }
    zip_discard(za);
    return entries;
}

}  // namespace gradphoto::test
