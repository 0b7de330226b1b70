#pragma once
/// Reports dashboard: the officer's login ("reports_login"). Username and password typed on the
/// desk's keyboard; Enter moves on and signs in. The password is forgotten once it is sent.
#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"
#include "kiosk/ui/shell/login_form.hpp"

namespace motcua::kiosk::ui {

class ReportsLoginScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const ReportsLoginView& login,
              ReportsCommands& out);

private:
    LoginForm form_{"reports-"};
    ReportsMessage last_message_ = ReportsMessage::none;
};

}  // namespace motcua::kiosk::ui
