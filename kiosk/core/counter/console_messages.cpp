#include "kiosk/core/counter/console_messages.hpp"

#include "kiosk/core/shell/officer_login.hpp"

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
    const ErrorCode code = error.code;
    const LoginProblem login = login_problem_of(error, action == ConsoleAction::login);
    if (login != LoginProblem::none) return login_message<M>(login);
    if (code == ErrorCode::not_at_counter) return M::not_at_counter;
    if (code == ErrorCode::counter_busy) return M::counter_busy;
    // The same code means two things: at open, the officer's *other* counter still has a ticket.
    if (code == ErrorCode::ticket_in_progress)
        return action == ConsoleAction::open ? M::busy_elsewhere : M::ticket_in_progress;
    if (code == ErrorCode::counter_paused) return M::counter_paused;
    if (code == ErrorCode::no_current_ticket) return M::no_current_ticket;
    if (code == ErrorCode::invalid_state)
        return action == ConsoleAction::reinstate ? M::not_absent : M::already_serving;
    if (code == ErrorCode::unknown_ticket) return M::unknown_ticket;
    if (code == ErrorCode::same_category) return M::same_category;
    if (code == ErrorCode::unknown_category) return M::unknown_category;
    if (code == ErrorCode::unknown_procedure) return M::unknown_procedure;
    if (code == ErrorCode::procedure_required) return M::procedure_required;
    if (code == ErrorCode::applicant_required) return M::applicant_required;
    if (code == ErrorCode::dossier_required) return M::dossier_required;
    if (code == ErrorCode::dossier_not_found) return M::dossier_not_found;
    if (code == ErrorCode::dossier_closed) return M::dossier_closed;
    return M::refused;
}

}  // namespace motcua::kiosk
