#pragma once
/// The queue engine: a pure state machine fed with commands and a clock (DESIGN.md §3).
/// It knows no sockets and no SQL: callers persist the events it emits.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"
#include "queue/estimate.hpp"
#include "queue/service_times.hpp"

namespace motcua::queue {

using EngineEvent = DomainEvent;

/// What a command did: its events and the ticket it acted on (after the change).
struct Change {
    std::vector<EngineEvent> events;
    std::optional<Ticket> ticket;
    std::optional<Rating> rating;
    /// The booking a command outside the queue acted on (DESIGN.md §10), for the answer.
    std::optional<Appointment> appointment;
    /// A repeated rating or ticket request with a known idempotency key: nothing changed, answer
    /// as before.
    bool replayed = false;
};

/// Load of one category for the kiosk's tiles and the public queue.
struct CategoryLoad {
    int waiting = 0;
    WaitEstimate estimate;  // for a normal ticket taken now
};

/// A booking of today not yet checked in (DESIGN.md §10): the forecast expects it at its slot.
struct ExpectedBooking {
    std::string category;
    TimePoint start;
    bool operator==(const ExpectedBooking&) const = default;
};

/// Every waiting ticket's estimate and one for a ticket taken now in each category.
struct Estimates {
    std::unordered_map<std::string, WaitEstimate> tickets;
    std::map<std::string, WaitEstimate> taken_now;
    int plays = 0;  // of the call policy, behind these figures
};

struct RatingInput {
    std::string ticket_id;
    int level = 0;
    std::vector<RatingReason> reasons;
    std::optional<std::string> comment;
    std::optional<std::string> idempotency_key;
    std::string device;
    /// A rating pad may rate only tickets its own counter served.
    std::optional<int> device_counter;
};

class Engine {
public:
    Engine(const WardConfig& config, const OfficeZone& zone, TimePoint now);

    /// Replaces the state with one read back from the store.
    void restore(const Snapshot& snapshot);

    /// Moves to the office day of `now`: tickets still waiting from earlier days expire.
    std::vector<EngineEvent> advance(TimePoint now);

    /// A ticket; with `appointment`, one checked in with a booking (DESIGN.md §10): it is called
    /// before the category's walk-ins once its slot has started, and passes no one before.
    /// With an `idempotency_key` already used today for the same request, nothing changes and
    /// the ticket it gave comes back (`replayed`); used for another request, 409.
    Result<Change> issue(TimePoint now, std::string id, const std::string& category, bool priority,
                         std::optional<std::string> priority_reason,
                         std::optional<AppointmentRef> appointment = std::nullopt,
                         std::optional<std::string> idempotency_key = std::nullopt);
    Result<Change> open_counter(TimePoint now, int counter, const std::string& officer);
    Result<Change> close_counter(TimePoint now, int counter, const std::string& officer);
    Result<Change> pause_counter(TimePoint now, int counter, const std::string& officer);
    /// Change.ticket is empty when nobody is waiting for this counter.
    Result<Change> call_next(TimePoint now, int counter, const std::string& officer);
    Result<Change> recall(TimePoint now, int counter, const std::string& officer);
    Result<Change> start(TimePoint now, int counter, const std::string& officer);
    Result<Change> no_show(TimePoint now, int counter, const std::string& officer);
    Result<Change> reinstate(TimePoint now, int counter, const std::string& officer,
                             const std::string& ticket_id);
    Result<Change> transfer(TimePoint now, int counter, const std::string& officer,
                            const std::string& category);
    Result<Change> finish(TimePoint now, int counter, const std::string& officer,
                          FinishOutcome outcome);
    Result<Change> rate(TimePoint now, const RatingInput& input);
    /// An event about something beyond the queue (a dossier) in the same sequence: only its
    /// number, type and time are set.
    EngineEvent next_event(EventType type, TimePoint at);

    /// Desk times learned so far: the service fills it from the store's history at start
    /// (DESIGN.md §9); finished tickets add to it.
    ServiceTimes& history() { return history_; }
    /// Today's bookings still to check in (the service's book tells after each change).
    void expect_bookings(std::vector<ExpectedBooking> bookings);

    // ---- queries ----
    [[nodiscard]] const Ticket* find(const std::string& id) const;
    /// People that will be called before this waiting ticket in its category.
    [[nodiscard]] int waiting_ahead(const Ticket& t) const;
    /// The estimates at `now` (DESIGN.md §9): computed again only when the state or the history
    /// changed, or time moved on by kEstimateMaxAge; reads in between cost nothing.
    [[nodiscard]] const Estimates& estimates(TimePoint now) const;
    /// A waiting ticket's estimate (none for a ticket not waiting).
    [[nodiscard]] std::optional<WaitEstimate> estimate(const Ticket& t, TimePoint now) const;
    /// The simple rule (the baseline of DESIGN.md §9): people ahead × the mean of the
    /// category's recent desk times ÷ the open counters serving it (at least one).
    [[nodiscard]] int baseline_wait_s(const Ticket& t) const;
    [[nodiscard]] CategoryLoad load(const std::string& category, TimePoint now) const;
    /// Tickets waiting in a category.
    [[nodiscard]] int waiting(const std::string& category) const;
    [[nodiscard]] const CounterStatus* counter(int number) const;
    [[nodiscard]] const std::vector<CounterStatus>& counters() const { return counters_; }
    [[nodiscard]] Day day() const { return day_; }
    [[nodiscard]] std::int64_t last_seq() const { return seq_; }
    [[nodiscard]] int total_waiting() const;
    [[nodiscard]] const WardConfig& config() const { return config_; }

private:
    struct Queue {
        std::deque<std::string> normal;
        std::deque<std::string> priority;
        /// Checked-in appointment tickets, by slot start (then check-in order).
        std::deque<std::string> appointments;
        int normal_since_priority = 0;  // normal tickets called since the last priority one
    };

    struct AtCounter {
        CounterStatus* counter;
        Ticket* ticket;
    };

    EngineEvent& emit(Change& change, EventType type, TimePoint at);
    /// Today's ticket by id, or by its printed number.
    Result<Ticket*> find_for_rating(const std::string& id_or_number);
    /// A change of one ticket at one counter: its event and the ticket after it.
    Change ticket_change(EventType type, TimePoint now, const Ticket& t, const CounterStatus& c);
    /// The ticket `officer` has called at counter `number`, still in state `called`.
    Result<AtCounter> called_at(int number, const std::string& officer, std::string_view busy);
    Result<CounterStatus*> counter_of(int number, const std::string& officer);
    Result<Ticket*> current_of(CounterStatus& c);
    /// The end of the office day `day_`: tickets at desks are closed, counters close.
    void close_day(Change& change);
    void enqueue(Ticket& t, bool at_front);
    void dequeue(const Ticket& t);
    std::optional<std::string> pick_next(const CounterStatus& c, TimePoint now);
    std::optional<std::string> pick_in(Queue& q, TimePoint now);
    [[nodiscard]] int open_counters_serving(const std::string& category) const;
    /// The forecast's input: queues, counters and desk times at `now`.
    [[nodiscard]] ForecastInput forecast_input(TimePoint now,
                                               std::vector<const std::string*>& ids) const;
    void leave_counter(CounterStatus& c, TimePoint now, Change& change, EventType type);

    const WardConfig& config_;
    const OfficeZone& zone_;
    Day day_;
    std::int64_t seq_ = 0;
    std::unordered_map<std::string, Ticket> tickets_;
    std::map<std::string, Queue> queues_;
    std::map<std::string, int> next_seq_;
    std::vector<CounterStatus> counters_;
    std::unordered_map<std::string, std::string> rating_keys_;
    std::unordered_map<std::string, std::string> ticket_keys_;  // idempotency key -> ticket id
    ServiceTimes history_;
    std::vector<ExpectedBooking> expected_;
    std::uint64_t version_ = 0;  // moves on with every change of state

    struct EstimateCache {
        std::uint64_t version = ~std::uint64_t{0};
        std::uint64_t history = ~std::uint64_t{0};
        TimePoint at;
        bool heavy = false;  // costly to compute again (a very long queue)
        Estimates value;
    };
    mutable EstimateCache estimates_;
};

}  // namespace motcua::queue
