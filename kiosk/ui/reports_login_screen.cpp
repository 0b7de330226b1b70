#include "kiosk/ui/reports_login_screen.hpp"

#include <algorithm>

#include "kiosk/ui/citizen_layout.hpp"
#include "kiosk/ui/console_widgets.hpp"
#include "kiosk/ui/reports_text.hpp"
#include "kiosk/ui/shell_chrome.hpp"

namespace motcua::kiosk::ui {

ReportsLoginScreen::~ReportsLoginScreen() {
    password_.fill('\0');  // a password never outlives the screen in memory
}

void ReportsLoginScreen::submit(ReportsCommands& out) {
    if (username_[0] == '\0') {
        focus_ = Focus::username;
        return;
    }
    out.emplace_back(reports_cmd::Login{username_.data(), password_.data()});
    password_.fill('\0');
}

void ReportsLoginScreen::draw(UiFrame& ui, const ShellView& view, const ReportsLoginView& login,
                              ReportsCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.a11y.set_screen("reports_login");
    draw_header(ui, view, ui.tr(TextId::mode_reports_title));

    // A refusal sends the officer back to the password, which was cleared with the attempt.
    if (login.message != last_message_ && login.message != ReportsMessage::none)
        focus_ =
            login.message == ReportsMessage::session_expired ? Focus::username : Focus::password;
    last_message_ = login.message;

    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.field_w);
    const std::string& heading = ui.tr(TextId::reports_login_heading);
    const std::string& note = ui.tr(TextId::reports_login_note);
    const std::string message = reports_message_text(ui.tr, login.message, "", MessagePlace::login);
    const float label_h = font_px(ui.fonts.body_bold);
    // The message slot keeps one height whatever it says, so the button never jumps.
    float notice_h = 0;
    for (TextId id :
         {TextId::msg_unreachable, TextId::msg_bad_credentials, TextId::msg_login_locked,
          TextId::msg_session_expired, TextId::reports_msg_forbidden, TextId::reports_msg_refused})
        notice_h = std::max(notice_h, notice_height(ui, w, ui.tr(id), ui.fonts.body));
    const float field_h = t.report_control_h;
    const float block_h = heading_block_height(ui, w, heading, note) + t.gap +
                          2 * (label_h + t.gap / 2 + field_h + t.gap) + notice_h + t.gap + field_h;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block_h) / 2)},
            {left + w, body.max.y}};
    heading_block(ui, take_top(col, heading_block_height(ui, w, heading, note), t.gap), heading,
                  note);

    const bool enabled = !login.busy;
    const auto field = [&](TextId name, const char* id, char* buffer, std::size_t size,
                           bool password, Focus mine) {
        label(ui, take_top(col, label_h, t.gap / 2), ui.tr(name),
              {ui.fonts.body_bold, c.text, Align::left});
        const Box box = take_top(col, field_h, t.gap);
        const bool focus = focus_ == mine;
        if (focus) focus_ = Focus::none;
        return text_field(ui, id, box, ui.tr(name), buffer, size, password, focus, enabled);
    };
    if (field(TextId::console_username, "##reports-username", username_.data(), username_.size(),
              false, Focus::username)
            .submitted)
        focus_ = Focus::password;
    if (field(TextId::console_password, "##reports-password", password_.data(), password_.size(),
              true, Focus::password)
            .submitted)
        submit(out);

    const Box notice_box = take_top(col, notice_h, t.gap);
    if (!message.empty()) notice(ui, notice_box, message, NoticeKind::error, ui.fonts.body);
    const std::string& action =
        ui.tr(login.busy ? TextId::console_logging_in : TextId::console_login_button);
    if (button(ui, "##reports-login", take_top(col, field_h), action, ButtonKind::primary,
               enabled && username_[0] != '\0'))
        submit(out);
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
