#include "kiosk/ui/counter/console_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace motcua::kiosk::ui {

namespace {

constexpr int kSecondsPerMinute = 60;
constexpr int kSecondsPerHour = 3600;

TextId message_text(ConsoleMessage m) {
    using M = ConsoleMessage;
    switch (m) {
        case M::unreachable:
            return TextId::msg_unreachable;
        case M::bad_credentials:
            return TextId::msg_bad_credentials;
        case M::login_locked:
            return TextId::msg_login_locked;
        case M::session_expired:
            return TextId::msg_session_expired;
        case M::forbidden:
            return TextId::msg_forbidden;
        case M::not_at_counter:
            return TextId::msg_not_at_counter;
        case M::counter_busy:
            return TextId::msg_counter_busy;
        case M::busy_elsewhere:
            return TextId::msg_busy_elsewhere;
        case M::ticket_in_progress:
            return TextId::msg_ticket_in_progress;
        case M::counter_paused:
            return TextId::msg_counter_paused;
        case M::no_current_ticket:
            return TextId::msg_no_current_ticket;
        case M::already_serving:
            return TextId::msg_already_serving;
        case M::not_absent:
            return TextId::msg_not_absent;
        case M::unknown_ticket:
            return TextId::msg_unknown_ticket;
        case M::same_category:
            return TextId::msg_same_category;
        case M::unknown_category:
            return TextId::msg_unknown_category;
        case M::none_waiting:
            return TextId::msg_none_waiting;
        case M::transferred:
            return TextId::msg_transferred;
        case M::reinstated:
            return TextId::msg_reinstated;
        case M::taken_over:
            return TextId::msg_taken_over;
        case M::unknown_procedure:
            return TextId::receipt_msg_unknown_procedure;
        case M::procedure_required:
            return TextId::receipt_msg_procedure_required;
        case M::applicant_required:
            return TextId::receipt_msg_applicant_required;
        case M::phone_invalid:
            return TextId::receipt_msg_phone_invalid;
        case M::dossier_required:
            return TextId::receipt_msg_dossier_required;
        case M::dossier_code_invalid:
            return TextId::receipt_msg_code_invalid;
        case M::dossier_not_found:
            return TextId::receipt_msg_dossier_not_found;
        case M::dossier_closed:
            return TextId::receipt_msg_dossier_closed;
        case M::result_returned:
            return TextId::receipt_msg_result_returned;
        case M::refused:
        case M::none:
            break;
    }
    return TextId::msg_refused;
}

}  // namespace

TextId action_text(ConsoleAction action, CounterState state) {
    switch (action) {
        case ConsoleAction::call_next:
            return TextId::action_call_next;
        case ConsoleAction::recall:
            return TextId::action_recall;
        case ConsoleAction::start:
            return TextId::action_start;
        case ConsoleAction::no_show:
            return TextId::action_no_show;
        case ConsoleAction::transfer:
            return TextId::action_transfer;
        case ConsoleAction::finish:
            return TextId::action_finish;
        case ConsoleAction::pause:
            return TextId::action_pause;
        case ConsoleAction::open:
            return state == CounterState::paused ? TextId::action_resume : TextId::action_open;
        case ConsoleAction::close:
            return TextId::action_close;
        case ConsoleAction::reinstate:
            return TextId::action_reinstate;
        case ConsoleAction::login:
            return TextId::console_login_button;
    }
    return TextId::action_cancel;
}

TextId outcome_text(FinishOutcome outcome) {
    switch (outcome) {
        case FinishOutcome::resolved:
            return TextId::outcome_resolved;
        case FinishOutcome::dossier_received:
            return TextId::outcome_dossier_received;
        case FinishOutcome::supplement_requested:
            return TextId::outcome_supplement_requested;
        case FinishOutcome::refused:
            return TextId::outcome_refused;
        case FinishOutcome::guidance:
            return TextId::outcome_guidance;
        case FinishOutcome::result_returned:
            return TextId::outcome_result_returned;
        case FinishOutcome::closed_at_day_end:
            return TextId::outcome_closed_at_day_end;
    }
    return TextId::outcome_resolved;
}

std::string key_name(std::optional<int> function_key) {
    if (!function_key) return {};
    return fmt::format("F{}", *function_key);
}

std::string with_key(std::string_view text, std::string_view key) {
    if (key.empty()) return std::string(text);
    return fmt::format("{} ({})", text, key);
}

std::string format_elapsed(int seconds) {
    seconds = std::max(0, seconds);
    const int h = seconds / kSecondsPerHour;
    const int m = (seconds % kSecondsPerHour) / kSecondsPerMinute;
    const int s = seconds % kSecondsPerMinute;
    if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{:02}:{:02}", m, s);
}

std::string format_duration(const Translator& tr, double seconds) {
    const int total = static_cast<int>(std::lround(std::max(0.0, seconds)));
    if (total < kSecondsPerMinute)
        return tr.format(TextId::duration_sec, fmt::arg("seconds", total));
    return tr.format(TextId::duration_min_sec, fmt::arg("minutes", total / kSecondsPerMinute),
                     fmt::arg("seconds", total % kSecondsPerMinute));
}

std::string console_message_text(const Translator& tr, ConsoleMessage message,
                                 const std::string& subject, const std::string& detail) {
    if (message == ConsoleMessage::none) return {};
    return tr.format(message_text(message), fmt::arg("number", subject), fmt::arg("name", subject),
                     fmt::arg("code", subject), fmt::arg("category", detail));
}

}  // namespace motcua::kiosk::ui
