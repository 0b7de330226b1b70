#pragma once
/// Rating screens as a state machine (UI thread, no ImGui). The counter's pad waits for its
/// counter's ticket_finished; the ticket kiosk asks for the printed number on a keypad. Both then
/// show the levels, ask reasons for low ones, and thank the citizen.
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kiosk/core/citizen/ticket_flow.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"
#include "motcua/domain.hpp"

namespace motcua::kiosk {

struct RatingTiming {
    /// Any rating screen left alone this long goes back (DESIGN: 30 s without input).
    double idle_return_s = 30;
    /// The thank-you screen.
    double thanks_s = 8;
    /// Kiosk: how long to wait for the service's verdict on a typed number before thanking
    /// anyway (the rating is on disk and will be delivered).
    double answer_wait_s = 4;
};

/// idle: the pad's waiting screen, or (kiosk) not rating at all.
enum class RatingScreen { idle, keypad, levels, reasons, sending, thanks };

/// Where ratings are given: the counter's pad knows the ticket; the kiosk asks for its number.
enum class RatingSource { pad, kiosk };

/// What the keypad or thank-you screen must tell the citizen about a typed number.
enum class RatingNotice {
    none,
    unknown_number,  // no ticket with that number today
    not_served,      // not finished yet
    already_rated,   // someone rated it already (thank-you screen)
    not_accepted,    // any other refusal
};

/// Longest number the keypad takes: prefix letters and digits ("A1000" has 5).
inline constexpr std::size_t kMaxTicketNumberLength = 8;

class RatingFlow {
public:
    RatingFlow(RatingSource source, SatisfactionScale scale, RatingTiming timing)
        : source_(source), scale_(scale), timing_(timing) {}

    [[nodiscard]] RatingScreen screen() const { return screen_; }
    [[nodiscard]] RatingSource source() const { return source_; }
    [[nodiscard]] std::vector<int> levels() const { return rating_levels(scale_); }
    /// The printed number being rated ("A012").
    [[nodiscard]] const std::string& number() const { return number_; }
    [[nodiscard]] int level() const { return level_; }
    [[nodiscard]] bool has_reason(RatingReason r) const { return reasons_.contains(r); }
    [[nodiscard]] RatingNotice notice() const { return notice_; }
    /// The number typed so far on the keypad.
    [[nodiscard]] const std::string& entry() const { return entry_; }
    /// A number needs at least one digit to be worth sending.
    [[nodiscard]] bool entry_complete() const;
    /// Seconds until the screen changes by itself; a large number when it will not.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    // ---- kiosk: the keypad
    void open_keypad(SteadyTime now);
    /// A letter or digit key; letters only before the first digit (numbers are "A012").
    void press_key(char key, SteadyTime now);
    void delete_key(SteadyTime now);
    void confirm_number(SteadyTime now);

    // ---- pad: the counter's events
    /// The counter finished serving `ticket`: ask its citizen (replaces an unanswered one).
    void on_ticket_finished(const api::TicketView& ticket, SteadyTime now);
    /// `ticket_id` was rated elsewhere (the kiosk): stop asking for it.
    void on_rated_elsewhere(const std::string& ticket_id);

    // ---- both: levels, reasons, thanks
    /// The rating to submit now, or nothing when reasons are asked first (levels <= 2).
    std::optional<api::RatingRequest> choose_level(int level, SteadyTime now);
    void toggle_reason(RatingReason reason, SteadyTime now);
    /// The rating with its reasons ("Gửi đánh giá").
    std::optional<api::RatingRequest> submit_reasons(SteadyTime now);
    /// Kiosk: the service's verdict on the submitted rating (pads thank at once).
    void on_answer(const std::string& idempotency_key, const RatingAnswer& answer, SteadyTime now);
    /// "Quay lại" on keypad or levels: abandon without rating.
    void cancel();
    /// Time passes. Returns a rating to submit when a citizen chose a level and then walked away
    /// from the reasons (a level chosen is a rating given).
    std::optional<api::RatingRequest> tick(SteadyTime now);

private:
    api::RatingRequest request() const;
    void show_thanks(SteadyTime now);
    void go_idle();

    RatingSource source_;
    SatisfactionScale scale_;
    RatingTiming timing_;
    RatingScreen screen_ = RatingScreen::idle;
    SteadyTime screen_at_{};
    std::string entry_;
    std::string ticket_;  // id (pad) or typed number (kiosk): what the API takes
    std::string number_;
    int level_ = 0;
    std::set<RatingReason> reasons_;
    RatingNotice notice_ = RatingNotice::none;
    std::string pending_key_;  // kiosk: the submitted rating whose answer we wait for
};

}  // namespace motcua::kiosk
