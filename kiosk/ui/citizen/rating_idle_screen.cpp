#include "kiosk/ui/citizen/rating_idle_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/face.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void RatingIdleScreen::draw(UiFrame& ui, const ShellView& view, const RatingIdleView& v) {
    ui.a11y.set_screen("rating_idle");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.content_max_width);
    const float left = body.centre().x - w / 2;

    // "Quầy 1 - Hộ tịch" from the service; "Quầy số 1" until it has answered.
    const std::string counter =
        v.counter_name.empty()
            ? ui.tr.format(TextId::counter_number, fmt::arg("counter", v.counter))
            : v.counter_name;
    std::string duty;
    if (v.state == CounterState::open && v.officer)
        duty = ui.tr.format(TextId::rating_officer, fmt::arg("name", *v.officer));
    else if (v.state == CounterState::paused)
        duty = ui.tr(TextId::rating_counter_paused);
    else if (v.state == CounterState::closed)
        duty = ui.tr(TextId::rating_counter_closed);
    const std::string& welcome = ui.tr(TextId::rating_idle_welcome);

    const float counter_h = paragraph_height(ui.fonts.title, counter, w);
    const float duty_h = duty.empty() ? 0 : paragraph_height(ui.fonts.heading, duty, w);
    const float faces_h = t.face_small;
    const float welcome_h = paragraph_height(ui.fonts.body, welcome, w);
    const float block = counter_h + t.gap + duty_h + 3 * t.gap + faces_h + 2 * t.gap + welcome_h;
    float y = body.min.y + std::max(0.0F, (body.height() - block) / 2);

    y += paragraph(ui, Box{{left, y}, {left + w, y + counter_h}}, counter,
                   {ui.fonts.title, c.text, Align::centre});
    y += t.gap;
    if (!duty.empty())
        y += paragraph(ui, Box{{left, y}, {left + w, y + duty_h}}, duty,
                       {ui.fonts.heading, c.secondary_text, Align::centre});
    y += 3 * t.gap;
    // The five faces, small: a picture of what this screen is for, readable from across the desk.
    const auto n = static_cast<int>(v.levels.size());
    const float step = t.face_small + t.gap;
    const float row_w = static_cast<float>(n) * step - t.gap;
    for (int i = 0; i < n; ++i)
        draw_face(ui.draw,
                  {body.centre().x - row_w / 2 + t.face_small / 2 + static_cast<float>(i) * step,
                   y + t.face_small / 2},
                  t.face_small, v.levels[static_cast<std::size_t>(i)], c);
    y += faces_h + 2 * t.gap;
    paragraph(ui, Box{{left, y}, {left + w, y + welcome_h}}, welcome,
              {ui.fonts.body, c.text_muted, Align::centre});
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
