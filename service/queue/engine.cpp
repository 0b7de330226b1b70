#include "queue/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "queue/call_rule.hpp"

namespace motcua::queue {
namespace {

// Plays of the call policy per estimate, and their seed: a fixed seed makes the estimate a
// function of the state and the history, so a restart changes none. A usual queue gets 99
// plays; a long one stops after 15,000 calls, with at least 29 plays, so that a busy ward's
// recomputation stays near a millisecond (docs/performance.md).
constexpr Plays kPlays{99, 29, 15'000};
constexpr std::uint64_t kForecastSeed = 0x6d6f74637561;
// Estimates are computed again at least this often while nothing changes: the desks' elapsed
// times and the booked slots move on with the clock.
constexpr auto kEstimateMaxAge = std::chrono::seconds(30);
// Forecasts that played more calls than this, or for more tickets waiting, are "heavy" (see
// estimates()).
constexpr std::int64_t kHeavyCalls = 10'000;
constexpr std::size_t kHeavyWaiting = 200;
// A paused counter is assumed back this long after its pause began, and never sooner than in
// two minutes.
constexpr int kTypicalPauseS = 15 * 60;
constexpr int kShortestPauseLeftS = 2 * 60;
// A booking not yet checked in is expected to come this often.
constexpr double kBookingShowRate = 0.85;
// Walk-ins still to come arrive at the rate of those issued over this last stretch.
constexpr auto kArrivalWindow = std::chrono::minutes(30);
constexpr auto kShortestArrivalWindow = std::chrono::minutes(10);

Error err(ErrorCode code, std::string message) {
    return make_error(code, std::move(message));
}

// Index of `id` in a queue line, searched from the back: the ticket asked about most often is
// the one just issued, at the back of a possibly long line.
int position(const std::deque<std::string>& line, const std::string& id) {
    const auto it = std::find(line.rbegin(), line.rend(), id);
    return static_cast<int>(line.rend() - it) - 1;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// The end of the office day's last session, in minutes; none when the config has no hours.
std::optional<int> office_close(const WardConfig& config) {
    std::optional<int> close;
    for (const auto& h : config.hours) close = std::max(close.value_or(h.close), h.close);
    return close;
}

int seconds_between(TimePoint a, TimePoint b) {
    return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(b - a).count());
}

}  // namespace

Engine::Engine(const WardConfig& config, const OfficeZone& zone, TimePoint now)
    : config_(config), zone_(zone), day_(zone.office_day(now)), history_(zone) {
    // The ratio counter starts full: the first priority ticket of the day need not wait for
    // normal ones to pass first.
    for (const auto& c : config_.categories)
        queues_[c.code].normal_since_priority = config_.priority.normal_per_priority;
    for (const auto& c : config_.counters)
        counters_.push_back(CounterStatus{c.number, CounterState::closed, {}, {}, now});
}

void Engine::restore(const Snapshot& s) {
    day_ = s.day;
    seq_ = s.last_seq;
    next_seq_ = s.next_seq;
    tickets_.clear();
    ++version_;
    for (auto& [code, q] : queues_) q = Queue{{}, {}, {}, config_.priority.normal_per_priority};
    // Waiting tickets go back in queue order: (re)queue time, then issue order.
    std::vector<const Ticket*> waiting;
    for (const auto& t : s.tickets) {
        tickets_[t.id] = t;
        if (t.state == TicketState::waiting) waiting.push_back(&tickets_[t.id]);
    }
    std::sort(waiting.begin(), waiting.end(), [](const Ticket* a, const Ticket* b) {
        return std::tie(a->queued_at, a->issued_at, a->seq) <
               std::tie(b->queued_at, b->issued_at, b->seq);
    });
    for (const Ticket* t : waiting) enqueue(tickets_[t->id], false);
    // A counter the database does not know is closed (a restore may undo changes not stored).
    for (auto& c : counters_) c = CounterStatus{c.number, CounterState::closed, {}, {}, c.since};
    for (const auto& restored : s.counters)
        for (auto& c : counters_)
            if (c.number == restored.number) c = restored;
    rating_keys_.clear();
    for (const auto& [key, id] : s.rating_keys) rating_keys_[key] = id;
    ticket_keys_.clear();
    for (const auto& [id, t] : tickets_)
        if (t.idempotency_key && t.day == day_) ticket_keys_[*t.idempotency_key] = id;
}

EngineEvent& Engine::emit(Change& change, EventType type, TimePoint at) {
    ++version_;
    EngineEvent e;
    e.seq = ++seq_;
    e.type = type;
    e.at = at;
    change.events.push_back(std::move(e));
    return change.events.back();
}

EngineEvent Engine::next_event(EventType type, TimePoint at) {
    EngineEvent e;
    e.seq = ++seq_;
    e.type = type;
    e.at = at;
    return e;
}

std::vector<EngineEvent> Engine::advance(TimePoint now) {
    const Day today = zone_.office_day(now);
    if (today <= day_) return {};
    Change change;
    // Tickets still waiting when their day ends expire; tickets still at a desk are closed and
    // counters close (close_day); then the old day leaves memory.
    std::vector<Ticket*> expiring;
    for (auto& [id, t] : tickets_)
        if (t.state == TicketState::waiting) expiring.push_back(&t);
    std::sort(expiring.begin(), expiring.end(), [](const Ticket* a, const Ticket* b) {
        return std::tie(a->issued_at, a->seq) < std::tie(b->issued_at, b->seq);
    });
    for (Ticket* t : expiring) {
        t->state = TicketState::expired;
        t->finished_at = zone_.start_of_day(today);
        emit(change, EventType::ticket_expired, now).ticket = *t;
    }
    close_day(change);
    tickets_.clear();
    for (auto& [code, q] : queues_) {
        q.normal.clear();
        q.priority.clear();
        q.appointments.clear();
        q.normal_since_priority = config_.priority.normal_per_priority;
    }
    next_seq_.clear();
    rating_keys_.clear();
    ticket_keys_.clear();
    expected_.clear();
    day_ = today;
    ++version_;
    history_.forget_before(ServiceTimes::history_start(today));
    return std::move(change.events);
}

// The end-of-day rule (DESIGN.md §3): a ticket still at a desk when its office day ends is closed
// at the end of office hours (or its last call, when that came later) with its own outcome, and
// every counter closes. The next morning starts clean, and no overnight "service" exists.
void Engine::close_day(Change& change) {
    const TimePoint close = zone_.at_local(day_, office_close(config_).value_or(24 * 60 - 1));
    for (auto& c : counters_) {
        if (c.state == CounterState::closed && !c.current_ticket) continue;
        TimePoint at = std::max(close, c.since);
        if (c.current_ticket) {
            Ticket& t = tickets_.at(*c.current_ticket);
            at = std::max({at, t.last_called_at.value_or(at), t.started_at.value_or(at)});
            if (!t.started_at) t.started_at = t.last_called_at;
            t.state = TicketState::done;
            t.finished_at = at;
            t.outcome = FinishOutcome::closed_at_day_end;
            c.current_ticket.reset();
            auto& e = emit(change, EventType::ticket_finished, at);
            e.ticket = t;
            e.counter = c;
        }
        c.state = CounterState::closed;
        c.officer.reset();
        c.since = at;
        emit(change, EventType::counter_closed, at).counter = c;
    }
}

void Engine::enqueue(Ticket& t, bool at_front) {
    auto& q = queues_[t.category];
    if (t.appointment) {
        // In slot order; a ticket put back (at_front) goes before others of its slot.
        const TimePoint start = t.appointment->start;
        const auto later = [&](const std::string& id) {
            const TimePoint other = tickets_.at(id).appointment->start;
            return at_front ? other >= start : other > start;
        };
        q.appointments.insert(std::find_if(q.appointments.begin(), q.appointments.end(), later),
                              t.id);
        return;
    }
    auto& line = t.priority ? q.priority : q.normal;
    if (at_front)
        line.push_front(t.id);
    else
        line.push_back(t.id);
}

void Engine::dequeue(const Ticket& t) {
    auto& q = queues_[t.category];
    auto& line = t.appointment ? q.appointments : t.priority ? q.priority : q.normal;
    if (auto it = std::find(line.begin(), line.end(), t.id); it != line.end()) line.erase(it);
}

Result<Change> Engine::issue(TimePoint now, std::string id, const std::string& category,
                             bool priority, std::optional<std::string> priority_reason,
                             std::optional<AppointmentRef> appointment,
                             std::optional<std::string> idempotency_key) {
    if (idempotency_key) {
        if (auto it = ticket_keys_.find(*idempotency_key); it != ticket_keys_.end()) {
            const Ticket& earlier = tickets_.at(it->second);
            if (earlier.issued_category != category || earlier.priority != priority ||
                earlier.priority_reason != priority_reason ||
                earlier.appointment.has_value() != appointment.has_value())
                return err(ErrorCode::idempotency_key_reused,
                           "this idempotency key was used for another ticket request");
            Change change;
            change.replayed = true;
            change.ticket = earlier;
            return change;
        }
    }
    const Category* cat = config_.find_category(category);
    if (cat == nullptr)
        return err(ErrorCode::unknown_category,
                   fmt::format("no category '{}' in this office", category));
    if (priority && !config_.priority.enabled)
        return err(ErrorCode::priority_disabled, "this office does not issue priority tickets");
    if (priority_reason) {
        const auto& reasons = config_.priority.reasons;
        const bool known =
            std::any_of(reasons.begin(), reasons.end(),
                        [&](const PriorityReason& r) { return r.code == *priority_reason; });
        if (!known)
            return err(ErrorCode::unknown_priority_reason,
                       fmt::format("no priority reason '{}'", *priority_reason));
        if (!priority)
            return err(ErrorCode::invalid_field,
                       "priority_reason given for a ticket that is not a priority ticket");
    }
    if (appointment && priority)
        return err(ErrorCode::invalid_field, "an appointment ticket is not a priority ticket");
    // A booked citizen was promised the slot: a check-in within its grace is served.
    if (!appointment && config_.stop_issuing_at &&
        zone_.minutes_of_day(now) >= *config_.stop_issuing_at)
        return err(ErrorCode::issuing_stopped, fmt::format("tickets are not issued after {} today",
                                                           format_hhmm(*config_.stop_issuing_at)));
    Ticket t;
    t.id = std::move(id);
    t.day = day_;
    t.issued_category = cat->code;
    t.seq = ++next_seq_[cat->code];
    t.number = format_ticket_number(*cat, t.seq);
    t.category = cat->code;
    t.priority = priority;
    t.priority_reason = std::move(priority_reason);
    t.issued_at = now;
    t.queued_at = now;
    t.appointment = std::move(appointment);
    t.idempotency_key = idempotency_key;
    // A booking checked in is no longer expected: it waits in line now.
    if (t.appointment) {
        const auto it = std::find(expected_.begin(), expected_.end(),
                                  ExpectedBooking{t.category, t.appointment->start});
        if (it != expected_.end()) expected_.erase(it);
    }
    auto& stored = tickets_[t.id] = std::move(t);
    if (stored.idempotency_key) ticket_keys_[*stored.idempotency_key] = stored.id;
    enqueue(stored, false);
    Change change;
    auto& event = emit(change, EventType::ticket_issued, now);
    // The wait the citizen is told, kept to measure accuracy (DESIGN.md §9).
    if (auto e = estimate(stored, now))
        stored.estimate = EstimateAtIssue{e->wait_s, e->low_s, e->high_s, baseline_wait_s(stored)};
    event.ticket = stored;
    change.ticket = stored;
    return change;
}

Result<CounterStatus*> Engine::counter_of(int number, const std::string& officer) {
    for (auto& c : counters_) {
        if (c.number != number) continue;
        if (c.state == CounterState::closed || c.officer != officer)
            return err(ErrorCode::not_at_counter,
                       fmt::format("you have not opened counter {}", number));
        return &c;
    }
    return err(ErrorCode::unknown_counter, fmt::format("no counter {} in this office", number));
}

Result<Ticket*> Engine::current_of(CounterStatus& c) {
    if (!c.current_ticket)
        return err(ErrorCode::no_current_ticket,
                   fmt::format("counter {} has no ticket called", c.number));
    return &tickets_.at(*c.current_ticket);
}

void Engine::leave_counter(CounterStatus& c, TimePoint now, Change& change, EventType type) {
    c.state = type == EventType::counter_paused ? CounterState::paused : CounterState::closed;
    if (c.state == CounterState::closed) c.officer.reset();
    c.since = now;
    emit(change, type, now).counter = c;
}

Result<Change> Engine::open_counter(TimePoint now, int number, const std::string& officer) {
    CounterStatus* target = nullptr;
    for (auto& c : counters_)
        if (c.number == number) target = &c;
    if (target == nullptr)
        return err(ErrorCode::unknown_counter, fmt::format("no counter {} in this office", number));
    if (target->officer && *target->officer != officer && target->current_ticket)
        return err(
            ErrorCode::counter_busy,
            fmt::format("counter {} is serving a citizen; its officer must finish first", number));
    Change change;
    // An officer is at one counter at a time: opening one closes their previous one.
    for (auto& c : counters_) {
        if (c.number == number || c.officer != officer || c.state == CounterState::closed) continue;
        if (c.current_ticket)
            return err(ErrorCode::ticket_in_progress,
                       fmt::format("finish or transfer the ticket at counter {} first", c.number));
        leave_counter(c, now, change, EventType::counter_closed);
    }
    if (target->state == CounterState::open && target->officer == officer) {
        change.events.clear();  // already open here: nothing changes
        return change;
    }
    target->state = CounterState::open;
    target->officer = officer;
    target->since = now;
    emit(change, EventType::counter_opened, now).counter = *target;
    return change;
}

Result<Change> Engine::close_counter(TimePoint now, int number, const std::string& officer) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    if ((*c)->current_ticket)
        return err(ErrorCode::ticket_in_progress,
                   "finish, transfer or mark absent the current ticket before closing");
    Change change;
    leave_counter(**c, now, change, EventType::counter_closed);
    return change;
}

Result<Change> Engine::pause_counter(TimePoint now, int number, const std::string& officer) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    Change change;
    if ((*c)->state == CounterState::paused) return change;
    leave_counter(**c, now, change, EventType::counter_paused);
    return change;
}

std::optional<std::string> Engine::pick_in(Queue& q, TimePoint now) {
    LineState state;
    state.appointment_due =
        !q.appointments.empty() && tickets_.at(q.appointments.front()).appointment->start <= now;
    state.has_normal = !q.normal.empty();
    state.has_priority = !q.priority.empty();
    if (state.has_normal)
        state.oldest_normal_wait_s = seconds_between(tickets_.at(q.normal.front()).issued_at, now);
    state.normal_since_priority = q.normal_since_priority;
    const Line line = choose_line(state, config_.priority);
    if (line == Line::none) return std::nullopt;
    auto& ids = line == Line::appointment ? q.appointments
                : line == Line::priority  ? q.priority
                                          : q.normal;
    std::string id = ids.front();
    ids.pop_front();
    q.normal_since_priority = normal_since_priority_after(q.normal_since_priority, line,
                                                          !q.priority.empty(), config_.priority);
    return id;
}

std::optional<std::string> Engine::pick_next(const CounterStatus& c, TimePoint now) {
    const CounterConfig* cfg = config_.find_counter(c.number);
    // Categories in the counter's order of preference: the first with anyone waiting.
    for (const auto& code : cfg->categories)
        if (auto id = pick_in(queues_[code], now)) return id;
    return std::nullopt;
}

Result<Change> Engine::call_next(TimePoint now, int number, const std::string& officer) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    CounterStatus& counter = **c;
    if (counter.state == CounterState::paused)
        return err(ErrorCode::counter_paused,
                   fmt::format("counter {} is paused; open it again to call", number));
    if (counter.current_ticket)
        return err(
            ErrorCode::ticket_in_progress,
            fmt::format("counter {} still has a ticket: finish it, transfer it or mark it absent",
                        number));
    auto id = pick_next(counter, now);
    if (!id) return Change{};
    Ticket& t = tickets_.at(*id);
    t.state = TicketState::called;
    if (!t.called_at) t.called_at = now;
    t.last_called_at = now;
    t.counter = number;
    t.officer = officer;
    counter.current_ticket = t.id;
    return ticket_change(EventType::ticket_called, now, t, counter);
}

Result<Engine::AtCounter> Engine::called_at(int number, const std::string& officer,
                                            std::string_view busy) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    auto t = current_of(**c);
    if (!t) return t.error();
    if ((*t)->state != TicketState::called)
        return err(ErrorCode::invalid_state, fmt::format("ticket {} {}", (*t)->number, busy));
    return AtCounter{*c, *t};
}

Change Engine::ticket_change(EventType type, TimePoint now, const Ticket& t,
                             const CounterStatus& c) {
    Change change;
    auto& e = emit(change, type, now);
    e.ticket = t;
    e.counter = c;
    change.ticket = t;
    return change;
}

Result<Change> Engine::recall(TimePoint now, int number, const std::string& officer) {
    auto at = called_at(number, officer, "is already being served");
    if (!at) return at.error();
    at->ticket->last_called_at = now;
    ++at->ticket->recalls;
    return ticket_change(EventType::ticket_recalled, now, *at->ticket, *at->counter);
}

Result<Change> Engine::start(TimePoint now, int number, const std::string& officer) {
    auto at = called_at(number, officer, "is already being served");
    if (!at) return at.error();
    at->ticket->state = TicketState::serving;
    at->ticket->started_at = now;
    return ticket_change(EventType::ticket_started, now, *at->ticket, *at->counter);
}

Result<Change> Engine::no_show(TimePoint now, int number, const std::string& officer) {
    auto at = called_at(number, officer, "is being served, not absent");
    if (!at) return at.error();
    at->ticket->state = TicketState::no_show;
    at->ticket->finished_at = now;
    at->counter->current_ticket.reset();
    history_.add(*at->ticket);
    return ticket_change(EventType::ticket_no_show, now, *at->ticket, *at->counter);
}

Result<Change> Engine::reinstate(TimePoint now, int number, const std::string& officer,
                                 const std::string& ticket_id) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    auto it = tickets_.find(ticket_id);
    if (it == tickets_.end()) return err(ErrorCode::unknown_ticket, "no such ticket today");
    Ticket& t = it->second;
    if (t.state != TicketState::no_show)
        return err(ErrorCode::invalid_state,
                   fmt::format("ticket {} is not marked absent", t.number));
    // A citizen who comes back has already waited: they go to the front of their queue.
    t.state = TicketState::waiting;
    t.finished_at.reset();
    t.counter.reset();
    t.officer.reset();
    t.queued_at = now;
    enqueue(t, true);
    return ticket_change(EventType::ticket_reinstated, now, t, **c);
}

Result<Change> Engine::transfer(TimePoint now, int number, const std::string& officer,
                                const std::string& category) {
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    if (config_.find_category(category) == nullptr)
        return err(ErrorCode::unknown_category,
                   fmt::format("no category '{}' in this office", category));
    auto t = current_of(**c);
    if (!t) return t.error();
    Ticket& ticket = **t;
    if (ticket.category == category)
        return err(ErrorCode::same_category,
                   fmt::format("ticket {} already waits in {}", ticket.number, category));
    const std::string from = ticket.category;
    // Keeps its number and first call (the citizen's wait); waits again, at the front.
    ticket.category = category;
    ticket.state = TicketState::waiting;
    ticket.started_at.reset();
    ticket.last_called_at.reset();
    ticket.counter.reset();
    ticket.officer.reset();
    ticket.queued_at = now;
    (*c)->current_ticket.reset();
    enqueue(ticket, true);
    Change change = ticket_change(EventType::ticket_transferred, now, ticket, **c);
    change.events.back().from_category = from;
    return change;
}

Result<Change> Engine::finish(TimePoint now, int number, const std::string& officer,
                              FinishOutcome outcome) {
    if (outcome == FinishOutcome::closed_at_day_end)
        return err(ErrorCode::invalid_field,
                   "closed_at_day_end is set by the service when the office day ends");
    auto c = counter_of(number, officer);
    if (!c) return c.error();
    auto t = current_of(**c);
    if (!t) return t.error();
    Ticket& ticket = **t;
    // If the officer never pressed Start, service started at the last call.
    if (!ticket.started_at) ticket.started_at = ticket.last_called_at;
    ticket.state = TicketState::done;
    ticket.finished_at = now;
    ticket.outcome = outcome;
    (*c)->current_ticket.reset();
    history_.add(ticket);
    return ticket_change(EventType::ticket_finished, now, ticket, **c);
}

Result<Change> Engine::rate(TimePoint now, const RatingInput& in) {
    if (in.idempotency_key) {
        if (auto it = rating_keys_.find(*in.idempotency_key); it != rating_keys_.end()) {
            // The retry names the ticket as the first try did: by id, or by the printed
            // number a citizen typed, which must still lead to the same ticket.
            if (it->second != in.ticket_id) {
                auto same = find_for_rating(in.ticket_id);
                if (!same || (*same)->id != it->second)
                    return err(ErrorCode::idempotency_key_reused,
                               "this idempotency key was used for another ticket");
            }
            Change change;
            change.replayed = true;
            change.ticket = tickets_.at(it->second);
            return change;
        }
    }
    auto found = find_for_rating(in.ticket_id);
    if (!found) return found.error();
    Ticket& t = **found;
    if (t.state != TicketState::done)
        return err(ErrorCode::not_served,
                   fmt::format("ticket {} has not been served yet", t.number));
    if (t.rating != 0)
        return err(ErrorCode::already_rated,
                   fmt::format("ticket {} has already been rated", t.number));
    if (!rating_level_allowed(config_.scale, in.level))
        return err(ErrorCode::invalid_level,
                   fmt::format("level {} is not on this office's rating scale", in.level));
    if (in.device_counter && t.counter != in.device_counter)
        return err(
            ErrorCode::wrong_counter,
            fmt::format("this rating pad belongs to counter {}, not the counter that served {}",
                        *in.device_counter, t.number));
    t.rating = in.level;
    Rating r{t.id,
             t.number,
             t.category,
             t.day,
             in.level,
             in.reasons,
             in.comment,
             t.counter.value_or(0),
             t.officer.value_or(""),
             now,
             in.idempotency_key,
             in.device};
    if (in.idempotency_key) rating_keys_[*in.idempotency_key] = t.id;
    Change change;
    auto& e = emit(change, EventType::rating_submitted, now);
    e.rating = r;
    e.ticket = t;
    change.ticket = t;
    change.rating = std::move(r);
    return change;
}

// A citizen at the kiosk knows the printed number ("A012"), not the id: accept either.
Result<Ticket*> Engine::find_for_rating(const std::string& id_or_number) {
    if (auto it = tickets_.find(id_or_number); it != tickets_.end()) return &it->second;
    Ticket* match = nullptr;
    for (auto& [id, t] : tickets_) {
        if (t.day != day_ || !equal_ignoring_case(t.number, id_or_number)) continue;
        if (match != nullptr)
            return err(ErrorCode::ambiguous_number,
                       fmt::format("two tickets today have the number {}", t.number));
        match = &t;
    }
    if (match == nullptr)
        return err(ErrorCode::unknown_ticket,
                   "no such ticket today (ratings close at the end of the day)");
    return match;
}

const Ticket* Engine::find(const std::string& id) const {
    auto it = tickets_.find(id);
    return it == tickets_.end() ? nullptr : &it->second;
}

// Position under the interleaving rule, ignoring the max-wait guard (a first estimate):
// with ratio r and c normal tickets already called since the last priority one, priority
// ticket k (0-based) is called after s + k*r normal tickets, where s = max(0, r - c).
int Engine::waiting_ahead(const Ticket& t) const {
    if (t.state != TicketState::waiting) return 0;
    const auto& q = queues_.at(t.category);
    // Appointments go before walk-ins once their slots start; count them all as ahead (a
    // slot yet to come is usually close: check-in opens shortly before it).
    if (t.appointment) return position(q.appointments, t.id);
    const int booked = static_cast<int>(q.appointments.size());
    const int r = config_.priority.normal_per_priority;
    const int s = std::max(0, r - q.normal_since_priority);
    const int n = static_cast<int>(q.normal.size());
    const int p = static_cast<int>(q.priority.size());
    if (t.priority) {
        const int j = position(q.priority, t.id);
        return booked + j + std::min(n, s + j * r);
    }
    const int i = position(q.normal, t.id);
    const int priority_before = r == 0 ? p : std::min(p, i >= s ? (i - s) / r + 1 : 0);
    return booked + i + priority_before;
}

int Engine::open_counters_serving(const std::string& category) const {
    int n = 0;
    for (const auto& c : counters_) {
        if (c.state != CounterState::open) continue;
        const auto& cats = config_.find_counter(c.number)->categories;
        n += std::find(cats.begin(), cats.end(), category) != cats.end();
    }
    return n;
}

void Engine::expect_bookings(std::vector<ExpectedBooking> bookings) {
    if (bookings == expected_) return;
    expected_ = std::move(bookings);
    ++version_;
}

int Engine::baseline_wait_s(const Ticket& t) const {
    if (t.state != TicketState::waiting) return 0;
    const int counters = std::max(1, open_counters_serving(t.category));
    return waiting_ahead(t) * history_.recent_mean_s(t.category) / counters;
}

ForecastInput Engine::forecast_input(TimePoint now, std::vector<const std::string*>& ids) const {
    ForecastInput in;
    in.now_ms = to_epoch_ms(now);
    const Day today = zone_.office_day(now);
    in.day_start_ms = to_epoch_ms(zone_.start_of_day(today));
    for (const auto& h : config_.hours)
        in.sessions.emplace_back(to_epoch_ms(zone_.at_local(today, h.open)),
                                 to_epoch_ms(zone_.at_local(today, h.close)));
    std::sort(in.sessions.begin(), in.sessions.end());
    in.policy = config_.priority;
    for (int h = 0; h < 24; ++h) in.hour_factors.push_back(history_.hour_factor(h * 60));

    std::map<std::string, int> index;
    const auto add_ticket = [&](const std::string& id) {
        ids.push_back(&id);
        in.issued_ms.push_back(to_epoch_ms(tickets_.at(id).issued_at));
        return static_cast<int>(ids.size()) - 1;
    };
    for (const auto& cat : config_.categories) {
        index[cat.code] = static_cast<int>(in.categories.size());
        auto& out = in.categories.emplace_back();
        const auto it = queues_.find(cat.code);
        if (it == queues_.end()) continue;
        const Queue& q = it->second;
        out.normal_since_priority = q.normal_since_priority;
        for (const auto& id : q.normal) out.normal.push_back(add_ticket(id));
        for (const auto& id : q.priority) out.priority.push_back(add_ticket(id));
        for (const auto& id : q.appointments)
            out.appointments.emplace_back(to_epoch_ms(tickets_.at(id).appointment->start),
                                          add_ticket(id));
    }

    for (const auto& b : expected_)
        if (const auto it = index.find(b.category); it != index.end())
            in.categories[static_cast<std::size_t>(it->second)].expected.push_back(
                to_epoch_ms(b.start));
    for (auto& cat : in.categories) std::sort(cat.expected.begin(), cat.expected.end());
    in.booking_show_rate = kBookingShowRate;
    // Walk-ins still to come: the recent rate of each category and class, until issuing stops.
    const int issue_until =
        config_.stop_issuing_at.value_or(office_close(config_).value_or(24 * 60));
    in.arrivals_end_ms = to_epoch_ms(zone_.at_local(today, issue_until));
    // Early in the day the stretch is shorter: from the first ticket of the day, at least
    // kShortestArrivalWindow.
    TimePoint first_issue = now;
    for (const auto& [id, t] : tickets_)
        if (t.day == today) first_issue = std::min(first_issue, t.issued_at);
    const auto window = std::clamp<std::chrono::milliseconds>(
        std::chrono::duration_cast<std::chrono::milliseconds>(now - first_issue),
        kShortestArrivalWindow, kArrivalWindow);
    in.arrival_window_s = std::chrono::duration<double>(window).count();
    for (const auto& [id, t] : tickets_) {
        if (t.appointment || t.issued_at > now || now - t.issued_at >= window) continue;
        const auto it = index.find(t.issued_category);
        if (it == index.end()) continue;
        auto& cat = in.categories[static_cast<std::size_t>(it->second)];
        ++(t.priority ? cat.priority_seen : cat.normal_seen);
    }

    std::vector<bool> served(in.categories.size(), false);
    std::vector<bool> included(config_.counters.size(), false);
    // `only`: the categories an assumed counter serves (none: all of its own).
    const auto add_counter = [&](const CounterConfig& cfg, std::size_t at,
                                 const CounterStatus* status, const std::set<std::string>* only) {
        included[at] = true;
        auto& c = in.counters.emplace_back();
        c.free_ms = in.now_ms;
        for (const auto& code : cfg.categories) {
            const auto it = index.find(code);
            if (it == index.end() || (only != nullptr && !only->contains(code))) continue;
            c.categories.push_back(it->second);
            c.pools.push_back(&history_.pool(code, cfg.number));
            served[static_cast<std::size_t>(it->second)] = true;
        }
        if (status == nullptr) return;
        if (status->state == CounterState::paused) {
            const int paused_for = seconds_between(status->since, now);
            c.free_ms +=
                std::int64_t{std::max(kShortestPauseLeftS, kTypicalPauseS - paused_for)} * 1000;
        }
        if (status->current_ticket) {
            const Ticket& t = tickets_.at(*status->current_ticket);
            c.current_pool = &history_.pool(t.category, cfg.number);
            c.current_elapsed_s = std::max(0, seconds_between(ServiceTimes::desk_since(t), now));
        }
    };
    for (std::size_t i = 0; i < config_.counters.size(); ++i) {
        const CounterStatus* status = counter(config_.counters[i].number);
        if (status != nullptr && status->state != CounterState::closed)
            add_counter(config_.counters[i], i, status, nullptr);
    }
    // A category no open counter serves: its first closed counter is assumed to open now for
    // the categories nobody serves (the desks before the office opens, or one closed for a
    // while). One closed counter may so take several of them.
    std::map<std::size_t, std::set<std::string>> assumed;  // counter index -> its categories
    for (std::size_t cat = 0; cat < served.size(); ++cat) {
        if (served[cat]) continue;
        const std::string& code = config_.categories[cat].code;
        for (std::size_t i = 0; i < config_.counters.size(); ++i) {
            const auto& cats = config_.counters[i].categories;
            if (included[i] || std::find(cats.begin(), cats.end(), code) == cats.end()) continue;
            assumed[i].insert(code);
            break;
        }
    }
    for (const auto& [i, codes] : assumed) add_counter(config_.counters[i], i, nullptr, &codes);
    return in;
}

const Estimates& Engine::estimates(TimePoint now) const {
    auto& cache = estimates_;
    const bool fresh = now >= cache.at && now - cache.at < kEstimateMaxAge;
    const bool same = cache.version == version_ && cache.history == history_.version();
    if (fresh && same) return cache.value;
    // A queue so long that one forecast costs about a millisecond is not forecast again for
    // changes at the same instant: a burst costs one forecast, not one each (a load test on a
    // stopped test clock), and a replay of the same commands computes the same figures.
    if (fresh && cache.heavy && now == cache.at) return cache.value;
    std::vector<const std::string*> ids;
    const ForecastInput in = forecast_input(now, ids);
    const Forecast f = forecast(in, kPlays, kForecastSeed);
    cache.value.tickets.clear();
    cache.value.taken_now.clear();
    cache.value.plays = f.plays;
    cache.heavy = f.calls > kHeavyCalls || ids.size() > kHeavyWaiting;
    for (std::size_t i = 0; i < ids.size(); ++i) cache.value.tickets[*ids[i]] = f.tickets[i];
    for (std::size_t i = 0; i < config_.categories.size(); ++i)
        cache.value.taken_now[config_.categories[i].code] = f.taken_now[i];
    cache.version = version_;
    cache.history = history_.version();
    cache.at = now;
    return cache.value;
}

std::optional<WaitEstimate> Engine::estimate(const Ticket& t, TimePoint now) const {
    if (t.state != TicketState::waiting) return std::nullopt;
    const auto& all = estimates(now);
    if (const auto it = all.tickets.find(t.id); it != all.tickets.end()) return it->second;
    // Newer than a heavy forecast: a ticket taken then, at the back of its line.
    if (const auto it = all.taken_now.find(t.category); it != all.taken_now.end())
        return it->second;
    return std::nullopt;
}

int Engine::waiting(const std::string& category) const {
    auto it = queues_.find(category);
    if (it == queues_.end()) return 0;
    return static_cast<int>(it->second.normal.size() + it->second.priority.size() +
                            it->second.appointments.size());
}

CategoryLoad Engine::load(const std::string& category, TimePoint now) const {
    if (!queues_.contains(category)) return {};
    const auto& taken_now = estimates(now).taken_now;
    const auto e = taken_now.find(category);
    return {waiting(category), e == taken_now.end() ? WaitEstimate{} : e->second};
}

const CounterStatus* Engine::counter(int number) const {
    for (const auto& c : counters_)
        if (c.number == number) return &c;
    return nullptr;
}

int Engine::total_waiting() const {
    int n = 0;
    for (const auto& [code, q] : queues_)
        n += static_cast<int>(q.normal.size() + q.priority.size() + q.appointments.size());
    return n;
}

}  // namespace motcua::queue
