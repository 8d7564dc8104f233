// The manifest as Excel and the upload tools read it: UTF-8 with a BOM, RFC 4180 quoting, CRLF;
// GBK on request; JSON.

#include "gradphoto/export/manifest.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include "csv_reader.h"
#include "gradphoto/common/error.h"

namespace gradphoto::exports {
namespace {

std::vector<ManifestRow> sampleRows() {
    ManifestRow a;
    a.studentNo = "2020001";
    a.name = "张三";
    a.idNumber = "11010519491231002X";
    a.department = "计算机学院, 软件系";  // a comma
    a.examNo = "26110101150001";
    a.fileName = "11010519491231002X.jpg";
    a.sha256 = std::string(64, 'a');
    a.bytes = 31234;
    a.approvedBy = "S001";
    a.approvedAt = 1780000000;
    a.collectionCode = "CHSI,\"X\"\n2026";  // comma, quotes and a line break
    ManifestRow b = a;
    b.studentNo = "2020002";
    b.name = "欧阳娜娜";
    b.department = "外国语学院";
    b.examNo = "";
    b.collectionCode = "";
    b.approvedAt = 0;
    return {a, b};
}

std::string fromGbk(const std::string& gbk) {
    iconv_t cd = iconv_open("UTF-8", "GBK");
    std::string out(gbk.size() * 3 + 8, '\0');
    char* in = const_cast<char*>(gbk.data());
    std::size_t inLeft = gbk.size();
    char* dst = out.data();
    std::size_t dstLeft = out.size();
    const std::size_t rc = iconv(cd, &in, &inLeft, &dst, &dstLeft);
    iconv_close(cd);
    EXPECT_NE(rc, static_cast<std::size_t>(-1));
    out.resize(out.size() - dstLeft);
    return out;
}

void expectRowsRoundTrip(const std::vector<std::vector<std::string>>& table) {
    const auto rows = sampleRows();
    ASSERT_EQ(table.size(), rows.size() + 1);
    EXPECT_EQ(table[0], manifestColumns());
    EXPECT_EQ(table[1][0], "2020001");
    EXPECT_EQ(table[1][1], "张三");
    EXPECT_EQ(table[1][2], "11010519491231002X");
    EXPECT_EQ(table[1][3], "计算机学院, 软件系");
    EXPECT_EQ(table[1][4], "26110101150001");
    EXPECT_EQ(table[1][5], "11010519491231002X.jpg");
    EXPECT_EQ(table[1][6], std::string(64, 'a'));
    EXPECT_EQ(table[1][7], "31234");
    EXPECT_EQ(table[1][8], "S001");
    EXPECT_EQ(table[1][9], "2026-05-28T20:26:40Z");
    EXPECT_EQ(table[1][10], "CHSI,\"X\"\n2026");
    EXPECT_EQ(table[2][1], "欧阳娜娜");
    EXPECT_EQ(table[2][4], "");
    EXPECT_EQ(table[2][9], "");
    EXPECT_EQ(table[2][10], "");
}

TEST(Manifest, Utf8CsvHasBomCrlfAndQuotesWhatNeedsIt) {
    const std::string csv = manifestCsv(sampleRows(), ManifestEncoding::kUtf8);
    ASSERT_GE(csv.size(), 3u);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(csv.substr(3, 7), "学号,");
    EXPECT_NE(csv.find("\"计算机学院, 软件系\""), std::string::npos);
    EXPECT_NE(csv.find("\"CHSI,\"\"X\"\"\n2026\""), std::string::npos);
    EXPECT_NE(csv.find(",S001,"), std::string::npos) << "plain fields stay unquoted";
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
    const auto reading = test::readExcelCsv(csv);
    EXPECT_EQ(reading.encoding, "UTF-8");
    expectRowsRoundTrip(reading.rows);
}

TEST(Manifest, GbkCsvRoundTrips) {
    const std::string csv = manifestCsv(sampleRows(), ManifestEncoding::kGbk);
    EXPECT_NE(csv.substr(0, 3), "\xEF\xBB\xBF") << "no BOM in GBK";
    EXPECT_EQ(csv.substr(0, 4), "\xD1\xA7\xBA\xC5") << "学号 in GBK";
    const auto reading = test::readExcelCsv(fromGbk(csv));
    expectRowsRoundTrip(reading.rows);
}

TEST(Manifest, GbkRefusesWhatItCannotHoldNamingTheStudentNumber) {
    auto rows = sampleRows();
    rows[1].name = "王\xF0\x9F\x98\x80";  // an emoji: not in GBK
    try {
        manifestCsv(rows, ManifestEncoding::kGbk);
        FAIL() << "converted an emoji to GBK";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kInput);
        EXPECT_NE(e.problem().message_en.find("2020002"), std::string::npos) << e.what();
        EXPECT_EQ(e.problem().message_en.find("王"), std::string::npos) << "never the name";
    }
    EXPECT_NO_THROW(manifestCsv(rows, ManifestEncoding::kUtf8));
}

TEST(Manifest, EncodingNames) {
    EXPECT_EQ(parseManifestEncoding("utf8"), ManifestEncoding::kUtf8);
    EXPECT_EQ(parseManifestEncoding("UTF-8"), ManifestEncoding::kUtf8);
    EXPECT_EQ(parseManifestEncoding("GBK"), ManifestEncoding::kGbk);
    EXPECT_THROW(parseManifestEncoding("latin1"), Error);
}

TEST(Manifest, JsonHasEveryField) {
    const auto json = manifestJson("june", sampleRows());
    EXPECT_EQ(json["batch"], "june");
    ASSERT_EQ(json["rows"].size(), 2u);
    const auto& r = json["rows"][0];
    EXPECT_EQ(r["student_no"], "2020001");
    EXPECT_EQ(r["name"], "张三");
    EXPECT_EQ(r["id_number"], "11010519491231002X");
    EXPECT_EQ(r["department"], "计算机学院, 软件系");
    EXPECT_EQ(r["exam_no"], "26110101150001");
    EXPECT_EQ(r["file"], "11010519491231002X.jpg");
    EXPECT_EQ(r["sha256"], std::string(64, 'a'));
    EXPECT_EQ(r["bytes"], 31234);
    EXPECT_EQ(r["approved_by"], "S001");
    EXPECT_EQ(r["approved_at"], "2026-05-28T20:26:40Z");
    EXPECT_EQ(r["collection_code"], "CHSI,\"X\"\n2026");
    EXPECT_TRUE(json["rows"][1]["approved_at"].is_null());
}

}  // namespace
}  // namespace gradphoto::exports
