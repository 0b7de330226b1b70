#pragma once
/// The reports dashboard's screens (--mode reports): routes the session's screen to its class,
/// turns clicks into session commands, and carries out the session's effects through
/// ReportsServices. UI thread only.
#include <memory>

#include "kiosk/core/reports/reports_services.hpp"
#include "kiosk/core/reports/reports_session.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"
#include "kiosk/ui/reports/reports_charts_screen.hpp"
#include "kiosk/ui/reports/reports_login_screen.hpp"
#include "kiosk/ui/reports/reports_overview_screen.hpp"
#include "kiosk/ui/reports/reports_table_screen.hpp"
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class ReportsScreens final : public ModeScreens {
public:
    ReportsScreens(ReportsSettings settings, ReportsServices& services);
    ~ReportsScreens() override;

    void draw(UiFrame& ui, const ShellView& view, const AppState& state) override;
    /// An outage keeps the figures on screen, under a band that says they may be old.
    [[nodiscard]] bool draws_while_away() const override { return true; }
    [[nodiscard]] const ReportsSession& session() const { return session_; }

private:
    void apply(const ReportsCommand& command);
    void carry_out(const ReportsEffects& effects);
    [[nodiscard]] Token token() const;

    OfficeZone zone_;
    ReportsServices& services_;
    ReportsSession session_;
    /// Callbacks may arrive after this object is gone (shutdown): they hold a weak copy.
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

    ReportsLoginScreen login_;
    ReportsBar bar_;
    ReportsTableScreen table_;
    ReportsAppointmentsScreen appointments_;
    ReportsEstimatesScreen estimates_;
    ReportsChartsScreen charts_;
    ReportsOverviewScreen overview_;
};

}  // namespace motcua::kiosk::ui
