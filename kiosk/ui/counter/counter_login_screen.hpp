#pragma once
/// Counter console: the officer's login ("counter_login"). Username and password are typed on the
/// desk's keyboard; Enter moves on and signs in. The password is forgotten as soon as it is sent.
#include <vector>

#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/login_form.hpp"

namespace motcua::kiosk::ui {

/// What the console's screens ask for; the console's controller applies them.
using ConsoleCommands = std::vector<ConsoleCommand>;

class CounterLoginScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const LoginView& login, ConsoleCommands& out);

private:
    LoginForm form_;
    ConsoleMessage last_message_ = ConsoleMessage::none;
};

}  // namespace motcua::kiosk::ui
