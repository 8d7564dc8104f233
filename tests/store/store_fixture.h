#pragma once

// Shared by the store tests: a scratch data folder with an open store, seeded students, small
// distinct "JPEG" byte strings, and a fake clock.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::store::testing {

// Bytes that start like a JPEG and differ by tag (the store does not decode them).
inline std::vector<std::uint8_t> fakeJpeg(const std::string& tag) {
    const std::string text = "\xFF\xD8\xFF\xE0" + tag + "\xFF\xD9";
    return std::vector<std::uint8_t>(text.begin(), text.end());
}

inline Student student(const std::string& no, const std::string& name = "张三丰") {
    Student s;
    s.studentNo = no;
    s.name = name;
    s.idNumber = "11010519491231002X";
    s.department = "计算机学院";
    s.major = "软件工程";
    s.level = "本科";
    s.collectionCode = "payload-" + no;
    return s;
}

struct FakeClock {
    UnixTime now = 1780000000;
    Clock clock() {
        return [this] { return now; };
    }
};

class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store = SqliteRecordStore::open(dir.path() / "data");
        access = std::make_unique<StaffAccess>(*store, time.clock());
        access->setPinIterations(1000);
        queue = std::make_unique<ReviewQueue>(*store, RejectReasons::load(), time.clock());
        admin = access->addFirstAdmin("A001", "管理员", "246810");
        reviewer = access->addAccount(admin, "S001", "审核员", StaffRole::kStaff, "135790");
        store->students().importAll(
            {student("2020001"), student("2020002", "李四"), student("2020003", "欧阳娜娜")});
    }

    Capture submitNew(const std::string& studentNo, const std::string& tag,
                      const std::string& report = "") {
        const auto raw = fakeJpeg("raw-" + tag), fin = fakeJpeg("final-" + tag);
        return queue->recordAndSubmit({studentNo, raw, fin, report, "cli"});
    }

    gradphoto::test::ScratchDir dir{"gradphoto-store"};
    FakeClock time;
    std::unique_ptr<SqliteRecordStore> store;
    std::unique_ptr<StaffAccess> access;
    std::unique_ptr<ReviewQueue> queue;
    StaffAccount admin;
    StaffAccount reviewer;
};

}  // namespace gradphoto::store::testing
