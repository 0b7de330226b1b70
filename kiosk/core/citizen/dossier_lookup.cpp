#include "kiosk/core/citizen/dossier_lookup.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/citizen/dossier_code.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/appointment_code.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

/// "Nothing will change by itself": the main loop then sleeps until input or the clock.
constexpr double kNever = 1e9;
/// A scanned link is longer than a code; a scanner never sends a page of text.
constexpr std::size_t kMaxBurst = 256;

char code_char(CodeKind kind, char key) {
    return kind == CodeKind::dossier ? dossier_code_char(key) : appointment_code_char(key);
}

std::size_t max_length(CodeKind kind) {
    return kind == CodeKind::dossier ? kMaxDossierCodeLength : kAppointmentCodeLength;
}

bool well_formed(CodeKind kind, const std::string& code) {
    return kind == CodeKind::dossier ? is_dossier_code(code)
                                     : normalize_appointment_code(code).has_value();
}

}  // namespace

LookupProblem lookup_problem_of(const Error& e) {
    if (is_transport_error(e)) return LookupProblem::unreachable;
    switch (e.code) {
        case ErrorCode::dossier_not_found:
        case ErrorCode::not_found:
            return LookupProblem::not_found;
        case ErrorCode::too_early:
            return LookupProblem::too_early;
        case ErrorCode::missed:
            return LookupProblem::missed;
        case ErrorCode::cancelled:
            return LookupProblem::cancelled;
        default:
            return LookupProblem::refused;
    }
}

int LookupFlow::seconds_left(SteadyTime now) const {
    if (screen_ != LookupScreen::result) return 0;
    const double left = timing_.result_s - seconds_between(touched_at_, now);
    return left <= 0 ? 0 : static_cast<int>(std::ceil(left));
}

double LookupFlow::next_change_in(SteadyTime now) const {
    switch (screen_) {
        case LookupScreen::closed:
            return kNever;
        case LookupScreen::entry:
            // While the service is asked the screen waits for its answer, not the clock.
            if (searching_) return kNever;
            return std::max(0.0, timing_.idle_return_s - seconds_between(touched_at_, now));
        case LookupScreen::result: {
            // The countdown shows whole seconds: redraw when the next one starts.
            const double left = timing_.result_s - seconds_between(touched_at_, now);
            if (left <= 0) return 0;
            const double next = left - std::floor(left);
            return next == 0 ? 1 : next;
        }
    }
    return kNever;
}

void LookupFlow::touched(SteadyTime now) {
    touched_at_ = now;
}

void LookupFlow::open(SteadyTime now, CodeKind kind) {
    screen_ = LookupScreen::entry;
    kind_ = kind;
    entry_.clear();
    searching_.reset();
    problem_ = LookupProblem::none;
    problem_code_.clear();
    result_.reset();
    booking_.reset();
    touched(now);
}

void LookupFlow::close() {
    // A check-in under way is not dropped by a tap: its answer may be a ticket (an idle timeout
    // never fires while one is out either).
    if (searching_ && kind_ == CodeKind::appointment && screen_ == LookupScreen::entry) return;
    screen_ = LookupScreen::closed;
    entry_.clear();
    searching_.reset();  // an answer that comes later is dropped
    problem_ = LookupProblem::none;
    problem_code_.clear();
    result_.reset();
    booking_.reset();
    burst_.clear();
}

void LookupFlow::set_problem(LookupProblem problem, std::string code) {
    problem_ = problem;
    problem_code_ = std::move(code);
    booking_.reset();
}

void LookupFlow::press_key(char key, SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    const char c = code_char(kind_, key);
    if (c == 0) return;
    touched(now);
    if (entry_.size() >= max_length(kind_)) return;
    entry_.push_back(c);
    set_problem(LookupProblem::none, {});  // the notice was about what is being corrected
}

void LookupFlow::delete_key(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    touched(now);
    if (!entry_.empty()) entry_.pop_back();
    set_problem(LookupProblem::none, {});
}

void LookupFlow::clear(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    touched(now);
    entry_.clear();
    set_problem(LookupProblem::none, {});
}

std::optional<CodeRequest> LookupFlow::submit(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_ || entry_.empty()) return std::nullopt;
    touched(now);
    if (!well_formed(kind_, entry_)) {
        set_problem(LookupProblem::malformed, entry_);
        return std::nullopt;
    }
    set_problem(LookupProblem::none, {});
    searching_ = entry_;
    return CodeRequest{kind_, entry_};
}

void LookupFlow::again(SteadyTime now) {
    if (screen_ != LookupScreen::result) return;
    open(now);
}

void LookupFlow::type_text(std::string_view text, SteadyTime now) {
    if (text.empty()) return;
    if (!burst_.empty() && seconds_between(burst_at_, now) > timing_.scan_gap_s) burst_.clear();
    burst_ += text.substr(0, kMaxBurst - std::min(kMaxBurst, burst_.size()));
    burst_at_ = now;
    for (const char c : text) press_key(c, now);
}

std::optional<CodeRequest> LookupFlow::type_enter(SteadyTime now) {
    const bool fresh = !burst_.empty() && seconds_between(burst_at_, now) <= timing_.scan_gap_s;
    std::optional<CodeRequest> scanned;
    if (fresh) {
        if (auto dossier = find_dossier_code(burst_))
            scanned = CodeRequest{CodeKind::dossier, std::move(*dossier)};
        else if (auto booking = normalize_appointment_code(burst_))
            scanned = CodeRequest{CodeKind::appointment, std::move(*booking)};
    }
    burst_.clear();
    if (scanned && !searching_) {
        // A scan is a whole code: it replaces whatever was typed, wherever the citizen was.
        if (screen_ != LookupScreen::entry || kind_ != scanned->kind) open(now, scanned->kind);
        entry_ = scanned->code;
        return submit(now);
    }
    if (screen_ == LookupScreen::entry) return submit(now);
    return std::nullopt;
}

void LookupFlow::type_backspace(SteadyTime now) {
    delete_key(now);
}

void LookupFlow::on_result(const std::string& code, const Result<api::DossierView>& result,
                           SteadyTime now) {
    if (!searching_ || *searching_ != code || screen_ != LookupScreen::entry ||
        kind_ != CodeKind::dossier)
        return;
    searching_.reset();
    touched(now);
    if (!result) {
        // The typed code stays, so a wrong digit can be corrected rather than typed again.
        set_problem(lookup_problem_of(result.error()), code);
        return;
    }
    result_ = *result;
    result_->details.reset();  // a kiosk is a public screen: personal data is never kept
    screen_ = LookupScreen::result;
}

bool LookupFlow::on_check_in(const std::string& code, const CheckInAnswer& answer, SteadyTime now) {
    if (!searching_ || *searching_ != code || screen_ != LookupScreen::entry ||
        kind_ != CodeKind::appointment)
        return false;
    searching_.reset();
    touched(now);
    if (answer.ticket) {
        close();
        return true;
    }
    set_problem(lookup_problem_of(answer.ticket.error()), code);
    if (problem_ == LookupProblem::too_early || problem_ == LookupProblem::missed ||
        problem_ == LookupProblem::cancelled)
        booking_ = answer.booking;
    return false;
}

std::optional<std::string> LookupFlow::take_normal_ticket() {
    if (screen_ != LookupScreen::entry || kind_ != CodeKind::appointment || searching_)
        return std::nullopt;
    std::optional<std::string> category;
    if (booking_) category = booking_->category;
    close();
    return category;
}

bool LookupFlow::tick(SteadyTime now) {
    if (screen_ == LookupScreen::entry && !searching_ &&
        seconds_between(touched_at_, now) >= timing_.idle_return_s) {
        close();
        return true;
    }
    if (screen_ == LookupScreen::result && seconds_left(now) == 0) {
        close();
        return true;
    }
    return false;
}

}  // namespace motcua::kiosk
