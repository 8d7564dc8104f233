// The 考生号 (exam_no) column of the roster reaches the store and the export's {考生号} names.

#include <gtest/gtest.h>

#include "export_fixture.h"
#include "gradphoto/identify/roster_csv.h"
#include "gradphoto/store/roster_store.h"

namespace gradphoto::exports {
namespace {

using testing::ExportTest;

TEST_F(ExportTest, RosterExamNumberIsStoredAndNamesTheFile) {
    const std::string csv =
        "学号,姓名,身份证号,院系,考生号\r\n"
        "2020001,张三,11010519491231002X,计算机学院,26110101150001\r\n"
        "2020002,李四,110105199003071239,外国语学院,\r\n";
    const auto parsed = identify::parseRosterCsvText(csv, "roster.csv");
    ASSERT_EQ(parsed.rows.size(), 2u);
    EXPECT_EQ(parsed.rows[0].examNo, "26110101150001");
    EXPECT_EQ(parsed.rows[1].examNo, "");
    store->students().importAll(store::studentsFromRoster(parsed.rows));
    const auto zhang = store->students().find("2020001");
    ASSERT_TRUE(zhang);
    EXPECT_EQ(zhang->examNo, "26110101150001");
    EXPECT_EQ(FileNamePattern("{考生号}.jpg").render(*zhang).fileName, "26110101150001.jpg");

    // English header; an update replaces the exam number and keeps the status.
    const auto english = identify::parseRosterCsvText(
        "student_no,name,id_number,exam_no\n2020001,张三,11010519491231002X,26110101159999\n",
        "roster.csv");
    store->students().importAll(store::studentsFromRoster(english.rows));
    EXPECT_EQ(store->students().find("2020001")->examNo, "26110101159999");
    EXPECT_EQ(store->students().list({})[1].examNo, "");
}

}  // namespace
}  // namespace gradphoto::exports
