#pragma once
/// The citizen-facing modes as one state machine (UI thread, no ImGui): which screen shows, what
/// the screens' taps do, and what must happen outside (issue, rate). The ticket kiosk combines
/// the ticket flow with rating by number and the dossier lookup; the rating pad is the rating
/// flow fed by its counter.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/citizen/dossier_lookup.hpp"
#include "kiosk/core/citizen/rating_flow.hpp"
#include "kiosk/core/citizen/ticket_flow.hpp"
#include "kiosk/core/shell/mode.hpp"

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
    dossier_lookup,        // "Tra cứu hồ sơ": the code typed or scanned
    dossier_result,        // the dossier found
    appointment_check_in,  // "Tôi đã đặt lịch hẹn": the booking code typed or scanned
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
// "Tra cứu hồ sơ" (ticket kiosk)
struct OpenLookup {};
struct LookupKey {
    char key;
};
struct LookupDelete {};
struct LookupClear {};
struct LookupSubmit {};
struct LookupAgain {};
struct CloseLookup {};
// "Tôi đã đặt lịch hẹn" (ticket kiosk): the same keys, then check-in
struct OpenCheckIn {};
/// "Lấy số thường" after a check-in problem: a ticket for the booking's category, or home.
struct TakeNormalTicket {};
/// Characters from a physical keyboard or a barcode/QR scanner (which types like one).
struct TypeText {
    std::string text;
};
struct TypeEnter {};
struct TypeBackspace {};
}  // namespace cmd

using CitizenCommand =
    std::variant<cmd::ChooseCategory, cmd::OpenPriority, cmd::ChoosePriority, cmd::ClearPriority,
                 cmd::BackHome, cmd::FinishTicket, cmd::OpenRating, cmd::PressKey, cmd::DeleteKey,
                 cmd::ConfirmNumber, cmd::ChooseLevel, cmd::ToggleReason, cmd::SubmitReasons,
                 cmd::CancelRating, cmd::OpenLookup, cmd::LookupKey, cmd::LookupDelete,
                 cmd::LookupClear, cmd::LookupSubmit, cmd::LookupAgain, cmd::CloseLookup,
                 cmd::OpenCheckIn, cmd::TakeNormalTicket, cmd::TypeText, cmd::TypeEnter,
                 cmd::TypeBackspace>;

/// What the session needs done outside itself after a command or a tick.
struct SessionEffects {
    std::optional<api::IssueTicketRequest> issue;
    std::optional<api::RatingRequest> rating;
    /// A dossier code to look up (GET /dossiers/{code}).
    std::optional<std::string> lookup;
    /// A booking code to check in with (POST /appointments/{code}/check-in).
    std::optional<std::string> check_in;
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
    LookupTiming lookup_timing;
};

class CitizenSession {
public:
    explicit CitizenSession(CitizenSettings settings);

    [[nodiscard]] CitizenScreen screen() const;
    [[nodiscard]] const TicketFlow& ticket() const { return ticket_; }
    [[nodiscard]] const RatingFlow& rating() const { return rating_; }
    [[nodiscard]] const LookupFlow& lookup() const { return lookup_; }
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
    void on_lookup(const std::string& code, const Result<api::DossierView>& result, SteadyTime now);
    void on_check_in(const std::string& code, const CheckInAnswer& answer, SteadyTime now);
    /// Rating pad: its counter's ticket_finished opens the levels; a rating_submitted for the
    /// ticket on screen (rated at the kiosk meanwhile) closes them.
    void on_event(const api::Event& event, SteadyTime now);

private:
    [[nodiscard]] bool rating_active() const;
    [[nodiscard]] bool lookup_active() const;
    /// Typed characters and Enter reach the lookup here: the home screen (a scan) and its own.
    [[nodiscard]] bool takes_typing() const;
    /// A code from the keyboard screen as the effect it asks for.
    static void request(std::optional<CodeRequest> code, SessionEffects& out);
    /// Opens the keyboard of `kind` from the home screen (a priority chosen is left behind).
    void open_keyboard(CodeKind kind, CitizenScreen before, SteadyTime now);

    CitizenSettings settings_;
    TicketFlow ticket_;
    RatingFlow rating_;
    LookupFlow lookup_;
};

}  // namespace motcua::kiosk
