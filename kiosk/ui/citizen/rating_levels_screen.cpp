#include "kiosk/ui/citizen/rating_levels_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/face.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void RatingLevelsScreen::draw_level(UiFrame& ui, const Box& box, int level, bool face_beside,
                                    Commands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::string words(level_words(ui.tr, level));
    const std::string id = "##level-" + std::to_string(level);
    const Touch touch = touch_area(ui, id.c_str(), box, words);
    if (touch.tapped) out.emplace_back(cmd::ChooseLevel{level});
    ui.draw->AddRectFilled(box.min, box.max, touch.held ? c.secondary_pressed : c.card, t.rounding);
    // A dark edge that stands out from the page (3:1), the level's colour just inside it.
    ui.draw->AddRect(box.min, box.max, c.secondary_border, t.rounding, 0, t.border);
    const Box inner = box.inset(t.border);
    ui.draw->AddRect(inner.min, inner.max, level_colour(c, level), t.rounding, 0, 2 * t.border);
    if (touch.focused) focus_ring(ui, box);

    const float pad = t.gap;
    if (face_beside) {
        const float d = std::min(t.face, box.height() - 2 * pad);
        draw_face(ui.draw, {box.min.x + pad + d / 2, box.centre().y}, d, level, c);
        const Box text{{box.min.x + 2 * pad + d, box.min.y}, {box.max.x - pad, box.max.y}};
        const float h = paragraph_height(ui.fonts.heading, words, text.width());
        const Box at{{text.min.x, text.centre().y - h / 2}, {text.max.x, text.centre().y + h / 2}};
        paragraph(ui, at, words, {ui.fonts.heading, c.text, Align::left});
        report_label(ui, touch, paragraph_box(ui.fonts.heading, words, at, Align::left));
        return;
    }
    const float text_w = box.width() - 2 * pad;
    const float text_h = paragraph_height(ui.fonts.body_bold, words, text_w);
    const float d = std::min({t.face, box.width() - 2 * pad, box.height() - 3 * pad - text_h});
    const float block = d + pad + text_h;
    const float top = box.centre().y - block / 2;
    draw_face(ui.draw, {box.centre().x, top + d / 2}, d, level, c);
    const Box at{{box.min.x + pad, top + d + pad}, {box.max.x - pad, top + block}};
    paragraph(ui, at, words, {ui.fonts.body_bold, c.text, Align::centre});
    report_label(ui, touch, paragraph_box(ui.fonts.body_bold, words, at, Align::centre));
}

void RatingLevelsScreen::draw(UiFrame& ui, const ShellView& view, const RatingLevelsView& v,
                              bool can_go_back, Commands& out) {
    ui.a11y.set_screen("rating_levels");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Theme& t = ui.theme;
    Box body = content_box(ui);

    if (can_go_back) {
        const std::string& back = ui.tr(TextId::common_back);
        const Box row = take_bottom(body, t.touch_target, 2 * t.gap);
        const float w = button_size(ui, back).x;
        if (button(ui, "##back",
                   Box{{row.centre().x - w / 2, row.min.y}, {row.centre().x + w / 2, row.max.y}},
                   back, ButtonKind::secondary))
            out.emplace_back(cmd::CancelRating{});
    }
    const std::string& heading = ui.tr(TextId::rating_levels_heading);
    const std::string number =
        v.number.empty() ? std::string()
                         : ui.tr.format(TextId::rating_ticket_number, fmt::arg("number", v.number));
    const float head_h = heading_block_height(ui, body.width(), heading, number);
    heading_block(ui, take_top(body, head_h, 2 * t.gap), heading, number);

    const auto n = static_cast<float>(v.levels.size());
    if (v.levels.empty()) return draw_footer(ui, view);
    if (landscape(ui)) {
        // A row of cards, best on the left as on the national portal.
        const float w = (body.width() - (n - 1) * t.gap) / n;
        const float h = std::min(body.height(), w * 1.1F);
        const float top = body.min.y + (body.height() - h) / 2;
        for (std::size_t i = 0; i < v.levels.size(); ++i) {
            const float x = body.min.x + static_cast<float>(i) * (w + t.gap);
            draw_level(ui, Box{{x, top}, {x + w, top + h}}, v.levels[i], false, out);
        }
    } else {
        // A column on a portrait screen: face beside the words, best on top.
        const float h = std::min(t.face + 2 * t.gap, (body.height() - (n - 1) * t.gap) / n);
        const float top =
            body.min.y + std::max(0.0F, (body.height() - n * h - (n - 1) * t.gap) / 2);
        for (std::size_t i = 0; i < v.levels.size(); ++i) {
            const float y = top + static_cast<float>(i) * (h + t.gap);
            draw_level(ui, Box{{body.min.x, y}, {body.max.x, y + h}}, v.levels[i], true, out);
        }
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
