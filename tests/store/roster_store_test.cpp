#include <gtest/gtest.h>

#include "gradphoto/store/roster_store.h"
#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {

identify::RosterRow row(const std::string& no, const std::string& codeHash) {
    identify::RosterRow r;
    r.student = {no, "王小明", "11010519491231002X", "物理学院", "物理学", "本科"};
    r.collectionCodeSha256 = codeHash;
    return r;
}

TEST_F(StoreTest, ParsedRosterRowsImportAndResolve) {
    const std::string code = sha256Hex(std::string_view("opaque-payload"));
    const auto result =
        store->students().importAll(studentsFromRoster({row("2022001", code), row("2022002", "")}));
    EXPECT_EQ(result.inserted, 2);
    const StoredRosterLookup lookup(*store);
    const auto found = lookup.findByCollectionCodeSha256(code);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->studentNo, "2022001");
    EXPECT_EQ(found->idNumber, "11010519491231002X");
    EXPECT_FALSE(lookup.findByCollectionCodeSha256(""));
    EXPECT_FALSE(lookup.findByCollectionCodeSha256(std::string(64, '0')));
}

TEST_F(StoreTest, WrongSuffixTriesSurviveARestart) {
    {
        StoredAttemptCounter attempts(*store, "kiosk", time.clock());
        EXPECT_EQ(attempts.failures("2020001"), 0);
        EXPECT_EQ(attempts.addFailure("2020001"), 1);
        EXPECT_EQ(attempts.addFailure("2020001"), 2);
    }
    store.reset();
    store = SqliteRecordStore::open(dir.path() / "data");
    StoredAttemptCounter attempts(*store, "S001", time.clock());
    EXPECT_EQ(attempts.failures("2020001"), 2);
    attempts.clear("2020001");
    EXPECT_EQ(attempts.failures("2020001"), 0);
    const auto log = store->audit().forSubject("student:2020001");
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[2].action, "identify.attempts_cleared");
    EXPECT_EQ(log[2].actor, "S001");
    // An unknown student cannot collect tries (foreign key).
    EXPECT_THROW(attempts.addFailure("0000000"), Error);
}

}  // namespace
}  // namespace gradphoto::store::testing
