#pragma once
/// The citizen-facing modes' screens (ticket kiosk, rating pad): routes the session's current
/// screen to its class, turns taps into session commands, and carries out the session's effects
/// through CitizenServices (issue, rate, print). UI thread only.
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/citizen/citizen_services.hpp"
#include "kiosk/core/citizen/citizen_session.hpp"
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/ui/citizen/dossier_lookup_screen.hpp"
#include "kiosk/ui/citizen/dossier_result_screen.hpp"
#include "kiosk/ui/citizen/rate_keypad_screen.hpp"
#include "kiosk/ui/citizen/rating_idle_screen.hpp"
#include "kiosk/ui/citizen/rating_levels_screen.hpp"
#include "kiosk/ui/citizen/rating_reasons_screen.hpp"
#include "kiosk/ui/citizen/rating_thanks_screen.hpp"
#include "kiosk/ui/citizen/ticket_home_screen.hpp"
#include "kiosk/ui/citizen/ticket_issued_screen.hpp"
#include "kiosk/ui/citizen/ticket_priority_screen.hpp"
#include "kiosk/ui/shell/screen.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "motcua/qr.hpp"

namespace motcua::kiosk::ui {

struct CitizenScreensConfig {
    CitizenSettings session;
    /// Categories' letters, priority groups, office name (an empty config without --config).
    WardConfig ward;
    /// "http://host:port": the QR code points at {origin}/t/{id}.
    std::string server_origin;
};

class CitizenScreens final : public ModeScreens {
public:
    CitizenScreens(CitizenScreensConfig config, OfficeZone zone, CitizenServices& services);
    ~CitizenScreens() override;

    void draw(UiFrame& ui, const ShellView& view, const AppState& state) override;
    [[nodiscard]] bool draws_while_away() const override { return session_.busy_with_citizen(); }
    /// An event from the service (rating pad: its counter's finished tickets). UI thread.
    void on_event(const api::Event& event);
    [[nodiscard]] const CitizenSession& session() const { return session_; }

private:
    void draw_screen(UiFrame& ui, const ShellView& view, const AppState& state, Commands& out);
    void carry_out(const SessionEffects& effects, UiFrame& ui);
    /// Keys from a physical keyboard or a barcode scanner, as commands (ticket kiosk).
    void read_typing(const UiFrame& ui, Commands& out) const;
    /// A code of the ward's form for the lookup's hint (its unit code when the config has one).
    [[nodiscard]] std::string example_code(CodeKind kind) const;
    /// Once per issued ticket: its QR code, and its slip to the printer (in the language the
    /// citizen was using when they tapped).
    void prepare_ticket(const UiFrame& ui, const WardData& data);
    print::TicketSlip make_slip(const UiFrame& ui, const WardData& data) const;

    CitizenScreensConfig config_;
    OfficeZone zone_;
    CitizenServices& services_;
    CitizenSession session_;
    /// The last frame's time: callbacks arriving between frames use it, so all the session's
    /// times come from one clock (tests drive it by hand).
    SteadyTime last_now_{};
    /// Callbacks may arrive after this object is gone (shutdown): they hold a weak copy.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    std::string prepared_for_;  // id of the ticket on screen whose QR and slip are done
    std::optional<QrMatrix> qr_;

    TicketHomeScreen ticket_home_;
    TicketPriorityScreen ticket_priority_;
    TicketIssuedScreen ticket_issued_;
    RateKeypadScreen rate_keypad_;
    RatingIdleScreen rating_idle_;
    RatingLevelsScreen rating_levels_;
    RatingReasonsScreen rating_reasons_;
    RatingSendingScreen rating_sending_;
    RatingThanksScreen rating_thanks_;
    DossierLookupScreen dossier_lookup_;
    DossierResultScreen dossier_result_;
};

}  // namespace motcua::kiosk::ui
