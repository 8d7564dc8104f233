#include <algorithm>

#include "gradphoto/common/error.h"
#include "sqlite_repositories.h"

namespace gradphoto::store {

namespace {

constexpr const char* kColumns =
    "id, student_no, raw_sha256, final_sha256, report_json, checks_failed, status, created_at, "
    "submitted_at, decided_at, superseded_by";

Capture readCapture(const Statement& s) {
    Capture c;
    c.id = s.integer(0);
    c.studentNo = s.text(1);
    c.rawSha256 = s.text(2);
    c.finalSha256 = s.text(3);
    c.reportJson = s.text(4);
    c.checksFailed = static_cast<int>(s.integer(5));
    c.status = parseCaptureStatus(s.text(6)).value_or(CaptureStatus::kCaptured);
    c.createdAt = s.integer(7);
    c.submittedAt = s.optionalInteger(8);
    c.decidedAt = s.optionalInteger(9);
    c.supersededBy = s.optionalInteger(10);
    return c;
}

QueueEntry readEntry(const Statement& s) {
    QueueEntry e;
    e.id = s.integer(0);
    e.studentNo = s.text(1);
    e.name = s.text(2);
    e.status = parseCaptureStatus(s.text(3)).value_or(CaptureStatus::kCaptured);
    e.submittedAt = s.optionalInteger(4);
    e.checksFailed = static_cast<int>(s.integer(5));
    return e;
}

ReviewDecision parseDecision(const std::string& text) {
    if (text == "reject") return ReviewDecision::kReject;
    if (text == "revoke") return ReviewDecision::kRevoke;
    return ReviewDecision::kApprove;
}

}  // namespace

std::int64_t SqliteCaptureRepository::insert(const Capture& c) {
    auto s = db_.prepare(
        "INSERT INTO captures (student_no, raw_sha256, final_sha256, report_json, checks_failed, "
        "status, created_at, submitted_at, decided_at, superseded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, c.studentNo).bind(2, c.rawSha256).bind(3, c.finalSha256);
    s.bind(4, c.reportJson.empty() ? std::string("{}") : c.reportJson).bind(5, c.checksFailed);
    s.bind(6, toString(c.status)).bind(7, c.createdAt).bind(8, c.submittedAt);
    s.bind(9, c.decidedAt).bind(10, c.supersededBy);
    s.run();
    return db_.lastInsertRowId();
}

std::optional<Capture> SqliteCaptureRepository::find(std::int64_t id) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns + " FROM captures WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readCapture(s);
}

std::optional<Capture> SqliteCaptureRepository::currentFor(const std::string& studentNo) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM captures WHERE student_no = ? AND superseded_by IS NULL "
                         "ORDER BY id DESC LIMIT 1");
    s.bind(1, studentNo);
    if (!s.step()) return std::nullopt;
    return readCapture(s);
}

void SqliteCaptureRepository::update(const Capture& c) {
    auto s = db_.prepare(
        "UPDATE captures SET status = ?2, submitted_at = ?3, decided_at = ?4, superseded_by = ?5 "
        "WHERE id = ?1");
    s.bind(1, c.id).bind(2, toString(c.status)).bind(3, c.submittedAt).bind(4, c.decidedAt);
    s.bind(5, c.supersededBy);
    s.run();
    if (db_.changes() != 1)
        throw Refusal({"not_found", "找不到采集记录 " + std::to_string(c.id),
                       "no capture " + std::to_string(c.id)});
}

std::vector<QueueEntry> SqliteCaptureRepository::list(const QueueQuery& q) {
    // The page is chosen on captures alone (an index walk), then only its rows are joined with
    // the students: deep offsets stay cheap.
    const auto pageOf = [](const std::string& where) {
        return "SELECT c.id, c.student_no, s.name, c.status, c.submitted_at, c.checks_failed "
               "FROM (SELECT c.id FROM captures c WHERE " +
               where +
               " ORDER BY c.submitted_at, c.id LIMIT ?1 OFFSET ?2) AS page "
               "JOIN captures c ON c.id = page.id "
               "JOIN students s ON s.student_no = c.student_no ORDER BY c.submitted_at, c.id";
    };
    const std::string current = q.includeSuperseded ? "1" : "c.superseded_by IS NULL";
    std::vector<QueueEntry> out;
    if (q.status) {
        // Served by the partial index captures_queue (status, submitted_at, id).
        std::string where = "c.status = ?3 AND " + current;
        if (q.after) where += " AND (c.submitted_at, c.id) > (?4, ?5)";
        auto s = db_.prepare(pageOf(where));
        s.bind(1, q.limit).bind(2, q.after ? 0 : q.offset).bind(3, toString(*q.status));
        if (q.after) s.bind(4, q.after->first).bind(5, q.after->second);
        while (s.step()) out.push_back(readEntry(s));
        return out;
    }
    // Pending first, then everything else, oldest first within each: two index walks
    // (captures_queue, then captures_by_time) instead of sorting every capture.
    QueueQuery pendingQuery = q;
    pendingQuery.status = CaptureStatus::kSubmitted;
    out = list(pendingQuery);
    if (static_cast<int>(out.size()) >= q.limit) return out;
    int restOffset = 0;
    if (out.empty() && q.offset > 0) {
        auto count = db_.prepare(
            "SELECT count(*) FROM captures c WHERE c.status = 'submitted' AND " + current);
        count.step();
        restOffset = static_cast<int>(std::max<std::int64_t>(0, q.offset - count.integer(0)));
    }
    auto s = db_.prepare(pageOf("c.status <> 'submitted' AND " + current));
    s.bind(1, q.limit - static_cast<int>(out.size())).bind(2, restOffset);
    while (s.step()) out.push_back(readEntry(s));
    return out;
}

std::map<CaptureStatus, std::int64_t> SqliteCaptureRepository::countByStatus() {
    std::map<CaptureStatus, std::int64_t> out;
    auto s = db_.prepare(
        "SELECT status, count(*) FROM captures WHERE superseded_by IS NULL GROUP BY status");
    while (s.step()) {
        if (const auto st = parseCaptureStatus(s.text(0))) out[*st] = s.integer(1);
    }
    return out;
}

ActivitySummary SqliteCaptureRepository::summarize(UnixTime from, UnixTime to) {
    ActivitySummary out;
    auto submitted =
        db_.prepare("SELECT count(*) FROM captures WHERE submitted_at >= ? AND submitted_at < ?");
    submitted.bind(1, from).bind(2, to);
    if (submitted.step()) out.submitted = submitted.integer(0);
    auto decided = db_.prepare(
        "SELECT decision, reason_code, count(*) FROM reviews WHERE at >= ? AND at < ? "
        "GROUP BY decision, reason_code");
    decided.bind(1, from).bind(2, to);
    while (decided.step()) {
        const auto count = decided.integer(2);
        if (decided.text(0) == "approve") {
            out.approved += count;
        } else {
            out.rejected += count;
            out.rejectedByReason[decided.text(1)] += count;
        }
    }
    return out;
}

std::int64_t SqliteCaptureRepository::addReview(const Review& r) {
    auto s = db_.prepare(
        "INSERT INTO reviews (capture_id, staff_no, at, decision, reason_code, note) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, r.captureId).bind(2, r.staffNo).bind(3, r.at).bind(4, toString(r.decision));
    s.bind(5, r.reasonCode).bind(6, r.note);
    s.run();
    return db_.lastInsertRowId();
}

std::vector<Review> SqliteCaptureRepository::reviewsOf(std::int64_t captureId) {
    auto s = db_.prepare(
        "SELECT id, capture_id, staff_no, at, decision, reason_code, note FROM reviews "
        "WHERE capture_id = ? ORDER BY id");
    s.bind(1, captureId);
    std::vector<Review> out;
    while (s.step()) {
        Review r;
        r.id = s.integer(0);
        r.captureId = s.integer(1);
        r.staffNo = s.text(2);
        r.at = s.integer(3);
        r.decision = parseDecision(s.text(4));
        r.reasonCode = s.text(5);
        r.note = s.text(6);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> SqliteCaptureRepository::referencedPhotoHashes() {
    auto s = db_.prepare(
        "SELECT raw_sha256 FROM captures UNION SELECT final_sha256 FROM captures ORDER BY 1");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

}  // namespace gradphoto::store
