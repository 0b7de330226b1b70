#pragma once
/// The HTTP/WebSocket API messages of DESIGN.md §4 and their JSON codecs (Boost.JSON).
/// One header for both sides: the service encodes what the kiosk decodes and vice versa.
#include <boost/json/fwd.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "motcua/domain.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::api {

/// Bumped when a message changes incompatibly; both sides compare it (X-Motcua-Api header).
inline constexpr int kApiVersion = 1;
inline constexpr std::string_view kBasePath = "/api/v1";
/// Largest request body the service reads (DESIGN.md §7).
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
/// Deepest JSON nesting a decoder accepts; API messages need 4.
inline constexpr std::size_t kMaxJsonDepth = 16;

// ---- requests ---------------------------------------------------------------------------------

struct LoginRequest {
    std::string username;
    std::string password;
};

struct IssueTicketRequest {
    std::string category;
    bool priority = false;
    std::optional<std::string> priority_reason;
    /// Set by a kiosk that retries: a repeat with the same key gives the same ticket.
    std::optional<std::string> idempotency_key = std::nullopt;
};

struct RatingRequest {
    std::string ticket;  // ticket id
    int level = 0;
    std::vector<RatingReason> reasons;
    std::optional<std::string> comment;
    /// Set by devices that retry: the same key is stored once.
    std::optional<std::string> idempotency_key;
};

using motcua::Applicant;

struct FinishRequest {
    FinishOutcome outcome = FinishOutcome::resolved;
    std::optional<std::string> procedure;
    std::optional<Applicant> applicant;
    /// With `result_returned`: the dossier whose result is collected.
    std::optional<std::string> dossier;
};

struct TransferRequest {
    std::string category;
};

struct ReinstateRequest {
    std::string ticket;
};

struct DossierStatusRequest {
    DossierState status = DossierState::in_process;
    /// For supplement_requested: the items to supplement, one per line (form 02).
    std::optional<std::string> note;
};

struct ApologyRequest {
    Day new_due;
    std::string reason;
};

struct TestClockRequest {
    TimePoint now;
};

// ---- responses --------------------------------------------------------------------------------

struct OfficerInfo {
    std::string username;
    std::string name;
    OfficerRole role = OfficerRole::officer;
    std::optional<std::string> ward;  // the hub's ward_viewer: the one ward (unit code) it sees
};

struct LoginResponse {
    std::string token;
    TimePoint expires_at;
    OfficerInfo officer;
};

/// An 80% range of a wait (DESIGN.md §9): its 10th and 90th percentiles, in seconds. On the
/// wire, `[low, high]`.
struct WaitRange {
    int low_s = 0;
    int high_s = 0;
    bool operator==(const WaitRange&) const = default;
};

/// A wait range as citizens read it, in whole minutes (DESIGN.md §9). The low end is rounded
/// down and the high end up, so the minutes shown hold the range; a range that ends under
/// 3 minutes is "soon"; one that ends past 3 hours (the ticket may not be reached today) gives
/// only its low end. The kiosk, the slip, the board and the phone page word it alike:
/// soon "sắp đến lượt", under "dưới 4 phút", about "khoảng 12 phút", range "khoảng 10–15 phút",
/// over "khoảng 25 phút trở lên", unsure (past 3 hours, from under a minute) "chưa ước tính được".
struct WaitMinutes {
    enum class Kind { soon, under, about, range, over, unsure };
    Kind kind = Kind::soon;
    int low = 0;   // minutes: range and over
    int high = 0;  // minutes: under, about and range
    bool operator==(const WaitMinutes&) const = default;
};
WaitMinutes wait_minutes(const WaitRange& range);

struct CategoryInfo {
    std::string code;
    std::string name_vi;
    std::string name_en;
    int target_wait_s = 0;
    int waiting = 0;
    int estimated_wait_s = 0;  // for a normal ticket taken now: the median
    WaitRange estimated_wait_range_s;
};

struct ProcedureInfo {
    std::string code;
    std::string name_vi;
    std::string category;
    int legal_days = 0;
    int cutoff_minutes = 0;  // "HH:MM" on the wire
    std::int64_t fee = 0;
};

/// A ticket as the API shows it (DESIGN.md §4).
/// The booking a ticket was checked in with: its code and its slot's start, "HH:MM" of the
/// ticket's day (as bookings write it, DESIGN.md §10).
struct TicketAppointment {
    std::string code;
    std::string start;
    friend bool operator==(const TicketAppointment&, const TicketAppointment&) = default;
};

/// GET /public/slots: one slot of a day with its free places (DESIGN.md §10).
struct SlotView {
    std::string start;  // "08:00"
    std::string end;
    int free = 0;
    friend bool operator==(const SlotView&, const SlotView&) = default;
};

/// POST /public/appointments.
struct BookingRequest {
    std::string category;
    Day date;
    std::string start;  // "HH:MM"
    std::string phone;  // as typed; the service checks and normalises it
};

/// A booking as answered: the phone masked ("09•• ••• 123") everywhere but the officers' list.
struct BookingView {
    std::string code;
    std::string category;
    Day date;
    std::string start;
    std::string end;
    AppointmentState state = AppointmentState::booked;
    std::string phone;
    friend bool operator==(const BookingView&, const BookingView&) = default;
};

struct TicketView {
    std::string id;
    std::string number;
    std::string category;
    bool priority = false;
    TicketState state = TicketState::waiting;
    TimePoint issued_at;
    std::optional<TimePoint> called_at;
    std::optional<TimePoint> started_at;
    std::optional<TimePoint> finished_at;
    std::optional<int> counter;
    int waiting_ahead = 0;
    int estimated_wait_s = 0;  // while waiting: the median
    WaitRange estimated_wait_range_s;
    std::optional<TicketAppointment> appointment;  // null for a walk-in
    /// What the ticket was told when issued (DESIGN.md §9); null on tickets from before it.
    /// `baseline_s` stays in the ward.
    std::optional<EstimateAtIssue> estimate_at_issue;
};

struct CounterInfo {
    int number = 0;
    std::string name;
    std::vector<std::string> categories;
    CounterState state = CounterState::closed;
    std::optional<std::string> officer;  // officer's display name
    std::optional<TicketView> current;
};

/// Who received a dossier and from whom: only in the officers' (full) view.
struct DossierDetails {
    Applicant applicant;
    std::string category;
    int counter = 0;
    std::string officer;  // username of the receiving officer
    std::optional<std::string> apology_reason;
};

/// A dossier as the API shows it (DESIGN.md §4). The public view has no personal data.
struct DossierView {
    std::string code;
    std::string procedure;
    DossierState state = DossierState::received;
    TimePoint received_at;
    Day due_date;  // legal due date
    std::optional<TimePoint> returned_at;
    std::optional<DossierResult> result;
    // Beyond §4's fields, in both views:
    std::string procedure_name;             // name_vi of the procedure
    std::optional<Day> new_due_date;        // the date promised by the apology letter, if any
    std::optional<DossierDetails> details;  // full view only
};

/// The due date a dossier would get if received now (the counter console shows it before
/// the officer confirms): GET /procedures/{code}/due-date.
struct DueDatePreview {
    std::string procedure;
    TimePoint received_at;
    Day due_date;
};

/// Open data: people waiting per category, no personal data.
struct PublicQueueEntry {
    std::string code;
    std::string name_vi;
    std::string name_en;
    int waiting = 0;
    int estimated_wait_s = 0;
    WaitRange estimated_wait_range_s;
};
struct PublicQueue {
    TimePoint at;
    std::vector<PublicQueueEntry> categories;
};

/// The body of every 4xx/5xx answer: {"error": {"code", "message"}}.
struct ErrorBody {
    Error error;
};

/// One WebSocket/event-log message: {"seq","type","at", ...fields}.
struct Event {
    std::int64_t seq = 0;
    EventType type = EventType::ticket_issued;
    TimePoint at;
    boost::json::object fields;  // type-specific, e.g. "ticket", "counter"
};

/// The fields of counter_opened, counter_closed and counter_paused events: who is at the desk.
struct CounterEventFields {
    int counter = 0;
    CounterState state = CounterState::closed;
    std::optional<std::string> officer;  // display name; absent when nobody is at the counter
};

/// The "rating" object of a rating_submitted event: the rating tied to ticket, counter, officer.
struct RatingSubmittedFields {
    std::string ticket;  // ticket id
    std::string number;  // printed number
    int level = 0;
    int counter = 0;
    std::string officer;  // username of the officer who served the ticket
};

// ---- codecs -----------------------------------------------------------------------------------
// Encoders take the office zone because times are written with its numeric offset.
// Decoders never throw: they return a Result whose error names the field and the problem.

/// Parses request bytes: rejects invalid UTF-8, nesting deeper than kMaxJsonDepth, trailing junk.
Result<boost::json::value> parse_json(std::string_view bytes);
std::string write_json(const boost::json::value& v);

/// {"error": {"code": ..., "message": ...}}
boost::json::value to_json(const Error& e);

boost::json::value to_json(const LoginRequest& m);
boost::json::value to_json(const IssueTicketRequest& m);
boost::json::value to_json(const RatingRequest& m);
boost::json::value to_json(const FinishRequest& m);
boost::json::value to_json(const TransferRequest& m);
boost::json::value to_json(const ReinstateRequest& m);
boost::json::value to_json(const DossierStatusRequest& m);
boost::json::value to_json(const ApologyRequest& m);
boost::json::value to_json(const SlotView& m);
boost::json::value to_json(const BookingRequest& m);
boost::json::value to_json(const BookingView& m);
boost::json::value to_json(const TestClockRequest& m, const OfficeZone& zone);
boost::json::value to_json(const LoginResponse& m, const OfficeZone& zone);
boost::json::value to_json(const CategoryInfo& m);
boost::json::value to_json(const ProcedureInfo& m);
boost::json::value to_json(const TicketView& m, const OfficeZone& zone);
boost::json::value to_json(const CounterInfo& m, const OfficeZone& zone);
boost::json::value to_json(const DossierView& m, const OfficeZone& zone);
boost::json::value to_json(const DueDatePreview& m, const OfficeZone& zone);
boost::json::value to_json(const PublicQueue& m, const OfficeZone& zone);
boost::json::value to_json(const Event& m, const OfficeZone& zone);
/// Event payload parts: the object holding the fields (an Event's `fields`, or `fields["rating"]`).
boost::json::value to_json(const CounterEventFields& m);
boost::json::value to_json(const RatingSubmittedFields& m);

/// Decoders, one per message: `decode<T>(json)`.
template <typename T>
Result<T> decode(const boost::json::value& v);

/// Parse then decode: the usual path for a request body.
template <typename T>
Result<T> decode_body(std::string_view bytes) {
    auto parsed = parse_json(bytes);
    if (!parsed) return parsed.error();
    return decode<T>(*parsed);
}

}  // namespace motcua::api
