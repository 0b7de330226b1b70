#pragma once
/// What the counter console tells the officer after an action: each failure the service or the
/// network can cause, as one plain message (the screens word them in Vietnamese or English).
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/counter/counter_api.hpp"
#include "motcua/enum_names.hpp"

namespace motcua::kiosk {

enum class ConsoleMessage {
    none,
    // ---- failures: nothing was done --------------------------------------------------------
    unreachable,         // no answer (network, service down, timeout)
    bad_credentials,     // 401 at login
    login_locked,        // 429: too many attempts
    session_expired,     // 401 on an action: log in again
    forbidden,           // 403: this account may not
    not_at_counter,      // 403: the counter is not open in this officer's name
    counter_busy,        // 409 at open: another officer is serving a citizen there
    busy_elsewhere,      // 409 at open: this officer still has a ticket at another counter
    ticket_in_progress,  // 409 at call-next or close: finish the one at the counter first
    counter_paused,      // 409 at call-next: resume first
    no_current_ticket,   // 409: the counter has no ticket (finished from another console?)
    already_serving,     // 409 at recall, start, no-show: the ticket is already being served
    not_absent,          // 409 at reinstate: someone put it back already
    unknown_ticket,      // 404 at reinstate: the ticket is gone (another day)
    same_category,       // 422 at transfer
    unknown_category,    // 422 at transfer
    // dossier receipt and return (finish with dossier_received / result_returned)
    unknown_procedure,     // 422: the procedure is not in the ward's config (any more)
    procedure_required,    // no procedure chosen (checked here, or the service's 422)
    applicant_required,    // no applicant name (checked here, or the service's 422)
    phone_invalid,         // the phone is not 8 to 15 digits (checked here)
    dossier_required,      // no dossier code typed (checked here, or the service's 422)
    dossier_code_invalid,  // not UNITCODE-YYMMDD-XXXX (checked here)
    dossier_not_found,     // 404 dossier_not_found: {code}
    dossier_closed,        // 409: the result was returned already (or the dossier is closed)
    refused,               // anything else the service refused
    // ---- information: the action worked ----------------------------------------------------
    none_waiting,     // call-next: 204, nobody waiting in this counter's categories
    transferred,      // {number} went to {category}
    reinstated,       // {number} is back in the queue
    taken_over,       // another officer ({name}) opened this counter
    result_returned,  // the result of dossier {code} is recorded as collected
};

/// Failures stay until the next action; information fades after a while.
[[nodiscard]] bool is_failure(ConsoleMessage m);

/// The message for a failed `action`.
ConsoleMessage message_for(ConsoleAction action, const Error& error);

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::ConsoleMessage> {
    using M = kiosk::ConsoleMessage;
    static constexpr std::array<std::pair<M, std::string_view>, 31> names{{
        {M::none, "none"},
        {M::unreachable, "unreachable"},
        {M::bad_credentials, "bad_credentials"},
        {M::login_locked, "login_locked"},
        {M::session_expired, "session_expired"},
        {M::forbidden, "forbidden"},
        {M::not_at_counter, "not_at_counter"},
        {M::counter_busy, "counter_busy"},
        {M::busy_elsewhere, "busy_elsewhere"},
        {M::ticket_in_progress, "ticket_in_progress"},
        {M::counter_paused, "counter_paused"},
        {M::no_current_ticket, "no_current_ticket"},
        {M::already_serving, "already_serving"},
        {M::not_absent, "not_absent"},
        {M::unknown_ticket, "unknown_ticket"},
        {M::same_category, "same_category"},
        {M::unknown_category, "unknown_category"},
        {M::unknown_procedure, "unknown_procedure"},
        {M::procedure_required, "procedure_required"},
        {M::applicant_required, "applicant_required"},
        {M::phone_invalid, "phone_invalid"},
        {M::dossier_required, "dossier_required"},
        {M::dossier_code_invalid, "dossier_code_invalid"},
        {M::dossier_not_found, "dossier_not_found"},
        {M::dossier_closed, "dossier_closed"},
        {M::refused, "refused"},
        {M::none_waiting, "none_waiting"},
        {M::transferred, "transferred"},
        {M::reinstated, "reinstated"},
        {M::taken_over, "taken_over"},
        {M::result_returned, "result_returned"},
    }};
};

}  // namespace motcua
