#include "gradphoto/imaging/jpeg_codec.h"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
// clang-format off
#include <jpeglib.h>
// clang-format on

#include <array>
#include <climits>
#include <mutex>

#include "gradphoto/common/error.h"

namespace gradphoto {

namespace {

// libjpeg reports errors through a callback; we jump back instead of exiting the process.
struct ErrorJump {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
};

void onJpegError(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorJump*>(cinfo->err);
    std::longjmp(err->jump, 1);
}

void silence(j_common_ptr, int) {}

using QuantTable = std::array<unsigned, 64>;

// The luminance quantisation table libjpeg makes for each IJG quality 1..100, computed with
// libjpeg itself (so no table is copied into our code).
const std::array<QuantTable, 101>& referenceTables() {
    static std::array<QuantTable, 101> tables{};
    static std::once_flag once;
    std::call_once(once, [] {
        jpeg_compress_struct c{};
        jpeg_error_mgr err{};
        c.err = jpeg_std_error(&err);
        jpeg_create_compress(&c);
        c.in_color_space = JCS_RGB;
        c.input_components = 3;
        jpeg_set_defaults(&c);
        for (int q = 1; q <= 100; ++q) {
            jpeg_set_quality(&c, q, TRUE);
            for (int i = 0; i < 64; ++i) tables[q][i] = c.quant_tbl_ptrs[0]->quantval[i];
        }
        jpeg_destroy_compress(&c);
    });
    return tables;
}

int estimateQuality(const JQUANT_TBL* table) {
    if (!table) return 0;
    const auto& refs = referenceTables();
    int best = 0;
    long bestError = LONG_MAX;
    for (int q = 1; q <= 100; ++q) {
        long error = 0;
        for (int i = 0; i < 64; ++i) {
            error +=
                std::labs(static_cast<long>(table->quantval[i]) - static_cast<long>(refs[q][i]));
        }
        if (error <= bestError) {  // ties go to the higher quality
            bestError = error;
            best = q;
        }
    }
    return best;
}

}  // namespace

int JpegInfo::dpi() const {
    if (densityUnit == 1) return xDensity;
    if (densityUnit == 2) return static_cast<int>(xDensity * 2.54 + 0.5);
    return 0;
}

std::optional<JpegInfo> readJpegInfo(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 4) return std::nullopt;
    jpeg_decompress_struct d{};
    ErrorJump err{};
    d.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = onJpegError;
    err.mgr.emit_message = silence;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&d);
        return std::nullopt;
    }
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, bytes.data(), static_cast<unsigned long>(bytes.size()));
    if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK) {
        jpeg_destroy_decompress(&d);
        return std::nullopt;
    }
    JpegInfo info;
    info.width = static_cast<int>(d.image_width);
    info.height = static_cast<int>(d.image_height);
    info.components = d.num_components;
    info.progressive = d.progressive_mode != 0;
    if (d.saw_JFIF_marker) {
        info.densityUnit = d.density_unit;
        info.xDensity = d.X_density;
        info.yDensity = d.Y_density;
    }
    info.estimatedQuality = estimateQuality(d.quant_tbl_ptrs[0]);
    jpeg_destroy_decompress(&d);
    return info;
}

std::vector<std::uint8_t> encodeJpeg(const cv::Mat& bgr, int quality, int dpi) {
    CV_Assert(bgr.type() == CV_8UC3);
    jpeg_compress_struct c{};
    ErrorJump err{};
    c.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = onJpegError;
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&c);
        std::free(buffer);
        throw Error(Error::Kind::kInternal,
                    {"encode_failed", "照片编码失败", "JPEG encoding failed"});
    }
    jpeg_create_compress(&c);
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = static_cast<JDIMENSION>(bgr.cols);
    c.image_height = static_cast<JDIMENSION>(bgr.rows);
    c.input_components = 3;
    c.in_color_space = JCS_EXT_BGR;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, quality, TRUE);
    c.optimize_coding = TRUE;  // still baseline: only the Huffman tables are optimised
    c.write_JFIF_header = TRUE;
    c.density_unit = 1;  // dots per inch
    c.X_density = static_cast<UINT16>(dpi);
    c.Y_density = static_cast<UINT16>(dpi);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(bgr.ptr<uchar>(static_cast<int>(c.next_scanline)));
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    std::vector<std::uint8_t> out(buffer, buffer + size);
    jpeg_destroy_compress(&c);
    std::free(buffer);
    return out;
}

std::optional<SizedJpeg> encodeJpegWithinBytes(const cv::Mat& bgr, int dpi, int minQuality,
                                               long minBytes, long maxBytes) {
    // File size grows with quality: find the highest quality whose file is not too large.
    int lo = std::max(1, minQuality), hi = 100;
    std::optional<SizedJpeg> best;
    while (lo <= hi) {
        const int q = (lo + hi) / 2;
        auto bytes = encodeJpeg(bgr, q, dpi);
        if (static_cast<long>(bytes.size()) <= maxBytes) {
            best = SizedJpeg{std::move(bytes), q};
            lo = q + 1;
        } else {
            hi = q - 1;
        }
    }
    if (!best || static_cast<long>(best->bytes.size()) < minBytes) return std::nullopt;
    return best;
}

}  // namespace gradphoto
