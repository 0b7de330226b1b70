#include "kiosk/core/citizen/ticket_flow.hpp"

#include <cmath>

#include "kiosk/core/shell/ward_api.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

/// "Nothing will change by itself": the main loop then sleeps until input or the clock.
constexpr double kNever = 1e9;

}  // namespace

IssueProblem issue_problem_of(const Error& e) {
    // The link or the service failed (after the kiosk's retries): "try again" is true advice,
    // and the same tile sends the same idempotency key again.
    if (worth_another_try(e)) return IssueProblem::unreachable;
    if (e.code == ErrorCode::issuing_stopped) return IssueProblem::stopped;
    return IssueProblem::refused;
}

int TicketFlow::seconds_left(SteadyTime now) const {
    if (screen_ != TicketScreen::issued) return 0;
    // While the slip is printing the clock already runs at the printed length; a failure later
    // restarts it at the longer one.
    const double total = print_ == PrintState::printed || print_ == PrintState::printing
                             ? timing_.issued_s
                             : timing_.issued_unprinted_s;
    const double left = total - seconds_between(screen_at_, now);
    // A slip still printing keeps the number up until its outcome is known (print_ticket is
    // bounded by a few seconds), so a late failure never finds the screen gone.
    if (print_ == PrintState::printing && left < 1) return 1;
    return left <= 0 ? 0 : static_cast<int>(std::ceil(left));
}

bool TicketFlow::issuing_notice_due(SteadyTime now) const {
    return issuing_ && seconds_between(issuing_at_, now) >= timing_.issuing_notice_after_s;
}

double TicketFlow::next_change_in(SteadyTime now) const {
    double next = kNever;
    if (issuing_ && !issuing_notice_due(now))
        next = timing_.issuing_notice_after_s - seconds_between(issuing_at_, now);
    if (screen_ == TicketScreen::issued) {
        // The countdown shows whole seconds: redraw when the next one starts.
        const double total = print_ == PrintState::printed || print_ == PrintState::printing
                                 ? timing_.issued_s
                                 : timing_.issued_unprinted_s;
        const double left = total - seconds_between(screen_at_, now);
        next = std::max(0.0, left - std::floor(left));
        if (next == 0 && left > 0) next = 1;
    } else if (screen_ == TicketScreen::priority || priority_) {
        next = std::max(0.0, timing_.idle_return_s - seconds_between(screen_at_, now));
    }
    if (problem_ != IssueProblem::none)
        next = std::min(next, std::max(0.0, timing_.notice_s - seconds_between(problem_at_, now)));
    return next;
}

void TicketFlow::open_priority(SteadyTime now) {
    if (issuing_) return;
    screen_ = TicketScreen::priority;
    screen_at_ = now;
    problem_ = IssueProblem::none;
}

void TicketFlow::choose_priority(std::string code, SteadyTime now) {
    priority_ = std::move(code);
    screen_ = TicketScreen::home;
    screen_at_ = now;
}

void TicketFlow::clear_priority() {
    priority_.reset();
}

void TicketFlow::back_home() {
    if (screen_ == TicketScreen::priority) screen_ = TicketScreen::home;
}

std::optional<api::IssueTicketRequest> TicketFlow::choose_category(const std::string& code,
                                                                   SteadyTime now) {
    if (issuing_ || screen_ != TicketScreen::home) return std::nullopt;
    issuing_ = true;
    issuing_at_ = now;
    issuing_category_ = code;
    problem_ = IssueProblem::none;
    screen_at_ = now;
    api::IssueTicketRequest req;
    req.category = code;
    req.priority = priority_.has_value();
    req.priority_reason = priority_;
    return req;
}

void TicketFlow::on_issued(const Result<api::TicketView>& result, SteadyTime now) {
    if (!issuing_) return;
    issuing_ = false;
    if (!result) {
        // Nothing changes but the notice: the priority choice stays for the next try.
        problem_ = issue_problem_of(result.error());
        problem_at_ = now;
        return;
    }
    ticket_priority_ = priority_;
    priority_.reset();  // one priority ticket per choice
    show(*result, now);
}

void TicketFlow::on_checked_in(const api::TicketView& ticket, SteadyTime now) {
    if (issuing_) return;
    problem_ = IssueProblem::none;
    ticket_priority_.reset();
    priority_.reset();  // a choice made before the check-in is not for the next citizen
    show(ticket, now);
}

void TicketFlow::show(const api::TicketView& ticket, SteadyTime now) {
    ticket_ = ticket;
    print_ = has_printer_ ? PrintState::printing : PrintState::none;
    screen_ = TicketScreen::issued;
    screen_at_ = now;
}

void TicketFlow::on_printed(const std::string& id, bool ok, SteadyTime now) {
    if (screen_ != TicketScreen::issued || !ticket_ || ticket_->id != id) return;
    print_ = ok ? PrintState::printed : PrintState::failed;
    // A failure gives the citizen the full longer time from the moment it is known.
    if (!ok) screen_at_ = now;
}

void TicketFlow::done() {
    if (screen_ == TicketScreen::issued) go_home();
}

void TicketFlow::go_home() {
    screen_ = TicketScreen::home;
    ticket_.reset();
    ticket_priority_.reset();
    print_ = PrintState::none;
}

bool TicketFlow::tick(SteadyTime now) {
    if (problem_ != IssueProblem::none && seconds_between(problem_at_, now) >= timing_.notice_s)
        problem_ = IssueProblem::none;
    if (screen_ == TicketScreen::priority &&
        seconds_between(screen_at_, now) >= timing_.idle_return_s) {
        screen_ = TicketScreen::home;
        priority_.reset();
        return true;
    }
    if (screen_ == TicketScreen::home && priority_ && !issuing_ &&
        seconds_between(screen_at_, now) >= timing_.idle_return_s) {
        // A priority choice nobody used must not pass to the next citizen.
        priority_.reset();
        return true;
    }
    if (screen_ == TicketScreen::issued && seconds_left(now) == 0) {
        go_home();
        return true;
    }
    return false;
}

}  // namespace motcua::kiosk
