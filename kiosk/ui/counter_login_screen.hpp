#pragma once
/// Counter console: the officer's login ("counter_login"). Username and password are typed on the
/// desk's keyboard; Enter moves on and signs in. The password is forgotten as soon as it is sent.
#include <array>
#include <vector>

#include "kiosk/core/console_views.hpp"
#include "kiosk/core/view_model.hpp"
#include "kiosk/ui/widgets.hpp"

namespace motcua::kiosk::ui {

/// What the console's screens ask for; the console's controller applies them.
using ConsoleCommands = std::vector<ConsoleCommand>;

class CounterLoginScreen {
public:
    CounterLoginScreen();
    ~CounterLoginScreen();
    CounterLoginScreen(const CounterLoginScreen&) = delete;
    CounterLoginScreen& operator=(const CounterLoginScreen&) = delete;

    void draw(UiFrame& ui, const ShellView& view, const LoginView& login, ConsoleCommands& out);

private:
    void submit(ConsoleCommands& out);

    static constexpr std::size_t kUsernameBytes = 64;
    static constexpr std::size_t kPasswordBytes = 128;
    std::array<char, kUsernameBytes> username_{};
    std::array<char, kPasswordBytes> password_{};
    enum class Focus { none, username, password };
    Focus focus_ = Focus::username;  // given on the next frame
    ConsoleMessage last_message_ = ConsoleMessage::none;
};

}  // namespace motcua::kiosk::ui
