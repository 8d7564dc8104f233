#include "gradphoto/store/review_queue.h"

#include <nlohmann/json.hpp>

namespace gradphoto::store {

namespace {

Refusal wrongState(const Capture& c, const std::string& action_zh, const std::string& action_en) {
    const std::string id = std::to_string(c.id);
    const std::string state(toString(c.status));
    const std::string superseded =
        c.supersededBy ? " (superseded by " + std::to_string(*c.supersededBy) + ")" : "";
    return Refusal({"wrong_state", "采集记录 " + id + " 当前状态为 " + state + "，不能" + action_zh,
                    "capture " + id + " is " + state + superseded + " and cannot be " + action_en});
}

}  // namespace

ReviewQueue::ReviewQueue(RecordStore& store, RejectReasons reasons, Clock clock)
    : store_(store), reasons_(std::move(reasons)), clock_(std::move(clock)) {}

int ReviewQueue::countFailedChecks(const std::string& reportJson) {
    if (reportJson.empty()) return 0;
    const auto doc = nlohmann::json::parse(reportJson, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("checks") ||
        !doc["checks"].is_array())
        return 0;
    int failed = 0;
    for (const auto& c : doc["checks"]) {
        if (c.is_object() && c.value("status", std::string()) == "fail") ++failed;
    }
    return failed;
}

void ReviewQueue::audit(const std::string& actor, const std::string& action, std::int64_t captureId,
                        const std::string& detailJson) {
    store_.audit().append(
        {0, clock_(), actor, action, "capture:" + std::to_string(captureId), detailJson});
}

Capture ReviewQueue::existing(std::int64_t captureId) {
    auto c = store_.captures().find(captureId);
    if (!c)
        throw Refusal({"not_found", "找不到采集记录 " + std::to_string(captureId),
                       "no capture " + std::to_string(captureId)});
    return *c;
}

void ReviewQueue::requireReason(const std::string& reasonCode) {
    if (!reasons_.find(reasonCode)) {
        std::string known;
        for (const auto& r : reasons_.all()) known += (known.empty() ? "" : ", ") + r.code;
        throw Error(Error::Kind::kUsage,
                    {"bad_reason", "未知的驳回原因 " + reasonCode,
                     "unknown reject reason " + reasonCode + " (one of: " + known + ")"});
    }
}

Capture ReviewQueue::recordInTransaction(const NewCapture& in, const std::string& rawHash,
                                         const std::string& finalHash) {
    const auto student = store_.students().find(in.studentNo);
    if (!student)
        throw Refusal({"not_found", "名单中没有学号 " + in.studentNo,
                       "no student " + in.studentNo + " in the roster"});
    auto previous = store_.captures().currentFor(in.studentNo);
    if (previous && previous->status == CaptureStatus::kApproved)
        throw Refusal({"wrong_state", "学号 " + in.studentNo + " 的照片已审核通过，不能再更改",
                       "the photo of student " + in.studentNo + " is approved and final (capture " +
                           std::to_string(previous->id) + ")"});
    Capture c;
    c.studentNo = in.studentNo;
    c.rawSha256 = rawHash;
    c.finalSha256 = finalHash;
    c.reportJson = in.reportJson.empty() ? "{}" : in.reportJson;
    c.checksFailed = countFailedChecks(in.reportJson);
    c.status = CaptureStatus::kCaptured;
    c.createdAt = clock_();
    c.id = store_.captures().insert(c);
    nlohmann::json detail{{"student", in.studentNo}, {"final", finalHash}, {"raw", rawHash}};
    if (previous) {
        previous->supersededBy = c.id;
        store_.captures().update(*previous);
        detail["supersedes"] = previous->id;
        audit(in.actor, "capture.supersede", previous->id,
              nlohmann::json{{"by", c.id}, {"was", toString(previous->status)}}.dump());
    }
    store_.students().setStatus(in.studentNo, "captured");
    audit(in.actor, "capture.record", c.id, detail.dump());
    return c;
}

Capture ReviewQueue::submitInTransaction(std::int64_t captureId, const std::string& actor) {
    Capture c = existing(captureId);
    if (c.status != CaptureStatus::kCaptured || c.supersededBy)
        throw wrongState(c, "提交", "submitted");
    c.status = CaptureStatus::kSubmitted;
    c.submittedAt = clock_();
    store_.captures().update(c);
    store_.students().setStatus(c.studentNo, "submitted");
    audit(actor, "capture.submit", c.id, "{}");
    return c;
}

Capture ReviewQueue::record(const NewCapture& in) {
    // The files first (fsync + rename), then the row that refers to them.
    const std::string raw = store_.photos().put(in.rawJpeg);
    const std::string fin = store_.photos().put(in.finalJpeg);
    Capture out;
    store_.inTransaction([&] { out = recordInTransaction(in, raw, fin); });
    return out;
}

Capture ReviewQueue::submit(std::int64_t captureId, const std::string& actor) {
    Capture out;
    store_.inTransaction([&] { out = submitInTransaction(captureId, actor); });
    return out;
}

Capture ReviewQueue::recordAndSubmit(const NewCapture& in) {
    const std::string raw = store_.photos().put(in.rawJpeg);
    const std::string fin = store_.photos().put(in.finalJpeg);
    Capture out;
    store_.inTransaction([&] {
        const Capture recorded = recordInTransaction(in, raw, fin);
        out = submitInTransaction(recorded.id, in.actor);
    });
    return out;
}

Capture ReviewQueue::approve(std::int64_t captureId, const StaffAccount& reviewer) {
    Capture out;
    store_.inTransaction([&] {
        Capture c = existing(captureId);
        if (c.status != CaptureStatus::kSubmitted || c.supersededBy)
            throw wrongState(c, "通过审核", "approved");
        if (approvalGuard_) {
            if (auto problem = approvalGuard_(c)) throw Refusal(std::move(*problem));
        }
        c.status = CaptureStatus::kApproved;
        c.decidedAt = clock_();
        store_.captures().update(c);
        store_.captures().addReview(
            {0, c.id, reviewer.staffNo, *c.decidedAt, ReviewDecision::kApprove, "", ""});
        store_.students().setStatus(c.studentNo, "approved");
        audit(reviewer.staffNo, "capture.approve", c.id, "{}");
        out = c;
    });
    return out;
}

Capture ReviewQueue::reject(std::int64_t captureId, const StaffAccount& reviewer,
                            const std::string& reasonCode, const std::string& note) {
    requireReason(reasonCode);
    Capture out;
    store_.inTransaction([&] {
        Capture c = existing(captureId);
        if (c.status != CaptureStatus::kSubmitted || c.supersededBy)
            throw wrongState(c, "驳回", "rejected");
        c.status = CaptureStatus::kRejected;
        c.decidedAt = clock_();
        store_.captures().update(c);
        store_.captures().addReview(
            {0, c.id, reviewer.staffNo, *c.decidedAt, ReviewDecision::kReject, reasonCode, note});
        store_.students().setStatus(c.studentNo, "rejected");
        audit(reviewer.staffNo, "capture.reject", c.id,
              nlohmann::json{{"reason", reasonCode}}.dump());
        out = c;
    });
    return out;
}

Capture ReviewQueue::revoke(std::int64_t captureId, const StaffAccount& admin,
                            const std::string& reasonCode, const std::string& note) {
    requireReason(reasonCode);
    Capture out;
    store_.inTransaction([&] {
        const auto fresh = store_.staff().find(admin.staffNo);
        if (!fresh || fresh->role != StaffRole::kAdmin)
            throw Refusal({"forbidden", "只有管理员可以撤销已通过的照片",
                           "only an admin may revoke an approved photo"});
        Capture c = existing(captureId);
        if (c.status != CaptureStatus::kApproved || c.supersededBy)
            throw wrongState(c, "撤销", "revoked");
        c.status = CaptureStatus::kRejected;
        c.decidedAt = clock_();
        store_.captures().update(c);
        store_.captures().addReview(
            {0, c.id, admin.staffNo, *c.decidedAt, ReviewDecision::kRevoke, reasonCode, note});
        store_.students().setStatus(c.studentNo, "rejected");
        audit(admin.staffNo, "capture.revoke", c.id, nlohmann::json{{"reason", reasonCode}}.dump());
        out = c;
    });
    return out;
}

std::optional<Capture> ReviewQueue::find(std::int64_t captureId) {
    return store_.captures().find(captureId);
}

std::vector<QueueEntry> ReviewQueue::list(const QueueQuery& query) {
    return store_.captures().list(query);
}

}  // namespace gradphoto::store
