#include "kiosk/ui/reports/reports_login_screen.hpp"

#include <array>

#include "kiosk/ui/reports/reports_text.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// What the login can be told: the tallest sets the message slot's height.
constexpr std::array kLoginMessages{TextId::msg_unreachable,       TextId::msg_bad_credentials,
                                    TextId::msg_login_locked,      TextId::msg_session_expired,
                                    TextId::reports_msg_forbidden, TextId::reports_msg_refused};

}  // namespace

void ReportsLoginScreen::draw(UiFrame& ui, const ShellView& view, const ReportsLoginView& login,
                              ReportsCommands& out) {
    ui.a11y.set_screen("reports_login");
    draw_header(ui, view, ui.tr(TextId::mode_reports_title));

    // A refusal sends the officer back to the password, which was cleared with the attempt; an
    // expired session starts again from the username.
    if (login.message != last_message_ && login.message != ReportsMessage::none) {
        if (login.message == ReportsMessage::session_expired)
            form_.focus_username();
        else
            form_.focus_password();
    }
    last_message_ = login.message;

    const std::string message = reports_message_text(ui.tr, login.message, "", MessagePlace::login);
    form_.draw(ui, content_box(ui),
               {ui.tr(TextId::reports_login_heading), ui.tr(TextId::reports_login_note), message,
                kLoginMessages, login.busy},
               ui.theme.report_control_h, [&](const char* username, const char* password) {
                   out.emplace_back(reports_cmd::Login{username, password});
               });
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
