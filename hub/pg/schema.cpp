#include "pg/schema.hpp"

#include <fmt/format.h>

#include <array>
#include <mutex>
#include <pqxx/pqxx>

namespace motcua::hub {
namespace {

// Lock id for migrations and partition creation (any constant; "motcua" in ASCII).
constexpr long long kSchemaLock = 0x6d6f74637561;

// Append only: a released migration is never edited, a change is a new entry. Times are
// milliseconds since the epoch (bigint), as in the ward's SQLite: reports read them as numbers.
// Wards' events, tickets, ratings and dossiers are partitioned by month; the uniqueness of
// (ward, seq) is kept by ingestion, which takes the ward's row lock and stores only seq > acked.
constexpr std::array<std::string_view, 3> kMigrations{
    R"sql(
CREATE TABLE wards (
    code text PRIMARY KEY,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    info jsonb,
    acked_seq bigint NOT NULL DEFAULT 0,
    last_event_ms bigint,
    last_seen_ms bigint,
    created_ms bigint NOT NULL
);
CREATE TABLE users (
    username text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('province', 'ward_viewer')),
    ward text REFERENCES wards(code),
    password_hash text NOT NULL,
    created_ms bigint NOT NULL,
    CHECK ((role = 'ward_viewer') = (ward IS NOT NULL))
);
CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    username text NOT NULL REFERENCES users(username),
    expires_ms bigint NOT NULL
);
CREATE TABLE events (
    ward text NOT NULL,
    seq bigint NOT NULL,
    type text NOT NULL,
    at_ms bigint NOT NULL,
    day date NOT NULL,
    body jsonb NOT NULL,
    PRIMARY KEY (ward, seq, day)
) PARTITION BY RANGE (day);
CREATE TABLE tickets (
    ward text NOT NULL,
    day date NOT NULL,
    id text NOT NULL,
    number text NOT NULL,
    category text NOT NULL,
    priority boolean NOT NULL,
    state text NOT NULL,
    issued_ms bigint NOT NULL,
    called_ms bigint,
    started_ms bigint,
    finished_ms bigint,
    counter integer,
    officer text,
    outcome text,
    rating smallint NOT NULL DEFAULT 0,
    PRIMARY KEY (ward, day, id)
) PARTITION BY RANGE (day);
CREATE TABLE ratings (
    ward text NOT NULL,
    day date NOT NULL,
    ticket text NOT NULL,
    level smallint NOT NULL,
    reasons text[] NOT NULL,
    counter integer,
    officer text,
    at_ms bigint NOT NULL,
    comment text,
    PRIMARY KEY (ward, day, ticket)
) PARTITION BY RANGE (day);
CREATE TABLE dossiers (
    ward text NOT NULL,
    day date NOT NULL,
    code text NOT NULL,
    procedure text NOT NULL,
    category text NOT NULL,
    channel text NOT NULL,
    state text NOT NULL,
    received_ms bigint NOT NULL,
    due_date date NOT NULL,
    new_due_date date,
    apology_ms bigint,
    returned_ms bigint,
    closed_ms bigint,
    result text,
    counter integer NOT NULL,
    officer text NOT NULL,
    updated_ms bigint NOT NULL,
    PRIMARY KEY (ward, day, code)
) PARTITION BY RANGE (day);
-- Dossiers still open matter to every later period: found without scanning closed ones.
CREATE INDEX dossiers_open ON dossiers (ward) WHERE closed_ms IS NULL;
-- Roll-up kept current by ingestion (each batch recomputes the ward-days it touched): per ward,
-- office day and category the additive figures, so the province overview ranks 130 wards over
-- a year from a few thousand rows. Percentiles come from the tickets themselves.
CREATE TABLE daily_rollup (
    ward text NOT NULL,
    day date NOT NULL,
    category text NOT NULL,
    issued integer NOT NULL,
    served integer NOT NULL,
    no_show integer NOT NULL,
    expired integer NOT NULL,
    called integer NOT NULL,
    within_target integer NOT NULL,
    timed integer NOT NULL,         -- served tickets with call, start and finish: the means' count
    wait_sum_s bigint NOT NULL,     -- over those, as the reports' means
    service_sum_s bigint NOT NULL,
    rated integer NOT NULL,
    satisfied integer NOT NULL,     -- levels 4 and 5
    PRIMARY KEY (ward, day, category)
);
)sql",
    R"sql(
-- Which months of a ward hold tickets (and dossiers, by day of receipt), stamped with the ward's acked seq of the last batch that
-- changed one of them: a hub process keeps a month's tickets in memory while its stamp stands.
CREATE TABLE ticket_months (
    ward text NOT NULL,
    month date NOT NULL,        -- its first day
    version bigint NOT NULL,
    PRIMARY KEY (ward, month)
);
CREATE TABLE dossier_months (LIKE ticket_months INCLUDING ALL);
INSERT INTO ticket_months (ward, month, version)
SELECT t.ward, date_trunc('month', t.day)::date, w.acked_seq
FROM (SELECT DISTINCT ward, day FROM tickets) t JOIN wards w ON w.code = t.ward
GROUP BY t.ward, date_trunc('month', t.day)::date, w.acked_seq;
INSERT INTO dossier_months (ward, month, version)
SELECT d.ward, date_trunc('month', d.day)::date, w.acked_seq
FROM (SELECT DISTINCT ward, day FROM dossiers) d JOIN wards w ON w.code = d.ward
GROUP BY d.ward, date_trunc('month', d.day)::date, w.acked_seq;
)sql",
    R"sql(
-- What each ticket was told at issue (DESIGN.md §9), for GET /reports/estimates, and the category
-- it was issued in, which the estimate belongs to. NULL on tickets shipped before: the ward sent
-- no estimate then, and issued_category is read as category.
ALTER TABLE tickets
    ADD COLUMN issued_category text,
    ADD COLUMN estimate_wait_s integer,
    ADD COLUMN estimate_low_s integer,
    ADD COLUMN estimate_high_s integer,
    ADD COLUMN estimate_baseline_s integer;
-- When the ward last finished re-sending the estimates of the tickets stored before (NULL: it
-- has yet to, and the acknowledgement asks it to).
ALTER TABLE wards ADD COLUMN estimates_refilled_ms bigint;
)sql",
};

const std::array<std::string_view, 4> kPartitioned{"events", "tickets", "ratings", "dossiers"};

}  // namespace

int latest_schema_version() {
    return static_cast<int>(kMigrations.size());
}

int migrate(pqxx::connection& c) {
    pqxx::work w(c);
    w.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLock);
    w.exec("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
    auto r = w.exec("SELECT version FROM schema_version");
    int version = r.empty() ? 0 : r[0][0].as<int>();
    if (r.empty()) w.exec("INSERT INTO schema_version VALUES (0)");
    if (version > latest_schema_version())
        throw std::runtime_error(
            fmt::format("the hub database has schema version {}, newer than this program's {}; "
                        "upgrade motcua-hub",
                        version, latest_schema_version()));
    while (version < latest_schema_version()) {
        w.exec(std::string(kMigrations[static_cast<std::size_t>(version)]));
        ++version;
    }
    w.exec_params("UPDATE schema_version SET version = $1", version);
    w.commit();
    return version;
}

std::string month_of(Day d) {
    return fmt::format("{:04}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
}

void Partitions::ensure(pqxx::connection& c, const std::set<std::string>& months) {
    std::set<std::string> missing;
    {
        std::lock_guard lock(mutex_);
        for (const auto& m : months)
            if (!known_.contains(m)) missing.insert(m);
    }
    if (missing.empty()) return;
    pqxx::work w(c);
    // Two hub processes may meet the same new month: one makes it, the other finds it.
    w.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLock);
    for (const auto& m : missing) {
        const int year = std::stoi(m.substr(0, 4));
        const int month = std::stoi(m.substr(5, 2));
        const int next_year = month == 12 ? year + 1 : year;
        const int next_month = month == 12 ? 1 : month + 1;
        for (auto table : kPartitioned)
            w.exec(
                fmt::format("CREATE TABLE IF NOT EXISTS {0}_{1:04}_{2:02} PARTITION OF {0} "
                            "FOR VALUES FROM ('{1:04}-{2:02}-01') TO ('{3:04}-{4:02}-01')",
                            table, year, month, next_year, next_month));
    }
    w.commit();
    std::lock_guard lock(mutex_);
    known_.insert(missing.begin(), missing.end());
}

}  // namespace motcua::hub
