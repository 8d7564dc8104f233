// The export's file names: the fields, ID numbers with an upper-case X, unsafe characters,
// missing fields and collisions.

#include "gradphoto/export/file_name_pattern.h"

#include <gtest/gtest.h>

#include "export_fixture.h"
#include "gradphoto/common/error.h"

namespace gradphoto::exports {
namespace {

using testing::student;

TEST(FileNamePattern, DefaultIsTheIdNumberWithUpperCaseX) {
    const FileNamePattern pattern;
    EXPECT_EQ(pattern.text(), "{身份证号}.jpg");
    auto s = student("2020001", "张三", " 11010519491231002x ");
    EXPECT_EQ(pattern.render(s).fileName, "11010519491231002X.jpg");
}

TEST(FileNamePattern, StudentNumberExamNumberAndName) {
    const auto s = student("2020001", "欧阳娜娜", "110105199003071239", "26110101150001");
    EXPECT_EQ(FileNamePattern("{学号}.jpg").render(s).fileName, "2020001.jpg");
    EXPECT_EQ(FileNamePattern("{考生号}.jpg").render(s).fileName, "26110101150001.jpg");
    EXPECT_EQ(FileNamePattern("{姓名}_{学号}.jpg").render(s).fileName, "欧阳娜娜_2020001.jpg");
    EXPECT_EQ(FileNamePattern("{student_no}-{exam_no}.jpg").render(s).fileName,
              "2020001-26110101150001.jpg");
    EXPECT_EQ(FileNamePattern("{id_number}").render(s).fileName, "110105199003071239");
}

TEST(FileNamePattern, UnsafeCharactersAreReplaced) {
    auto s = student("2020/001", "A:B*C?\"D<E>F|G\\H", "110105199003071239");
    EXPECT_EQ(FileNamePattern("{学号}.jpg").render(s).fileName, "2020_001.jpg");
    EXPECT_EQ(FileNamePattern("{姓名}.jpg").render(s).fileName, "A_B_C__D_E_F_G_H.jpg");
    s.studentNo = "..";
    EXPECT_EQ(FileNamePattern("{学号}").render(s).fileName, "__");
    s.studentNo = "a\tb\x01";
    EXPECT_EQ(FileNamePattern("{学号}.jpg").render(s).fileName, "a_b_.jpg");
}

TEST(FileNamePattern, MissingFieldGivesNoName) {
    const auto s = student("2020001", "张三", "110105199003071239");  // no exam number
    const auto rendered = FileNamePattern("{考生号}.jpg").render(s);
    EXPECT_TRUE(rendered.fileName.empty());
    EXPECT_EQ(rendered.missingField, "考生号");
    auto noId = student("2020002", "李四", "");
    EXPECT_EQ(FileNamePattern().render(noId).missingField, "身份证号");
}

TEST(FileNamePattern, BadPatternsAreUsageErrors) {
    for (const std::string bad : {"{生日}.jpg", "{学号.jpg", "学号}.jpg", "photo.jpg",
                                  "dir/{学号}.jpg", "..\\{学号}.jpg"}) {
        try {
            FileNamePattern pattern(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), Error::Kind::kUsage) << bad;
            EXPECT_NE(e.problem().message_en.find(bad), std::string::npos) << e.what();
        }
    }
}

TEST(FileNamePattern, CollisionsGetNumberedBeforeTheExtension) {
    std::set<std::string> taken;
    EXPECT_EQ(uniqueFileName("张三.jpg", taken), "张三.jpg");
    taken.insert(lowerAscii("张三.jpg"));
    EXPECT_EQ(uniqueFileName("张三.jpg", taken), "张三_2.jpg");
    taken.insert(lowerAscii("张三_2.jpg"));
    EXPECT_EQ(uniqueFileName("张三.jpg", taken), "张三_3.jpg");
    // Case-insensitive, as on Windows: 11010519491231002x.jpg is taken by ...X.JPG.
    taken.insert(lowerAscii("11010519491231002X.JPG"));
    EXPECT_EQ(uniqueFileName("11010519491231002x.jpg", taken), "11010519491231002x_2.jpg");
    taken.insert("noext");
    EXPECT_EQ(uniqueFileName("noext", taken), "noext_2");
}

}  // namespace
}  // namespace gradphoto::exports
