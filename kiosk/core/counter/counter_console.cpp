#include "kiosk/core/counter/counter_console.hpp"

#include <algorithm>

#include "kiosk/core/citizen/dossier_code.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

/// "Nothing will change by itself": the main loop sleeps until input or the clock.
constexpr double kNever = 1e9;
/// Ticket events applied ahead of their answer, remembered this many: a few seconds' worth.
constexpr std::size_t kSeenEvents = 64;

/// The event an answered ticket action causes on the stream.
std::optional<EventType> event_of(ConsoleAction action) {
    switch (action) {
        case ConsoleAction::call_next:
            return EventType::ticket_called;
        case ConsoleAction::recall:
            return EventType::ticket_recalled;
        case ConsoleAction::start:
            return EventType::ticket_started;
        case ConsoleAction::no_show:
            return EventType::ticket_no_show;
        case ConsoleAction::transfer:
            return EventType::ticket_transferred;
        case ConsoleAction::finish:
            return EventType::ticket_finished;
        default:
            return std::nullopt;  // counter events and reinstating apply twice harmlessly
    }
}

}  // namespace

std::string_view console_screen_name(ConsoleScreen screen) {
    switch (screen) {
        case ConsoleScreen::login:
            return "counter_login";
        case ConsoleScreen::console:
            return "counter_console";
        case ConsoleScreen::transfer:
            return "counter_transfer";
        case ConsoleScreen::finish:
            return "counter_finish";
        case ConsoleScreen::dossier_form:
            return "counter_dossier";
        case ConsoleScreen::dossier_return:
            return "counter_return";
        case ConsoleScreen::receipt:
            return "counter_receipt";
    }
    return "unknown";
}

std::optional<ConsoleAction> ConsoleSession::pending() const {
    if (login_.pending()) return ConsoleAction::login;
    if (!pending_) return std::nullopt;
    return pending_->action;
}

bool ConsoleSession::can(ConsoleAction action) const {
    // One at a time: a double press never acts twice.
    if (pending_ || login_.pending()) return false;
    if (action == ConsoleAction::login) return screen_ == ConsoleScreen::login;
    if (!login_.logged_in()) return false;
    const bool called = current_ && current_->state == TicketState::called;
    switch (action) {
        case ConsoleAction::open:
            return state_ != CounterState::open;
        case ConsoleAction::pause:
            return state_ == CounterState::open;
        case ConsoleAction::close:
            return state_ != CounterState::closed && !current_;
        case ConsoleAction::call_next:
            return state_ == CounterState::open && !current_;
        case ConsoleAction::recall:
        case ConsoleAction::start:
        case ConsoleAction::no_show:
            return called;
        case ConsoleAction::transfer:
        case ConsoleAction::finish:
            return current_.has_value();
        case ConsoleAction::reinstate:
            return state_ != CounterState::closed;
        case ConsoleAction::login:
            break;
    }
    return false;
}

double ConsoleSession::next_change_in(SteadyTime now) const {
    double next = kNever;
    if (message_ != ConsoleMessage::none && !is_failure(message_))
        next = std::max(0.0, settings_.timing.info_s - seconds_between(message_at_, now));
    if (figures_at_)
        next = std::min(next, std::max(0.0, settings_.timing.figures_every_s -
                                                seconds_between(*figures_at_, now)));
    if (screen_ == ConsoleScreen::dossier_form) next = std::min(next, desk_.next_refresh_in(now));
    return next;
}

void ConsoleSession::say(ConsoleMessage message, std::string subject, SteadyTime now,
                         std::string detail) {
    message_ = message;
    subject_ = std::move(subject);
    detail_ = std::move(detail);
    message_at_ = now;
}

ConsoleEffects ConsoleSession::send(ConsoleRequest request, std::string subject, SteadyTime now) {
    request.id = next_id_++;
    request.counter = settings_.counter;
    pending_ = Pending{request.id, request.action, std::move(subject), std::nullopt};
    say(ConsoleMessage::none, "", now);  // a new action starts with a clean slate
    ConsoleEffects out;
    out.request = std::move(request);
    return out;
}

ConsoleEffects ConsoleSession::apply(const ConsoleCommand& command, SteadyTime now) {
    ConsoleEffects out;
    const auto simple = [&](ConsoleAction action) {
        if (!can(action)) return;
        ConsoleRequest r;
        r.action = action;
        out = send(std::move(r), current_ ? current_->number : "", now);
    };
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            namespace cc = console_cmd;
            if constexpr (std::is_same_v<C, cc::Login>) {
                if (!can(ConsoleAction::login)) return;
                out.login = login_.begin(c.username, c.password);
                if (out.login) say(ConsoleMessage::none, "", now);
            } else if constexpr (std::is_same_v<C, cc::Logout>) {
                // Leaving an open counter would strand the queue: close it first.
                if (!pending_ && login_.logged_in() && state_ == CounterState::closed) logout();
            } else if constexpr (std::is_same_v<C, cc::OpenCounter>) {
                simple(ConsoleAction::open);
            } else if constexpr (std::is_same_v<C, cc::PauseCounter>) {
                simple(ConsoleAction::pause);
            } else if constexpr (std::is_same_v<C, cc::CloseCounter>) {
                simple(ConsoleAction::close);
            } else if constexpr (std::is_same_v<C, cc::CallNext>) {
                // From the receipt too: the officer hands it over and calls the next citizen.
                if (screen_ == ConsoleScreen::receipt && can(ConsoleAction::call_next))
                    screen_ = ConsoleScreen::console;
                simple(ConsoleAction::call_next);
            } else if constexpr (std::is_same_v<C, cc::Recall>) {
                simple(ConsoleAction::recall);
            } else if constexpr (std::is_same_v<C, cc::Start>) {
                simple(ConsoleAction::start);
            } else if constexpr (std::is_same_v<C, cc::NoShow>) {
                simple(ConsoleAction::no_show);
            } else if constexpr (std::is_same_v<C, cc::OpenTransfer>) {
                if (can(ConsoleAction::transfer) && screen_ == ConsoleScreen::console)
                    screen_ = ConsoleScreen::transfer;
            } else if constexpr (std::is_same_v<C, cc::OpenFinish>) {
                if (can(ConsoleAction::finish) && screen_ == ConsoleScreen::console)
                    screen_ = ConsoleScreen::finish;
            } else if constexpr (std::is_same_v<C, cc::CancelDialog>) {
                if (screen_ == ConsoleScreen::transfer || screen_ == ConsoleScreen::finish)
                    screen_ = ConsoleScreen::console;
                // A form goes back to the outcomes (nothing was sent); not while it is sending.
                if ((screen_ == ConsoleScreen::dossier_form ||
                     screen_ == ConsoleScreen::dossier_return) &&
                    !pending_) {
                    screen_ = current_ ? ConsoleScreen::finish : ConsoleScreen::console;
                    say(ConsoleMessage::none, "", now);
                }
            } else if constexpr (std::is_same_v<C, cc::ChooseCategory>) {
                if (screen_ != ConsoleScreen::transfer || !can(ConsoleAction::transfer)) return;
                screen_ = ConsoleScreen::console;
                ConsoleRequest r;
                r.action = ConsoleAction::transfer;
                r.category = c.code;
                out = send(std::move(r), current_->number, now);
            } else if constexpr (std::is_same_v<C, cc::ChooseOutcome>) {
                if (screen_ != ConsoleScreen::finish || !can(ConsoleAction::finish)) return;
                if (c.outcome == FinishOutcome::dossier_received) {
                    // The dossier's procedure and applicant first: nothing is sent yet.
                    screen_ = ConsoleScreen::dossier_form;
                    desk_.open_form();
                    out.fetch_procedures = desk_.ask_procedures();
                    say(ConsoleMessage::none, "", now);
                    return;
                }
                if (c.outcome == FinishOutcome::result_returned) {
                    screen_ = ConsoleScreen::dossier_return;
                    desk_.open_form();
                    say(ConsoleMessage::none, "", now);
                    return;
                }
                screen_ = ConsoleScreen::console;
                ConsoleRequest r;
                r.action = ConsoleAction::finish;
                r.outcome = c.outcome;
                out = send(std::move(r), current_->number, now);
                pending_->outcome = c.outcome;
            } else if constexpr (std::is_same_v<C, cc::Reinstate>) {
                if (!can(ConsoleAction::reinstate)) return;
                const auto it = std::find_if(no_shows_.begin(), no_shows_.end(),
                                             [&](const NoShow& n) { return n.id == c.ticket_id; });
                if (it == no_shows_.end()) return;
                ConsoleRequest r;
                r.action = ConsoleAction::reinstate;
                r.ticket = c.ticket_id;
                out = send(std::move(r), it->number, now);
            } else if constexpr (std::is_same_v<C, cc::ChooseProcedure>) {
                if (screen_ != ConsoleScreen::dossier_form || pending_) return;
                out.fetch_due_date = desk_.choose(c.code, now);
                if (message_ == ConsoleMessage::procedure_required ||
                    message_ == ConsoleMessage::unknown_procedure)
                    say(ConsoleMessage::none, "", now);  // answered by the choice
            } else if constexpr (std::is_same_v<C, cc::RetryProcedures>) {
                if (screen_ == ConsoleScreen::dossier_form)
                    out.fetch_procedures = desk_.ask_procedures();
            } else if constexpr (std::is_same_v<C, cc::ConfirmDossier>) {
                out = confirm_dossier(c, now);
            } else if constexpr (std::is_same_v<C, cc::ConfirmReturn>) {
                out = confirm_return(c, now);
            } else if constexpr (std::is_same_v<C, cc::Reprint>) {
                if (screen_ == ConsoleScreen::receipt) out.print_receipt = desk_.reprint();
            } else if constexpr (std::is_same_v<C, cc::CloseReceipt>) {
                if (screen_ == ConsoleScreen::receipt) screen_ = ConsoleScreen::console;
            }
        },
        command);
    return out;
}

ConsoleEffects ConsoleSession::tick(SteadyTime now) {
    ConsoleEffects out;
    if (message_ != ConsoleMessage::none && !is_failure(message_) &&
        seconds_between(message_at_, now) >= settings_.timing.info_s)
        say(ConsoleMessage::none, "", now);
    if (login_.logged_in() && figures_at_ &&
        seconds_between(*figures_at_, now) >= settings_.timing.figures_every_s) {
        figures_at_ = now;
        out.fetch_figures = true;
    }
    if (screen_ == ConsoleScreen::dossier_form && !pending_)
        out.fetch_due_date = desk_.refresh(now);
    return out;
}

namespace {

/// Blanks cut from both ends: what a name or phone field holds, as the service should see it.
std::string trimmed(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

ConsoleEffects ConsoleSession::confirm_dossier(const console_cmd::ConfirmDossier& c,
                                               SteadyTime now) {
    if (screen_ != ConsoleScreen::dossier_form || !can(ConsoleAction::finish)) return {};
    const std::string& number = current_->number;
    const std::string name = trimmed(c.applicant_name);
    const std::string phone = trimmed(c.phone);
    // What the officer can fix is said at once, without a round trip (the service checks again).
    if (!desk_.procedure()) {
        say(ConsoleMessage::procedure_required, number, now);
        return {};
    }
    if (name.empty()) {
        say(ConsoleMessage::applicant_required, number, now);
        return {};
    }
    if (!plausible_phone(phone)) {
        say(ConsoleMessage::phone_invalid, number, now);
        return {};
    }
    ConsoleRequest r;
    r.action = ConsoleAction::finish;
    r.outcome = FinishOutcome::dossier_received;
    r.procedure = *desk_.procedure();
    api::Applicant applicant;
    applicant.name = name;
    if (!phone.empty()) applicant.phone = phone;
    r.applicant = std::move(applicant);
    ConsoleEffects out = send(std::move(r), number, now);
    pending_->outcome = FinishOutcome::dossier_received;
    return out;
}

ConsoleEffects ConsoleSession::confirm_return(const console_cmd::ConfirmReturn& c, SteadyTime now) {
    if (screen_ != ConsoleScreen::dossier_return || !can(ConsoleAction::finish)) return {};
    const std::string typed = trimmed(c.code);
    if (typed.empty()) {
        say(ConsoleMessage::dossier_required, "", now);
        return {};
    }
    // Typed in any case, or scanned from the receipt's code (which may be a link).
    const std::optional<std::string> code = find_dossier_code(typed);
    if (!code) {
        say(ConsoleMessage::dossier_code_invalid, typed.substr(0, kMaxDossierCodeLength), now);
        return {};
    }
    ConsoleRequest r;
    r.action = ConsoleAction::finish;
    r.outcome = FinishOutcome::result_returned;
    r.dossier = *code;
    ConsoleEffects out = send(std::move(r), *code, now);
    pending_->outcome = FinishOutcome::result_returned;
    return out;
}

void ConsoleSession::finished(const Pending& p, const std::optional<api::DossierView>& dossier,
                              ConsoleEffects& out, SteadyTime now) {
    if (p.outcome == FinishOutcome::dossier_received && dossier) {
        screen_ = ConsoleScreen::receipt;
        out.print_receipt = desk_.received(p.subject, *dossier);
        return;
    }
    if (screen_ == ConsoleScreen::dossier_form || screen_ == ConsoleScreen::dossier_return)
        screen_ = ConsoleScreen::console;
    if (p.outcome == FinishOutcome::result_returned)
        say(ConsoleMessage::result_returned, p.subject, now);
}

ConsoleEffects ConsoleSession::on_login(std::uint64_t id, const Result<api::LoginResponse>& answer,
                                        SteadyTime now) {
    const auto done = login_.on_answer(id, answer);
    if (!done) return {};  // logged out meanwhile
    if (!*done) {
        say(message_for(ConsoleAction::login, done->error()), "", now);
        return {};
    }
    screen_ = ConsoleScreen::console;
    ConsoleEffects out;
    out.token = answer->token;
    out.fetch_procedures = desk_.ask_procedures();  // the receipt form opens without a wait
    // Logging in at a counter's console means working there: open it at once (a no-op that
    // answers with the counter's ticket when this officer already had it open).
    ConsoleRequest open;
    open.action = ConsoleAction::open;
    out.request = send(std::move(open), "", now).request;
    return out;
}

ConsoleEffects ConsoleSession::on_answer(std::uint64_t id, const Result<ConsoleReply>& answer,
                                         SteadyTime now, TimePoint service_now) {
    if (!pending_ || pending_->id != id) return {};  // the officer logged out meanwhile
    const Pending p = *pending_;
    pending_.reset();
    if (!answer) {
        failed(p, answer.error(), now);
        return {};
    }
    return succeeded(p, *answer, now, service_now);
}

void ConsoleSession::failed(const Pending& p, const Error& error, SteadyTime now) {
    const ConsoleMessage m = message_for(p.action, error);
    say(m, p.subject, now);
    if (m == ConsoleMessage::session_expired) {
        logout();
        say(m, "", now);  // said on the login screen, where the officer starts again
    }
    // A ticket the service no longer knows (yesterday's) can never be put back.
    if (p.action == ConsoleAction::reinstate && m == ConsoleMessage::unknown_ticket)
        no_shows_.erase(std::remove_if(no_shows_.begin(), no_shows_.end(),
                                       [&](const NoShow& n) { return n.number == p.subject; }),
                        no_shows_.end());
}

void ConsoleSession::expect(EventType type, const std::string& ticket_id) {
    const std::pair<EventType, std::string> key{type, ticket_id};
    const auto early = std::find(seen_.begin(), seen_.end(), key);
    if (early != seen_.end()) {
        seen_.erase(early);  // the event came first and is applied already
        return;
    }
    expected_.push_back(key);
}

ConsoleEffects ConsoleSession::succeeded(const Pending& p, const ConsoleReply& reply,
                                         SteadyTime now, TimePoint service_now) {
    ConsoleEffects out;
    if (const auto* counter = std::get_if<api::CounterInfo>(&reply)) {
        state_ = counter->state;
        current_ = counter->current;
        called_at_ = current_ ? current_->called_at : std::nullopt;
        if (p.action == ConsoleAction::open && !figures_at_) {
            figures_at_ = now;
            out.fetch_figures = true;
        }
        return out;
    }
    std::optional<api::TicketView> ticket;
    std::optional<api::DossierView> dossier;
    if (const auto* with = std::get_if<FinishedWithDossier>(&reply)) {
        ticket = with->ticket;
        dossier = with->dossier;
    } else {
        ticket = std::get<std::optional<api::TicketView>>(reply);
    }
    if (!ticket) {  // 204: nobody waiting
        say(ConsoleMessage::none_waiting, "", now);
        return out;
    }
    if (const auto type = event_of(p.action)) expect(*type, ticket->id);
    switch (p.action) {
        case ConsoleAction::call_next:
        case ConsoleAction::recall:
            current_ = ticket;
            called_at_ = service_now;
            break;
        case ConsoleAction::start:
            current_ = ticket;
            break;
        case ConsoleAction::no_show:
            add_no_show(*ticket, ticket->finished_at.value_or(service_now));
            current_.reset();
            break;
        case ConsoleAction::transfer:
            current_.reset();
            say(ConsoleMessage::transferred, ticket->number, now, ticket->category);
            break;
        case ConsoleAction::finish:
            current_.reset();
            figures_at_ = now;
            out.fetch_figures = true;
            finished(p, dossier, out, now);
            break;
        case ConsoleAction::reinstate:
            drop_no_show(ticket->id);
            say(ConsoleMessage::reinstated, ticket->number, now);
            break;
        default:
            break;
    }
    return out;
}

ConsoleEffects ConsoleSession::on_event(const api::Event& event, SteadyTime now) {
    ConsoleEffects out;
    waiting_.on_event(event);
    if (!login_.logged_in()) return out;
    if (event.type == EventType::appointment_booked ||
        event.type == EventType::appointment_cancelled ||
        event.type == EventType::appointment_checked_in ||
        event.type == EventType::appointment_missed) {
        out.fetch_appointments = true;
        return out;
    }
    const auto* counter_field = event.fields.if_contains("counter");
    const int at_counter = counter_field != nullptr && counter_field->is_int64()
                               ? static_cast<int>(counter_field->as_int64())
                               : 0;
    if (event.type == EventType::counter_opened || event.type == EventType::counter_closed ||
        event.type == EventType::counter_paused) {
        if (at_counter != settings_.counter) return out;
        auto change = api::decode<api::CounterEventFields>(boost::json::value(event.fields));
        if (!change) return out;
        if (change->state != CounterState::closed && change->officer &&
            *change->officer != login_.officer()->officer.name) {
            // Another officer opened this counter: it is theirs now, and so is its queue.
            state_ = CounterState::closed;
            current_.reset();
            screen_ = ConsoleScreen::console;
            say(ConsoleMessage::taken_over, *change->officer, now);
            return out;
        }
        state_ = change->state;
        return out;
    }
    const auto* field = event.fields.if_contains("ticket");
    if (field == nullptr) return out;
    auto ticket = api::decode<api::TicketView>(*field);
    if (!ticket) return out;
    apply_event(event, *ticket, at_counter);
    return out;
}

void ConsoleSession::apply_event(const api::Event& event, const api::TicketView& ticket,
                                 int at_counter) {
    if (event.type == EventType::ticket_reinstated) {
        drop_no_show(ticket.id);  // wherever it was put back
        return;
    }
    if (at_counter != settings_.counter) return;
    const std::pair<EventType, std::string> key{event.type, ticket.id};
    if (const auto it = std::find(expected_.begin(), expected_.end(), key); it != expected_.end()) {
        expected_.erase(it);  // our own answered action: applied already
        return;
    }
    seen_.push_back(key);
    if (seen_.size() > kSeenEvents) seen_.pop_front();
    const bool here = current_ && current_->id == ticket.id;
    switch (event.type) {
        case EventType::ticket_called:
        case EventType::ticket_recalled:
            current_ = ticket;
            called_at_ = event.at;
            break;
        case EventType::ticket_started:
            current_ = ticket;
            break;
        case EventType::ticket_no_show:
            add_no_show(ticket, event.at);
            if (here) current_.reset();
            break;
        case EventType::ticket_finished:
        case EventType::ticket_transferred:
            if (here) current_.reset();
            break;
        default:
            break;
    }
    // The ticket a choice or form was about is gone (done from another PC): back to the desk.
    const bool about_ticket =
        screen_ == ConsoleScreen::transfer || screen_ == ConsoleScreen::finish ||
        screen_ == ConsoleScreen::dossier_form || screen_ == ConsoleScreen::dossier_return;
    if (!current_ && !pending_ && about_ticket) screen_ = ConsoleScreen::console;
}

void ConsoleSession::on_appointments(const Result<std::vector<api::BookingView>>& list) {
    if (!list || !login_.logged_in()) return;  // the last list stays: a courtesy, like figures
    appointments_ = *list;
    // Never a phone number on a screen (DESIGN.md §10): the list is kept without them.
    for (auto& b : *appointments_) b.phone.clear();
}

void ConsoleSession::on_figures(const Result<OfficerFigures>& figures) {
    if (figures && login_.logged_in()) figures_ = *figures;
}

void ConsoleSession::on_procedures(const Result<std::vector<api::ProcedureInfo>>& list) {
    desk_.on_procedures(list);
}

void ConsoleSession::on_due_date(const std::string& procedure,
                                 const Result<api::DueDatePreview>& preview, SteadyTime now) {
    desk_.on_preview(procedure, preview, now);
}

void ConsoleSession::on_receipt_printed(const std::string& code, const Status& status) {
    desk_.on_printed(code, status);
}

void ConsoleSession::add_no_show(const api::TicketView& ticket, TimePoint at) {
    drop_no_show(ticket.id);
    no_shows_.push_back(NoShow{ticket.id, ticket.number, at});
}

void ConsoleSession::drop_no_show(const std::string& id) {
    no_shows_.erase(std::remove_if(no_shows_.begin(), no_shows_.end(),
                                   [&](const NoShow& n) { return n.id == id; }),
                    no_shows_.end());
}

void ConsoleSession::logout() {
    login_.log_out();
    screen_ = ConsoleScreen::login;
    state_ = CounterState::closed;
    current_.reset();
    called_at_.reset();
    pending_.reset();
    expected_.clear();
    seen_.clear();
    no_shows_.clear();
    figures_.reset();
    figures_at_.reset();
    appointments_.reset();
    desk_.forget_receipt();
    say(ConsoleMessage::none, "", SteadyTime{});
}

}  // namespace motcua::kiosk
