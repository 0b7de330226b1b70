#include "kiosk/core/citizen/citizen_session.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace motcua::kiosk {

std::string_view screen_name(CitizenScreen screen) {
    switch (screen) {
        case CitizenScreen::ticket_home:
            return "ticket_home";
        case CitizenScreen::ticket_priority:
            return "ticket_priority";
        case CitizenScreen::ticket_issued:
            return "ticket_issued";
        case CitizenScreen::rate_keypad:
            return "rate_keypad";
        case CitizenScreen::rating_idle:
            return "rating_idle";
        case CitizenScreen::rating_levels:
            return "rating_levels";
        case CitizenScreen::rating_reasons:
            return "rating_reasons";
        case CitizenScreen::rating_sending:
            return "rating_sending";
        case CitizenScreen::rating_thanks:
            return "rating_thanks";
        case CitizenScreen::dossier_lookup:
            return "dossier_lookup";
        case CitizenScreen::dossier_result:
            return "dossier_result";
        case CitizenScreen::appointment_check_in:
            return "appointment_check_in";
    }
    return "unknown";
}

CitizenSession::CitizenSession(CitizenSettings settings)
    : settings_(settings),
      ticket_(settings.ticket_timing, settings.has_printer),
      rating_(settings.mode == Mode::rating ? RatingSource::pad : RatingSource::kiosk,
              settings.scale, settings.rating_timing),
      lookup_(settings.lookup_timing) {}

bool CitizenSession::rating_active() const {
    return rating_.screen() != RatingScreen::idle;
}

bool CitizenSession::lookup_active() const {
    return lookup_.screen() != LookupScreen::closed;
}

bool CitizenSession::takes_typing() const {
    if (settings_.mode != Mode::ticket) return false;
    const CitizenScreen s = screen();
    return s == CitizenScreen::dossier_lookup || s == CitizenScreen::dossier_result ||
           s == CitizenScreen::appointment_check_in ||
           (s == CitizenScreen::ticket_home && !ticket_.issuing());
}

CitizenScreen CitizenSession::screen() const {
    switch (rating_.screen()) {
        case RatingScreen::keypad:
            return CitizenScreen::rate_keypad;
        case RatingScreen::levels:
            return CitizenScreen::rating_levels;
        case RatingScreen::reasons:
            return CitizenScreen::rating_reasons;
        case RatingScreen::sending:
            return CitizenScreen::rating_sending;
        case RatingScreen::thanks:
            return CitizenScreen::rating_thanks;
        case RatingScreen::idle:
            break;
    }
    if (settings_.mode == Mode::rating) return CitizenScreen::rating_idle;
    switch (lookup_.screen()) {
        case LookupScreen::entry:
            return lookup_.kind() == CodeKind::appointment ? CitizenScreen::appointment_check_in
                                                           : CitizenScreen::dossier_lookup;
        case LookupScreen::result:
            return CitizenScreen::dossier_result;
        case LookupScreen::closed:
            break;
    }
    switch (ticket_.screen()) {
        case TicketScreen::priority:
            return CitizenScreen::ticket_priority;
        case TicketScreen::issued:
            return CitizenScreen::ticket_issued;
        case TicketScreen::home:
            break;
    }
    return CitizenScreen::ticket_home;
}

bool CitizenSession::busy_with_citizen() const {
    // The keypad and the lookup's keyboard are left out: checking a code needs the service. A
    // dossier found stays readable.
    const CitizenScreen s = screen();
    return s == CitizenScreen::ticket_issued || s == CitizenScreen::dossier_result ||
           s == CitizenScreen::rating_levels || s == CitizenScreen::rating_reasons ||
           s == CitizenScreen::rating_sending || s == CitizenScreen::rating_thanks;
}

double CitizenSession::next_change_in(SteadyTime now) const {
    if (rating_active()) return rating_.next_change_in(now);
    if (lookup_active()) return lookup_.next_change_in(now);
    return ticket_.next_change_in(now);
}

SessionEffects CitizenSession::apply(const CitizenCommand& command, SteadyTime now) {
    SessionEffects out;
    const CitizenScreen before = screen();
    bool visit_goes_on = false;  // home, but the citizen is still taking a ticket
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, cmd::ChooseCategory>) {
                out.issue = ticket_.choose_category(c.code, now);
            } else if constexpr (std::is_same_v<C, cmd::OpenPriority>) {
                ticket_.open_priority(now);
            } else if constexpr (std::is_same_v<C, cmd::ChoosePriority>) {
                ticket_.choose_priority(c.code, now);
            } else if constexpr (std::is_same_v<C, cmd::ClearPriority>) {
                ticket_.clear_priority();
            } else if constexpr (std::is_same_v<C, cmd::BackHome>) {
                ticket_.back_home();
            } else if constexpr (std::is_same_v<C, cmd::FinishTicket>) {
                ticket_.done();
            } else if constexpr (std::is_same_v<C, cmd::OpenRating>) {
                if (settings_.mode == Mode::ticket && !ticket_.issuing()) rating_.open_keypad(now);
            } else if constexpr (std::is_same_v<C, cmd::PressKey>) {
                rating_.press_key(c.key, now);
            } else if constexpr (std::is_same_v<C, cmd::DeleteKey>) {
                rating_.delete_key(now);
            } else if constexpr (std::is_same_v<C, cmd::ConfirmNumber>) {
                rating_.confirm_number(now);
            } else if constexpr (std::is_same_v<C, cmd::ChooseLevel>) {
                out.rating = rating_.choose_level(c.level, now);
            } else if constexpr (std::is_same_v<C, cmd::ToggleReason>) {
                rating_.toggle_reason(c.reason, now);
            } else if constexpr (std::is_same_v<C, cmd::SubmitReasons>) {
                out.rating = rating_.submit_reasons(now);
            } else if constexpr (std::is_same_v<C, cmd::CancelRating>) {
                rating_.cancel();
            } else if constexpr (std::is_same_v<C, cmd::OpenLookup>) {
                open_keyboard(CodeKind::dossier, before, now);
            } else if constexpr (std::is_same_v<C, cmd::OpenCheckIn>) {
                open_keyboard(CodeKind::appointment, before, now);
            } else if constexpr (std::is_same_v<C, cmd::TakeNormalTicket>) {
                if (before == CitizenScreen::appointment_check_in) {
                    visit_goes_on = true;
                    if (auto category = lookup_.take_normal_ticket())
                        out.issue = ticket_.choose_category(*category, now);
                }
            } else if constexpr (std::is_same_v<C, cmd::LookupKey>) {
                lookup_.press_key(c.key, now);
            } else if constexpr (std::is_same_v<C, cmd::LookupDelete>) {
                lookup_.delete_key(now);
            } else if constexpr (std::is_same_v<C, cmd::LookupClear>) {
                lookup_.clear(now);
            } else if constexpr (std::is_same_v<C, cmd::LookupSubmit>) {
                request(lookup_.submit(now), out);
            } else if constexpr (std::is_same_v<C, cmd::LookupAgain>) {
                lookup_.again(now);
            } else if constexpr (std::is_same_v<C, cmd::CloseLookup>) {
                lookup_.close();
            } else if constexpr (std::is_same_v<C, cmd::TypeText>) {
                if (takes_typing()) lookup_.type_text(c.text, now);
            } else if constexpr (std::is_same_v<C, cmd::TypeEnter>) {
                if (takes_typing()) {
                    request(lookup_.type_enter(now), out);
                    // A scan on the home screen opens the keyboard screen: a priority chosen
                    // before is left behind, as when it is opened by its button.
                    if (out.lookup || out.check_in) ticket_.clear_priority();
                }
            } else if constexpr (std::is_same_v<C, cmd::TypeBackspace>) {
                if (takes_typing()) lookup_.type_backspace(now);
            }
        },
        command);
    const CitizenScreen after = screen();
    // Back at the start screen after a citizen's own step ("Xong", "Quay lại" from rating).
    out.session_ended =
        after != before && !visit_goes_on &&
        (after == CitizenScreen::ticket_home || after == CitizenScreen::rating_idle) &&
        before != CitizenScreen::ticket_priority;
    return out;
}

void CitizenSession::request(std::optional<CodeRequest> code, SessionEffects& out) {
    if (!code) return;
    if (code->kind == CodeKind::dossier)
        out.lookup = std::move(code->code);
    else
        out.check_in = std::move(code->code);
}

void CitizenSession::open_keyboard(CodeKind kind, CitizenScreen before, SteadyTime now) {
    if (before != CitizenScreen::ticket_home || ticket_.issuing()) return;
    // A priority group chosen for a ticket is not for the keyboard: it would otherwise lapse (and
    // end the visit) while the citizen types. An appointment ticket has its own place in line.
    ticket_.clear_priority();
    lookup_.open(now, kind);
}

SessionEffects CitizenSession::tick(SteadyTime now) {
    SessionEffects out;
    const CitizenScreen before = screen();
    out.rating = rating_.tick(now);
    const bool ticket_reset = ticket_.tick(now);
    const bool lookup_reset = lookup_.tick(now);
    const CitizenScreen after = screen();
    out.session_ended = ticket_reset || lookup_reset ||
                        (after != before && (after == CitizenScreen::ticket_home ||
                                             after == CitizenScreen::rating_idle));
    return out;
}

void CitizenSession::on_issued(const Result<api::TicketView>& result, SteadyTime now) {
    ticket_.on_issued(result, now);
}

void CitizenSession::on_printed(const std::string& ticket_id, bool ok, SteadyTime now) {
    ticket_.on_printed(ticket_id, ok, now);
}

void CitizenSession::on_rating_answer(const std::string& idempotency_key,
                                      const RatingAnswer& answer, SteadyTime now) {
    rating_.on_answer(idempotency_key, answer, now);
}

void CitizenSession::on_lookup(const std::string& code, const Result<api::DossierView>& result,
                               SteadyTime now) {
    lookup_.on_result(code, result, now);
}

void CitizenSession::on_check_in(const std::string& code, const CheckInAnswer& answer,
                                 SteadyTime now) {
    if (lookup_.on_check_in(code, answer, now)) ticket_.on_checked_in(*answer.ticket, now);
}

void CitizenSession::on_event(const api::Event& event, SteadyTime now) {
    if (settings_.mode != Mode::rating) return;
    if (event.type == EventType::ticket_finished) {
        const auto* field = event.fields.if_contains("ticket");
        if (field == nullptr) return;
        auto ticket = api::decode<api::TicketView>(*field);
        if (!ticket) {
            spdlog::error("rating pad: ticket_finished #{}: {}", event.seq, ticket.error().message);
            return;
        }
        if (ticket->counter == settings_.counter) rating_.on_ticket_finished(*ticket, now);
    } else if (event.type == EventType::rating_submitted) {
        const auto* field = event.fields.if_contains("rating");
        if (field == nullptr) return;
        if (auto rated = api::decode<api::RatingSubmittedFields>(*field))
            rating_.on_rated_elsewhere(rated->ticket);
    }
}

}  // namespace motcua::kiosk
