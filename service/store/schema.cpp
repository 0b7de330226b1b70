#include "store/schema.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace motcua::store {
namespace {

// Append only: a released migration is never edited, a change is a new entry.
constexpr std::array<std::string_view, 9> kMigrations{
    // 1: tickets, counters, ratings, the event log, accounts, devices, sessions, settings.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    ticket_id TEXT,
    counter INTEGER,
    payload TEXT NOT NULL
);
CREATE INDEX events_day ON events(day);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    issued_category TEXT NOT NULL,
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    category TEXT NOT NULL,
    priority INTEGER NOT NULL,
    priority_reason TEXT,
    state TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    called_at INTEGER,
    last_called_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    counter INTEGER,
    officer TEXT,
    outcome TEXT,
    recalls INTEGER NOT NULL DEFAULT 0,
    rated INTEGER NOT NULL DEFAULT 0,
    UNIQUE (day, issued_category, seq)
);
CREATE TABLE counters (
    number INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    officer TEXT,
    current_ticket TEXT,
    since INTEGER NOT NULL
);
CREATE TABLE ratings (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
    day TEXT NOT NULL,
    level INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    comment TEXT,
    counter INTEGER,
    officer TEXT,
    at INTEGER NOT NULL,
    idempotency_key TEXT UNIQUE,
    device TEXT NOT NULL
);
CREATE INDEX ratings_day ON ratings(day);
CREATE TABLE officers (
    username TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    counter INTEGER,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES officers(username),
    expires_at INTEGER NOT NULL
);
)sql",
    // 2: counter sessions for the officer report: who opened a counter, found by time.
    R"sql(
ALTER TABLE events ADD COLUMN officer TEXT;
CREATE INDEX events_counter_state ON events(at) WHERE type IN ('counter_opened', 'counter_closed', 'counter_paused');
CREATE INDEX tickets_day ON tickets(day);
-- tickets.rated holds the rating level (1..5), 0 when not rated: reports need no join.
)sql",
    // 3: dossiers (hồ sơ): current state; their history is in the event log. Personal data of the
    // applicant lives here only (DESIGN.md §7).
    R"sql(
CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    day TEXT NOT NULL,
    seq INTEGER NOT NULL,
    procedure TEXT NOT NULL,
    category TEXT NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    new_due_date TEXT,
    apology_reason TEXT,
    apology_at INTEGER,
    returned_at INTEGER,
    closed_at INTEGER,
    result TEXT,
    applicant_name TEXT NOT NULL,
    applicant_phone TEXT,
    applicant_id_number TEXT,
    applicant_address TEXT,
    ticket_id TEXT NOT NULL,
    counter INTEGER NOT NULL,
    officer TEXT NOT NULL,
    return_ticket_id TEXT,
    updated_at INTEGER NOT NULL,
    status_note TEXT
);
CREATE UNIQUE INDEX dossiers_day_seq ON dossiers(day, seq);
CREATE INDEX dossiers_received ON dossiers(received_at);
CREATE INDEX dossiers_open ON dossiers(closed_at);
)sql",
    // 4: what each event ships to the province hub (DESIGN.md §11): the records it changed as they
    // were then, without personal data (hub::ShippedEvent as JSON). Events recorded before this
    // migration have none; the shipper derives theirs from the payload.
    R"sql(
ALTER TABLE events ADD COLUMN detail TEXT;
)sql",
    // 5: appointments (DESIGN.md §10). A booking holds one place in one slot; its phone number is
    // kept here only and erased `retain_days` after the slot. A ticket checked in with a booking
    // names it and its slot's start.
    R"sql(
CREATE TABLE appointments (
    code TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    day TEXT NOT NULL,
    start_min INTEGER NOT NULL,
    end_min INTEGER NOT NULL,
    phone TEXT,
    state TEXT NOT NULL,
    booked_at INTEGER NOT NULL,
    cancelled_at INTEGER,
    checked_in_at INTEGER,
    missed_at INTEGER,
    ticket_id TEXT
);
CREATE INDEX appointments_slot ON appointments(day, category, start_min);
CREATE INDEX appointments_phone ON appointments(phone, day);
ALTER TABLE tickets ADD COLUMN appointment_code TEXT;
ALTER TABLE tickets ADD COLUMN appointment_start INTEGER;
)sql",
    // 6: the wait each ticket was told at issue (DESIGN.md §9), and the simple rule's figure.
    R"sql(
ALTER TABLE tickets ADD COLUMN est_wait_s INTEGER;
ALTER TABLE tickets ADD COLUMN est_low_s INTEGER;
ALTER TABLE tickets ADD COLUMN est_high_s INTEGER;
ALTER TABLE tickets ADD COLUMN est_baseline_s INTEGER;
CREATE INDEX tickets_finished ON tickets(finished_at);
)sql",
    // 7: the kiosk's idempotency key of a ticket request (DESIGN.md §4): a retried request gets
    // the ticket the first one made, even across a restart.
    R"sql(
ALTER TABLE tickets ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX tickets_idempotency ON tickets(day, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
)sql",
    // 8: the audit trail (DESIGN.md §7, docs/decisions.md): who made each change, hash-chained.
    // An entry records an event (event_seq, and the digest of its row) or a change outside the
    // event log (an account, a login). Events recorded before this migration have no entry:
    // audit_after_seq says where the trail begins.
    R"sql(
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    who_kind TEXT NOT NULL,
    who TEXT NOT NULL,
    who_detail TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    event_seq INTEGER,
    event_digest TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'audit_after_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM events;
)sql",
    // 9: a rating's idempotency key is unique per office day, as a ticket's is (migration 7).
    // It was unique for ever, while the service remembers only today's keys: a key used again
    // on a later day failed the insert (found by fuzz_router). SQLite cannot drop a column's
    // UNIQUE, so the table is rebuilt, rows unchanged (nothing references ratings).
    R"sql(
CREATE TABLE ratings_v9 (
    ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
    day TEXT NOT NULL,
    level INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    comment TEXT,
    counter INTEGER,
    officer TEXT,
    at INTEGER NOT NULL,
    idempotency_key TEXT,
    device TEXT NOT NULL
);
INSERT INTO ratings_v9 (ticket_id, day, level, reasons, comment, counter, officer, at,
                        idempotency_key, device)
    SELECT ticket_id, day, level, reasons, comment, counter, officer, at, idempotency_key, device
    FROM ratings;
DROP TABLE ratings;
ALTER TABLE ratings_v9 RENAME TO ratings;
CREATE INDEX ratings_day ON ratings(day);
CREATE UNIQUE INDEX ratings_idempotency ON ratings(day, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
)sql",
};

int user_version(Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    st.step();
    return st.integer(0);
}

}  // namespace

int latest_schema_version() {
    return static_cast<int>(kMigrations.size());
}

int migrate(Database& db) {
    int version = user_version(db);
    if (version > latest_schema_version())
        throw SqliteError(
            fmt::format("the database has schema version {}, newer than this program's {}; "
                        "upgrade motcua",
                        version, latest_schema_version()));
    while (version < latest_schema_version()) {
        db.exec("BEGIN IMMEDIATE");
        try {
            db.exec(kMigrations[static_cast<std::size_t>(version)]);
            db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
            db.exec("COMMIT");
        } catch (...) {
            db.exec("ROLLBACK");
            throw;
        }
        ++version;
    }
    return version;
}

}  // namespace motcua::store
