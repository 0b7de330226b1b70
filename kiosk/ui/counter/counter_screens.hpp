#pragma once
/// The counter console's screens (--mode counter): routes the session's screen to its class,
/// turns clicks and shortcut keys into session commands, and carries out the session's effects
/// through CounterServices. UI thread only.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/core/counter/counter_services.hpp"
#include "kiosk/core/shell/service_clock.hpp"
#include "kiosk/ui/counter/counter_choice_screen.hpp"
#include "kiosk/ui/counter/counter_console_screen.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/counter/dossier_form_screen.hpp"
#include "kiosk/ui/counter/dossier_return_screen.hpp"
#include "kiosk/ui/counter/receipt_screen.hpp"
#include "kiosk/ui/shell/screen.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk::ui {

struct CounterScreensConfig {
    ConsoleSettings session;
    ScreenClocks clocks;
};

class CounterScreens final : public ModeScreens {
public:
    CounterScreens(CounterScreensConfig config, OfficeZone zone, CounterServices& services);
    ~CounterScreens() override;

    void draw(UiFrame& ui, const ShellView& view, const AppState& state) override;
    /// The officer keeps the console through an outage: each action then says it was not done.
    [[nodiscard]] bool draws_while_away() const override { return true; }
    /// An event from the service. UI thread.
    void on_event(const api::Event& event);
    /// A reading of the service's clock (the ward link's). UI thread.
    void on_service_time(TimePoint service_now, TimePoint local_now);
    [[nodiscard]] const ConsoleSession& session() const { return session_; }

private:
    void apply(const ConsoleCommand& command, SteadyTime now);
    void carry_out(const ConsoleEffects& effects);
    void fetch_figures();
    /// The day's bookings, for the console's list (with the figures, and on appointment events).
    void fetch_appointments();
    void print_receipt(const std::string& code);
    [[nodiscard]] Token token() const;

    CounterScreensConfig config_;
    OfficeZone zone_;
    CounterServices& services_;
    ConsoleSession session_;
    ServiceClock clock_;
    /// Callbacks may arrive after this object is gone (shutdown): they hold a weak copy.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
    /// Figures asked for before the service's clock was read: "today" is the service's day, so
    /// they are fetched with the first reading.
    bool figures_wait_for_clock_ = false;
    std::uint64_t appointments_request_ = 0;  // the day's bookings asked last
    /// The transfer screen's options as last drawn: its digit keys choose among them.
    std::vector<std::string> transfer_codes_;

    CounterLoginScreen login_;
    CounterConsoleScreen console_;
    CounterChoiceScreen choice_;
    DossierFormScreen dossier_form_;
    DossierReturnScreen dossier_return_;
    ReceiptScreen receipt_;
};

}  // namespace motcua::kiosk::ui
