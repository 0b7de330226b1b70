#pragma once
/// The ward's SQLite store: one writer thread with group commit, plus a read connection.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"
#include "store/audit.hpp"
#include "store/sqlite.hpp"

namespace motcua::store {

struct OfficerRecord {
    std::string username;
    std::string name;
    OfficerRole role = OfficerRole::officer;
    std::string password_hash;  // argon2id, libsodium's encoded form
};

struct DeviceRecord {
    std::int64_t id = 0;
    std::string name;
    DeviceRole role = DeviceRole::kiosk;
    std::optional<int> counter;
};

struct SessionRecord {
    std::string username;
    TimePoint expires_at;
};

struct StoredEvent {
    std::int64_t seq = 0;
    std::string payload;  // the event's JSON as sent on the WebSocket
};

/// An event as the hub shipper reads it.
struct ShippableEvent {
    std::int64_t seq = 0;
    EventType type = EventType::ticket_issued;
    TimePoint at;
    std::string payload;  // the WebSocket JSON (public view)
    std::optional<std::string>
        detail;  // hub::ShippedEvent JSON; absent on events older than migration 4
};

/// A counter opened, closed or paused: the officer report rebuilds sessions from these.
struct CounterEventRow {
    TimePoint at;
    int counter = 0;
    EventType type = EventType::counter_closed;
    std::optional<std::string> officer;  // username, for counter_opened
};

/// One ticket as the reports read it: numbers only, strings interned in ReportRows.
struct ReportTicket {
    std::int32_t category = 0;  // index into ReportRows::categories
    std::int32_t officer = -1;  // index into ReportRows::officers, -1 when never called
    std::int32_t counter = 0;   // 0 when never called
    std::int32_t day = 0;       // index into ReportRows::days
    TicketState state = TicketState::waiting;
    std::int8_t rating = 0;  // level, 0 when not rated
    std::int64_t issued_ms = 0;
    std::int64_t called_ms = -1;  // -1: not set
    std::int64_t started_ms = -1;
    std::int64_t finished_ms = -1;
    /// Issued at a check-in for a booking (DESIGN.md §10): the turnaround's `kind` filter.
    bool booked = false;
};

/// What the reports read for a period.
struct ReportRows {
    std::vector<std::string> categories;  // codes, as met
    std::vector<std::string> officers;    // usernames, as met
    std::vector<Day> days;                // office days, as met
    /// Target wait per interned category when the rows mix offices (the province hub: the same
    /// code may have a different target in each ward); empty: the config's targets.
    std::vector<int> category_targets;
    std::vector<ReportTicket> tickets;
    std::vector<CounterEventRow> counter_events;  // every one before the period's end, in order
    std::map<std::string, std::string> officer_names;
};

/// Appends stored ticket rows to ReportRows, interning categories, officers and office days as
/// met: the ward's store and the hub's projections read tickets the same way.
class ReportRowsBuilder {
public:
    explicit ReportRowsBuilder(ReportRows& out) : out_(out) {}
    /// Times in ms since the epoch, -1 when not set; `day` as stored ("YYYY-MM-DD").
    void add(std::string_view category, std::optional<std::string_view> officer, int counter,
             std::string_view day, std::string_view state, int rating, std::int64_t issued_ms,
             std::int64_t called_ms, std::int64_t started_ms, std::int64_t finished_ms,
             bool booked = false);

private:
    ReportRows& out_;
    std::string last_day_;
    std::int32_t day_index_ = -1;
};

/// The writes of one job, inside the writer's transaction.
class WriteTx {
public:
    /// Appends the event to the log and applies its snapshots (ticket, counter, rating), and
    /// records `who` made it in the audit trail. `detail` is what the event ships to the hub
    /// (hub::ShippedEvent as JSON).
    void record(const DomainEvent& e, std::string_view day, std::string_view payload,
                std::string_view detail, const Actor& who);
    /// Records a change outside the event log (an account, a login) in the audit trail.
    void audit(TimePoint at, const Actor& who, std::string action, std::string subject);
    void put_meta(std::string_view key, std::string_view value);
    void add_officer(const OfficerRecord& officer, TimePoint now);
    std::int64_t add_device(const DeviceRecord& device, std::string_view token_hash, TimePoint now);
    void add_session(std::string_view token_hash, std::string_view username, TimePoint expires_at);
    void delete_session(std::string_view token_hash);
    /// Erases the phone numbers of bookings for days before `before` (DESIGN.md §10's
    /// retain_days); the number of bookings changed.
    int erase_appointment_phones(Day before);

private:
    friend class Store;
    explicit WriteTx(Database& db);
    Database& db_;
    Statement insert_event_;
    Statement upsert_ticket_;
    Statement upsert_counter_;
    Statement insert_rating_;
    Statement upsert_dossier_;
    Statement upsert_appointment_;
    Statement put_meta_;
    AuditWriter audit_;
};

class Store {
public:
    using Job = std::function<void(WriteTx&)>;
    using Done = std::function<void(const Status&)>;

    /// Opens or creates the database at `path` and applies migrations. `vfs` names an SQLite
    /// VFS (tests inject disk faults with one); empty: SQLite's default.
    static Result<std::unique_ptr<Store>> open(const std::string& path,
                                               const std::string& vfs = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// Queues a job for the writer. `done` runs on the writer thread once the transaction holding
    /// the job is durable. An `isolated` job runs in its own savepoint: if it fails it changed
    /// nothing and `done` gets its error.
    ///
    /// When the disk fails (full, I/O error) the transaction is rolled back and every `done` of
    /// it gets 503 storage_unavailable: nothing of it is on disk. The store then stays failed:
    /// every job queued after it fails the same way without running (the caller's memory may
    /// build on what was lost), until recover() finds the disk writable again.
    void submit(Job job, Done done, bool isolated = false);
    /// After a failure: waits until every job queued before it has been answered, then tries a
    /// small write. Ok when the disk takes writes again (the store accepts jobs from then on).
    /// Without a failure it is a barrier plus that write.
    Status recover();
    /// True from a failed write until recover() succeeds.
    [[nodiscard]] bool failed() const { return failed_.load(); }
    /// Submits and waits: for the CLI and for start-up.
    Status write(Job job);
    /// Waits until every write submitted before it is on disk and its `done` has run and been
    /// destroyed (a `done` may hold a request's session: the network must outlive it).
    void flush();

    // ---- reads (any thread) ----
    Snapshot load_snapshot(Day day);
    std::optional<Ticket> find_ticket(const std::string& id);
    /// Tickets of office days from `from` on that finished or were marked absent, in the order
    /// they did (then by id): the history the wait estimates learn from (DESIGN.md §9).
    std::vector<Ticket> desk_history(Day from);
    /// Events with since < seq <= upto, oldest first, at most `limit`.
    std::vector<StoredEvent> events_between(std::int64_t since, std::int64_t upto, int limit);
    /// Events with seq > after, oldest first, at most `limit`, for shipping to the hub.
    std::vector<ShippableEvent> events_to_ship(std::int64_t after, int limit);
    /// Every event of office days [from, to], in order, for a replay (the backtest).
    std::vector<ShippableEvent> events_of_days(Day from, Day to);
    /// The highest event seq stored (0 when none).
    std::int64_t last_event_seq();
    std::optional<std::string> meta(std::string_view key);
    std::optional<OfficerRecord> officer(std::string_view username);
    std::optional<DeviceRecord> device_by_token_hash(std::string_view token_hash);
    std::optional<SessionRecord> session(std::string_view token_hash);
    /// The audit trail's entries with `at` in [from, to), of `who` when not empty.
    std::vector<AuditEntry> audit_entries(TimePoint from, TimePoint to, std::string_view who);
    /// Walks the audit chain and the events it records (`audit verify`).
    AuditCheck verify_audit();
    std::int64_t count_tickets();
    /// Tickets and ratings of the office days [from, to]; counter events before `end`.
    ReportRows report_rows(Day from, Day to, TimePoint end);
    /// Appends the tickets of [from, to] to `out`, in day order, interning into its tables.
    void append_report_tickets(ReportRows& out, Day from, Day to);
    /// Counter opened/closed/paused events before `end`, in order.
    std::vector<CounterEventRow> counter_events(TimePoint end);
    std::map<std::string, std::string> officer_names();
    std::vector<Rating> ratings_between(Day from, Day to);
    std::optional<Dossier> find_dossier(const std::string& code);
    /// Bookings of office days from `from` on (DESIGN.md §10), for the service's book.
    std::vector<Appointment> appointments_from(Day from);
    /// Bookings of office days [from, to], for the officers' list and the report.
    std::vector<Appointment> appointments_between(Day from, Day to);
    /// Tickets of [from, to] that were called and told an estimate at issue, for the estimates
    /// report (DESIGN.md §9).
    std::vector<Ticket> estimated_tickets(Day from, Day to);
    /// Tickets told an estimate at issue after (`day`, `id`) in (day, id) order, at most
    /// `limit`: what the shipper re-sends to a hub that stored their events without it.
    std::vector<Ticket> estimated_tickets_after(Day day, std::string_view id, int limit);
    /// Tickets of [from, to] checked in with a booking, for the appointments report.
    std::vector<Ticket> appointment_tickets(Day from, Day to);
    /// The highest dossier sequence used on `day` (0 when none).
    int last_dossier_seq(Day day);
    /// Dossiers that matter to a report of [start, end): received before `end` and not closed
    /// before `start`; in order of receipt.
    std::vector<Dossier> dossiers_open_during(TimePoint start, TimePoint end);
    /// Dossiers received in [start, end), in order of receipt (the register, form 07).
    std::vector<Dossier> dossiers_received_between(TimePoint start, TimePoint end);

    /// Writes batched per transaction so far (for /metrics and tests).
    [[nodiscard]] std::uint64_t commits() const { return commits_.load(); }

private:
    Store(const std::string& path, const std::string& vfs);
    void writer_loop();
    std::vector<Rating> query_ratings(const std::string& from,
                                      const std::string& to);  // read lock held

    struct Pending {
        Job job;
        Done done;
        bool isolated = false;
        bool probe = false;  // recover()'s write: runs even when failed
    };

    std::string path_;
    Database write_db_;
    Database read_db_;
    std::mutex read_mutex_;
    std::mutex queue_mutex_;
    std::condition_variable queue_cv_;
    std::vector<Pending> queue_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> commits_{0};
    std::atomic<bool> failed_{false};
    std::thread writer_;
};

/// Column list and reader for the tickets table, shared by every query that returns tickets.
extern const char* const kTicketColumns;
Ticket ticket_from_row(const Statement& st);
Rating rating_from_row(const Statement& st);
extern const char* const kDossierColumns;
Dossier dossier_from_row(const Statement& st);

}  // namespace motcua::store
