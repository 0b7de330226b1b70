#pragma once
/// Run-time domain records shared by the queue engine and the store: tickets, counters, ratings,
/// events.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "motcua/domain.hpp"

namespace motcua {

/// A ticket as the engine keeps it. `category` is where it waits now (after a transfer);
/// `issued_category` and `seq` identify its number, which never changes.
/// The booking a ticket was checked in with (DESIGN.md §10).
struct AppointmentRef {
    std::string code;  // the booking's code
    TimePoint start;   // its slot's start: the ticket passes no one before it
    friend bool operator==(const AppointmentRef&, const AppointmentRef&) = default;
};

/// The wait a ticket was told when it was issued (DESIGN.md §9), kept to measure accuracy.
struct EstimateAtIssue {
    int wait_s = 0;      // the median
    int low_s = 0;       // 10th percentile
    int high_s = 0;      // 90th percentile
    int baseline_s = 0;  // the simple rule's figure for the same ticket, for comparison
    bool operator==(const EstimateAtIssue&) const = default;
};

struct Ticket {
    std::string id;  // unguessable, from the caller
    Day day;         // office day it belongs to
    std::string issued_category;
    int seq = 0;  // daily sequence within issued_category
    std::string number;
    std::string category;
    bool priority = false;
    std::optional<std::string> priority_reason;
    TicketState state = TicketState::waiting;
    TimePoint issued_at;
    TimePoint queued_at;                      // when it (re)entered its current queue
    std::optional<TimePoint> called_at;       // first call: wait = called_at - issued_at
    std::optional<TimePoint> last_called_at;  // latest call or recall
    std::optional<TimePoint> started_at;
    std::optional<TimePoint> finished_at;
    std::optional<int> counter;          // counter holding it (called/serving) or that served it
    std::optional<std::string> officer;  // username at that counter
    std::optional<FinishOutcome> outcome;
    int recalls = 0;
    int rating = 0;                             // the citizen's level once rated (1..5), 0 before
    std::optional<AppointmentRef> appointment;  // checked in with a booking
    std::optional<EstimateAtIssue> estimate;    // told at issue; absent on older tickets
    /// The kiosk's key for a request it may retry (DESIGN.md §4): a repeat gives this ticket.
    std::optional<std::string> idempotency_key = std::nullopt;
};

/// A counter's run-time state.
struct CounterStatus {
    int number = 0;
    CounterState state = CounterState::closed;
    std::optional<std::string> officer;         // username
    std::optional<std::string> current_ticket;  // id of the ticket called/serving here
    TimePoint since;                            // last state change
};

/// A citizen's rating of one served ticket, tied to the counter and officer that served it.
struct Rating {
    std::string ticket_id;
    std::string ticket_number;
    std::string category;
    Day day;
    int level = 0;
    std::vector<RatingReason> reasons;
    std::optional<std::string> comment;
    int counter = 0;
    std::string officer;
    TimePoint at;
    std::optional<std::string> idempotency_key;
    std::string device;  // name of the device that submitted it
};

/// Personal data of an applicant: kept on dossiers only, never on tickets, ratings or events
/// (DESIGN.md §7).
struct Applicant {
    std::string name;
    std::optional<std::string> phone;
    std::optional<std::string> id_number;  // CCCD
    std::optional<std::string> address;
};

/// A dossier (hồ sơ) received at a counter (DESIGN.md §3).
struct Dossier {
    std::string code;  // UNITCODE-YYMMDD-XXXX
    Day day;           // office day of receipt (the YYMMDD of the code)
    int seq = 0;       // XXXX: sequence within that day
    std::string procedure;
    std::string category;  // the procedure's category when received
    DossierChannel channel = DossierChannel::direct;
    DossierState state = DossierState::received;
    TimePoint received_at;
    Day due_date;  // legal due date; results are judged against it even after an apology
    std::optional<Day> new_due_date;  // promised in the apology letter (form 04)
    std::optional<std::string> apology_reason;
    std::optional<TimePoint> apology_at;
    std::optional<TimePoint> returned_at;
    std::optional<TimePoint> closed_at;   // returned, refused or withdrawn: the state is final
    std::optional<DossierResult> result;  // set when returned
    Applicant applicant;
    std::string ticket_id;  // the visit that brought it
    int counter = 0;
    std::string officer;                          // username of the receiving officer
    std::optional<std::string> return_ticket_id;  // the visit that collected the result
    std::optional<std::string>
        note;  // the officer's note on the last status (e.g. what to supplement)
    TimePoint updated_at;
};

/// True for the states a dossier never leaves.
inline bool dossier_closed(DossierState s) {
    return s == DossierState::returned || s == DossierState::refused ||
           s == DossierState::withdrawn;
}

/// One state change, with snapshots of what it touched (for the store and the event stream).
/// A booking of one place in one slot (DESIGN.md §10).
struct Appointment {
    std::string code;  // 8 characters, random, unguessable
    std::string category;
    Day day;
    int start = 0;  // minutes since local midnight
    int end = 0;
    std::optional<std::string> phone;  // digits; erased `retain_days` after the slot
    AppointmentState state = AppointmentState::booked;
    TimePoint booked_at;
    std::optional<TimePoint> cancelled_at;
    std::optional<TimePoint> checked_in_at;
    std::optional<TimePoint> missed_at;
    std::optional<std::string> ticket_id;  // the ticket its check-in gave
    friend bool operator==(const Appointment&, const Appointment&) = default;
};

struct DomainEvent {
    std::int64_t seq = 0;
    EventType type = EventType::ticket_issued;
    TimePoint at;
    std::optional<Ticket> ticket;
    std::optional<CounterStatus> counter;
    std::optional<Rating> rating;
    std::optional<Dossier> dossier;
    std::optional<Appointment> appointment;    // appointment_* (the store keeps its phone)
    std::optional<std::string> from_category;  // ticket_transferred
};

/// Everything needed to resume the current office day after a restart.
struct Snapshot {
    Day day;
    std::int64_t last_seq = 0;
    std::vector<Ticket> tickets;          // tickets of `day` (and any still at a counter)
    std::vector<CounterStatus> counters;  // last known counter states
    std::map<std::string, int> next_seq;  // issued category -> last sequence used on `day`
    std::vector<std::pair<std::string, std::string>> rating_keys;  // idempotency key -> ticket id
};

}  // namespace motcua
