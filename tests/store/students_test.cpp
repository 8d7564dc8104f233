#include <gtest/gtest.h>

#include "gradphoto/store/masking.h"
#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {

TEST_F(StoreTest, ImportIsAllOrNothing) {
    std::vector<Student> rows{student("2021001"), student("2021002"), student("")};
    try {
        store->students().importAll(rows);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kInput);
        EXPECT_NE(std::string(e.what()).find("row 3"), std::string::npos);
        // Never the name or the ID number in a message.
        EXPECT_EQ(std::string(e.what()).find("张三丰"), std::string::npos);
        EXPECT_EQ(std::string(e.what()).find("11010519491231002X"), std::string::npos);
    }
    EXPECT_FALSE(store->students().find("2021001"));
    rows = {student("2021001"), student("2021001")};
    EXPECT_THROW(store->students().importAll(rows), Error);
    EXPECT_FALSE(store->students().find("2021001"));
}

TEST_F(StoreTest, ReimportUpdatesDetailsAndKeepsStatus) {
    submitNew("2020001", "a");
    auto changed = student("2020001", "张三");
    changed.major = "人工智能";
    const auto result = store->students().importAll({changed, student("2021009")});
    EXPECT_EQ(result.inserted, 1);
    EXPECT_EQ(result.updated, 1);
    const auto s = store->students().find("2020001");
    EXPECT_EQ(s->name, "张三");
    EXPECT_EQ(s->major, "人工智能");
    EXPECT_EQ(s->status, "submitted");
    EXPECT_EQ(store->students().count(), 4);
}

TEST_F(StoreTest, CollectionCodeHashIsComputedAndSearchable) {
    const auto s = store->students().find("2020002");
    EXPECT_EQ(s->collectionCodeSha256, sha256Hex(std::string_view("payload-2020002")));
    EXPECT_EQ(store->students().findByCollectionCodeSha256(s->collectionCodeSha256)->studentNo,
              "2020002");
    Student hashOnly = student("2021005");
    hashOnly.collectionCode.clear();
    hashOnly.collectionCodeSha256 = std::string(64, 'A');
    store->students().upsert(hashOnly);
    EXPECT_EQ(store->students().findByCollectionCodeSha256(std::string(64, 'a'))->studentNo,
              "2021005");
    hashOnly.collectionCodeSha256 = "abc";
    EXPECT_THROW(store->students().upsert(hashOnly), Error);
    EXPECT_FALSE(store->students().findByCollectionCodeSha256(""));
}

TEST_F(StoreTest, ListPagesByStudentNumber) {
    StudentQuery q;
    q.limit = 2;
    const auto page = store->students().list(q);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].studentNo, "2020001");
    q.status = "registered";
    q.limit = 10;
    EXPECT_EQ(store->students().list(q).size(), 3u);
}

TEST(StoreMasking, NamesAndIdNumbers) {
    EXPECT_EQ(maskName("张三丰"), "张*丰");
    EXPECT_EQ(maskName("欧阳娜娜"), "欧**娜");
    EXPECT_EQ(maskName("李四"), "李*");
    EXPECT_EQ(maskName("王"), "*");
    EXPECT_EQ(maskName(""), "");
    EXPECT_EQ(maskIdNumber("44010619900101123X"), "4401**********123X");
}

}  // namespace
}  // namespace gradphoto::store::testing
