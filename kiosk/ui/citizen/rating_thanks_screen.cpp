#include "kiosk/ui/citizen/rating_thanks_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// The tick in the thank-you circle, relative to its centre, in diameters.
struct Point {
    float x;
    float y;
};
constexpr Point kTickStart{-0.24F, 0.02F};
constexpr Point kTickCorner{-0.08F, 0.18F};
constexpr Point kTickEnd{0.25F, -0.16F};
constexpr float kTickWidth = 0.09F;

}  // namespace

void RatingThanksScreen::draw(UiFrame& ui, const ShellView& view, const RatingThanksView& v,
                              const std::string& number) {
    ui.a11y.set_screen("rating_thanks");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.content_max_width);

    const std::string& thanks = ui.tr(TextId::rating_thanks);
    const std::string& note = ui.tr(TextId::rating_thanks_note);
    const std::string already =
        v.notice == RatingNotice::already_rated
            ? ui.tr.format(TextId::rating_already_rated, fmt::arg("number", number))
            : std::string();
    // A green tick, whatever the level: a frowning face would answer a complaint with a frown.
    const float face = 1.5F * t.face;
    const float thanks_h = paragraph_height(ui.fonts.title, thanks, w);
    const float note_h = paragraph_height(ui.fonts.body, note, w);
    const float already_h = already.empty() ? 0 : notice_height(ui, w, already, ui.fonts.body_bold);
    const float block = face + 2 * t.gap + thanks_h + t.gap + note_h +
                        (already.empty() ? 0 : 2 * t.gap + already_h);
    float y = body.min.y + std::max(0.0F, (body.height() - block) / 2);
    const float left = body.centre().x - w / 2;

    const ImVec2 centre{body.centre().x, y + face / 2};
    ui.draw->AddCircleFilled(centre, face / 2, c.online, 0);
    const auto at = [&](float fx, float fy) {
        return ImVec2{centre.x + fx * face, centre.y + fy * face};
    };
    const ImVec2 tick[] = {at(kTickStart.x, kTickStart.y), at(kTickCorner.x, kTickCorner.y),
                           at(kTickEnd.x, kTickEnd.y)};
    ui.draw->AddPolyline(tick, 3, c.primary_text, 0, face * kTickWidth);
    y += face + 2 * t.gap;
    y += paragraph(ui, Box{{left, y}, {left + w, y + thanks_h}}, thanks,
                   {ui.fonts.title, c.text, Align::centre});
    y += t.gap;
    y += paragraph(ui, Box{{left, y}, {left + w, y + note_h}}, note,
                   {ui.fonts.body, c.text_muted, Align::centre});
    if (!already.empty())
        notice(ui, Box{{left, y + 2 * t.gap}, {left + w, y + 2 * t.gap + already_h}}, already,
               NoticeKind::info, ui.fonts.body_bold);
    draw_footer(ui, view);
}

void RatingSendingScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("rating_sending");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Box body = content_box(ui);
    const std::string& text = ui.tr(TextId::rating_sending);
    const float h = paragraph_height(ui.fonts.title, text, body.width());
    paragraph(ui, body.centred({body.width(), h}), text,
              {ui.fonts.title, ui.theme.colours.text_muted, Align::centre});
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
