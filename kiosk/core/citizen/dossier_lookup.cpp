#include "kiosk/core/citizen/dossier_lookup.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/citizen/dossier_code.hpp"
#include "kiosk/core/shell/ward_api.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

/// "Nothing will change by itself": the main loop then sleeps until input or the clock.
constexpr double kNever = 1e9;
/// A scanned link is longer than a code; a scanner never sends a page of text.
constexpr std::size_t kMaxBurst = 256;

}  // namespace

LookupProblem lookup_problem_of(const Error& e) {
    if (is_transport_error(e)) return LookupProblem::unreachable;
    if (e.code == ErrorCode::dossier_not_found || e.code == ErrorCode::not_found)
        return LookupProblem::not_found;
    return LookupProblem::refused;
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

void LookupFlow::open(SteadyTime now) {
    screen_ = LookupScreen::entry;
    entry_.clear();
    searching_.reset();
    problem_ = LookupProblem::none;
    problem_code_.clear();
    result_.reset();
    touched(now);
}

void LookupFlow::close() {
    screen_ = LookupScreen::closed;
    entry_.clear();
    searching_.reset();  // an answer that comes later is dropped
    problem_ = LookupProblem::none;
    problem_code_.clear();
    result_.reset();
    burst_.clear();
}

void LookupFlow::press_key(char key, SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    const char c = dossier_code_char(key);
    if (c == 0) return;
    touched(now);
    if (entry_.size() >= kMaxDossierCodeLength) return;
    entry_.push_back(c);
    problem_ = LookupProblem::none;  // the notice was about what is being corrected
}

void LookupFlow::delete_key(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    touched(now);
    if (!entry_.empty()) entry_.pop_back();
    problem_ = LookupProblem::none;
}

void LookupFlow::clear(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_) return;
    touched(now);
    entry_.clear();
    problem_ = LookupProblem::none;
}

std::optional<std::string> LookupFlow::submit(SteadyTime now) {
    if (screen_ != LookupScreen::entry || searching_ || entry_.empty()) return std::nullopt;
    touched(now);
    if (!is_dossier_code(entry_)) {
        problem_ = LookupProblem::malformed;
        problem_code_ = entry_;
        return std::nullopt;
    }
    problem_ = LookupProblem::none;
    searching_ = entry_;
    return entry_;
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

std::optional<std::string> LookupFlow::type_enter(SteadyTime now) {
    const bool fresh = !burst_.empty() && seconds_between(burst_at_, now) <= timing_.scan_gap_s;
    const std::optional<std::string> scanned = fresh ? find_dossier_code(burst_) : std::nullopt;
    burst_.clear();
    if (scanned && !searching_) {
        // A scan is a whole code: it replaces whatever was typed, wherever the citizen was.
        if (screen_ != LookupScreen::entry) open(now);
        entry_ = *scanned;
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
    if (!searching_ || *searching_ != code || screen_ != LookupScreen::entry) return;
    searching_.reset();
    touched(now);
    if (!result) {
        // The typed code stays, so a wrong digit can be corrected rather than typed again.
        problem_ = lookup_problem_of(result.error());
        problem_code_ = code;
        return;
    }
    result_ = *result;
    result_->details.reset();  // a kiosk is a public screen: personal data is never kept
    screen_ = LookupScreen::result;
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
