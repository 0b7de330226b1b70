#include "store/store.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <future>

#include "motcua/clock.hpp"
#include "store/schema.hpp"

namespace motcua::store {

const char* const kTicketColumns =
    "id, day, issued_category, seq, number, category, priority, priority_reason, state, issued_at, "
    "queued_at, called_at, last_called_at, started_at, finished_at, counter, officer, outcome, "
    "recalls, rated, appointment_code, appointment_start, est_wait_s, est_low_s, est_high_s, "
    "est_baseline_s, idempotency_key";

const char* const kAppointmentColumns =
    "code, category, day, start_min, end_min, phone, state, booked_at, cancelled_at, "
    "checked_in_at, missed_at, ticket_id";

const char* const kDossierColumns =
    "code, day, seq, procedure, category, channel, state, received_at, due_date, new_due_date, "
    "apology_reason, "
    "apology_at, returned_at, closed_at, result, applicant_name, applicant_phone, "
    "applicant_id_number, "
    "applicant_address, ticket_id, counter, officer, return_ticket_id, updated_at, status_note";

namespace {

std::optional<TimePoint> opt_time(const Statement& st, int col) {
    if (auto v = st.opt_int64(col)) return from_epoch_ms(*v);
    return std::nullopt;
}

// A date column: the writer only stores valid "YYYY-MM-DD", but a database edited by hand must
// not take the service down; a bad value reads as 1970-01-01 and is logged.
Day stored_day(const std::string& text) {
    auto d = parse_day(text);
    if (d) return *d;
    spdlog::error("the database holds a bad date '{}': read as 1970-01-01", text);
    return Day{date::year{1970}, date::January, date::day{1}};
}

std::optional<std::int64_t> opt_ms(const std::optional<TimePoint>& t) {
    if (t) return to_epoch_ms(*t);
    return std::nullopt;
}

std::string reasons_text(const std::vector<RatingReason>& reasons) {
    std::string out;
    for (auto r : reasons) {
        if (!out.empty()) out += ',';
        out += to_string(r);
    }
    return out;
}

// A row of "SELECT seq, type, at, payload, detail FROM events".
ShippableEvent shippable_of(Statement& st) {
    ShippableEvent e{st.int64(0),
                     parse_enum<EventType>(st.text(1)).value_or(EventType::ticket_issued),
                     from_epoch_ms(st.int64(2)), st.text(3), std::nullopt};
    if (!st.is_null(4)) e.detail = st.text(4);
    return e;
}

}  // namespace

Ticket ticket_from_row(const Statement& st) {
    Ticket t;
    t.id = st.text(0);
    t.day = stored_day(st.text(1));
    t.issued_category = st.text(2);
    t.seq = st.integer(3);
    t.number = st.text(4);
    t.category = st.text(5);
    t.priority = st.integer(6) != 0;
    t.priority_reason = st.opt_text(7);
    t.state = parse_enum<TicketState>(st.text(8)).value_or(TicketState::waiting);
    t.issued_at = from_epoch_ms(st.int64(9));
    t.queued_at = from_epoch_ms(st.int64(10));
    t.called_at = opt_time(st, 11);
    t.last_called_at = opt_time(st, 12);
    t.started_at = opt_time(st, 13);
    t.finished_at = opt_time(st, 14);
    if (auto c = st.opt_int64(15)) t.counter = static_cast<int>(*c);
    t.officer = st.opt_text(16);
    if (auto o = st.opt_text(17)) t.outcome = parse_enum<FinishOutcome>(*o);
    t.recalls = st.integer(18);
    t.rating = st.integer(19);
    if (auto code = st.opt_text(20); code && st.opt_int64(21))
        t.appointment = AppointmentRef{*code, from_epoch_ms(*st.opt_int64(21))};
    if (auto wait = st.opt_int64(22))
        t.estimate = EstimateAtIssue{static_cast<int>(*wait),
                                     static_cast<int>(st.opt_int64(23).value_or(*wait)),
                                     static_cast<int>(st.opt_int64(24).value_or(*wait)),
                                     static_cast<int>(st.opt_int64(25).value_or(0))};
    t.idempotency_key = st.opt_text(26);
    return t;
}

Appointment appointment_from_row(const Statement& st) {
    Appointment a;
    a.code = st.text(0);
    a.category = st.text(1);
    a.day = stored_day(st.text(2));
    a.start = st.integer(3);
    a.end = st.integer(4);
    a.phone = st.opt_text(5);
    a.state = parse_enum<AppointmentState>(st.text(6)).value_or(AppointmentState::booked);
    a.booked_at = from_epoch_ms(st.int64(7));
    a.cancelled_at = opt_time(st, 8);
    a.checked_in_at = opt_time(st, 9);
    a.missed_at = opt_time(st, 10);
    a.ticket_id = st.opt_text(11);
    return a;
}

Rating rating_from_row(const Statement& st) {
    Rating r;
    r.ticket_id = st.text(0);
    r.ticket_number = st.text(1);
    r.category = st.text(2);
    r.day = stored_day(st.text(3));
    r.level = st.integer(4);
    const std::string reasons = st.text(5);
    std::size_t pos = 0;
    while (pos < reasons.size()) {
        const auto comma = reasons.find(',', pos);
        const auto item =
            reasons.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (auto reason = parse_enum<RatingReason>(item)) r.reasons.push_back(*reason);
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    r.comment = st.opt_text(6);
    r.counter = st.integer(7);
    r.officer = st.text(8);
    r.at = from_epoch_ms(st.int64(9));
    r.idempotency_key = st.opt_text(10);
    r.device = st.text(11);
    return r;
}

Dossier dossier_from_row(const Statement& st) {
    Dossier d;
    d.code = st.text(0);
    d.day = stored_day(st.text(1));
    d.seq = st.integer(2);
    d.procedure = st.text(3);
    d.category = st.text(4);
    d.channel = parse_enum<DossierChannel>(st.text(5)).value_or(DossierChannel::direct);
    d.state = parse_enum<DossierState>(st.text(6)).value_or(DossierState::received);
    d.received_at = from_epoch_ms(st.int64(7));
    d.due_date = stored_day(st.text(8));
    if (auto v = st.opt_text(9)) d.new_due_date = stored_day(*v);
    d.apology_reason = st.opt_text(10);
    d.apology_at = opt_time(st, 11);
    d.returned_at = opt_time(st, 12);
    d.closed_at = opt_time(st, 13);
    if (auto v = st.opt_text(14)) d.result = parse_enum<DossierResult>(*v);
    d.applicant.name = st.text(15);
    d.applicant.phone = st.opt_text(16);
    d.applicant.id_number = st.opt_text(17);
    d.applicant.address = st.opt_text(18);
    d.ticket_id = st.text(19);
    d.counter = st.integer(20);
    d.officer = st.text(21);
    d.return_ticket_id = st.opt_text(22);
    d.updated_at = from_epoch_ms(st.int64(23));
    d.note = st.opt_text(24);
    return d;
}

// ---- WriteTx ----------------------------------------------------------------------------------

WriteTx::WriteTx(Database& db)
    : db_(db),
      insert_event_(db.prepare(
          "INSERT INTO events (seq, type, at, day, ticket_id, counter, payload, officer, detail) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")),
      upsert_ticket_(db.prepare(fmt::format("INSERT OR REPLACE INTO tickets ({}) VALUES (?1, ?2, "
                                            "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                            "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
                                            "?23, ?24, ?25, ?26, ?27)",
                                            kTicketColumns))),
      upsert_counter_(db.prepare(
          "INSERT OR REPLACE INTO counters (number, state, officer, current_ticket, since) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")),
      insert_rating_(db.prepare(
          "INSERT INTO ratings (ticket_id, day, level, reasons, comment, counter, officer, "
          "at, idempotency_key, device) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")),
      // An upsert by code that never replaces a row: a second dossier with the same day and
      // sequence fails the (day, seq) index instead of silently deleting the first one.
      upsert_dossier_(db.prepare(fmt::format(
          "INSERT INTO dossiers ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
          "?13, "
          "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25) ON CONFLICT(code) DO UPDATE "
          "SET "
          "state = excluded.state, new_due_date = excluded.new_due_date, "
          "apology_reason = excluded.apology_reason, apology_at = excluded.apology_at, "
          "returned_at = excluded.returned_at, closed_at = excluded.closed_at, result = "
          "excluded.result, "
          "return_ticket_id = excluded.return_ticket_id, updated_at = excluded.updated_at, "
          "status_note = excluded.status_note",
          kDossierColumns))),
      // The phone is written once, at booking; later changes keep it (or its erasure).
      upsert_appointment_(db.prepare(fmt::format(
          "INSERT INTO appointments ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
          "?12) ON CONFLICT(code) DO UPDATE SET state = excluded.state, "
          "cancelled_at = excluded.cancelled_at, checked_in_at = excluded.checked_in_at, "
          "missed_at = excluded.missed_at, ticket_id = excluded.ticket_id",
          kAppointmentColumns))),
      put_meta_(db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")),
      audit_(db) {}

void WriteTx::record(const DomainEvent& e, std::string_view day, std::string_view payload,
                     std::string_view detail, const Actor& who) {
    // The row's columns once: stored, and digested for the audit entry that records it.
    EventColumns row{e.seq,
                     std::string(to_string(e.type)),
                     to_epoch_ms(e.at),
                     std::string(day),
                     std::nullopt,
                     std::nullopt,
                     std::string(payload),
                     std::nullopt,
                     std::string(detail)};
    if (e.ticket) row.ticket_id = e.ticket->id;
    if (e.counter) {
        row.counter = e.counter->number;
        row.officer = e.counter->officer;
    }
    insert_event_.bind(1, row.seq)
        .bind(2, row.type)
        .bind(3, row.at)
        .bind(4, row.day)
        .bind(5, row.ticket_id)
        .bind(6, row.counter)
        .bind(7, row.payload)
        .bind(8, row.officer)
        .bind(9, row.detail)
        .run();
    AuditEntry entry;
    entry.at = e.at;
    entry.who = who;
    entry.action = std::string(to_string(e.type));
    entry.subject = event_subject(e);
    entry.event_seq = e.seq;
    entry.event_digest = event_digest(row);
    audit_.append(std::move(entry));
    if (e.ticket) {
        const Ticket& t = *e.ticket;
        upsert_ticket_.bind(1, t.id)
            .bind(2, format_day(t.day))
            .bind(3, t.issued_category)
            .bind(4, t.seq)
            .bind(5, t.number)
            .bind(6, t.category)
            .bind(7, t.priority ? 1 : 0)
            .bind(8, t.priority_reason)
            .bind(9, to_string(t.state))
            .bind(10, to_epoch_ms(t.issued_at))
            .bind(11, to_epoch_ms(t.queued_at))
            .bind(12, opt_ms(t.called_at))
            .bind(13, opt_ms(t.last_called_at))
            .bind(14, opt_ms(t.started_at))
            .bind(15, opt_ms(t.finished_at))
            .bind(16, t.counter)
            .bind(17, t.officer);
        if (t.outcome) upsert_ticket_.bind(18, to_string(*t.outcome));
        upsert_ticket_.bind(19, t.recalls).bind(20, t.rating);
        if (t.appointment)
            upsert_ticket_.bind(21, t.appointment->code)
                .bind(22, to_epoch_ms(t.appointment->start));
        if (t.estimate)
            upsert_ticket_.bind(23, t.estimate->wait_s)
                .bind(24, t.estimate->low_s)
                .bind(25, t.estimate->high_s)
                .bind(26, t.estimate->baseline_s);
        upsert_ticket_.bind(27, t.idempotency_key);
        upsert_ticket_.run();
    }
    if (e.counter) {
        const CounterStatus& c = *e.counter;
        upsert_counter_.bind(1, c.number)
            .bind(2, to_string(c.state))
            .bind(3, c.officer)
            .bind(4, c.current_ticket)
            .bind(5, to_epoch_ms(c.since))
            .run();
    }
    if (e.appointment) {
        const Appointment& a = *e.appointment;
        upsert_appointment_.bind(1, a.code)
            .bind(2, a.category)
            .bind(3, format_day(a.day))
            .bind(4, a.start)
            .bind(5, a.end)
            .bind(6, a.phone)
            .bind(7, to_string(a.state))
            .bind(8, to_epoch_ms(a.booked_at))
            .bind(9, opt_ms(a.cancelled_at))
            .bind(10, opt_ms(a.checked_in_at))
            .bind(11, opt_ms(a.missed_at))
            .bind(12, a.ticket_id)
            .run();
    }
    if (e.dossier) {
        const Dossier& d = *e.dossier;
        std::optional<std::string> new_due;
        if (d.new_due_date) new_due = format_day(*d.new_due_date);
        std::optional<std::string> result;
        if (d.result) result = std::string(to_string(*d.result));
        upsert_dossier_.bind(1, d.code)
            .bind(2, format_day(d.day))
            .bind(3, d.seq)
            .bind(4, d.procedure)
            .bind(5, d.category)
            .bind(6, to_string(d.channel))
            .bind(7, to_string(d.state))
            .bind(8, to_epoch_ms(d.received_at))
            .bind(9, format_day(d.due_date))
            .bind(10, new_due)
            .bind(11, d.apology_reason)
            .bind(12, opt_ms(d.apology_at))
            .bind(13, opt_ms(d.returned_at))
            .bind(14, opt_ms(d.closed_at))
            .bind(15, result)
            .bind(16, d.applicant.name)
            .bind(17, d.applicant.phone)
            .bind(18, d.applicant.id_number)
            .bind(19, d.applicant.address)
            .bind(20, d.ticket_id)
            .bind(21, d.counter)
            .bind(22, d.officer)
            .bind(23, d.return_ticket_id)
            .bind(24, to_epoch_ms(d.updated_at))
            .bind(25, d.note)
            .run();
    }
    if (e.rating) {
        const Rating& r = *e.rating;
        insert_rating_.bind(1, r.ticket_id)
            .bind(2, format_day(r.day))
            .bind(3, r.level)
            .bind(4, reasons_text(r.reasons))
            .bind(5, r.comment)
            .bind(6, r.counter)
            .bind(7, r.officer)
            .bind(8, to_epoch_ms(r.at))
            .bind(9, r.idempotency_key)
            .bind(10, r.device)
            .run();
    }
}

void WriteTx::audit(TimePoint at, const Actor& who, std::string action, std::string subject) {
    AuditEntry entry;
    entry.at = at;
    entry.who = who;
    entry.action = std::move(action);
    entry.subject = std::move(subject);
    audit_.append(std::move(entry));
}

void WriteTx::put_meta(std::string_view key, std::string_view value) {
    put_meta_.bind(1, key).bind(2, value).run();
}

void WriteTx::add_officer(const OfficerRecord& o, TimePoint now) {
    db_.prepare(
           "INSERT INTO officers (username, name, role, password_hash, created_at) VALUES (?1, ?2, "
           "?3, ?4, ?5)")
        .bind(1, o.username)
        .bind(2, o.name)
        .bind(3, to_string(o.role))
        .bind(4, o.password_hash)
        .bind(5, to_epoch_ms(now))
        .run();
}

std::int64_t WriteTx::add_device(const DeviceRecord& d, std::string_view token_hash,
                                 TimePoint now) {
    db_.prepare(
           "INSERT INTO devices (name, role, counter, token_hash, created_at) VALUES (?1, ?2, ?3, "
           "?4, ?5)")
        .bind(1, d.name)
        .bind(2, to_string(d.role))
        .bind(3, d.counter)
        .bind(4, token_hash)
        .bind(5, to_epoch_ms(now))
        .run();
    return sqlite3_last_insert_rowid(db_.handle());
}

void WriteTx::add_session(std::string_view token_hash, std::string_view username,
                          TimePoint expires_at) {
    db_.prepare("INSERT INTO sessions (token_hash, username, expires_at) VALUES (?1, ?2, ?3)")
        .bind(1, token_hash)
        .bind(2, username)
        .bind(3, to_epoch_ms(expires_at))
        .run();
}

void WriteTx::delete_session(std::string_view token_hash) {
    db_.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind(1, token_hash).run();
}

int WriteTx::erase_appointment_phones(Day before) {
    db_.prepare("UPDATE appointments SET phone = NULL WHERE day < ?1 AND phone IS NOT NULL")
        .bind(1, format_day(before))
        .run();
    return sqlite3_changes(db_.handle());
}

// ---- Store ------------------------------------------------------------------------------------

Store::Store(const std::string& path, const std::string& vfs)
    : path_(path), write_db_(path, false, vfs), read_db_(path, false, vfs) {}

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const std::string& vfs) {
    try {
        {
            Database db(path, false, vfs);
            migrate(db);
        }
        std::unique_ptr<Store> store(new Store(path, vfs));
        store->writer_ = std::thread([s = store.get()] { s->writer_loop(); });
        return store;
    } catch (const SqliteError& e) {
        return make_error(ErrorCode::database_error, e.what());
    }
}

Store::~Store() {
    {
        std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_cv_.notify_all();
    if (writer_.joinable()) writer_.join();
}

void Store::submit(Job job, Done done, bool isolated) {
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back({std::move(job), std::move(done), isolated});
    }
    queue_cv_.notify_one();
}

Status Store::write(Job job) {
    std::promise<Status> promise;
    auto future = promise.get_future();
    submit(
        std::move(job), [&promise](const Status& s) { promise.set_value(s); }, true);
    return future.get();
}

void Store::flush() {
    (void)write([](WriteTx&) {});
}

Status Store::recover() {
    std::promise<Status> promise;
    auto future = promise.get_future();
    {
        std::lock_guard lock(queue_mutex_);
        queue_.push_back({[](WriteTx& tx) {
                              tx.put_meta("storage_checked_at",
                                          std::to_string(to_epoch_ms(SystemClock{}.now())));
                          },
                          [&promise](const Status& s) { promise.set_value(s); }, false, true});
    }
    queue_cv_.notify_one();
    return future.get();
}

namespace {

Error storage_unavailable(std::string_view why) {
    return make_error(ErrorCode::storage_unavailable,
                      fmt::format("the server cannot write to its disk ({}); nothing was changed: "
                                  "try again in a moment",
                                  why));
}

}  // namespace

void Store::writer_loop() {
    WriteTx tx(write_db_);
    auto savepoint = write_db_.prepare("SAVEPOINT job");
    auto release = write_db_.prepare("RELEASE job");
    auto rollback_to = write_db_.prepare("ROLLBACK TO job");
    auto begin = write_db_.prepare("BEGIN IMMEDIATE");
    auto commit = write_db_.prepare("COMMIT");
    auto rollback = write_db_.prepare("ROLLBACK");
    std::vector<Pending> batch;
    std::vector<Status> results;
    std::vector<bool> runs;
    while (true) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and everything queued was written
            batch.swap(queue_);
        }
        // After a failure only recover()'s probe runs: the jobs queued behind the lost ones may
        // build on them (DESIGN.md §6: nothing is acknowledged that is not durable).
        const bool was_failed = failed_.load();
        results.assign(batch.size(), Status{Ok{}});
        runs.assign(batch.size(), false);
        bool any = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            runs[i] = !was_failed || batch[i].probe;
            if (!runs[i]) results[i] = storage_unavailable("an earlier write failed");
            any = any || runs[i];
        }
        if (any) {
            try {
                begin.run();
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    if (!runs[i]) continue;
                    Pending& p = batch[i];
                    if (!p.isolated) {
                        p.job(tx);  // throws on a broken disk or a defect: the batch fails
                        continue;
                    }
                    // An isolated job in its own savepoint: if it fails it changes nothing, alone.
                    savepoint.run();
                    try {
                        p.job(tx);
                        release.run();
                    } catch (const SqliteError& e) {
                        rollback_to.run();
                        release.run();
                        if (e.storage_failure()) throw;
                        results[i] = make_error(ErrorCode::database_error, e.what());
                    }
                }
                commit.run();  // WAL + synchronous=FULL: durable when this returns
                commits_.fetch_add(1);
                if (was_failed) {
                    failed_ = false;
                    spdlog::warn("the database takes writes again");
                }
            } catch (const SqliteError& e) {
                // Nothing of this batch is on disk: roll back and fail every job of it. The
                // callers' memory is ahead of the disk; they rebuild it from the database.
                if (write_db_.in_transaction()) {
                    try {
                        rollback.run();
                    } catch (const SqliteError& again) {
                        spdlog::error("database rollback failed: {}", again.what());
                    }
                }
                if (!was_failed)
                    spdlog::critical("database write failed, nothing of it was stored: {}",
                                     e.what());
                failed_ = true;
                const Error why = e.storage_failure()
                                      ? storage_unavailable(e.what())
                                      : make_error(ErrorCode::database_error, e.what());
                for (std::size_t i = 0; i < batch.size(); ++i)
                    if (runs[i]) results[i] = why;
            }
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            // Each job and its `done` go as soon as it has run, in order: what a `done` holds
            // (a request's session) is released before any later `done` (flush's) reports.
            Pending p = std::move(batch[i]);
            batch[i] = {};
            if (p.done) p.done(results[i]);
        }
        batch.clear();
    }
}

Snapshot Store::load_snapshot(Day day) {
    std::lock_guard lock(read_mutex_);
    Snapshot s;
    s.day = day;
    const std::string day_text = format_day(day);
    {
        auto st = read_db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
        st.step();
        s.last_seq = st.int64(0);
    }
    {
        // Today's tickets, and any earlier ticket still held at a counter.
        auto st = read_db_.prepare(fmt::format(
            "SELECT {} FROM tickets WHERE day = ?1 OR id IN (SELECT current_ticket FROM counters "
            "WHERE current_ticket IS NOT NULL)",
            kTicketColumns));
        st.bind(1, day_text);
        while (st.step()) s.tickets.push_back(ticket_from_row(st));
    }
    {
        auto st = read_db_.prepare(
            "SELECT issued_category, MAX(seq) FROM tickets WHERE day = ?1 GROUP BY "
            "issued_category");
        st.bind(1, day_text);
        while (st.step()) s.next_seq[st.text(0)] = st.integer(1);
    }
    {
        auto st =
            read_db_.prepare("SELECT number, state, officer, current_ticket, since FROM counters");
        while (st.step()) {
            CounterStatus c;
            c.number = st.integer(0);
            c.state = parse_enum<CounterState>(st.text(1)).value_or(CounterState::closed);
            c.officer = st.opt_text(2);
            c.current_ticket = st.opt_text(3);
            c.since = from_epoch_ms(st.int64(4));
            s.counters.push_back(std::move(c));
        }
    }
    {
        auto st = read_db_.prepare(
            "SELECT idempotency_key, ticket_id FROM ratings WHERE day = ?1 AND idempotency_key IS "
            "NOT NULL");
        st.bind(1, day_text);
        while (st.step()) s.rating_keys.emplace_back(st.text(0), st.text(1));
    }
    return s;
}

std::vector<Ticket> Store::estimated_tickets(Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(
        fmt::format("SELECT {} FROM tickets WHERE day BETWEEN ?1 AND ?2 AND est_wait_s IS NOT NULL "
                    "AND called_at IS NOT NULL ORDER BY day, issued_at",
                    kTicketColumns));
    st.bind(1, format_day(from)).bind(2, format_day(to));
    std::vector<Ticket> out;
    while (st.step()) out.push_back(ticket_from_row(st));
    return out;
}

std::vector<Ticket> Store::estimated_tickets_after(Day day, std::string_view id, int limit) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(
        fmt::format("SELECT {} FROM tickets WHERE est_wait_s IS NOT NULL AND (day, id) > (?1, ?2) "
                    "ORDER BY day, id LIMIT ?3",
                    kTicketColumns));
    st.bind(1, format_day(day)).bind(2, std::string(id)).bind(3, limit);
    std::vector<Ticket> out;
    while (st.step()) out.push_back(ticket_from_row(st));
    return out;
}

std::vector<Ticket> Store::desk_history(Day from) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(
        fmt::format("SELECT {} FROM tickets WHERE day >= ?1 AND state IN ('done', 'no_show') AND "
                    "finished_at IS NOT NULL ORDER BY finished_at, id",
                    kTicketColumns));
    st.bind(1, format_day(from));
    std::vector<Ticket> out;
    while (st.step()) out.push_back(ticket_from_row(st));
    return out;
}

std::optional<Ticket> Store::find_ticket(const std::string& id) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(fmt::format("SELECT {} FROM tickets WHERE id = ?1", kTicketColumns));
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return ticket_from_row(st);
}

std::optional<Dossier> Store::find_dossier(const std::string& code) {
    std::lock_guard lock(read_mutex_);
    auto st =
        read_db_.prepare(fmt::format("SELECT {} FROM dossiers WHERE code = ?1", kDossierColumns));
    st.bind(1, code);
    if (!st.step()) return std::nullopt;
    return dossier_from_row(st);
}

std::vector<Appointment> Store::appointments_from(Day from) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(fmt::format(
        "SELECT {} FROM appointments WHERE day >= ?1 ORDER BY day, start_min, booked_at",
        kAppointmentColumns));
    st.bind(1, format_day(from));
    std::vector<Appointment> out;
    while (st.step()) out.push_back(appointment_from_row(st));
    return out;
}

std::vector<Appointment> Store::appointments_between(Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    auto st =
        read_db_.prepare(fmt::format("SELECT {} FROM appointments WHERE day BETWEEN ?1 AND ?2 "
                                     "ORDER BY day, start_min, booked_at",
                                     kAppointmentColumns));
    st.bind(1, format_day(from)).bind(2, format_day(to));
    std::vector<Appointment> out;
    while (st.step()) out.push_back(appointment_from_row(st));
    return out;
}

std::vector<Ticket> Store::appointment_tickets(Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(fmt::format(
        "SELECT {} FROM tickets WHERE day BETWEEN ?1 AND ?2 AND appointment_code IS NOT NULL",
        kTicketColumns));
    st.bind(1, format_day(from)).bind(2, format_day(to));
    std::vector<Ticket> out;
    while (st.step()) out.push_back(ticket_from_row(st));
    return out;
}

int Store::last_dossier_seq(Day day) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM dossiers WHERE day = ?1");
    st.bind(1, format_day(day));
    st.step();
    return st.integer(0);
}

std::vector<Dossier> Store::dossiers_open_during(TimePoint start, TimePoint end) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(fmt::format(
        "SELECT {} FROM dossiers WHERE received_at < ?2 AND (closed_at IS NULL OR closed_at >= ?1) "
        "ORDER BY received_at, code",
        kDossierColumns));
    st.bind(1, to_epoch_ms(start)).bind(2, to_epoch_ms(end));
    std::vector<Dossier> out;
    while (st.step()) out.push_back(dossier_from_row(st));
    return out;
}

std::vector<Dossier> Store::dossiers_received_between(TimePoint start, TimePoint end) {
    std::lock_guard lock(read_mutex_);
    auto st =
        read_db_.prepare(fmt::format("SELECT {} FROM dossiers WHERE received_at >= ?1 AND "
                                     "received_at < ?2 ORDER BY received_at, code",
                                     kDossierColumns));
    st.bind(1, to_epoch_ms(start)).bind(2, to_epoch_ms(end));
    std::vector<Dossier> out;
    while (st.step()) out.push_back(dossier_from_row(st));
    return out;
}

std::vector<StoredEvent> Store::events_between(std::int64_t since, std::int64_t upto, int limit) {
    std::lock_guard lock(read_mutex_);
    std::vector<StoredEvent> out;
    auto st = read_db_.prepare(
        "SELECT seq, payload FROM events WHERE seq > ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3");
    st.bind(1, since).bind(2, upto).bind(3, limit);
    while (st.step()) out.push_back({st.int64(0), st.text(1)});
    return out;
}

std::vector<ShippableEvent> Store::events_to_ship(std::int64_t after, int limit) {
    std::lock_guard lock(read_mutex_);
    std::vector<ShippableEvent> out;
    auto st = read_db_.prepare(
        "SELECT seq, type, at, payload, detail FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2");
    st.bind(1, after).bind(2, limit);
    while (st.step()) out.push_back(shippable_of(st));
    return out;
}

std::vector<ShippableEvent> Store::events_of_days(Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    std::vector<ShippableEvent> out;
    auto st = read_db_.prepare(
        "SELECT seq, type, at, payload, detail FROM events WHERE day BETWEEN ?1 AND ?2 ORDER BY "
        "seq");
    st.bind(1, format_day(from)).bind(2, format_day(to));
    while (st.step()) out.push_back(shippable_of(st));
    return out;
}

std::int64_t Store::last_event_seq() {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
    st.step();
    return st.int64(0);
}

std::optional<std::string> Store::meta(std::string_view key) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::optional<OfficerRecord> Store::officer(std::string_view username) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare(
        "SELECT username, name, role, password_hash FROM officers WHERE username = ?1");
    st.bind(1, username);
    if (!st.step()) return std::nullopt;
    return OfficerRecord{st.text(0), st.text(1),
                         parse_enum<OfficerRole>(st.text(2)).value_or(OfficerRole::officer),
                         st.text(3)};
}

std::optional<DeviceRecord> Store::device_by_token_hash(std::string_view token_hash) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT id, name, role, counter FROM devices WHERE token_hash = ?1");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    DeviceRecord d{st.int64(0),
                   st.text(1),
                   parse_enum<DeviceRole>(st.text(2)).value_or(DeviceRole::board),
                   {}};
    if (auto c = st.opt_int64(3)) d.counter = static_cast<int>(*c);
    return d;
}

std::optional<SessionRecord> Store::session(std::string_view token_hash) {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT username, expires_at FROM sessions WHERE token_hash = ?1");
    st.bind(1, token_hash);
    if (!st.step()) return std::nullopt;
    return SessionRecord{st.text(0), from_epoch_ms(st.int64(1))};
}

std::vector<AuditEntry> Store::audit_entries(TimePoint from, TimePoint to, std::string_view who) {
    std::lock_guard lock(read_mutex_);
    return store::audit_entries(read_db_, from, to, who);
}

AuditCheck Store::verify_audit() {
    std::lock_guard lock(read_mutex_);
    // One read transaction: the chain and the events as of one moment, while the service writes.
    read_db_.exec("BEGIN");
    try {
        auto check = store::verify_audit(read_db_);
        read_db_.exec("COMMIT");
        return check;
    } catch (...) {
        read_db_.exec("ROLLBACK");
        throw;
    }
}

ReportRows Store::report_rows(Day from, Day to, TimePoint end) {
    ReportRows out;
    append_report_tickets(out, from, to);
    out.counter_events = counter_events(end);
    out.officer_names = officer_names();
    return out;
}

void Store::append_report_tickets(ReportRows& out, Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    // A lean scan in day order (the day index): numbers and interned strings, no per-row
    // allocation. A ticket closed by the end-of-day rule has no known end of service.
    auto st = read_db_.prepare(
        "SELECT category, officer, counter, day, state, rated, issued_at, called_at, started_at, "
        "CASE WHEN outcome = 'closed_at_day_end' THEN NULL ELSE finished_at END, "
        "appointment_code IS NOT NULL "
        "FROM tickets WHERE day BETWEEN ?1 AND ?2 ORDER BY day");
    st.bind(1, format_day(from)).bind(2, format_day(to));
    ReportRowsBuilder rows(out);
    const auto ms = [&](int col) { return st.is_null(col) ? std::int64_t{-1} : st.int64(col); };
    while (st.step())
        rows.add(st.text_view(0), st.is_null(1) ? std::nullopt : std::optional(st.text_view(1)),
                 st.integer(2), st.text_view(3), st.text_view(4), st.integer(5), st.int64(6), ms(7),
                 ms(8), ms(9), st.integer(10) != 0);
}

void ReportRowsBuilder::add(std::string_view category, std::optional<std::string_view> officer,
                            int counter, std::string_view day, std::string_view state, int rating,
                            std::int64_t issued_ms, std::int64_t called_ms, std::int64_t started_ms,
                            std::int64_t finished_ms, bool booked) {
    // A lean append: numbers and interned strings, no per-row allocation.
    const auto intern = [](std::vector<std::string>& table, std::string_view text) {
        for (std::size_t i = table.size(); i-- > 0;)
            if (table[i] == text) return static_cast<std::int32_t>(i);
        table.emplace_back(text);
        return static_cast<std::int32_t>(table.size() - 1);
    };
    ReportTicket t;
    t.category = intern(out_.categories, category);
    if (officer) t.officer = intern(out_.officers, *officer);
    t.counter = counter;
    if (day != last_day_) {
        last_day_ = day;
        const Day d = stored_day(std::string(day));
        auto it = std::find(out_.days.begin(), out_.days.end(), d);
        if (it == out_.days.end()) it = out_.days.insert(out_.days.end(), d);
        day_index_ = static_cast<std::int32_t>(it - out_.days.begin());
    }
    t.day = day_index_;
    t.state = parse_enum<TicketState>(state).value_or(TicketState::waiting);
    t.rating = static_cast<std::int8_t>(rating);
    t.issued_ms = issued_ms;
    t.called_ms = called_ms;
    t.started_ms = started_ms;
    t.finished_ms = finished_ms;
    t.booked = booked;
    out_.tickets.push_back(t);
}

std::vector<CounterEventRow> Store::counter_events(TimePoint end) {
    std::lock_guard lock(read_mutex_);
    std::vector<CounterEventRow> out;
    auto st = read_db_.prepare(
        "SELECT at, counter, type, officer FROM events WHERE type IN ('counter_opened', "
        "'counter_closed', "
        "'counter_paused') AND at < ?1 ORDER BY seq");
    st.bind(1, to_epoch_ms(end));
    while (st.step())
        out.push_back({from_epoch_ms(st.int64(0)), st.integer(1),
                       parse_enum<EventType>(st.text(2)).value_or(EventType::counter_closed),
                       st.opt_text(3)});
    return out;
}

std::map<std::string, std::string> Store::officer_names() {
    std::lock_guard lock(read_mutex_);
    std::map<std::string, std::string> out;
    auto st = read_db_.prepare("SELECT username, name FROM officers");
    while (st.step()) out[st.text(0)] = st.text(1);
    return out;
}

std::vector<Rating> Store::ratings_between(Day from, Day to) {
    std::lock_guard lock(read_mutex_);
    return query_ratings(format_day(from), format_day(to));
}

std::vector<Rating> Store::query_ratings(const std::string& from, const std::string& to) {
    std::vector<Rating> out;
    auto st = read_db_.prepare(
        "SELECT r.ticket_id, t.number, t.category, r.day, r.level, r.reasons, r.comment, "
        "r.counter, r.officer, r.at, "
        "r.idempotency_key, r.device FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        "WHERE r.day BETWEEN ?1 AND ?2 ORDER BY r.at");
    st.bind(1, from).bind(2, to);
    while (st.step()) out.push_back(rating_from_row(st));
    return out;
}

std::int64_t Store::count_tickets() {
    std::lock_guard lock(read_mutex_);
    auto st = read_db_.prepare("SELECT COUNT(*) FROM tickets");
    st.step();
    return st.int64(0);
}

}  // namespace motcua::store
