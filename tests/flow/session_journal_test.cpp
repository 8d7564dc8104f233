// The session journal in kiosk_sessions (a real SQLite file), and the flow calling it.

#include <gtest/gtest.h>

#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/flow/kiosk_flow.h"
#include "gradphoto/flow/roster_student_lookup.h"
#include "gradphoto/flow/sqlite_session_journal.h"
#include "gradphoto/identify/id_number.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

struct Row {
    std::string booth;
    std::optional<std::string> student;
    std::int64_t started = 0;
    std::optional<std::int64_t> ended;
    std::string outcome;
};

std::vector<Row> rows(store::Database& db) {
    std::vector<Row> out;
    auto st = db.prepare(
        "SELECT booth_id, student_no, started_at, ended_at, outcome FROM kiosk_sessions "
        "ORDER BY id");
    while (st.step())
        out.push_back(
            {st.text(0), st.optionalText(1), st.integer(2), st.optionalInteger(3), st.text(4)});
    return out;
}

std::string validId() {
    const std::string first17 = "44010620010101001";
    return first17 + identify::idNumberCheckCharacter(first17);
}

TEST(SqliteSessionJournal, RecordsStartIdentityAndOutcome) {
    test::ScratchDir dir("session-journal");
    auto s = store::SqliteRecordStore::open(dir.path());
    s->students().importAll(
        {{"2020001", "张三丰", validId(), "计算机学院", "软件工程", "本科", "CODE-A", ""}});
    std::int64_t now = 1'700'000'000;
    SqliteSessionJournal journal(s->database(), "B7", [&] { return now; });
    const auto a = journal.started();
    journal.identified(a, "2020001");
    now += 60;
    journal.ended(a, SessionOutcome::kSubmitted);
    const auto b = journal.started();
    journal.identified(b, "not-in-roster");  // the FK column stays empty, nothing fails
    now += 5;
    journal.ended(b, SessionOutcome::kCancelled);
    journal.ended(b, SessionOutcome::kIdle);  // ended once only

    const auto r = rows(s->database());
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].booth, "B7");
    EXPECT_EQ(r[0].student, "2020001");
    EXPECT_EQ(r[0].started, 1'700'000'000);
    EXPECT_EQ(r[0].ended, 1'700'000'060);
    EXPECT_EQ(r[0].outcome, "submitted");
    EXPECT_FALSE(r[1].student);
    EXPECT_EQ(r[1].outcome, "cancelled");
}

TEST(SqliteSessionJournal, FlowRecordsEachWayASessionEnds) {
    test::ScratchDir dir("session-journal-flow");
    auto s = store::SqliteRecordStore::open(dir.path());
    s->students().importAll(
        {{"2020001", "张三丰", validId(), "计算机学院", "软件工程", "本科", "CODE-A", ""}});
    SqliteSessionJournal journal(s->database(), "A1");
    RosterStudentLookup students(*s);
    DemoPaymentGateway payments;
    DemoSubmissionSink sink(dir.path() / "demo");
    FlowSettings settings;
    settings.idleSeconds = 5;
    settings.idleWarningSeconds = 1;
    KioskFlow f(settings, {&students, &payments, &sink, &journal});

    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"CODE-A"});
    ASSERT_EQ(f.state(), FlowState::kVerifyStudent);
    f.handle(events::Cancel{});

    f.handle(events::CheckResult{});
    for (int i = 0; i < 70; ++i) f.handle(events::Tick{100});  // idle on the scan page
    ASSERT_EQ(f.state(), FlowState::kWelcome);

    f.handle(events::CheckResult{});
    f.handle(events::CodeScanned{"CODE-A"});
    f.handle(events::Last4Entered{validId().substr(14)});
    ASSERT_EQ(f.state(), FlowState::kStatus);
    f.handle(events::Finish{});

    const auto r = rows(s->database());
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].outcome, "cancelled");
    EXPECT_EQ(r[0].student, "2020001");
    EXPECT_EQ(r[1].outcome, "idle");
    EXPECT_FALSE(r[1].student);
    EXPECT_EQ(r[2].outcome, "status_checked");
    for (const Row& row : r) {
        EXPECT_TRUE(row.ended);
        EXPECT_EQ(row.booth, "A1");
    }
}

}  // namespace
}  // namespace gradphoto::flow
