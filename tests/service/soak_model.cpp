#include "soak_model.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <boost/json.hpp>
#include <functional>
#include <stdexcept>

namespace soak {
namespace json = boost::json;

const char* op_name(Op op) {
    static const char* const names[] = {"tickets",  "calls",    "starts",  "finishes",
                                        "no-shows", "dossiers", "ratings", "dossier-status",
                                        "bookings", "cancels"};
    static_assert(std::size(names) == static_cast<std::size_t>(Op::count_));
    return names[static_cast<int>(op)];
}

/// A read-only connection to the ward's database, beside the running service (WAL: readers
/// never block its writer).
class Reader {
public:
    explicit Reader(const std::filesystem::path& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + file.string() + ": " + sqlite3_errmsg(db_));
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Reader() { sqlite3_close(db_); }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    /// Calls `row` with the columns of each row, as text ("" for NULL).
    void each(const char* sql, const std::function<void(const std::vector<std::string>&)>& row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db_));
        std::vector<std::string> cols;
        int rc = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            cols.clear();
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* t = sqlite3_column_text(st, i);
                cols.emplace_back(t != nullptr ? reinterpret_cast<const char*>(t) : "");
            }
            row(cols);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db_));
    }

private:
    sqlite3* db_ = nullptr;
};

namespace {

std::string str_at(const json::value& v, std::initializer_list<const char*> path) {
    const json::value* p = &v;
    for (const char* key : path) {
        if (!p->is_object()) return {};
        p = p->as_object().if_contains(key);
        if (p == nullptr) return {};
    }
    return p->is_string() ? std::string(p->as_string()) : std::string();
}

/// The key of an event for "was this acknowledged change recorded": type and what it is about.
std::string event_key(const std::string& type, const json::value& payload) {
    if (type == "rating_submitted") return type + "|" + str_at(payload, {"rating", "ticket"});
    if (type.rfind("ticket_", 0) == 0) return type + "|" + str_at(payload, {"ticket", "id"});
    if (type == "dossier_received") return type + "|" + str_at(payload, {"dossier", "code"});
    if (type == "dossier_status_changed")
        return type + "|" + str_at(payload, {"dossier", "code"}) + "|" +
               str_at(payload, {"dossier", "state"});
    if (type.rfind("appointment_", 0) == 0)
        return type + "|" + str_at(payload, {"appointment", "code"});
    return type;
}

/// A state compared with what was acknowledged: the same, or one an unanswered request allows.
template <class Record>
bool state_allowed(const Record& r, const std::string& now) {
    return now == r.state || r.maybe.contains(now);
}

}  // namespace

void Model::ticket_issued(const std::string& id, const std::string& number,
                          const std::string& category) {
    std::lock_guard lock(m_);
    auto [it, fresh] = tickets_.try_emplace(id);
    if (fresh) {
        it->second.number = number;
        it->second.category = category;
        it->second.state = "waiting";
    } else if (it->second.issue_answered || it->second.number != number) {
        // Not a ticket a counter called before this answer was read: the same id given twice.
        unexpected_.push_back("ticket " + id + " issued twice");
    }
    it->second.issue_answered = true;
    expected_events_.insert("ticket_issued|" + id);
    count(Op::ticket);
}

void Model::ticket_retried(const std::string& key, const std::string& id, const std::string& number,
                           const std::string& category) {
    {
        std::lock_guard lock(m_);
        pending_issue_keys_.erase(key);
        const bool claimed = unclaimed_tickets_.erase(id) > 0;
        const auto stored = stored_by_key_.find(key);
        if (stored != stored_by_key_.end()) {
            // The first request was applied: the retry must give that ticket, not a second.
            if (stored->second != id)
                unexpected_.push_back(fmt::format(
                    "ticket request {} was stored as ticket {} and its retry gave another, {} ({})",
                    key, stored->second, id, number));
            stored_by_key_.erase(stored);
            auto& t = tickets_[id];
            if (t.number != number)
                unexpected_.push_back(fmt::format("ticket {} was stored as {} and retried as {}",
                                                  id, t.number, number));
            t.issue_answered = true;
            expected_events_.insert("ticket_issued|" + id);
            count(Op::ticket);
            return;
        }
        if (claimed) {  // the database had it from the first try (its key not readable)
            tickets_[id].issue_answered = true;
            count(Op::ticket);
            return;
        }
    }
    ticket_issued(id, number, category);
}

void Model::ticket_moved(const std::string& id, const std::string& number,
                         const std::string& category, const std::string& state, Op op) {
    std::lock_guard lock(m_);
    auto it = tickets_.find(id);
    if (it == tickets_.end()) {
        // Called before its kiosk read the answer, or its issue was unanswered: the check counts
        // those still unanswered then.
        it = tickets_.emplace(id, TicketRecord{number, category, state, {}, {}, {}, false}).first;
    } else if (it->second.number != number) {
        unexpected_.push_back(
            fmt::format("ticket {} was {} and is now {}", id, it->second.number, number));
    }
    it->second.state = state;
    it->second.maybe.clear();
    static const std::map<std::string, std::string> event_of{{"called", "ticket_called"},
                                                             {"serving", "ticket_started"},
                                                             {"done", "ticket_finished"},
                                                             {"no_show", "ticket_no_show"}};
    if (auto e = event_of.find(state); e != event_of.end())
        expected_events_.insert(e->second + "|" + id);
    count(op);
}

void Model::dossier_received(const std::string& code, const std::string& ticket,
                             const std::string& procedure, const std::string& state) {
    std::lock_guard lock(m_);
    auto [it, fresh] = dossiers_.try_emplace(code);
    if (!fresh && it->second.ticket != ticket)
        unexpected_.push_back(fmt::format("dossier code {} given to ticket {} and then to {}", code,
                                          it->second.ticket, ticket));
    it->second = DossierRecord{ticket, procedure, state, {}};
    expected_events_.insert("dossier_received|" + code);
    count(Op::dossier);
}

void Model::dossier_moved(const std::string& code, const std::string& state) {
    std::lock_guard lock(m_);
    auto& d = dossiers_[code];
    d.state = state;
    d.maybe.clear();
    expected_events_.insert("dossier_status_changed|" + code + "|" + state);
    count(Op::dossier_status);
}

void Model::rated(const std::string& ticket, int level) {
    std::lock_guard lock(m_);
    auto& t = tickets_[ticket];
    t.rating = level;
    t.rating_maybe.reset();
    expected_events_.insert("rating_submitted|" + ticket);
    count(Op::rating);
}

void Model::booked(const std::string& code, const std::string& category, const std::string& date,
                   const std::string& start, const std::string& state) {
    std::lock_guard lock(m_);
    if (!bookings_.try_emplace(code, BookingRecord{category, date, start, state, {}}).second)
        unexpected_.push_back("booking code " + code + " given twice");
    expected_events_.insert("appointment_booked|" + code);
    count(Op::booking);
}

void Model::booking_moved(const std::string& code, const std::string& state) {
    std::lock_guard lock(m_);
    auto& b = bookings_[code];
    b.state = state;
    b.maybe.clear();
    if (state == "cancelled") expected_events_.insert("appointment_cancelled|" + code);
    count(Op::cancel);
}

void Model::unanswered_issue(const std::string& key) {
    std::lock_guard lock(m_);
    pending_issue_keys_.insert(key);
    ++unanswered_issues_;
    ++unanswered_total_;
}

void Model::unanswered_call() {
    std::lock_guard lock(m_);
    ++unanswered_calls_;
    ++unanswered_total_;
}

void Model::unanswered_ticket_move(const std::string& id, const std::string& state) {
    std::lock_guard lock(m_);
    tickets_[id].maybe.insert(state);
    ++unanswered_total_;
}

void Model::unanswered_receipt() {
    std::lock_guard lock(m_);
    ++unanswered_receipts_;
}

void Model::unanswered_dossier_move(const std::string& code, const std::string& state) {
    std::lock_guard lock(m_);
    dossiers_[code].maybe.insert(state);
    ++unanswered_total_;
}

void Model::unanswered_rating(const std::string& ticket, int level) {
    std::lock_guard lock(m_);
    tickets_[ticket].rating_maybe = level;
    ++unanswered_total_;
}

void Model::unanswered_booking() {
    std::lock_guard lock(m_);
    ++unanswered_bookings_;
    ++unanswered_total_;
}

void Model::unanswered_booking_move(const std::string& code, const std::string& state) {
    std::lock_guard lock(m_);
    bookings_[code].maybe.insert(state);
    ++unanswered_total_;
}

void Model::unexpected(const std::string& what) {
    std::lock_guard lock(m_);
    unexpected_.push_back(what);
}

void Model::screen_event(std::int64_t seq, const std::string& message) {
    std::lock_guard lock(m_);
    if (!screen_.empty() && seq <= screen_.rbegin()->first)
        unexpected_.push_back(
            fmt::format("a screen got event {} after event {}", seq, screen_.rbegin()->first));
    screen_[seq] = message;
}

// Tickets: every acknowledged one, with its number and a state it may be in; numbers unique
// in their day; no ticket that no unanswered request can explain.
void Model::check_tickets(Reader& db, CheckReport& r) {
    auto fail = [&r](std::string what) { r.failures.push_back(std::move(what)); };
    std::set<std::string> seen_tickets;
    std::set<std::pair<std::string, std::string>> numbers;  // (day, number)
    int unknown_tickets = 0;
    // A ticket found earlier that no answer named: once every request that may have made it
    // was sent again and answered, one of those answers must have named it, or a request made
    // two tickets.
    for (auto it = unclaimed_tickets_.begin(); it != unclaimed_tickets_.end();) {
        std::erase_if(it->second,
                      [&](const auto& key) { return !pending_issue_keys_.contains(key); });
        if (!it->second.empty()) {
            ++it;
            continue;
        }
        fail(fmt::format("ticket {} ({}) was made by a request whose retry gave another ticket",
                         it->first, tickets_[it->first].number));
        it = unclaimed_tickets_.erase(it);
    }
    db.each("SELECT id, day, number, issued_category, state, idempotency_key FROM tickets",
            [&](const std::vector<std::string>& c) {
                const std::string& id = c[0];
                seen_tickets.insert(id);
                ++r.checks;
                if (!numbers.emplace(c[1], c[2]).second)
                    fail(fmt::format("number {} used twice on {}", c[2], c[1]));
                auto it = tickets_.find(id);
                if (it == tickets_.end()) {
                    ++unknown_tickets;
                    ++r.adopted;
                    unclaimed_tickets_[id] = pending_issue_keys_;
                    // Made by a request that had no answer: its kiosk retries it with this key.
                    if (pending_issue_keys_.contains(c[5])) {
                        if (auto [s, fresh] = stored_by_key_.emplace(c[5], id);
                            !fresh && s->second != id)
                            fail(fmt::format("ticket request {} made two tickets, {} and {}", c[5],
                                             s->second, id));
                    } else if (!c[5].empty()) {
                        fail(fmt::format("ticket {} ({}) has key {}, of no unanswered request", id,
                                         c[2], c[5]));
                    }
                    tickets_.emplace(id, TicketRecord{c[2], c[3], c[4], {}, {}, {}, true});
                    return;
                }
                auto& t = it->second;
                r.checks += 2;
                if (t.number != c[2])
                    fail(fmt::format("ticket {} was acknowledged as {} and is stored as {}", id,
                                     t.number, c[2]));
                if (!state_allowed(t, c[4])) {
                    // An unanswered call-next may have called any waiting ticket.
                    if (t.state == "waiting" && c[4] == "called" && unanswered_calls_ > 0) {
                        --unanswered_calls_;
                        ++r.adopted;
                    } else {
                        fail(fmt::format("ticket {} ({}) was acknowledged {} and is stored {}", id,
                                         t.number, t.state, c[4]));
                    }
                }
                if (c[4] != t.state && t.maybe.contains(c[4])) ++r.adopted;
                t.state = c[4];
                t.maybe.clear();
            });
    for (auto& [id, t] : tickets_) {
        ++r.checks;
        if (!seen_tickets.contains(id))
            fail(fmt::format("acknowledged ticket {} ({}) is lost", id, t.number));
        if (!t.issue_answered) {
            // A counter called it, but its kiosk never had an answer.
            ++unknown_tickets;
            t.issue_answered = true;
        }
    }
    if (unknown_tickets > unanswered_issues_)
        fail(fmt::format("{} tickets stored that no client was told of, after {} unanswered issues",
                         unknown_tickets, unanswered_issues_));
}

// Ratings: the acknowledged level; none that no request can explain.
void Model::check_ratings(Reader& db, CheckReport& r) {
    auto fail = [&r](std::string what) { r.failures.push_back(std::move(what)); };
    std::set<std::string> rated;
    db.each("SELECT ticket_id, level FROM ratings", [&](const std::vector<std::string>& c) {
        rated.insert(c[0]);
        ++r.checks;
        auto it = tickets_.find(c[0]);
        const int level = std::stoi(c[1]);
        if (it == tickets_.end()) return fail("a rating of unknown ticket " + c[0]);
        auto& t = it->second;
        if (t.rating ? *t.rating != level : t.rating_maybe != level)
            fail(fmt::format("ticket {} rated {} is stored rated {}", t.number,
                             t.rating ? std::to_string(*t.rating) : "by nobody", level));
        if (!t.rating) ++r.adopted;
        t.rating = level;
        t.rating_maybe.reset();
    });
    for (auto& [id, t] : tickets_) {
        if (!t.rating) continue;
        ++r.checks;
        if (!rated.contains(id)) fail(fmt::format("the rating of ticket {} is lost", t.number));
    }
    for (auto& [id, t] : tickets_) t.rating_maybe.reset();
}

// Dossiers: code, ticket, procedure and a state allowed; no code given to another ticket.
void Model::check_dossiers(Reader& db, CheckReport& r) {
    auto fail = [&r](std::string what) { r.failures.push_back(std::move(what)); };
    std::set<std::string> seen_dossiers;
    int unknown_dossiers = 0;
    db.each("SELECT code, ticket_id, procedure, state FROM dossiers",
            [&](const std::vector<std::string>& c) {
                seen_dossiers.insert(c[0]);
                ++r.checks;
                auto it = dossiers_.find(c[0]);
                if (it == dossiers_.end()) {
                    ++unknown_dossiers;
                    ++r.adopted;
                    dossiers_.emplace(c[0], DossierRecord{c[1], c[2], c[3], {}});
                    return;
                }
                auto& d = it->second;
                r.checks += 2;
                if (d.ticket != c[1] || d.procedure != c[2])
                    fail(fmt::format("dossier {} of ticket {} ({}) is stored for ticket {} ({})",
                                     c[0], d.ticket, d.procedure, c[1], c[2]));
                if (!state_allowed(d, c[3]))
                    fail(fmt::format("dossier {} was acknowledged {} and is stored {}", c[0],
                                     d.state, c[3]));
                if (c[3] != d.state) ++r.adopted;
                d.state = c[3];
                d.maybe.clear();
            });
    for (const auto& [code, d] : dossiers_) {
        ++r.checks;
        if (!seen_dossiers.contains(code)) fail("acknowledged dossier " + code + " is lost");
    }
    if (unknown_dossiers > unanswered_receipts_)
        fail(
            fmt::format("{} dossiers stored that no officer was told of, after {} unanswered "
                        "receipts",
                        unknown_dossiers, unanswered_receipts_));
}

// Bookings: the slot and a state allowed; no code given twice.
void Model::check_bookings(Reader& db, CheckReport& r) {
    auto fail = [&r](std::string what) { r.failures.push_back(std::move(what)); };
    std::set<std::string> seen_bookings;
    int unknown_bookings = 0;
    db.each(
        "SELECT code, category, day, printf('%02d:%02d', start_min / 60, start_min % 60), state "
        "FROM appointments",
        [&](const std::vector<std::string>& c) {
            seen_bookings.insert(c[0]);
            ++r.checks;
            auto it = bookings_.find(c[0]);
            if (it == bookings_.end()) {
                ++unknown_bookings;
                ++r.adopted;
                bookings_.emplace(c[0], BookingRecord{c[1], c[2], c[3], c[4], {}});
                return;
            }
            auto& b = it->second;
            r.checks += 2;
            if (b.category != c[1] || b.date != c[2] || b.start != c[3])
                fail(fmt::format("booking {} for {} {} {} is stored for {} {} {}", c[0], b.category,
                                 b.date, b.start, c[1], c[2], c[3]));
            if (!state_allowed(b, c[4]))
                fail(fmt::format("booking {} was acknowledged {} and is stored {}", c[0], b.state,
                                 c[4]));
            if (c[4] != b.state) ++r.adopted;
            b.state = c[4];
            b.maybe.clear();
        });
    for (const auto& [code, b] : bookings_) {
        ++r.checks;
        if (!seen_bookings.contains(code)) fail("acknowledged booking " + code + " is lost");
    }
    if (unknown_bookings > unanswered_bookings_)
        fail(fmt::format("{} bookings stored that nobody was told of, after {} unanswered",
                         unknown_bookings, unanswered_bookings_));
}

// The event log: seqs 1, 2, 3... with no gap; what was there at the last check is still
// there unchanged; every event a screen was sent is there as sent; every acknowledged change
// has its event.
void Model::check_events(Reader& db, CheckReport& r) {
    auto fail = [&r](std::string what) { r.failures.push_back(std::move(what)); };
    std::map<std::int64_t, std::size_t> log;
    std::int64_t expect_seq = 1;
    db.each("SELECT seq, type, payload FROM events ORDER BY seq",
            [&](const std::vector<std::string>& c) {
                const std::int64_t seq = std::stoll(c[0]);
                ++r.checks;
                if (seq != expect_seq)
                    fail(fmt::format("event {} follows event {}", seq, expect_seq - 1));
                expect_seq = seq + 1;
                log[seq] = std::hash<std::string>{}(c[2]);
                if (auto s = screen_.find(seq); s != screen_.end()) {
                    ++r.checks;
                    if (json::parse(s->second) != json::parse(c[2]))
                        fail(fmt::format("event {} sent to a screen was {} and is stored as {}",
                                         seq, s->second, c[2]));
                }
                if (seq > checked_seq_) event_keys_.insert(event_key(c[1], json::parse(c[2])));
            });
    for (const auto& [seq, hash] : log_) {
        ++r.checks;
        auto it = log.find(seq);
        if (it == log.end())
            fail(fmt::format("event {} is lost", seq));
        else if (it->second != hash)
            fail(fmt::format("event {} changed", seq));
    }
    for (const auto& [seq, message] : screen_) {
        ++r.checks;
        if (!log.contains(seq)) fail(fmt::format("event {} sent to a screen is lost", seq));
    }
    for (const auto& key : expected_events_) {
        ++r.checks;
        if (!event_keys_.contains(key)) fail("no event for the acknowledged change " + key);
    }
    r.events = static_cast<std::int64_t>(log.size());
    log_ = std::move(log);
    checked_seq_ = log_.empty() ? 0 : log_.rbegin()->first;
    screen_.clear();
}

CheckReport Model::check(const std::filesystem::path& file) {
    std::lock_guard lock(m_);
    CheckReport r;
    r.failures = std::exchange(unexpected_, {});
    Reader db(file);
    check_tickets(db, r);
    check_ratings(db, r);
    check_dossiers(db, r);
    check_bookings(db, r);
    check_events(db, r);
    unanswered_issues_ = unanswered_calls_ = unanswered_receipts_ = unanswered_bookings_ = 0;
    return r;
}

std::vector<std::string> Model::dossiers_open() const {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& [code, d] : dossiers_)
        if (d.state != "returned") out.push_back(code);
    return out;
}

std::vector<std::string> Model::bookings_booked() const {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& [code, b] : bookings_)
        if (b.state == "booked") out.push_back(code);
    return out;
}

std::vector<std::string> Model::ticket_ids() const {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& [id, t] : tickets_) out.push_back(id);
    return out;
}

std::vector<std::string> Model::dossier_codes() const {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& [code, d] : dossiers_) out.push_back(code);
    return out;
}

std::vector<std::string> Model::booking_codes() const {
    std::lock_guard lock(m_);
    std::vector<std::string> out;
    for (const auto& [code, b] : bookings_) out.push_back(code);
    return out;
}

std::optional<TicketRecord> Model::ticket(const std::string& id) const {
    std::lock_guard lock(m_);
    auto it = tickets_.find(id);
    if (it == tickets_.end()) return std::nullopt;
    return it->second;
}

std::optional<DossierRecord> Model::dossier(const std::string& code) const {
    std::lock_guard lock(m_);
    auto it = dossiers_.find(code);
    if (it == dossiers_.end()) return std::nullopt;
    return it->second;
}

std::optional<BookingRecord> Model::booking(const std::string& code) const {
    std::lock_guard lock(m_);
    auto it = bookings_.find(code);
    if (it == bookings_.end()) return std::nullopt;
    return it->second;
}

std::int64_t Model::last_seq() const {
    std::lock_guard lock(m_);
    return checked_seq_;
}

std::vector<std::int64_t> Model::take_cycle_counts() {
    std::lock_guard lock(m_);
    auto out = cycle_;
    for (std::size_t i = 0; i < cycle_.size(); ++i) total_[i] += cycle_[i];
    std::fill(cycle_.begin(), cycle_.end(), 0);
    return out;
}

std::vector<std::int64_t> Model::total_counts() const {
    std::lock_guard lock(m_);
    return total_;
}

std::int64_t Model::take_unanswered() {
    std::lock_guard lock(m_);
    return std::exchange(unanswered_total_, 0);
}

}  // namespace soak
