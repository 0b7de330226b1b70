#include "kiosk/ui/shell/login_form.hpp"

#include <algorithm>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"

namespace motcua::kiosk::ui {

LoginForm::LoginForm(std::string_view id_prefix)
    : username_id_("##" + std::string(id_prefix) + "username"),
      password_id_("##" + std::string(id_prefix) + "password"),
      button_id_("##" + std::string(id_prefix) + "login") {}

LoginForm::~LoginForm() {
    password_.fill('\0');  // a password never outlives the screen in memory
}

void LoginForm::submit(const Send& send) {
    if (username_[0] == '\0') {
        focus_ = Focus::username;
        return;
    }
    send(username_.data(), password_.data());
    password_.fill('\0');
}

void LoginForm::draw(UiFrame& ui, const Box& body, const LoginFormContent& content, float control_h,
                     const Send& send) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float w = std::min(body.width(), t.field_w);
    const float label_h = font_px(ui.fonts.body_bold);
    float notice_h = 0;
    for (TextId id : content.messages)
        notice_h = std::max(notice_h, notice_height(ui, w, ui.tr(id), ui.fonts.body));
    const float heading_h = heading_block_height(ui, w, content.heading, content.note);
    const float block_h = heading_h + t.gap + 2 * (label_h + t.gap / 2 + control_h + t.gap) +
                          notice_h + t.gap + control_h;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block_h) / 2)},
            {left + w, body.max.y}};
    heading_block(ui, take_top(col, heading_h, t.gap), content.heading, content.note);

    const bool enabled = !content.busy;
    const auto field = [&](TextId name, const std::string& id, char* buffer, std::size_t size,
                           bool password, Focus mine) {
        label(ui, take_top(col, label_h, t.gap / 2), ui.tr(name),
              {ui.fonts.body_bold, c.text, Align::left});
        const Box box = take_top(col, control_h, t.gap);
        const bool focus = focus_ == mine;
        if (focus) focus_ = Focus::none;
        return text_field(ui, id.c_str(), box, ui.tr(name), buffer, size, password, focus, enabled);
    };
    if (field(TextId::console_username, username_id_, username_.data(), username_.size(), false,
              Focus::username)
            .submitted)
        focus_ = Focus::password;
    if (field(TextId::console_password, password_id_, password_.data(), password_.size(), true,
              Focus::password)
            .submitted)
        submit(send);

    const Box notice_box = take_top(col, notice_h, t.gap);
    if (!content.message.empty())
        notice(ui, notice_box, content.message, NoticeKind::error, ui.fonts.body);
    const std::string& action =
        ui.tr(content.busy ? TextId::console_logging_in : TextId::console_login_button);
    if (button(ui, button_id_.c_str(), take_top(col, control_h), action, ButtonKind::primary,
               enabled && username_[0] != '\0'))
        submit(send);
}

}  // namespace motcua::kiosk::ui
