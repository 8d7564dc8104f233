// Statistics per day and booth over a real store: sessions, payments, submissions, decisions,
// rejections by reason, first-time pass rate; CSV and JSON; `gradphoto stats`.

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>

#include "../store/store_fixture.h"
#include "gradphoto/stats/statistics_table.h"

namespace gradphoto::stats {
namespace {

namespace fs = std::filesystem;
using store::UnixTime;

// Days in China Standard Time, whatever the machine's zone.
class StatisticsTest : public store::testing::StoreTest {
  protected:
    void SetUp() override {
        setenv("TZ", "Asia/Shanghai", 1);
        tzset();
        StoreTest::SetUp();
        store->students().importAll({store::testing::student("2020004", "王五")});
        day1 = *dayStart("2026-06-01");
        day2 = *dayStart("2026-06-02");
        day3 = *dayStart("2026-06-03");
        buildHistory();
    }

    void session(const std::string& booth, const std::string& studentNo, UnixTime at) {
        auto s = store->database().prepare(
            "INSERT INTO kiosk_sessions (booth_id, student_no, started_at, ended_at, outcome) "
            "VALUES (?, ?, ?, ?, 'submitted')");
        s.bind(1, booth).bind(2, studentNo).bind(3, at).bind(4, at + 300).run();
    }

    void paid(const std::string& order, const std::string& studentNo, const std::string& provider,
              const std::string& settlement, std::int64_t fen, UnixTime at) {
        auto s = store->database().prepare(
            "INSERT INTO payments (order_no, student_no, provider, amount_fen, state, settlement, "
            "created_at, updated_at, paid_at) VALUES (?, ?, ?, ?, 'paid', ?, ?, ?, ?)");
        s.bind(1, order).bind(2, studentNo).bind(3, provider).bind(4, fen).bind(5, settlement);
        s.bind(6, at - 60).bind(7, at).bind(8, at).run();
    }

    store::Capture submitAt(const std::string& studentNo, const std::string& tag, UnixTime at) {
        time.now = at;
        return submitNew(studentNo, tag);
    }

    // Day 1, 09:00-10:00: students 1 and 2 at booth A1, student 3 at B2, all pay and submit;
    // student 4 is a staff import without a session (paid with a waiver).
    // Day 2: 1 approved, 2 rejected (clothing), 3 rejected (background); 2 retakes at A1.
    // Day 3: 2's retake approved. A session that was cancelled at A1 on day 3.
    void buildHistory() {
        const UnixTime h9 = day1 + 9 * 3600;
        session("A1", "2020001", h9);
        paid("W1", "2020001", "wechat", "", 2000, h9 + 60);
        const auto c1 = submitAt("2020001", "1", h9 + 120);
        session("A1", "2020002", h9 + 600);
        paid("S2", "2020002", "staff", "cash", 2000, h9 + 660);
        const auto c2 = submitAt("2020002", "2", h9 + 720);
        session("B2", "2020003", h9 + 900);
        paid("C3", "2020003", "campus", "", 2000, h9 + 960);
        const auto c3 = submitAt("2020003", "3", h9 + 1020);
        paid("S4", "2020004", "staff", "waiver", 0, h9 + 1200);
        const auto c4 = submitAt("2020004", "4", h9 + 1260);
        (void)c4;

        time.now = day2 + 10 * 3600;
        queue->approve(c1.id, reviewer);
        queue->reject(c2.id, reviewer, "clothing_contrast", "");
        queue->reject(c3.id, reviewer, "background_uniform", "");
        session("A1", "2020002", day2 + 14 * 3600);
        const auto retake = submitAt("2020002", "2b", day2 + 14 * 3600 + 300);

        // Prints: a sheet of 2 at A1 on day 2, and a print that failed (not counted).
        auto print = store->database().prepare(
            "INSERT INTO print_jobs (capture_id, kind, paper, copies, booth_id, ok, error, "
            "printed_at) VALUES (?, 'sheet', '6in', ?, 'A1', ?, ?, ?)");
        print.bind(1, c1.id).bind(2, 2).bind(3, 1).bind(4, "").bind(5, day2 + 15 * 3600).run();
        print.reset();
        print.bind(1, c1.id).bind(2, 1).bind(3, 0).bind(4, "printer_error");
        print.bind(5, day2 + 15 * 3600 + 60).run();

        time.now = day3 + 9 * 3600;
        queue->approve(retake.id, reviewer);
        auto s = store->database().prepare(
            "INSERT INTO kiosk_sessions (booth_id, started_at, outcome) VALUES ('A1', ?, "
            "'cancelled')");
        s.bind(1, day3 + 11 * 3600).run();
    }

    const BoothDay* row(const StatisticsReport& report, const std::string& day,
                        const std::string& booth) {
        for (const auto& r : report.rows)
            if (r.day == day && r.booth == booth) return &r;
        return nullptr;
    }

    UnixTime day1 = 0, day2 = 0, day3 = 0;
};

TEST_F(StatisticsTest, CountsPerDayAndBooth) {
    const auto report = collectStatistics(store->database(), {});
    const auto* a1 = row(report, "2026-06-01", "A1");
    ASSERT_NE(a1, nullptr);
    EXPECT_EQ(a1->sessions, 2);
    EXPECT_EQ(a1->paid.orders, 2);
    EXPECT_EQ(a1->paid.fen, 4000);
    EXPECT_EQ(a1->paidBy.at("wechat").fen, 2000);
    EXPECT_EQ(a1->paidBy.at("staff/cash").orders, 1);
    EXPECT_EQ(a1->submissions, 2);
    EXPECT_EQ(a1->approvals, 0);
    const auto* b2 = row(report, "2026-06-01", "B2");
    ASSERT_NE(b2, nullptr);
    EXPECT_EQ(b2->sessions, 1);
    EXPECT_EQ(b2->paidBy.at("campus").fen, 2000);
    EXPECT_EQ(b2->submissions, 1);
    // The staff import has no booth.
    const auto* none = row(report, "2026-06-01", "");
    ASSERT_NE(none, nullptr);
    EXPECT_EQ(none->sessions, 0);
    EXPECT_EQ(none->submissions, 1);
    EXPECT_EQ(none->paidBy.at("staff/waiver").orders, 1);
    EXPECT_EQ(none->paidBy.at("staff/waiver").fen, 0);

    // Day 2: decisions count for the booth the capture was submitted at.
    const auto* a1d2 = row(report, "2026-06-02", "A1");
    ASSERT_NE(a1d2, nullptr);
    EXPECT_EQ(a1d2->approvals, 1);
    EXPECT_EQ(a1d2->rejections, 1);
    EXPECT_EQ(a1d2->rejectionsByReason.at("clothing_contrast"), 1);
    EXPECT_EQ(a1d2->sessions, 1);
    EXPECT_EQ(a1d2->submissions, 1);  // the retake
    EXPECT_EQ(a1d2->firstDecided, 2);
    EXPECT_EQ(a1d2->firstApproved, 1);
    EXPECT_DOUBLE_EQ(*a1d2->firstPassRate(), 0.5);
    EXPECT_EQ(a1d2->prints, 2);
    const auto* b2d2 = row(report, "2026-06-02", "B2");
    ASSERT_NE(b2d2, nullptr);
    EXPECT_EQ(b2d2->rejectionsByReason.at("background_uniform"), 1);
    EXPECT_EQ(b2d2->firstDecided, 1);
    EXPECT_EQ(b2d2->firstApproved, 0);

    // Day 3: the retake's approval is not a first-time pass.
    const auto* a1d3 = row(report, "2026-06-03", "A1");
    ASSERT_NE(a1d3, nullptr);
    EXPECT_EQ(a1d3->approvals, 1);
    EXPECT_EQ(a1d3->firstDecided, 0);
    EXPECT_FALSE(a1d3->firstPassRate());
    EXPECT_EQ(a1d3->sessions, 1);  // the cancelled one

    // Totals.
    EXPECT_EQ(report.total.sessions, 5);
    EXPECT_EQ(report.total.paid.orders, 4);
    EXPECT_EQ(report.total.paid.fen, 6000);
    EXPECT_EQ(report.total.submissions, 5);
    EXPECT_EQ(report.total.approvals, 2);
    EXPECT_EQ(report.total.rejections, 2);
    EXPECT_EQ(report.total.firstDecided, 3);
    EXPECT_EQ(report.total.firstApproved, 1);
    EXPECT_NEAR(*report.total.firstPassRate(), 1.0 / 3, 1e-12);
    EXPECT_EQ(report.total.prints, 2);
}

TEST_F(StatisticsTest, ThePeriodIsInLocalDays) {
    // Only day 2 (CST): 2026-06-02 00:00 to 2026-06-03 00:00 local.
    const auto report = collectStatistics(store->database(), {day2, day3});
    for (const auto& r : report.rows) EXPECT_EQ(r.day, "2026-06-02");
    EXPECT_EQ(report.total.approvals, 1);
    EXPECT_EQ(report.total.rejections, 2);
    EXPECT_EQ(report.total.submissions, 1);
    EXPECT_EQ(report.total.paid.orders, 0);
    // 2026-06-01 09:00 CST is 01:00 UTC: the day is the local one.
    EXPECT_EQ(localDay(day1 + 9 * 3600), "2026-06-01");
    EXPECT_EQ(localDay(day1 - 1), "2026-05-31");
    EXPECT_FALSE(dayStart("2026-02-31"));
    EXPECT_FALSE(dayStart("2026-6-1"));
    EXPECT_FALSE(dayStart("yesterday"));
    // Nothing in an empty period.
    EXPECT_TRUE(collectStatistics(store->database(), {day1 - 86400, day1}).rows.empty());
}

TEST_F(StatisticsTest, CsvOpensInExcel) {
    const auto report = collectStatistics(store->database(), {});
    const std::string csv = statisticsCsv(report);
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);  // BOM
    const auto headerEnd = csv.find("\r\n");
    const std::string header = csv.substr(3, headerEnd - 3);
    EXPECT_EQ(header.rfind("day,booth,sessions,paid_orders,paid_fen,", 0), 0u);
    EXPECT_NE(header.find("paid_staff/cash_fen"), std::string::npos);
    EXPECT_NE(header.find("rejected_clothing_contrast"), std::string::npos);
    EXPECT_NE(csv.find("\r\n2026-06-01,A1,2,2,4000,2,0,0,0,0,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n2026-06-02,A1,1,0,0,1,1,1,2,1,0.5000,2,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\ntotal,,5,4,6000,5,2,2,3,1,0.3333,2,"), std::string::npos) << csv;
    // Every line has as many fields as the header.
    const auto fields = [](const std::string& line) {
        return std::count(line.begin(), line.end(), ',') + 1;
    };
    std::size_t start = 3;
    const auto expected = fields(header);
    while (start < csv.size()) {
        const auto end = csv.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        EXPECT_EQ(fields(csv.substr(start, end - start)), expected);
        start = end + 2;
    }
    const auto json = statisticsJson(report);
    EXPECT_EQ(json["total"]["first_decided"], 3);
    EXPECT_EQ(json["total"]["prints"], 2);
    EXPECT_EQ(json["rows"].size(), report.rows.size());
    EXPECT_TRUE(json["rows"][0].contains("first_pass_rate"));
}

TEST_F(StatisticsTest, TheCommand) {
    using gradphoto::test::runCli;
    const std::vector<std::string> tz{"TZ=Asia/Shanghai"};
    const std::string data = (dir / "data").string();
    auto r = runCli(
        {"--data-dir", data, "--json", "stats", "--from", "2026-06-02", "--to", "2026-06-02"}, tz);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["total"]["approvals"], 1);
    EXPECT_EQ(j["total"]["rejections"], 2);
    EXPECT_EQ(j["total"]["rejections_by_reason"]["clothing_contrast"], 1);
    for (const auto& row : j["rows"]) EXPECT_EQ(row["day"], "2026-06-02");

    const auto csv = dir / "stats.csv";
    r = runCli({"--data-dir", data, "stats", "--csv", csv.string()}, tz);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("total"), std::string::npos);
    EXPECT_NE(r.out.find("33.3%"), std::string::npos) << r.out;
    EXPECT_EQ(gradphoto::test::readText(csv).rfind("\xEF\xBB\xBF"
                                                   "day,",
                                                   0),
              0u);

    EXPECT_EQ(
        runCli({"--data-dir", data, "stats", "--from", "2020-01-01", "--to", "2020-01-02"}, tz)
            .exitCode,
        1);
    EXPECT_EQ(runCli({"--data-dir", data, "stats", "--from", "June"}, tz).exitCode, 2);
    EXPECT_EQ(runCli({"--data-dir", data, "stats", "--csv", (dir / "no/such/x.csv").string()}, tz)
                  .exitCode,
              3);
}

}  // namespace
}  // namespace gradphoto::stats
