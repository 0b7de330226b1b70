#pragma once
/// The audit trail (DESIGN.md §7): who made each state change, hash-chained so that editing the
/// database file shows (docs/decisions.md, "Audit trail").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "motcua/model.hpp"
#include "motcua/time.hpp"
#include "store/sqlite.hpp"

namespace motcua::store {

/// Who made a change: an officer, a device, the service itself, the public booking page, or a
/// command run on the server.
enum class ActorKind { officer, device, system, public_page, cli };
std::string_view to_string(ActorKind kind);

struct Actor {
    ActorKind kind = ActorKind::system;
    std::string name;    // username, device name, the OS user of a command; empty otherwise
    std::string detail;  // a device's "#id role", a command's "user add"

    static Actor officer(std::string username) {
        return {ActorKind::officer, std::move(username), {}};
    }
    static Actor device(std::int64_t id, std::string name, std::string_view role);
    /// Day-end expiry, missed bookings, phone erasure: what time alone changes.
    static Actor system() { return {ActorKind::system, {}, {}}; }
    /// A citizen on the booking page or its API: nothing personal is kept (DESIGN.md §7).
    static Actor public_page() { return {ActorKind::public_page, {}, {}}; }
    /// A command run on the server, e.g. "user add", by the OS user running it (getuid).
    static Actor cli(std::string command);

    /// "officer lan", "device Kiosk (#1 kiosk)", "system", "public", "cli:user add (root)".
    [[nodiscard]] std::string display() const;
};

/// One entry as stored.
struct AuditEntry {
    std::int64_t id = 0;
    TimePoint at;
    Actor who;
    std::string action;   // an event type ("ticket_called") or "login", "officer_added"...
    std::string subject;  // "ticket A012 counter 1", "device Kiosk (#1 kiosk)"...
    std::optional<std::int64_t> event_seq;
    std::optional<std::string> event_digest;  // hex SHA-256 of the event row it covers
    std::string prev_hash;                    // hex; the genesis value for the first entry
    std::string hash;
};

/// The chain's hash of an entry (over prev_hash and every field but the id), hex.
std::string audit_hash(const AuditEntry& e);

/// The stored columns of an event row, as the digest reads them.
struct EventColumns {
    std::int64_t seq = 0;
    std::string type;
    std::int64_t at = 0;
    std::string day;
    std::optional<std::string> ticket_id;
    std::optional<std::int64_t> counter;
    std::string payload;
    std::optional<std::string> officer;
    std::optional<std::string> detail;
};
std::string event_digest(const EventColumns& e);

/// What an event is about, for the trail: "ticket A012 counter 1", "dossier 000.17...-0007".
std::string event_subject(const DomainEvent& e);

/// The first entry's prev_hash.
extern const std::string kAuditGenesis;

/// Appends entries to the chain inside the writer's transaction.
class AuditWriter {
public:
    explicit AuditWriter(Database& db);
    /// Fills id, prev_hash and hash from the chain's last entry and stores `e`.
    void append(AuditEntry e);

private:
    Statement last_;
    Statement insert_;
    Statement head_;
};

/// Entries whose `at` is in [from, to), oldest first; those of `who` only when it is not empty
/// (an officer's username, a device's name, a command's OS user, or a kind: "system").
std::vector<AuditEntry> audit_entries(Database& db, TimePoint from, TimePoint to,
                                      std::string_view who);

/// The columns of an entry row, in the order audit_entry_of reads them.
extern const char* const kAuditColumns;
AuditEntry audit_entry_of(const Statement& st);
/// The hash a row's fields give; never its stored hash when the row holds an unknown kind.
std::string audit_row_hash(const Statement& st, const AuditEntry& e);

/// What `audit verify` found.
struct AuditCheck {
    std::vector<std::string> problems;  // one line each, naming the row
    std::int64_t entries = 0;
    std::int64_t first_event = 0;  // the first event the trail covers (0: none yet)
    std::int64_t last_event = 0;
    std::int64_t head_id = 0;
    std::string head_hash;
};
/// Walks the chain and the events it covers.
AuditCheck verify_audit(Database& db);

}  // namespace motcua::store
