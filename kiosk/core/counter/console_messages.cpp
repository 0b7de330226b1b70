#include "kiosk/core/counter/console_messages.hpp"

namespace motcua::kiosk {

bool is_failure(ConsoleMessage m) {
    switch (m) {
        case ConsoleMessage::none:
        case ConsoleMessage::none_waiting:
        case ConsoleMessage::transferred:
        case ConsoleMessage::reinstated:
        case ConsoleMessage::taken_over:
        case ConsoleMessage::result_returned:
            return false;
        default:
            return true;
    }
}

ConsoleMessage message_for(ConsoleAction action, const Error& error) {
    using M = ConsoleMessage;
    const std::string& code = error.code;
    if (is_transport_error(error)) return M::unreachable;
    if (code == "bad_credentials") return M::bad_credentials;
    if (code == "too_many_attempts") return M::login_locked;
    // An officer's session ends on the real clock: every action after that is 401.
    if (code == "unauthorized" || code == "session_expired")
        return action == ConsoleAction::login ? M::bad_credentials : M::session_expired;
    if (code == "forbidden") return M::forbidden;
    if (code == "not_at_counter") return M::not_at_counter;
    if (code == "counter_busy") return M::counter_busy;
    // The same code means two things: at open, the officer's *other* counter still has a ticket.
    if (code == "ticket_in_progress")
        return action == ConsoleAction::open ? M::busy_elsewhere : M::ticket_in_progress;
    if (code == "counter_paused") return M::counter_paused;
    if (code == "no_current_ticket") return M::no_current_ticket;
    if (code == "invalid_state")
        return action == ConsoleAction::reinstate ? M::not_absent : M::already_serving;
    if (code == "unknown_ticket") return M::unknown_ticket;
    if (code == "same_category") return M::same_category;
    if (code == "unknown_category") return M::unknown_category;
    if (code == "unknown_procedure") return M::unknown_procedure;
    if (code == "procedure_required") return M::procedure_required;
    if (code == "applicant_required") return M::applicant_required;
    if (code == "dossier_required") return M::dossier_required;
    // The service says 404 to a lookup and 422 to a finish naming an unknown dossier.
    if (code == "dossier_not_found" || code == "unknown_dossier") return M::dossier_not_found;
    if (code == "dossier_closed") return M::dossier_closed;
    return M::refused;
}

}  // namespace motcua::kiosk
