// The real ports over the record store: RosterStudentLookup (roster + last-four check with the
// wrong tries persisted) and ReviewQueueSubmissionSink (review queue), on real SQLite files.

#include <gtest/gtest.h>

#include <cstdio>

#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/flow/roster_student_lookup.h"
#include "gradphoto/identify/id_number.h"
#include "gradphoto/identify/scanned_code.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

std::string validId(int n) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "44010620010101%03d", n % 1000);
    return std::string(first17) + identify::idNumberCheckCharacter(first17);
}

std::string last4Of(const std::string& id) {
    return id.substr(id.size() - 4);
}

store::RejectReasons reasons() {
    return store::RejectReasons::fromJsonText(
        R"({"reasons":[{"code":"clothing_contrast","zh":"衣服颜色与背景相近",)"
        R"("en":"clothing too close to the background","checks":["clothing_contrast"]},)"
        R"({"code":"other","zh":"其他","en":"other","checks":[]}]})",
        "test");
}

void seed(store::RecordStore& s) {
    store::Student a{"2020001",  "张三丰", validId(1), "计算机学院",
                     "软件工程", "本科",   "CODE-A",   ""};
    store::Student b{"2020002", "李四", validId(2), "外国语学院", "英语",
                     "硕士",    "",     "",         "registered"};
    b.collectionCodeSha256 = identify::payloadSha256Hex("CODE-B");  // the roster had the hash
    s.students().importAll({a, b});
}

TEST(StorePorts, LookupFindsMaskedStudentByPayload) {
    test::ScratchDir dir("ports-lookup");
    auto s = store::SqliteRecordStore::open(dir.path());
    seed(*s);
    RosterStudentLookup lookup(*s);
    const auto found = lookup.findByPayload("CODE-A");
    ASSERT_EQ(found.status, LookupResult::Status::kFound);
    ASSERT_TRUE(found.student);
    EXPECT_EQ(found.student->studentNo, "2020001");
    EXPECT_EQ(found.student->maskedName, "张*丰");
    EXPECT_EQ(found.student->maskedId,
              validId(1).substr(0, 4) + "**********" + last4Of(validId(1)));
    EXPECT_EQ(found.student->department, "计算机学院");

    EXPECT_EQ(lookup.findByPayload("CODE-B").status, LookupResult::Status::kFound);
    const auto missing = lookup.findByPayload("NOT-A-CODE");
    EXPECT_EQ(missing.status, LookupResult::Status::kNotFound);
    EXPECT_FALSE(missing.problem.message_zh.empty());
}

TEST(StorePorts, FiveWrongTriesLockAcrossRestarts) {
    test::ScratchDir dir("ports-lock");
    {
        auto s = store::SqliteRecordStore::open(dir.path());
        seed(*s);
        RosterStudentLookup lookup(*s);
        ASSERT_EQ(lookup.findByPayload("CODE-A").status, LookupResult::Status::kFound);
        auto r = lookup.verifyLast4("2020001", "0000");
        EXPECT_EQ(r.status, VerifyResult::Status::kMismatch);
        EXPECT_EQ(r.triesLeft, 4);
        r = lookup.verifyLast4("2020001", last4Of(validId(1)));
        EXPECT_EQ(r.status, VerifyResult::Status::kMatch);  // the right one clears the count
        for (int i = 0; i < 4; ++i) {
            r = lookup.verifyLast4("2020001", "0000");
            EXPECT_EQ(r.status, VerifyResult::Status::kMismatch);
            EXPECT_EQ(r.triesLeft, 4 - i);
        }
    }
    {
        auto s = store::SqliteRecordStore::open(dir.path());  // the kiosk restarted
        RosterStudentLookup lookup(*s);
        auto r = lookup.verifyLast4("2020001", "0000");
        EXPECT_EQ(r.status, VerifyResult::Status::kLocked);
    }
    {
        auto s = store::SqliteRecordStore::open(dir.path());
        RosterStudentLookup lookup(*s);
        // Locked: even the right suffix is refused until staff unlock.
        EXPECT_EQ(lookup.verifyLast4("2020001", last4Of(validId(1))).status,
                  VerifyResult::Status::kLocked);
        // Another student is not affected.
        EXPECT_EQ(lookup.verifyLast4("2020002", last4Of(validId(2))).status,
                  VerifyResult::Status::kMatch);
        EXPECT_EQ(s->verificationAttempts().failures("2020001"), 5);
    }
}

TEST(StorePorts, UnknownStudentIsNeverAMatch) {
    test::ScratchDir dir("ports-unknown");
    auto s = store::SqliteRecordStore::open(dir.path());
    seed(*s);
    RosterStudentLookup lookup(*s);
    EXPECT_EQ(lookup.verifyLast4("9999999", "1234").status, VerifyResult::Status::kMismatch);
}

std::vector<std::uint8_t> bytes(const std::string& text) {
    return {text.begin(), text.end()};
}

TEST(StorePorts, SinkSubmitsAndReportsPendingRejectedApproved) {
    test::ScratchDir dir("ports-sink");
    auto s = store::SqliteRecordStore::open(dir.path());
    seed(*s);
    ReviewQueueSubmissionSink sink(*s, reasons(), "B2");
    EXPECT_EQ(sink.status("2020001").kind, SubmissionStatus::Kind::kNone);

    const auto number =
        sink.submit({"2020001", "CODE-A", bytes("raw-1"), bytes("final-1"), R"({"checks":[]})"});
    EXPECT_EQ(number.rfind("B2-", 0), 0u) << number;
    auto st = sink.status("2020001");
    EXPECT_EQ(st.kind, SubmissionStatus::Kind::kPending);
    EXPECT_EQ(st.queueNumber, number);
    EXPECT_EQ(s->students().find("2020001")->status, "submitted");

    store::StaffAccess access(*s);
    access.setPinIterations(1000);
    const auto admin = access.addFirstAdmin("A001", "王老师", "246810");
    store::ReviewQueue queue(*s, reasons());
    const auto current = s->captures().currentFor("2020001");
    ASSERT_TRUE(current);
    queue.reject(current->id, admin, "clothing_contrast", "蓝色上衣");
    st = sink.status("2020001");
    EXPECT_EQ(st.kind, SubmissionStatus::Kind::kRejected);
    EXPECT_EQ(st.reason_zh, "衣服颜色与背景相近");
    EXPECT_EQ(st.reason_en, "clothing too close to the background");

    // The free retake supersedes the rejected capture.
    const auto retake =
        sink.submit({"2020001", "CODE-A", bytes("raw-2"), bytes("final-2"), R"({"checks":[]})"});
    EXPECT_NE(retake, number);
    EXPECT_EQ(sink.status("2020001").kind, SubmissionStatus::Kind::kPending);
    queue.approve(s->captures().currentFor("2020001")->id, admin);
    st = sink.status("2020001");
    EXPECT_EQ(st.kind, SubmissionStatus::Kind::kApproved);
    EXPECT_EQ(st.finalJpeg, bytes("final-2"));

    // Approved: a new submission is refused by the store (the flow never gets there).
    EXPECT_THROW(sink.submit({"2020001", "CODE-A", bytes("raw-3"), bytes("final-3"), "{}"}), Error);
}

TEST(StorePorts, SinkKeepsTheRawCodeWhenTheRosterHadOnlyItsHash) {
    test::ScratchDir dir("ports-payload");
    auto s = store::SqliteRecordStore::open(dir.path());
    seed(*s);
    ReviewQueueSubmissionSink sink(*s, reasons());
    sink.submit({"2020002", "CODE-B", bytes("raw"), bytes("final"), "{}"});
    const auto student = s->students().find("2020002");
    EXPECT_EQ(student->collectionCode, "CODE-B");
    EXPECT_EQ(student->status, "submitted");
    // A payload that is not the student's code is not stored.
    sink.submit({"2020001", "SOMETHING-ELSE", bytes("raw"), bytes("final"), "{}"});
    EXPECT_EQ(s->students().find("2020001")->collectionCode, "CODE-A");
}

}  // namespace
}  // namespace gradphoto::flow
