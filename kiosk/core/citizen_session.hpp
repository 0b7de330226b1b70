#pragma once
/// The citizen-facing modes as one state machine (UI thread, no ImGui): which screen shows, what
/// the screens' taps do, and what must happen outside (issue, rate). The ticket kiosk combines
/// the ticket flow with rating by number; the rating pad is the rating flow fed by its counter.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/mode.hpp"
#include "kiosk/core/rating_flow.hpp"
#include "kiosk/core/ticket_flow.hpp"

namespace motcua::kiosk {

/// Every citizen screen; the a11y dump names them with screen_name().
enum class CitizenScreen {
    ticket_home,
    ticket_priority,
    ticket_issued,
    rate_keypad,
    rating_idle,
    rating_levels,
    rating_reasons,
    rating_sending,
    rating_thanks,
};

std::string_view screen_name(CitizenScreen screen);

// ---- what screens post -------------------------------------------------------------------------
namespace cmd {
struct ChooseCategory {
    std::string code;
};
struct OpenPriority {};
struct ChoosePriority {
    std::string code;
};
struct ClearPriority {};
struct BackHome {};
struct FinishTicket {};  // "Xong"
struct OpenRating {};    // "Đánh giá dịch vụ" on the ticket kiosk
struct PressKey {
    char key;
};
struct DeleteKey {};
struct ConfirmNumber {};
struct ChooseLevel {
    int level;
};
struct ToggleReason {
    RatingReason reason;
};
struct SubmitReasons {};
struct CancelRating {};
}  // namespace cmd

using CitizenCommand =
    std::variant<cmd::ChooseCategory, cmd::OpenPriority, cmd::ChoosePriority, cmd::ClearPriority,
                 cmd::BackHome, cmd::FinishTicket, cmd::OpenRating, cmd::PressKey, cmd::DeleteKey,
                 cmd::ConfirmNumber, cmd::ChooseLevel, cmd::ToggleReason, cmd::SubmitReasons,
                 cmd::CancelRating>;

/// What the session needs done outside itself after a command or a tick.
struct SessionEffects {
    std::optional<api::IssueTicketRequest> issue;
    std::optional<api::RatingRequest> rating;
    /// A citizen's visit to the screen ended (back home or idle): the language goes back to the
    /// kiosk's own, so the next citizen is greeted in it.
    bool session_ended = false;
};

struct CitizenSettings {
    Mode mode = Mode::ticket;  // ticket or rating
    /// The pad's counter (rating mode).
    int counter = 0;
    SatisfactionScale scale = SatisfactionScale::five_level;
    bool has_printer = false;
    TicketTiming ticket_timing;
    RatingTiming rating_timing;
};

class CitizenSession {
public:
    explicit CitizenSession(CitizenSettings settings);

    [[nodiscard]] CitizenScreen screen() const;
    [[nodiscard]] const TicketFlow& ticket() const { return ticket_; }
    [[nodiscard]] const RatingFlow& rating() const { return rating_; }
    [[nodiscard]] const CitizenSettings& settings() const { return settings_; }
    /// A citizen is mid-way through something that needs no service right now (a number on
    /// screen, a rating being given): it stays on screen even while the service is away.
    [[nodiscard]] bool busy_with_citizen() const;
    /// Seconds until the screen changes by itself.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    SessionEffects apply(const CitizenCommand& command, SteadyTime now);
    SessionEffects tick(SteadyTime now);

    void on_issued(const Result<api::TicketView>& result, SteadyTime now);
    void on_printed(const std::string& ticket_id, bool ok, SteadyTime now);
    void on_rating_answer(const std::string& idempotency_key, const RatingAnswer& answer,
                          SteadyTime now);
    /// Rating pad: its counter's ticket_finished opens the levels; a rating_submitted for the
    /// ticket on screen (rated at the kiosk meanwhile) closes them.
    void on_event(const api::Event& event, SteadyTime now);

private:
    [[nodiscard]] bool rating_active() const;

    CitizenSettings settings_;
    TicketFlow ticket_;
    RatingFlow rating_;
};

}  // namespace motcua::kiosk
