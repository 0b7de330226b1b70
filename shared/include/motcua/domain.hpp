#pragma once
/// Domain vocabulary of a one-stop desk (DESIGN.md §3): tickets, categories, counters, ratings.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "motcua/enum_names.hpp"
#include "motcua/time.hpp"

namespace motcua {

// ---- states and kinds -------------------------------------------------------------------------

/// Life of a ticket. A transferred ticket is `waiting` again in its new category.
enum class TicketState { waiting, called, serving, done, no_show, expired };

/// How a served visit ended.
enum class FinishOutcome {
    resolved,              // giải quyết ngay
    dossier_received,      // tiếp nhận hồ sơ, hẹn trả
    supplement_requested,  // yêu cầu bổ sung
    refused,               // từ chối tiếp nhận
    guidance,              // hướng dẫn
    result_returned,       // trả kết quả
    /// Set by the service, never by an officer: the ticket was still at a desk when the office
    /// day ended (DESIGN.md §3 "End of the day"); its service time is unknown.
    closed_at_day_end,
};

enum class CounterState { closed, open, paused };

/// Reasons a citizen may give for a low rating.
enum class RatingReason { attitude, long_wait, unclear_guidance, several_trips, other };

/// Officers of a ward (officer, supervisor, admin) and of the province hub (province sees every
/// ward, ward_viewer one ward): one list, because the reports dashboard logs in to either.
enum class OfficerRole { officer, supervisor, admin, province, ward_viewer };
/// True for the roles a ward service's accounts may have.
inline bool ward_role(OfficerRole r) {
    return r == OfficerRole::officer || r == OfficerRole::supervisor || r == OfficerRole::admin;
}
enum class DeviceRole { kiosk, rating, board };

/// Rating scales: the national 5-level one, or the 3-level one (levels 5, 4, 2) some provinces use.
enum class SatisfactionScale { five_level, three_level };

enum class ExpiryReason { end_of_day };

/// Types of events in the event log and on the WebSocket.
enum class EventType {
    ticket_issued,
    ticket_called,
    ticket_recalled,
    ticket_started,
    ticket_finished,
    ticket_no_show,
    ticket_reinstated,
    ticket_transferred,
    ticket_expired,
    rating_submitted,
    counter_opened,
    counter_closed,
    counter_paused,
    dossier_received,
    dossier_status_changed,
    dossier_apology,
    appointment_booked,
    appointment_cancelled,
    appointment_checked_in,
    appointment_missed,
};

/// States of a dossier (hồ sơ) after receipt.
enum class DossierState {
    received,
    in_process,
    ready,
    returned,
    supplement_requested,
    refused,
    withdrawn
};

/// A returned dossier against its due date.
enum class DossierResult { early, on_time, late };

/// How a dossier reached the desk: Biểu II.06a columns 4 (online) and 5 (in person or by post).
enum class DossierChannel { direct, online };

/// A booking (DESIGN.md §10): booked -> checked_in, or booked -> cancelled | missed.
enum class AppointmentState { booked, checked_in, cancelled, missed };

template <>
struct EnumNames<AppointmentState> {
    static constexpr std::array<std::pair<AppointmentState, std::string_view>, 4> names{
        {{AppointmentState::booked, "booked"},
         {AppointmentState::checked_in, "checked_in"},
         {AppointmentState::cancelled, "cancelled"},
         {AppointmentState::missed, "missed"}}};
};

template <>
struct EnumNames<TicketState> {
    static constexpr std::array<std::pair<TicketState, std::string_view>, 6> names{
        {{TicketState::waiting, "waiting"},
         {TicketState::called, "called"},
         {TicketState::serving, "serving"},
         {TicketState::done, "done"},
         {TicketState::no_show, "no_show"},
         {TicketState::expired, "expired"}}};
};
template <>
struct EnumNames<FinishOutcome> {
    static constexpr std::array<std::pair<FinishOutcome, std::string_view>, 7> names{
        {{FinishOutcome::resolved, "resolved"},
         {FinishOutcome::dossier_received, "dossier_received"},
         {FinishOutcome::supplement_requested, "supplement_requested"},
         {FinishOutcome::refused, "refused"},
         {FinishOutcome::guidance, "guidance"},
         {FinishOutcome::result_returned, "result_returned"},
         {FinishOutcome::closed_at_day_end, "closed_at_day_end"}}};
};
template <>
struct EnumNames<CounterState> {
    static constexpr std::array<std::pair<CounterState, std::string_view>, 3> names{
        {{CounterState::closed, "closed"},
         {CounterState::open, "open"},
         {CounterState::paused, "paused"}}};
};
template <>
struct EnumNames<RatingReason> {
    static constexpr std::array<std::pair<RatingReason, std::string_view>, 5> names{
        {{RatingReason::attitude, "attitude"},
         {RatingReason::long_wait, "long_wait"},
         {RatingReason::unclear_guidance, "unclear_guidance"},
         {RatingReason::several_trips, "several_trips"},
         {RatingReason::other, "other"}}};
};
template <>
struct EnumNames<OfficerRole> {
    static constexpr std::array<std::pair<OfficerRole, std::string_view>, 5> names{
        {{OfficerRole::officer, "officer"},
         {OfficerRole::supervisor, "supervisor"},
         {OfficerRole::admin, "admin"},
         {OfficerRole::province, "province"},
         {OfficerRole::ward_viewer, "ward_viewer"}}};
};
template <>
struct EnumNames<DeviceRole> {
    static constexpr std::array<std::pair<DeviceRole, std::string_view>, 3> names{
        {{DeviceRole::kiosk, "kiosk"},
         {DeviceRole::rating, "rating"},
         {DeviceRole::board, "board"}}};
};
template <>
struct EnumNames<SatisfactionScale> {
    static constexpr std::array<std::pair<SatisfactionScale, std::string_view>, 2> names{
        {{SatisfactionScale::five_level, "5"}, {SatisfactionScale::three_level, "3"}}};
};
template <>
struct EnumNames<ExpiryReason> {
    static constexpr std::array<std::pair<ExpiryReason, std::string_view>, 1> names{
        {{ExpiryReason::end_of_day, "end_of_day"}}};
};
template <>
struct EnumNames<EventType> {
    static constexpr std::array<std::pair<EventType, std::string_view>, 20> names{
        {{EventType::ticket_issued, "ticket_issued"},
         {EventType::ticket_called, "ticket_called"},
         {EventType::ticket_recalled, "ticket_recalled"},
         {EventType::ticket_started, "ticket_started"},
         {EventType::ticket_finished, "ticket_finished"},
         {EventType::ticket_no_show, "ticket_no_show"},
         {EventType::ticket_reinstated, "ticket_reinstated"},
         {EventType::ticket_transferred, "ticket_transferred"},
         {EventType::ticket_expired, "ticket_expired"},
         {EventType::rating_submitted, "rating_submitted"},
         {EventType::counter_opened, "counter_opened"},
         {EventType::counter_closed, "counter_closed"},
         {EventType::counter_paused, "counter_paused"},
         {EventType::dossier_received, "dossier_received"},
         {EventType::dossier_status_changed, "dossier_status_changed"},
         {EventType::dossier_apology, "dossier_apology"},
         {EventType::appointment_booked, "appointment_booked"},
         {EventType::appointment_cancelled, "appointment_cancelled"},
         {EventType::appointment_checked_in, "appointment_checked_in"},
         {EventType::appointment_missed, "appointment_missed"}}};
};
template <>
struct EnumNames<DossierState> {
    static constexpr std::array<std::pair<DossierState, std::string_view>, 7> names{
        {{DossierState::received, "received"},
         {DossierState::in_process, "in_process"},
         {DossierState::ready, "ready"},
         {DossierState::returned, "returned"},
         {DossierState::supplement_requested, "supplement_requested"},
         {DossierState::refused, "refused"},
         {DossierState::withdrawn, "withdrawn"}}};
};
template <>
struct EnumNames<DossierResult> {
    static constexpr std::array<std::pair<DossierResult, std::string_view>, 3> names{
        {{DossierResult::early, "early"},
         {DossierResult::on_time, "on_time"},
         {DossierResult::late, "late"}}};
};
template <>
struct EnumNames<DossierChannel> {
    static constexpr std::array<std::pair<DossierChannel, std::string_view>, 2> names{
        {{DossierChannel::direct, "direct"}, {DossierChannel::online, "online"}}};
};

// ---- rating levels ----------------------------------------------------------------------------

/// 5 = Rất hài lòng … 1 = Rất không hài lòng.
inline constexpr int kMinRatingLevel = 1;
inline constexpr int kMaxRatingLevel = 5;
/// Levels at or below this ask the citizen for reasons.
inline constexpr int kLowRatingLevel = 2;

/// The levels a scale offers, best first.
std::vector<int> rating_levels(SatisfactionScale scale);
bool rating_level_allowed(SatisfactionScale scale, int level);
/// Vietnamese and English wording of a level ("Rất hài lòng" / "Very satisfied").
std::string_view rating_label_vi(int level);
std::string_view rating_label_en(int level);

// ---- configured things ------------------------------------------------------------------------

/// Lĩnh vực: a queue of its own with its own numbering.
struct Category {
    std::string code;     // "HT"
    std::string name_vi;  // "Tư pháp - Hộ tịch"
    std::string name_en;
    std::string prefix;  // "A" -> A001; may be empty when numbers start at e.g. 1001
    int start_number = 1;
    int number_width = 3;  // zero padding: A001
    int target_wait_s = 15 * 60;
    /// Places in each appointment slot (DESIGN.md §10); 0: not bookable.
    int appointment_places = 0;
};

/// Quầy: a desk serving categories in order of preference.
struct CounterConfig {
    int number = 0;
    std::string name;
    std::vector<std::string> categories;
};

/// Thủ tục hành chính with its legal processing time.
struct Procedure {
    std::string code;
    std::string name_vi;
    std::string name_en;
    std::string category;
    int legal_days = 0;  // working days; 0 = same day
    int cutoff_minutes =
        15 * 60;           // received after this local time counts from the next working day
    std::int64_t fee = 0;  // đồng
    /// What the applicant brings (the booking page lists it); may be empty.
    std::vector<std::string> documents;
};

/// Formats a ticket number: prefix + zero-padded sequence; never wraps (A999 -> A1000).
std::string format_ticket_number(const Category& category, int sequence);

}  // namespace motcua
