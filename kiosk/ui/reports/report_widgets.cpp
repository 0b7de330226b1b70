#include "kiosk/ui/reports/report_widgets.hpp"

#include <algorithm>

namespace motcua::kiosk::ui {

namespace {

/// The tab's line: thick enough to see from the back of the room.
constexpr float kTabLineRules = 3;

}  // namespace

float fit_width(const ImFont* font, std::string_view text) {
    return measure(font, text).x + 1;
}

float tool_button_width(const UiFrame& ui, std::string_view text) {
    return measure(ui.fonts.body, text).x + 2 * ui.theme.gap;
}

bool tool_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool selected,
                 bool enabled) {
    const Theme& t = ui.theme;
    const std::string shown = fit_line(ui.fonts.body, text, box.width() - t.gap);
    const Touch touch = touch_area(ui, id, box, shown, A11yRole::button, enabled);
    // The chosen one looks like a primary button; the others, thinner-edged, recede.
    const ImU32 ink = button_face(ui, box, selected ? ButtonKind::primary : ButtonKind::secondary,
                                  touch.held, enabled, t.border / 2);
    const ImVec2 size = measure(ui.fonts.body, shown);
    ui.draw->AddText(ui.fonts.body, font_px(ui.fonts.body),
                     {box.centre().x - size.x / 2, box.centre().y - size.y / 2}, ink,
                     shown.c_str());
    return touch.tapped;
}

float tab_width(const UiFrame& ui, std::string_view text) {
    return measure(ui.fonts.body_bold, text).x + 2 * ui.theme.gap;
}

bool tab_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool selected) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ImFont* font = selected ? ui.fonts.body_bold : ui.fonts.body;
    const std::string shown = fit_line(font, text, box.width() - t.gap);
    const Touch touch = touch_area(ui, id, box, shown);
    if (touch.held) ui.draw->AddRectFilled(box.min, box.max, c.secondary_pressed, t.rounding);
    const ImVec2 size = measure(font, shown);
    ui.draw->AddText(font, font_px(font),
                     {box.centre().x - size.x / 2, box.centre().y - size.y / 2},
                     selected ? c.primary : c.text_muted, shown.c_str());
    if (selected)
        ui.draw->AddRectFilled({box.min.x, box.max.y - kTabLineRules * t.rule}, box.max, c.primary);
    return touch.tapped;
}

bool arrow_button(UiFrame& ui, const char* id, const Box& box, bool up, std::string_view label,
                  bool enabled) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const Touch touch = touch_area(ui, id, box, label, A11yRole::button, enabled);
    const ImU32 fill = touch.held ? c.secondary_pressed : c.secondary;
    ui.draw->AddRectFilled(box.min, box.max, enabled ? fill : c.disabled, t.rounding);
    if (enabled)
        ui.draw->AddRect(box.min, box.max, c.secondary_border, t.rounding, 0, t.border / 2);
    const ImU32 ink = enabled ? c.secondary_text : c.disabled_text;
    const float r = std::min(box.width(), box.height()) / 4;
    const ImVec2 m = box.centre();
    if (up)
        ui.draw->AddTriangleFilled({m.x - r, m.y + r / 2}, {m.x + r, m.y + r / 2}, {m.x, m.y - r},
                                   ink);
    else
        ui.draw->AddTriangleFilled({m.x - r, m.y - r / 2}, {m.x + r, m.y - r / 2}, {m.x, m.y + r},
                                   ink);
    return touch.tapped;
}

}  // namespace motcua::kiosk::ui
