#include <gtest/gtest.h>

#include <fstream>

#include "gradphoto/store/schema.h"
#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {
namespace fs = std::filesystem;
using gradphoto::test::ScratchDir;

std::string errorCode(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.problem().code;
    }
    return "no error";
}

TEST(StoreDatabase, TransactionsCommitRollBackAndNest) {
    ScratchDir dir;
    auto db = Database::open(dir / "t.db");
    db.exec("CREATE TABLE t (v INTEGER)");
    {
        Transaction tx(db);
        db.prepare("INSERT INTO t VALUES (1)").run();
    }  // rolled back
    {
        Transaction outer(db);
        db.prepare("INSERT INTO t VALUES (2)").run();
        {
            Transaction inner(db);
            db.prepare("INSERT INTO t VALUES (3)").run();
        }  // savepoint rolled back, outer goes on
        db.prepare("INSERT INTO t VALUES (4)").run();
        outer.commit();
    }
    auto s = db.prepare("SELECT group_concat(v) FROM t ORDER BY v");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "2,4");
    EXPECT_FALSE(db.inTransaction());
}

TEST(StoreDatabase, SettingsAreOn) {
    ScratchDir dir;
    auto db = Database::open(dir / "t.db");
    auto fk = db.prepare("PRAGMA foreign_keys");
    fk.step();
    EXPECT_EQ(fk.integer(0), 1);
    auto mode = db.prepare("PRAGMA journal_mode");
    mode.step();
    EXPECT_EQ(mode.text(0), "wal");
}

TEST(StoreDatabase, ConstraintViolationIsInputError) {
    ScratchDir dir;
    auto db = Database::open(dir / "t.db");
    db.exec("CREATE TABLE t (v INTEGER UNIQUE)");
    db.exec("INSERT INTO t VALUES (1)");
    EXPECT_EQ(errorCode([&] { db.exec("INSERT INTO t VALUES (1)"); }), "db_constraint");
}

TEST(StoreRecordStore, GarbageFileIsAClearErrorNotACrash) {
    ScratchDir dir;
    fs::create_directories(dir / "data");
    {
        std::ofstream out(dir / "data" / SqliteRecordStore::kDatabaseFile, std::ios::binary);
        for (int i = 0; i < 4096; ++i) out.put(static_cast<char>(i * 31 % 251));
    }
    try {
        SqliteRecordStore::open(dir / "data");
        FAIL() << "opened a garbage file";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kInput);
        EXPECT_EQ(e.problem().code, "db_corrupt");
        EXPECT_NE(e.problem().message_en.find("gradphoto.db"), std::string::npos);
        EXPECT_FALSE(e.problem().message_zh.empty());
    }
}

TEST(StoreRecordStore, DamagedPagesAreReportedNotACrash) {
    ScratchDir dir;
    {
        auto store = SqliteRecordStore::open(dir / "data");
        std::vector<Student> many;
        for (int i = 0; i < 2000; ++i) many.push_back(student(std::to_string(3000000 + i)));
        store->students().importAll(many);
        store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const fs::path file = dir / "data" / SqliteRecordStore::kDatabaseFile;
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096 * 3);
        for (int i = 0; i < 4096 * 4; ++i) f.put(static_cast<char>(0x5A));
    }
    // Either opening, a query or the integrity check says so; nothing crashes.
    bool reported = false;
    try {
        auto store = SqliteRecordStore::open(dir / "data");
        const auto report = store->checkConsistency();
        reported = !report.sound();
        if (!reported) store->students().list({});
    } catch (const Error& e) {
        reported = e.problem().code == "db_corrupt";
    }
    EXPECT_TRUE(reported);
}

TEST(StoreRecordStore, LockedDatabaseIsAClearError) {
    ScratchDir dir;
    SqliteRecordStore::open(dir / "data");
    auto holder = Database::open(dir / "data" / SqliteRecordStore::kDatabaseFile);
    holder.exec("BEGIN EXCLUSIVE; INSERT INTO audit_log (at, actor, action) VALUES (1, 'x', 'y');");
    auto store = SqliteRecordStore::open(dir / "data", {.busyTimeoutMs = 100});
    // Readers still read (WAL); a writer gets a clear "locked" error.
    EXPECT_NO_THROW(store->captures().list({}));
    try {
        store->students().upsert(student("2020001"));
        FAIL() << "wrote through a lock";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kIo);
        EXPECT_EQ(e.problem().code, "db_locked");
    }
    holder.exec("ROLLBACK");
    EXPECT_NO_THROW(store->students().upsert(student("2020001")));
}

TEST(StoreRecordStore, BackupIsACompleteCopy) {
    ScratchDir dir;
    auto store = SqliteRecordStore::open(dir / "data");
    store->students().upsert(student("2020001"));
    store->database().backupTo(dir / "copy.db");
    auto copy = Database::open(dir / "copy.db");
    EXPECT_TRUE(copy.integrityCheck().empty());
    auto s = copy.prepare("SELECT count(*) FROM students");
    s.step();
    EXPECT_EQ(s.integer(0), 1);
    EXPECT_EQ(copy.userVersion(), currentSchemaVersion());
}

TEST(StoreMigrations, VersionsAreConsecutive) {
    ASSERT_GE(currentSchemaVersion(), 2);
    for (std::size_t i = 0; i < migrations().size(); ++i)
        EXPECT_EQ(migrations()[i].version, static_cast<int>(i) + 1);
}

// From every earlier version, with data written at that version, to the current one.
TEST(StoreMigrations, FromEveryEarlierVersionKeepsDataAndBacksUp) {
    for (int from = 0; from < currentSchemaVersion(); ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        ScratchDir dir;
        fs::create_directories(dir / "data");
        {
            auto db = Database::open(dir / "data" / SqliteRecordStore::kDatabaseFile);
            migrateTo(db, from);
            if (from >= 1) {
                db.exec(
                    "INSERT INTO students (student_no, name, created_at, updated_at) "
                    "VALUES ('2019001', '旧数据', 1, 1);"
                    "INSERT INTO captures (student_no, raw_sha256, final_sha256, status, "
                    "created_at, submitted_at) VALUES ('2019001', '" +
                    std::string(64, 'a') + "', '" + std::string(64, 'b') +
                    "', 'submitted', 1, 2);");
            }
        }
        auto store = SqliteRecordStore::open(dir / "data");
        EXPECT_EQ(store->database().userVersion(), currentSchemaVersion());
        EXPECT_TRUE(store->database().integrityCheck().empty());
        if (from == 0) {
            EXPECT_FALSE(store->migrationBackup());
            continue;
        }
        ASSERT_TRUE(store->migrationBackup());
        auto backup = Database::open(*store->migrationBackup());
        EXPECT_EQ(backup.userVersion(), from);
        const auto entries = store->captures().list({CaptureStatus::kSubmitted});
        ASSERT_EQ(entries.size(), 1u);
        EXPECT_EQ(entries[0].name, "旧数据");
        // The new tables work.
        store->database().exec(
            "INSERT INTO payments (order_no, student_no, provider, amount_fen, created_at, "
            "updated_at) VALUES ('GP1', '2019001', 'staff', 2000, 1, 1)");
    }
}

TEST(StoreMigrations, NewerDatabaseIsRefused) {
    ScratchDir dir;
    fs::create_directories(dir / "data");
    {
        auto db = Database::open(dir / "data" / SqliteRecordStore::kDatabaseFile);
        db.setUserVersion(currentSchemaVersion() + 1);
    }
    EXPECT_EQ(errorCode([&] { SqliteRecordStore::open(dir / "data"); }), "db_too_new");
}

TEST(StoreMigrations, PaymentsTableHoldsItsRules) {
    ScratchDir dir;
    auto store = SqliteRecordStore::open(dir / "data");
    store->students().upsert(student("2020001"));
    auto& db = store->database();
    db.exec(
        "INSERT INTO payments (order_no, student_no, provider, amount_fen, created_at, updated_at)"
        " VALUES ('GP1', '2020001', 'wechat', 2000, 1, 1)");
    EXPECT_EQ(errorCode([&] {
                  db.exec(
                      "INSERT INTO payments (order_no, student_no, provider, amount_fen, "
                      "created_at, updated_at) VALUES ('GP2', 'nobody', 'wechat', 2000, 1, 1)");
              }),
              "db_constraint");
    EXPECT_EQ(errorCode([&] { db.exec("UPDATE payments SET state = 'lost'"); }), "db_constraint");
}

TEST_F(StoreTest, ConsistencyCheckFindsMissingAndStrayFiles) {
    const auto c = submitNew("2020001", "a");
    EXPECT_TRUE(store->checkConsistency().sound());
    fs::remove(store->photos().pathOf(c.finalSha256));
    store->photos().put(fakeJpeg("stray"));
    const auto report = store->checkConsistency();
    EXPECT_FALSE(report.sound());
    ASSERT_EQ(report.rowsWithoutFiles.size(), 1u);
    EXPECT_NE(report.rowsWithoutFiles[0].find(c.finalSha256), std::string::npos);
    ASSERT_EQ(report.filesWithoutRows.size(), 1u);
    EXPECT_EQ(report.filesWithoutRows[0], sha256Hex(fakeJpeg("stray")));
}

}  // namespace
}  // namespace gradphoto::store::testing
