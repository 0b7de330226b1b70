#include "kiosk/ui/counter/counter_login_screen.hpp"

#include <array>

#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// What the login can be told: the tallest sets the message slot's height.
constexpr std::array kLoginMessages{TextId::msg_unreachable, TextId::msg_bad_credentials,
                                    TextId::msg_login_locked, TextId::msg_session_expired};

}  // namespace

void CounterLoginScreen::draw(UiFrame& ui, const ShellView& view, const LoginView& login,
                              ConsoleCommands& out) {
    ui.a11y.set_screen("counter_login");
    const std::string counter =
        ui.tr.format(TextId::counter_number, fmt::arg("counter", login.counter));
    draw_header(ui, view, login.counter_name.empty() ? counter : login.counter_name);

    // A refusal sends the officer back to the password, which was cleared with the attempt.
    if (login.message != last_message_ && login.message != ConsoleMessage::none)
        form_.focus_password();
    last_message_ = login.message;

    const std::string heading =
        ui.tr.format(TextId::console_login_heading, fmt::arg("counter", login.counter));
    const std::string message = console_message_text(ui.tr, login.message, "", "");
    form_.draw(ui, content_box(ui),
               {heading, ui.tr(TextId::console_login_note), message, kLoginMessages, login.busy},
               ui.theme.touch_target, [&](const char* username, const char* password) {
                   out.emplace_back(console_cmd::Login{username, password});
               });
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
