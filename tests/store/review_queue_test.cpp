#include <gtest/gtest.h>

#include "store_fixture.h"

namespace gradphoto::store::testing {
namespace {

const char* const kReport =
    R"({"ok":false,"checks":[{"id":"background_uniform","status":"fail"},)"
    R"({"id":"head_yaw","status":"warn"},{"id":"jewellery","status":"fail"}]})";

TEST_F(StoreTest, SubmitStoresFilesAndQueuesTheCapture) {
    const auto c = submitNew("2020001", "a", kReport);
    EXPECT_EQ(c.status, CaptureStatus::kSubmitted);
    EXPECT_EQ(c.checksFailed, 2);
    ASSERT_TRUE(c.submittedAt);
    EXPECT_TRUE(store->photos().contains(c.rawSha256));
    EXPECT_TRUE(store->photos().contains(c.finalSha256));
    EXPECT_EQ(store->photos().read(c.finalSha256), fakeJpeg("final-a"));
    EXPECT_EQ(c.finalSha256, sha256Hex(fakeJpeg("final-a")));
    EXPECT_EQ(store->students().find("2020001")->status, "submitted");

    const auto entries = queue->list({CaptureStatus::kSubmitted});
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].id, c.id);
    EXPECT_EQ(entries[0].name, "张三丰");

    const auto audit = store->audit().forSubject("capture:" + std::to_string(c.id));
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "capture.record");
    EXPECT_EQ(audit[1].action, "capture.submit");
}

TEST_F(StoreTest, UnknownStudentIsRefusedAndNothingIsStored) {
    EXPECT_THROW(submitNew("9999999", "x"), Refusal);
    EXPECT_TRUE(queue->list({}).empty());
    // The files may exist (written first) but no row refers to them: reported, not lost.
    const auto report = store->checkConsistency();
    EXPECT_TRUE(report.sound());
    EXPECT_EQ(report.filesWithoutRows.size(), 2u);
}

TEST_F(StoreTest, ApproveIsFinal) {
    const auto c = submitNew("2020001", "a");
    time.now += 60;
    const auto approved = queue->approve(c.id, reviewer);
    EXPECT_EQ(approved.status, CaptureStatus::kApproved);
    EXPECT_EQ(approved.decidedAt, time.now);
    EXPECT_EQ(store->students().find("2020001")->status, "approved");

    EXPECT_THROW(queue->approve(c.id, reviewer), Refusal);
    EXPECT_THROW(queue->reject(c.id, reviewer, "background_uniform", ""), Refusal);
    EXPECT_THROW(queue->submit(c.id, "cli"), Refusal);
    // No retake after approval, and a staff member cannot revoke.
    EXPECT_THROW(submitNew("2020001", "b"), Refusal);
    EXPECT_THROW(queue->revoke(c.id, reviewer, "other", "x"), Refusal);
    const auto after = queue->find(c.id);
    EXPECT_EQ(after->status, CaptureStatus::kApproved);
    EXPECT_FALSE(after->supersededBy);
    ASSERT_EQ(store->captures().reviewsOf(c.id).size(), 1u);
}

TEST_F(StoreTest, RejectThenRetakeSupersedes) {
    const auto first = submitNew("2020002", "a");
    const auto rejected = queue->reject(first.id, reviewer, "clothing_contrast", "蓝色衬衫");
    EXPECT_EQ(rejected.status, CaptureStatus::kRejected);
    const auto reviews = store->captures().reviewsOf(first.id);
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].decision, ReviewDecision::kReject);
    EXPECT_EQ(reviews[0].reasonCode, "clothing_contrast");
    EXPECT_EQ(reviews[0].note, "蓝色衬衫");
    EXPECT_EQ(reviews[0].staffNo, "S001");

    const auto retake = submitNew("2020002", "b");
    EXPECT_EQ(retake.status, CaptureStatus::kSubmitted);
    EXPECT_EQ(queue->find(first.id)->supersededBy, retake.id);
    EXPECT_EQ(queue->find(first.id)->status, CaptureStatus::kRejected);
    // The superseded capture is out of the queue and cannot be decided any more.
    const auto current = queue->list({});
    ASSERT_EQ(current.size(), 1u);
    EXPECT_EQ(current[0].id, retake.id);
    QueueQuery all;
    all.includeSuperseded = true;
    EXPECT_EQ(queue->list(all).size(), 2u);
    EXPECT_EQ(store->captures().currentFor("2020002")->id, retake.id);
    EXPECT_EQ(queue->approve(retake.id, reviewer).status, CaptureStatus::kApproved);
}

TEST_F(StoreTest, ReplacementWhileUnderReviewSupersedesThePendingCapture) {
    const auto first = submitNew("2020001", "a");
    const auto second = submitNew("2020001", "b");
    EXPECT_EQ(queue->find(first.id)->supersededBy, second.id);
    EXPECT_THROW(queue->approve(first.id, reviewer), Refusal);
    EXPECT_NO_THROW(queue->approve(second.id, reviewer));
}

TEST_F(StoreTest, RejectNeedsAKnownReason) {
    const auto c = submitNew("2020001", "a");
    try {
        queue->reject(c.id, reviewer, "no_such_reason", "");
        FAIL() << "expected an error";
    } catch (const Refusal&) {
        FAIL() << "an unknown reason is a usage error, not a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::kUsage);
    }
    EXPECT_EQ(queue->find(c.id)->status, CaptureStatus::kSubmitted);
}

TEST_F(StoreTest, CapturedMustBeSubmittedBeforeReview) {
    const auto raw = fakeJpeg("raw"), fin = fakeJpeg("final");
    const auto c = queue->record({"2020003", raw, fin, "", "kiosk"});
    EXPECT_EQ(c.status, CaptureStatus::kCaptured);
    EXPECT_THROW(queue->approve(c.id, reviewer), Refusal);
    EXPECT_EQ(queue->submit(c.id, "kiosk").status, CaptureStatus::kSubmitted);
    EXPECT_THROW(queue->submit(c.id, "kiosk"), Refusal);
}

TEST_F(StoreTest, AdminRevokeReopensForRetake) {
    const auto c = submitNew("2020001", "a");
    queue->approve(c.id, reviewer);
    const auto revoked = queue->revoke(c.id, admin, "wrong_person", "照片与本人不符");
    EXPECT_EQ(revoked.status, CaptureStatus::kRejected);
    const auto reviews = store->captures().reviewsOf(c.id);
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[1].decision, ReviewDecision::kRevoke);
    EXPECT_EQ(store->audit().forSubject("capture:" + std::to_string(c.id)).back().action,
              "capture.revoke");
    const auto retake = submitNew("2020001", "b");
    EXPECT_EQ(queue->find(c.id)->supersededBy, retake.id);
}

TEST_F(StoreTest, ApprovalGuardRefusesUnpaidCaptures) {
    queue->setApprovalGuard([](const Capture& c) -> std::optional<Problem> {
        if (c.studentNo == "2020002") return Problem{"unpaid", "未支付", "not paid"};
        return std::nullopt;
    });
    const auto unpaid = submitNew("2020002", "a");
    EXPECT_THROW(queue->approve(unpaid.id, reviewer), Refusal);
    EXPECT_EQ(queue->find(unpaid.id)->status, CaptureStatus::kSubmitted);
    EXPECT_TRUE(store->captures().reviewsOf(unpaid.id).empty());
    const auto paid = submitNew("2020001", "b");
    EXPECT_EQ(queue->approve(paid.id, reviewer).status, CaptureStatus::kApproved);
}

TEST_F(StoreTest, AFailedTransitionChangesNothing) {
    const auto c = submitNew("2020001", "a");
    const auto auditBefore = store->audit().recent(1000).size();
    EXPECT_THROW(queue->approve(c.id + 100, reviewer), Refusal);
    EXPECT_EQ(store->audit().recent(1000).size(), auditBefore);
    // A failure inside the unit of work rolls back every part of it.
    EXPECT_THROW(store->inTransaction([&] {
        store->students().setStatus("2020001", "approved");
        throw std::runtime_error("boom");
    }),
                 std::runtime_error);
    EXPECT_EQ(store->students().find("2020001")->status, "submitted");
}

TEST_F(StoreTest, QueueOrdersPendingFirstOldestFirst) {
    const auto a = submitNew("2020001", "a");
    time.now += 10;
    const auto b = submitNew("2020002", "b");
    time.now += 10;
    const auto c = submitNew("2020003", "c");
    queue->approve(a.id, reviewer);
    const auto all = queue->list({});
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, b.id);
    EXPECT_EQ(all[1].id, c.id);
    EXPECT_EQ(all[2].id, a.id);
    const auto counts = store->captures().countByStatus();
    EXPECT_EQ(counts.at(CaptureStatus::kSubmitted), 2);
    EXPECT_EQ(counts.at(CaptureStatus::kApproved), 1);
    QueueQuery window;
    window.offset = 1;
    window.limit = 2;
    auto across = queue->list(window);
    ASSERT_EQ(across.size(), 2u);
    EXPECT_EQ(across[0].id, c.id);
    EXPECT_EQ(across[1].id, a.id);
    window.offset = 2;
    across = queue->list(window);
    ASSERT_EQ(across.size(), 1u);
    EXPECT_EQ(across[0].id, a.id);
    window.offset = 3;
    EXPECT_TRUE(queue->list(window).empty());
    QueueQuery page{CaptureStatus::kSubmitted};
    page.limit = 1;
    const auto first = queue->list(page);
    ASSERT_EQ(first.size(), 1u);
    page.after = std::make_pair(*first[0].submittedAt, first[0].id);
    const auto second = queue->list(page);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].id, c.id);
}

TEST_F(StoreTest, SummaryCountsTheDay) {
    const UnixTime dayStart = time.now;
    const auto a = submitNew("2020001", "a");
    const auto b = submitNew("2020002", "b");
    const auto c = submitNew("2020003", "c");
    queue->approve(a.id, reviewer);
    queue->reject(b.id, reviewer, "jewellery", "");
    queue->reject(c.id, reviewer, "jewellery", "");
    const auto retake = submitNew("2020002", "b2");
    queue->reject(retake.id, reviewer, "head_pose", "");
    time.now += 86400;
    submitNew("2020003", "tomorrow");
    const auto day = store->captures().summarize(dayStart, dayStart + 86400);
    EXPECT_EQ(day.submitted, 4);
    EXPECT_EQ(day.approved, 1);
    EXPECT_EQ(day.rejected, 3);
    EXPECT_EQ(day.rejectedByReason.at("jewellery"), 2);
    EXPECT_EQ(day.rejectedByReason.at("head_pose"), 1);
    EXPECT_EQ(store->captures().summarize(dayStart + 86400, dayStart + 2 * 86400).submitted, 1);
}

TEST(StoreRejectReasons, MirrorTheCheckIds) {
    const auto reasons = RejectReasons::load();
    for (const char* code : {"background_uniform", "head_pose", "jewellery", "clothing_contrast"})
        EXPECT_NE(reasons.find(code), nullptr) << code;
    EXPECT_EQ(reasons.find("background_uniform")->zh, "背景不合格");
    EXPECT_EQ(reasons.find("head_pose")->zh, "头部姿态不正");
    EXPECT_EQ(reasons.find("jewellery")->zh, "佩戴饰品");
    EXPECT_EQ(reasons.find("clothing_contrast")->zh, "衣服颜色与背景相近");
    EXPECT_EQ(reasons.forCheck("head_yaw")->code, "head_pose");
    for (const char* check :
         {"face_count",           "face_size",    "head_roll",     "head_yaw",
          "head_pitch",           "eyes_open",    "mouth_closed",  "shoulders_level",
          "face_lighting",        "exposure",     "sharpness",     "background_uniform",
          "clothing_contrast",    "glasses_tint", "glasses_glare", "red_eye",
          "hair_covers_features", "headwear",     "jewellery",     "retouching"})
        EXPECT_NE(reasons.forCheck(check), nullptr) << check;
    EXPECT_THROW(RejectReasons::fromJsonText("[{\"code\":\"a\"}]", "x"), Error);
}

TEST(StoreFailedChecks, CountsOnlyFailures) {
    EXPECT_EQ(ReviewQueue::countFailedChecks(kReport), 2);
    EXPECT_EQ(ReviewQueue::countFailedChecks(""), 0);
    EXPECT_EQ(ReviewQueue::countFailedChecks("not json"), 0);
}

}  // namespace
}  // namespace gradphoto::store::testing
