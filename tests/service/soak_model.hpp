#pragma once
/// What the crash soak's clients were told (2xx answers) and what they asked without an answer,
/// and the check of a database against it after a kill -9 (DESIGN.md §6, issue 16 item 3).
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace soak {

class Reader;

/// The kinds of acknowledged operations the summary counts.
enum class Op {
    ticket,
    call,
    start,
    finish,
    no_show,
    dossier,
    rating,
    dossier_status,
    booking,
    cancel,
    count_
};
const char* op_name(Op op);

struct TicketRecord {
    std::string number, category;
    std::string state;                // last acknowledged (or seen durable after a restart)
    std::set<std::string> maybe;      // states an unanswered request may have left it in
    std::optional<int> rating;        // acknowledged level
    std::optional<int> rating_maybe;  // level of an unanswered rating
    bool issue_answered = true;       // false: first heard of from a counter (or the database)
};

struct DossierRecord {
    std::string ticket, procedure, state;
    std::set<std::string> maybe;
};

struct BookingRecord {
    std::string category, date, start, state;
    std::set<std::string> maybe;
};

/// Figures of one check, for the summary.
struct CheckReport {
    std::int64_t checks = 0;   // comparisons made
    std::int64_t adopted = 0;  // records an unanswered request made durable
    std::int64_t events = 0;   // events in the log
    std::vector<std::string> failures;
};

/// The acknowledged state of the ward, shared by the load clients (each call takes the lock).
class Model {
public:
    // Answers (2xx): the ward now holds this.
    void ticket_issued(const std::string& id, const std::string& number,
                       const std::string& category);
    /// A counter action answered with the ticket in `state` (called, serving, done, no_show).
    void ticket_moved(const std::string& id, const std::string& number, const std::string& category,
                      const std::string& state, Op op);
    void dossier_received(const std::string& code, const std::string& ticket,
                          const std::string& procedure, const std::string& state);
    void dossier_moved(const std::string& code, const std::string& state);
    void rated(const std::string& ticket, int level);
    void booked(const std::string& code, const std::string& category, const std::string& date,
                const std::string& start, const std::string& state);
    void booking_moved(const std::string& code, const std::string& state);

    /// A ticket request sent again with its idempotency key after a restart, answered: the
    /// ticket the first request made if it made one (the check saw it, by its key), else a new one.
    void ticket_retried(const std::string& key, const std::string& id, const std::string& number,
                        const std::string& category);

    // No answer (the service died): the request may or may not have been applied.
    /// A ticket request with its idempotency key: retried by its kiosk next cycle.
    void unanswered_issue(const std::string& key);
    void unanswered_call();
    void unanswered_ticket_move(const std::string& id, const std::string& state);
    void unanswered_receipt();
    void unanswered_dossier_move(const std::string& code, const std::string& state);
    void unanswered_rating(const std::string& ticket, int level);
    void unanswered_booking();
    void unanswered_booking_move(const std::string& code, const std::string& state);
    /// A 2xx answer no client expected, or a 5xx: reported as a failure.
    void unexpected(const std::string& what);

    /// An event a screen received live over the WebSocket (seq, the message as sent).
    void screen_event(std::int64_t seq, const std::string& message);

    /// Compares the database with what was acknowledged, then takes what is durable as the new
    /// starting point (unanswered requests are resolved one way or the other).
    CheckReport check(const std::filesystem::path& db);

    // For the clients and the API checks.
    std::vector<std::string> dossiers_open() const;
    std::vector<std::string> bookings_booked() const;
    std::vector<std::string> ticket_ids() const;
    std::optional<TicketRecord> ticket(const std::string& id) const;
    std::optional<DossierRecord> dossier(const std::string& code) const;
    std::optional<BookingRecord> booking(const std::string& code) const;
    std::vector<std::string> dossier_codes() const;
    std::vector<std::string> booking_codes() const;
    std::int64_t last_seq() const;
    /// Acknowledged operations by kind since the last call (and in total).
    std::vector<std::int64_t> take_cycle_counts();
    std::vector<std::int64_t> total_counts() const;
    std::int64_t take_unanswered();

private:
    void count(Op op) { ++cycle_[static_cast<std::size_t>(op)]; }
    // The parts of check(), with the lock held.
    void check_tickets(Reader& db, CheckReport& r);
    void check_ratings(Reader& db, CheckReport& r);
    void check_dossiers(Reader& db, CheckReport& r);
    void check_bookings(Reader& db, CheckReport& r);
    void check_events(Reader& db, CheckReport& r);

    mutable std::mutex m_;
    std::map<std::string, TicketRecord> tickets_;
    std::map<std::string, DossierRecord> dossiers_;
    std::map<std::string, BookingRecord> bookings_;
    std::set<std::string> expected_events_;       // "type|key" for every acknowledged change
    std::map<std::int64_t, std::string> screen_;  // seq -> message, this cycle
    std::map<std::int64_t, std::size_t> log_;     // seq -> hash of its payload, as last checked
    std::int64_t checked_seq_ = 0;
    std::set<std::string> event_keys_;                  // "type|key" of every event in the log
    std::set<std::string> pending_issue_keys_;          // unanswered, not yet retried
    std::map<std::string, std::string> stored_by_key_;  // of those: key -> the ticket stored
    // Tickets found in the database that no answer named yet: a retried request must name each
    // (it gives the ticket its first try made); once every request is answered, none may remain.
    // By id: the requests without an answer when it was found, one of which made it.
    std::map<std::string, std::set<std::string>> unclaimed_tickets_;
    int unanswered_issues_ = 0, unanswered_calls_ = 0, unanswered_receipts_ = 0,
        unanswered_bookings_ = 0;
    std::int64_t unanswered_total_ = 0;
    std::vector<std::string> unexpected_;
    std::vector<std::int64_t> cycle_ = std::vector<std::int64_t>(static_cast<int>(Op::count_));
    std::vector<std::int64_t> total_ = std::vector<std::int64_t>(static_cast<int>(Op::count_));
};

}  // namespace soak
