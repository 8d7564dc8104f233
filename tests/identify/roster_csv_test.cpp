#include "gradphoto/identify/roster_csv.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <chrono>
#include <fstream>

#include "gradphoto/common/error.h"
#include "gradphoto/identify/id_number.h"
#include "gradphoto/identify/roster_student_resolver.h"
#include "gradphoto/identify/scanned_code.h"
#include "test_support.h"

namespace gradphoto::identify {
namespace {

// A valid ID number for sequence number n (birth date 2001-01-01, region 440106).
std::string validId(int n) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "44010620010101%03d", n % 1000);
    return std::string(first17) + idNumberCheckCharacter(first17);
}

std::string toGbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* src = const_cast<char*>(utf8.data());
    std::size_t srcLeft = utf8.size(), dstLeft = out.size();
    char* dst = out.data();
    iconv(cd, &src, &srcLeft, &dst, &dstLeft);
    iconv_close(cd);
    out.resize(out.size() - dstLeft);
    return out;
}

const std::string kHeader = "学号,姓名,身份证号,院系,专业,层次,采集码\r\n";

TEST(RosterCsv, ReadsUtf8WithChineseHeaders) {
    const std::string text = kHeader + "2020001,张三," + validId(1) +
                             ",计算机学院,软件工程,本科,CODE-ONE\r\n2020002,李四," + validId(2) +
                             ",外国语学院,英语,硕士,\r\n";
    const auto parse = parseRosterCsvText(text, "t.csv");
    EXPECT_EQ(parse.encoding, "UTF-8");
    ASSERT_EQ(parse.rows.size(), 2u);
    EXPECT_TRUE(parse.refused.empty());
    EXPECT_EQ(parse.rows[0].student.name, "张三");
    EXPECT_EQ(parse.rows[0].student.department, "计算机学院");
    EXPECT_EQ(parse.rows[0].collectionCodeSha256, payloadSha256Hex("CODE-ONE"));
    EXPECT_EQ(parse.rows[1].line, 3);
    EXPECT_EQ(parse.rowsWithoutCode, 1);
}

TEST(RosterCsv, ReadsGbkAndBomAndEnglishHeaders) {
    const std::string body = "2020001,张三," + validId(1) + ",计算机学院,软件工程,本科,x\n";
    const auto gbk = parseRosterCsvText(toGbk(kHeader + body), "gbk.csv");
    EXPECT_EQ(gbk.encoding, "GB18030");
    ASSERT_EQ(gbk.rows.size(), 1u);
    EXPECT_EQ(gbk.rows[0].student.name, "张三");
    EXPECT_EQ(gbk.rows[0].student.major, "软件工程");

    const auto bom = parseRosterCsvText("\xEF\xBB\xBF" + kHeader + body, "bom.csv");
    EXPECT_TRUE(bom.hadBom);
    ASSERT_EQ(bom.rows.size(), 1u);
    EXPECT_EQ(bom.rows[0].student.studentNo, "2020001");

    const auto english = parseRosterCsvText(
        "Student_No,Name,ID_Number,Department,Major,Level,Collection_Code\n" + body, "en.csv");
    ASSERT_EQ(english.rows.size(), 1u);
    EXPECT_EQ(english.rows[0].student.level, "本科");
}

TEST(RosterCsv, HandlesExcelQuoting) {
    const std::string text = kHeader + "\"2020001\",\"张,三\",\"" + validId(1) +
                             "\",\"计算机\"\"学院\"\"\",\"软件\n工程\",本科,\"\"\n2020002,李四," +
                             validId(2) + ",a,b,c,d\n";
    const auto parse = parseRosterCsvText(text, "q.csv");
    ASSERT_EQ(parse.rows.size(), 2u);
    EXPECT_EQ(parse.rows[0].student.name, "张,三");
    EXPECT_EQ(parse.rows[0].student.department, "计算机\"学院\"");
    EXPECT_EQ(parse.rows[0].student.major, "软件\n工程");
    EXPECT_EQ(parse.rows[1].line, 4);  // the quoted line break counts
}

TEST(RosterCsv, RefusesBadRowsWithReasons) {
    const std::string text = kHeader + "2020001,张三," + validId(1) + ",a,b,c,code1\n" +  // taken
                             "2020001,张三," + validId(3) + ",a,b,c,code2\n" +  // dup 学号
                             "2020004,王五,440106200101010011,a,b,c,code4\n" +  // bad check digit
                             "2020005,," + validId(5) + ",a,b,c,code5\n" +      // no name
                             "2020006,赵六," + validId(6) + ",a,b\n" +          // field count
                             "2020007,钱七," + validId(7) + ",a,b,c,code1\n" +  // dup code
                             "\n" +                                             // blank: skipped
                             "2020008,孙八," + validId(8) + ",a,b,c,\"open\n";  // bad quoting
    const auto parse = parseRosterCsvText(text, "bad.csv");
    ASSERT_EQ(parse.rows.size(), 1u);
    ASSERT_EQ(parse.refused.size(), 6u);
    EXPECT_EQ(parse.refused[0].reason, RosterRefusal::kDuplicateStudentNo);
    EXPECT_EQ(parse.refused[0].line, 3);
    EXPECT_EQ(parse.refused[1].reason, RosterRefusal::kBadIdNumber);
    EXPECT_EQ(parse.refused[2].reason, RosterRefusal::kMissingField);
    EXPECT_EQ(parse.refused[3].reason, RosterRefusal::kFieldCount);
    EXPECT_EQ(parse.refused[4].reason, RosterRefusal::kDuplicateCollectionCode);
    EXPECT_EQ(parse.refused[5].reason, RosterRefusal::kBadQuoting);
    for (const auto& r : parse.refused) {
        EXPECT_FALSE(r.message_zh.empty());
        // Reasons never repeat the ID number.
        EXPECT_EQ(r.message_en.find("440106"), std::string::npos) << r.message_en;
    }
}

TEST(RosterCsv, RefusesFilesWithoutTheRequiredHeader) {
    EXPECT_THROW(parseRosterCsvText("学号,姓名\n1,张三\n", "h.csv"), Error);
    EXPECT_THROW(parseRosterCsvText("", "e.csv"), Error);
    EXPECT_THROW(parseRosterCsvText("\xFF\xFE"
                                    "a\0b",
                                    "u16.csv"),
                 Error);
    EXPECT_THROW(parseRosterCsv("/nonexistent/roster.csv"), Error);
}

TEST(RosterCsv, ReadsTwentyThousandRowsQuickly) {
    std::string text = kHeader;
    for (int i = 0; i < 20000; ++i) {
        text += std::to_string(2020000 + i) + ",学生" + std::to_string(i) + "," + validId(i) +
                ",计算机学院,软件工程,本科," + "payload-" + std::to_string(i) + "\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const auto parse = parseRosterCsvText(toGbk(text), "big.csv");
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_EQ(parse.rows.size(), 20000u);
    EXPECT_TRUE(parse.refused.empty());
    EXPECT_LT(ms, 5000);

    InMemoryRoster roster(parse.rows);
    RosterStudentResolver resolver(std::make_shared<InMemoryRoster>(parse.rows));
    const auto found = resolver.resolve({"payload-12345", CodeFormat::kQrCode});
    ASSERT_EQ(found.status, ResolveStatus::kFound);
    EXPECT_EQ(found.student->studentNo, "2032345");
    EXPECT_EQ(resolver.resolve({"payload-x", CodeFormat::kQrCode}).status,
              ResolveStatus::kNotFound);
}

TEST(RosterCsv, AcceptsTheCodeAsItsSha256) {
    const std::string hash = payloadSha256Hex("SECRET-PAYLOAD");
    std::string upper = hash;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto parse =
        parseRosterCsvText(kHeader + "2020001,张三," + validId(1) + ",a,b,c," + upper + "\n", "h");
    ASSERT_EQ(parse.rows.size(), 1u);
    EXPECT_EQ(parse.rows[0].collectionCodeSha256, hash);
    RosterStudentResolver resolver(std::make_shared<InMemoryRoster>(parse.rows));
    EXPECT_EQ(resolver.resolve({"SECRET-PAYLOAD", CodeFormat::kQrCode}).status,
              ResolveStatus::kFound);
}

TEST(RosterCsv, RosterCheckCommandReports) {
    test::ScratchDir dir;
    std::ofstream(dir / "ok.csv") << kHeader << "2020001,张三," << validId(1) << ",a,b,c,d\n";
    auto r = test::runCli({"roster", "check", (dir / "ok.csv").string()});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("rows taken: 1"), std::string::npos) << r.out;

    std::ofstream(dir / "bad.csv") << kHeader << "2020001,张三," << validId(1) << ",a,b,c,d\n"
                                   << "2020001,李四," << validId(2) << ",a,b,c,e\n";
    r = test::runCli({"roster", "check", (dir / "bad.csv").string(), "--json"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.out.find("duplicate_student_no"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("李四"), std::string::npos);

    r = test::runCli({"roster", "check", (dir / "missing.csv").string()});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err.rfind("gradphoto: ", 0), 0u);
    EXPECT_EQ(test::runCli({"roster", "check"}).exitCode, 2);
}

}  // namespace
}  // namespace gradphoto::identify
