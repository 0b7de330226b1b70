#include "kiosk/core/citizen/rating_flow.hpp"

#include <algorithm>
#include <cctype>

#include "kiosk/core/citizen/rating_outbox.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

constexpr double kNever = 1e9;

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

RatingNotice notice_of(const RatingAnswer& answer) {
    if (answer.verdict == RatingVerdict::already_rated) return RatingNotice::already_rated;
    if (answer.verdict != RatingVerdict::rejected) return RatingNotice::none;
    if (answer.error.code == ErrorCode::unknown_ticket) return RatingNotice::unknown_number;
    if (answer.error.code == ErrorCode::not_served) return RatingNotice::not_served;
    return RatingNotice::not_accepted;
}

}  // namespace

bool RatingFlow::entry_complete() const {
    return std::any_of(entry_.begin(), entry_.end(), is_digit);
}

double RatingFlow::next_change_in(SteadyTime now) const {
    const double shown = seconds_between(screen_at_, now);
    switch (screen_) {
        case RatingScreen::idle:
            return kNever;
        case RatingScreen::sending:
            return std::max(0.0, timing_.answer_wait_s - shown);
        case RatingScreen::thanks:
            return std::max(0.0, timing_.thanks_s - shown);
        default:
            return std::max(0.0, timing_.idle_return_s - shown);
    }
}

void RatingFlow::open_keypad(SteadyTime now) {
    screen_ = RatingScreen::keypad;
    screen_at_ = now;
    entry_.clear();
    notice_ = RatingNotice::none;
}

void RatingFlow::press_key(char key, SteadyTime now) {
    if (screen_ != RatingScreen::keypad) return;
    screen_at_ = now;
    notice_ = RatingNotice::none;
    if (entry_.size() >= kMaxTicketNumberLength) return;
    const bool digit = is_digit(key);
    // "A012", never "0A12": a letter after a digit cannot be a printed number.
    if (!digit && (std::isalpha(static_cast<unsigned char>(key)) == 0 || entry_complete())) return;
    entry_.push_back(digit ? key
                           : static_cast<char>(std::toupper(static_cast<unsigned char>(key))));
}

void RatingFlow::delete_key(SteadyTime now) {
    if (screen_ != RatingScreen::keypad) return;
    screen_at_ = now;
    notice_ = RatingNotice::none;
    if (!entry_.empty()) entry_.pop_back();
}

void RatingFlow::confirm_number(SteadyTime now) {
    if (screen_ != RatingScreen::keypad || !entry_complete()) return;
    ticket_ = entry_;
    number_ = entry_;
    level_ = 0;
    reasons_.clear();
    screen_ = RatingScreen::levels;
    screen_at_ = now;
}

void RatingFlow::on_ticket_finished(const api::TicketView& ticket, SteadyTime now) {
    if (source_ != RatingSource::pad) return;
    // A new citizen replaces one who left without rating; a thank-you in progress gives way too.
    ticket_ = ticket.id;
    number_ = ticket.number;
    level_ = 0;
    reasons_.clear();
    notice_ = RatingNotice::none;
    screen_ = RatingScreen::levels;
    screen_at_ = now;
}

void RatingFlow::on_rated_elsewhere(const std::string& ticket_id) {
    if (ticket_id == ticket_ && screen_ == RatingScreen::levels) go_idle();
}

api::RatingRequest RatingFlow::request() const {
    api::RatingRequest req;
    req.ticket = ticket_;
    req.level = level_;
    req.reasons.assign(reasons_.begin(), reasons_.end());
    // The key is made here so the answer can be matched to this very rating.
    if (auto key = random_key()) req.idempotency_key = *key;
    return req;
}

std::optional<api::RatingRequest> RatingFlow::choose_level(int level, SteadyTime now) {
    if (screen_ != RatingScreen::levels || !rating_level_allowed(scale_, level))
        return std::nullopt;
    level_ = level;
    screen_at_ = now;
    if (level <= kLowRatingLevel) {
        reasons_.clear();
        screen_ = RatingScreen::reasons;
        return std::nullopt;
    }
    auto req = request();
    show_thanks(now);
    if (source_ == RatingSource::kiosk) {
        screen_ = RatingScreen::sending;
        pending_key_ = req.idempotency_key.value_or("");
    }
    return req;
}

void RatingFlow::toggle_reason(RatingReason reason, SteadyTime now) {
    if (screen_ != RatingScreen::reasons) return;
    screen_at_ = now;
    if (!reasons_.erase(reason)) reasons_.insert(reason);
}

std::optional<api::RatingRequest> RatingFlow::submit_reasons(SteadyTime now) {
    if (screen_ != RatingScreen::reasons) return std::nullopt;
    auto req = request();
    show_thanks(now);
    if (source_ == RatingSource::kiosk) {
        screen_ = RatingScreen::sending;
        pending_key_ = req.idempotency_key.value_or("");
    }
    return req;
}

void RatingFlow::on_answer(const std::string& idempotency_key, const RatingAnswer& answer,
                           SteadyTime now) {
    if (screen_ != RatingScreen::sending || idempotency_key != pending_key_) return;
    pending_key_.clear();
    notice_ = notice_of(answer);
    if (answer.verdict == RatingVerdict::rejected) {
        // Back to the keypad with the number kept, so a mistyped digit is easy to fix.
        entry_ = number_;
        screen_ = RatingScreen::keypad;
        screen_at_ = now;
        return;
    }
    show_thanks(now);
}

void RatingFlow::show_thanks(SteadyTime now) {
    screen_ = RatingScreen::thanks;
    screen_at_ = now;
}

void RatingFlow::cancel() {
    if (screen_ == RatingScreen::keypad || screen_ == RatingScreen::levels) go_idle();
}

void RatingFlow::go_idle() {
    screen_ = RatingScreen::idle;
    entry_.clear();
    ticket_.clear();
    number_.clear();
    level_ = 0;
    reasons_.clear();
    notice_ = RatingNotice::none;
    pending_key_.clear();
}

std::optional<api::RatingRequest> RatingFlow::tick(SteadyTime now) {
    const double shown = seconds_between(screen_at_, now);
    switch (screen_) {
        case RatingScreen::idle:
            return std::nullopt;
        case RatingScreen::sending:
            // No verdict in time: the rating is on disk and will be delivered; thank the citizen.
            if (shown >= timing_.answer_wait_s) {
                pending_key_.clear();
                show_thanks(now);
            }
            return std::nullopt;
        case RatingScreen::thanks:
            if (shown >= timing_.thanks_s) go_idle();
            return std::nullopt;
        case RatingScreen::reasons:
            if (shown >= timing_.idle_return_s) {
                auto req = request();
                go_idle();
                return req;
            }
            return std::nullopt;
        case RatingScreen::keypad:
        case RatingScreen::levels:
            if (shown >= timing_.idle_return_s) go_idle();
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace motcua::kiosk
