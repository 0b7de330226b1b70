#include "kiosk/ui/shell/unavailable_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void UnavailableScreen::draw(UiFrame& ui, const ShellView& view) {
    const bool incompatible = view.connection == ConnectionState::incompatible;
    ui.a11y.set_screen(incompatible ? "incompatible" : "unavailable");
    // The header stays: citizens still see where they are, and can switch language.
    draw_header(ui, view, ui.tr(mode_title(view.mode)));

    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::string& notice =
        ui.tr(incompatible ? TextId::incompatible_notice : TextId::unavailable_notice);
    const std::string& detail =
        ui.tr(incompatible ? TextId::incompatible_detail : TextId::unavailable_detail);

    // A card sized to its words: a red-ringed "!" above the notice and the reassurance.
    const Box body = content_box(ui);
    const float card_w = std::min(body.width(), t.content_max_width);
    const float pad = 2 * t.gap;
    const float text_w = card_w - 2 * pad;
    const float icon_d = t.touch_target;
    const float notice_h = paragraph_height(ui.fonts.heading, notice, text_w);
    const float detail_h = paragraph_height(ui.fonts.body, detail, text_w);
    const float card_h =
        std::min(body.height(), pad + icon_d + t.gap + notice_h + t.gap + detail_h + pad);
    const Box card = body.centred({card_w, card_h});
    ui.draw->AddRectFilled(card.min, card.max, c.notice_fill, t.rounding);
    ui.draw->AddRect(card.min, card.max, c.unavailable, t.rounding, 0, t.border);

    const ImVec2 icon_c{card.centre().x, card.min.y + pad + icon_d / 2};
    ui.draw->AddCircleFilled(icon_c, icon_d / 2, c.unavailable);
    const ImVec2 mark = measure(ui.fonts.title, "!");
    ui.draw->AddText(ui.fonts.title, font_px(ui.fonts.title),
                     {icon_c.x - mark.x / 2, icon_c.y - mark.y / 2}, c.primary_text, "!");

    const float notice_top = card.min.y + pad + icon_d + t.gap;
    paragraph(ui, Box{{card.min.x + pad, notice_top}, {card.max.x - pad, notice_top + notice_h}},
              notice, {ui.fonts.heading, c.text, Align::centre});
    const float detail_top = notice_top + notice_h + t.gap;
    paragraph(ui, Box{{card.min.x + pad, detail_top}, {card.max.x - pad, detail_top + detail_h}},
              detail, {ui.fonts.body, c.text_muted, Align::centre});

    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
