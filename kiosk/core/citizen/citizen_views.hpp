#pragma once
/// What each citizen-facing screen shows, as plain data built from the flows, the service's data
/// and the ward config. Screens draw these and nothing else; tests build them without a window.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/citizen/rating_flow.hpp"
#include "kiosk/core/citizen/ticket_flow.hpp"
#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "motcua/config.hpp"

namespace motcua::kiosk {

// ---- ticket kiosk ---------------------------------------------------------------------------

struct CategoryTile {
    std::string code;
    std::string name;    // in the screen's language
    std::string prefix;  // "A": the letter its numbers start with, from the config
    int waiting = 0;
    /// For a ticket taken now.
    api::WaitMinutes wait;
};

struct TicketHomeView {
    std::vector<CategoryTile> tiles;
    /// Categories have been fetched at least once (else: "loading").
    bool loaded = false;
    /// The office issues priority tickets and the config names reasons.
    bool priority_offered = false;
    /// The reason chosen for the next ticket, in the screen's language.
    std::optional<std::string> priority_name;
    /// A ticket request is under way: no tile or button acts.
    bool issuing = false;
    /// ...and has been for a while: the notice shows and the tiles grey out. Until then the
    /// screen stays as it was, the tapped tile (`issuing_category`) pressed.
    bool issuing_notice = false;
    std::string issuing_category;
    IssueProblem problem = IssueProblem::none;
    /// The office takes bookings for some category: "Tôi đã đặt lịch hẹn" is shown.
    bool check_in_offered = false;
};

struct PriorityOption {
    std::string code;
    std::string name;
    bool chosen = false;
};

struct TicketPriorityView {
    std::vector<PriorityOption> options;
};

struct TicketIssuedView {
    std::string number;
    std::string category_name;
    std::optional<std::string> priority_name;
    /// A checked-in booking's slot start ("09:00"): called at that time, not after those ahead.
    std::optional<std::string> appointment_start;
    /// Counters that serve the ticket's category, by number.
    std::vector<int> counters;
    int waiting_ahead = 0;
    api::WaitMinutes wait;
    /// The phone page: {server}/t/{id}.
    std::string qr_text;
    PrintState print = PrintState::none;
    int seconds_left = 0;
    /// No slip (no printer, or it failed): "Vui lòng ghi nhớ số của bạn".
    bool remember_number = false;
};

TicketHomeView make_ticket_home_view(const WardData& data, const WardConfig& config,
                                     const TicketFlow& flow, Language lang, SteadyTime now);
TicketPriorityView make_priority_view(const WardConfig& config, const TicketFlow& flow,
                                      Language lang);
/// `origin` is the service's "http://host:port" as the kiosk was told it.
TicketIssuedView make_issued_view(const WardData& data, const WardConfig& config,
                                  const TicketFlow& flow, Language lang, const std::string& origin,
                                  SteadyTime now);
/// The category's name in `lang`: from the service, else the config, else its code.
std::string category_name(const WardData& data, const WardConfig& config, const std::string& code,
                          Language lang);

// ---- rating (pad and kiosk) -------------------------------------------------------------------

struct RateKeypadView {
    std::string entry;
    /// The letters printed numbers start with (the categories' prefixes), in order.
    std::vector<char> letters;
    bool can_confirm = false;
    bool can_delete = false;
    RatingNotice notice = RatingNotice::none;
    std::string number;  // the number a notice is about
};

struct RatingLevelsView {
    std::string number;
    std::vector<int> levels;  // best first
};

struct RatingReasonsView {
    int level = 0;
    std::vector<std::pair<RatingReason, bool>> reasons;  // every reason, and whether chosen
};

struct RatingThanksView {
    RatingNotice notice = RatingNotice::none;
    int level = 0;
};

struct RatingIdleView {
    int counter = 0;
    /// From GET /counters ("Quầy 1 - Hộ tịch"); empty until known.
    std::string counter_name;
    CounterState state = CounterState::closed;
    /// The officer on duty, while the counter is open or paused.
    std::optional<std::string> officer;
    /// The office's scale, best first: the idle screen shows its faces.
    std::vector<int> levels;
};

RateKeypadView make_keypad_view(const WardConfig& config, const RatingFlow& flow);
RatingLevelsView make_levels_view(const RatingFlow& flow);
RatingReasonsView make_reasons_view(const RatingFlow& flow);
RatingThanksView make_thanks_view(const RatingFlow& flow);
RatingIdleView make_rating_idle_view(const WardData& data, int counter, SatisfactionScale scale);

}  // namespace motcua::kiosk
