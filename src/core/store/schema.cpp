#include "gradphoto/store/schema.h"

#include <ctime>

#include "gradphoto/common/error.h"

namespace gradphoto::store {
namespace fs = std::filesystem;

namespace {

const char* const kVersion1 = R"sql(
CREATE TABLE students (
    student_no             TEXT PRIMARY KEY NOT NULL CHECK (length(student_no) > 0),
    name                   TEXT NOT NULL,
    id_number              TEXT NOT NULL DEFAULT '',
    department             TEXT NOT NULL DEFAULT '',
    major                  TEXT NOT NULL DEFAULT '',
    level                  TEXT NOT NULL DEFAULT '',
    collection_code        TEXT NOT NULL DEFAULT '',
    collection_code_sha256 TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'registered'
        CHECK (status IN ('registered', 'captured', 'submitted', 'approved', 'rejected')),
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX students_by_code ON students (collection_code_sha256)
    WHERE collection_code_sha256 <> '';

CREATE TABLE staff (
    staff_no        TEXT PRIMARY KEY NOT NULL CHECK (length(staff_no) > 0),
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
    pin_salt        BLOB NOT NULL,
    pin_hash        BLOB NOT NULL,
    pin_iterations  INTEGER NOT NULL CHECK (pin_iterations > 0),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    created_at      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE captures (
    id            INTEGER PRIMARY KEY,
    student_no    TEXT NOT NULL REFERENCES students (student_no),
    raw_sha256    TEXT NOT NULL CHECK (length(raw_sha256) = 64),
    final_sha256  TEXT NOT NULL CHECK (length(final_sha256) = 64),
    report_json   TEXT NOT NULL DEFAULT '{}',
    checks_failed INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL
        CHECK (status IN ('captured', 'submitted', 'approved', 'rejected')),
    created_at    INTEGER NOT NULL,
    submitted_at  INTEGER,
    decided_at    INTEGER,
    superseded_by INTEGER REFERENCES captures (id)
);
CREATE INDEX captures_by_student ON captures (student_no, id);

CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    capture_id  INTEGER NOT NULL REFERENCES captures (id),
    staff_no    TEXT NOT NULL REFERENCES staff (staff_no),
    at          INTEGER NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'revoke')),
    reason_code TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_by_capture ON reviews (capture_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_subject ON audit_log (subject);
)sql";

// Version 2: the payment orders (filled in by the payment issue) and a partial index that keeps
// the review queue fast at tens of thousands of captures.
const char* const kVersion2 = R"sql(
CREATE TABLE payments (
    order_no        TEXT PRIMARY KEY NOT NULL,
    student_no      TEXT NOT NULL REFERENCES students (student_no),
    provider        TEXT NOT NULL CHECK (provider IN ('wechat', 'campus', 'staff')),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen >= 0),
    state           TEXT NOT NULL DEFAULT 'created'
        CHECK (state IN ('created', 'paying', 'paid', 'closed', 'failed', 'refunded')),
    provider_txn_id TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    paid_at         INTEGER
) WITHOUT ROWID;
CREATE INDEX payments_by_student ON payments (student_no, state);

CREATE INDEX captures_queue ON captures (status, submitted_at, id) WHERE superseded_by IS NULL;
)sql";

// Version 3: the queue without a status filter (pending first, then the rest oldest first)
// walks this index instead of sorting every capture.
const char* const kVersion3 = R"sql(
CREATE INDEX captures_by_time ON captures (submitted_at, id) WHERE superseded_by IS NULL;
)sql";

// Version 4: wrong tries at the last-four-characters check, per student, so that a restart of
// the kiosk does not unlock a record (identify's AttemptCounter; StoredAttemptCounter).
const char* const kVersion4 = R"sql(
CREATE TABLE verification_attempts (
    student_no TEXT PRIMARY KEY NOT NULL REFERENCES students (student_no),
    failures   INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 5: the staff console's daily summary (submissions and decisions per period).
const char* const kVersion5 = R"sql(
CREATE INDEX reviews_by_time ON reviews (at);
CREATE INDEX captures_by_submission ON captures (submitted_at);
)sql";

// Version 6: the payment issue. The version 2 table is rebuilt (SQLite cannot change a CHECK):
// the demo provider, the QR content, the expiry, staff settlement, the last provider fault; at
// most one paid and one open order per student; notifications remembered so replays are no-ops.
const char* const kVersion6 = R"sql(
CREATE TABLE payments_v6 (
    order_no        TEXT PRIMARY KEY NOT NULL CHECK (length(order_no) > 0),
    student_no      TEXT NOT NULL REFERENCES students (student_no),
    provider        TEXT NOT NULL CHECK (provider IN ('wechat', 'campus', 'staff', 'demo')),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen >= 0),
    state           TEXT NOT NULL DEFAULT 'created'
        CHECK (state IN ('created', 'paying', 'paid', 'closed', 'failed', 'refunded')),
    provider_txn_id TEXT NOT NULL DEFAULT '',
    code_url        TEXT NOT NULL DEFAULT '',
    settlement      TEXT NOT NULL DEFAULT '' CHECK (settlement IN ('', 'cash', 'waiver')),
    confirmed_by    TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    last_fault      TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL DEFAULT 0,
    paid_at         INTEGER
) WITHOUT ROWID;
INSERT INTO payments_v6 (order_no, student_no, provider, amount_fen, state, provider_txn_id,
                         created_at, updated_at, paid_at)
    SELECT order_no, student_no, provider, amount_fen, state, provider_txn_id, created_at,
           updated_at, paid_at FROM payments;
DROP TABLE payments;
ALTER TABLE payments_v6 RENAME TO payments;
CREATE INDEX payments_by_student ON payments (student_no, state);
CREATE INDEX payments_by_time ON payments (created_at);
CREATE UNIQUE INDEX payments_one_paid ON payments (student_no) WHERE state = 'paid';
CREATE UNIQUE INDEX payments_one_open ON payments (student_no)
    WHERE state IN ('created', 'paying');

CREATE TABLE payment_notifications (
    provider    TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    order_no    TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (provider, event_id)
) WITHOUT ROWID;
)sql";

// Version 7: the admin issue and the kiosk's record of sessions.
// - kiosk_sessions: one row per student session at a booth (statistics: sessions per day/booth);
//   outcome is set when the session ends (submitted, cancelled, idle, failed, status_checked).
// - export_batches / export_items: what each CHSI export batch contains, so a re-run adds only
//   what is new and an interrupted export can be resumed; a batch is 'open' until complete.
// - print_jobs: every print of a standard photo or a layout sheet (print counts).
// - students.exam_no (考生号) for the export file-name pattern {考生号}.
// - captures.raw_purged_at / final_purged_at: retention removed that file on purpose, so the
//   consistency check does not report it as lost.
const char* const kVersion7 = R"sql(
CREATE TABLE kiosk_sessions (
    id         INTEGER PRIMARY KEY,
    booth_id   TEXT NOT NULL DEFAULT '',
    student_no TEXT REFERENCES students (student_no),
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    outcome    TEXT NOT NULL DEFAULT ''
        CHECK (outcome IN ('', 'submitted', 'cancelled', 'idle', 'failed', 'status_checked'))
);
CREATE INDEX kiosk_sessions_by_time ON kiosk_sessions (started_at);

CREATE TABLE export_batches (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    out_dir      TEXT NOT NULL,
    pattern      TEXT NOT NULL,
    zip_file     TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'complete')),
    created_by   TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    completed_at INTEGER
);

CREATE TABLE export_items (
    batch_id    INTEGER NOT NULL REFERENCES export_batches (id),
    capture_id  INTEGER NOT NULL REFERENCES captures (id),
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    bytes       INTEGER NOT NULL CHECK (bytes >= 0),
    exported_at INTEGER NOT NULL,
    PRIMARY KEY (batch_id, capture_id),
    UNIQUE (batch_id, file_name)
) WITHOUT ROWID;
CREATE INDEX export_items_by_capture ON export_items (capture_id);

CREATE TABLE print_jobs (
    id         INTEGER PRIMARY KEY,
    capture_id INTEGER REFERENCES captures (id),
    kind       TEXT NOT NULL CHECK (kind IN ('standard', 'sheet')),
    paper      TEXT NOT NULL DEFAULT '',
    copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies > 0),
    printer    TEXT NOT NULL DEFAULT '',
    booth_id   TEXT NOT NULL DEFAULT '',
    staff_no   TEXT NOT NULL DEFAULT '',
    ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
    error      TEXT NOT NULL DEFAULT '',
    printed_at INTEGER NOT NULL
);
CREATE INDEX print_jobs_by_time ON print_jobs (printed_at);

ALTER TABLE students ADD COLUMN exam_no TEXT NOT NULL DEFAULT '';
ALTER TABLE captures ADD COLUMN raw_purged_at INTEGER;
ALTER TABLE captures ADD COLUMN final_purged_at INTEGER;
)sql";

std::string utcStamp() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kAll{
        {1, "students, staff, captures, reviews, audit log", kVersion1},
        {2, "payment orders; review queue index", kVersion2},
        {3, "review queue index for all statuses", kVersion3},
        {4, "last-four verification attempts", kVersion4},
        {5, "indexes for the daily summary", kVersion5},
        {6, "payment orders for the payment providers; notifications", kVersion6},
        {7, "kiosk sessions, export batches, print jobs, exam numbers, purge marks", kVersion7},
    };
    return kAll;
}

int currentSchemaVersion() {
    return static_cast<int>(migrations().size());
}

void migrateTo(Database& db, int version) {
    const int from = db.userVersion();
    if (from > currentSchemaVersion()) {
        const std::string v = std::to_string(from);
        throw Error(Error::Kind::kInput,
                    {"db_too_new",
                     "数据库 " + db.file().string() + " 来自更新版本的程序（架构版本 " + v +
                         "），请升级本程序",
                     "database " + db.file().string() + " was written by a newer program (schema " +
                         v + ", this program knows " + std::to_string(currentSchemaVersion()) +
                         "); upgrade GradPhoto Station"});
    }
    if (from >= version) return;
    Transaction tx(db);
    for (const auto& m : migrations()) {
        if (m.version <= from || m.version > version) continue;
        db.exec(m.sql);
    }
    db.setUserVersion(version);
    tx.commit();
}

std::optional<fs::path> migrate(Database& db, const fs::path& backupDir) {
    const int from = db.userVersion();
    if (from >= currentSchemaVersion()) {
        migrateTo(db, currentSchemaVersion());  // reports a too new database
        return std::nullopt;
    }
    std::optional<fs::path> backup;
    if (from > 0) {
        std::error_code ec;
        fs::create_directories(backupDir, ec);
        if (ec)
            throw Error(Error::Kind::kIo, {"io_error", "无法创建备份文件夹 " + backupDir.string(),
                                           "cannot create backup folder " + backupDir.string() +
                                               ": " + ec.message()});
        backup = backupDir / ("gradphoto-v" + std::to_string(from) + "-" + utcStamp() + ".db");
        db.backupTo(*backup);
    }
    migrateTo(db, currentSchemaVersion());
    return backup;
}

}  // namespace gradphoto::store
