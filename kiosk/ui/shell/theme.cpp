#include "kiosk/ui/shell/theme.hpp"

#include <algorithm>
#include <cmath>

namespace motcua::kiosk::ui {

namespace {

/// The design is drawn for a 1080-pixel short side; everything scales from there.
constexpr float kDesignShortSide = 1080.0F;
/// Below this the text would be too small to read at a desk; the layout then clips instead.
constexpr float kMinScale = 0.5F;
/// Large-text mode (DESIGN.md §13): every text half as large again...
constexpr float kLargeText = 1.5F;
/// ...and the pictures beside words (check boxes, faces, badges) a little larger.
constexpr float kLargeControls = 1.2F;
/// Touch targets in large text: two lines of 54 px words (a switch, a reason, a priority group
/// on a narrow screen) with a little room; no taller, a landscape screen has no height to give.
constexpr float kLargeTouchTarget = 120.0F;

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
    return IM_COL32(r, g, b, 0xFF);
}

}  // namespace

namespace {

/// sRGB channel (0..255) to linear light, as WCAG 2.1 defines relative luminance.
double linear(unsigned channel) {
    const double v = channel / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double relative_luminance(ImU32 c) {
    return 0.2126 * linear((c >> IM_COL32_R_SHIFT) & 0xFFU) +
           0.7152 * linear((c >> IM_COL32_G_SHIFT) & 0xFFU) +
           0.0722 * linear((c >> IM_COL32_B_SHIFT) & 0xFFU);
}

}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Palette Palette::high_contrast() {
    // Pure black and white, with one warm yellow for what acts (the primary buttons, the
    // ticket number): the look of a screen reader's high-contrast mode, 15:1 and more.
    constexpr ImU32 black = rgb(0x00, 0x00, 0x00);
    constexpr ImU32 white = rgb(0xFF, 0xFF, 0xFF);
    constexpr ImU32 yellow = rgb(0xFF, 0xE1, 0x4D);
    Palette p;
    p.page = black;
    p.text = white;
    p.text_muted = rgb(0xE0, 0xE0, 0xE0);
    p.header = black;
    p.header_text = white;
    p.header_text_soft = yellow;
    p.footer = black;
    p.rule = white;
    p.card = black;
    p.primary = yellow;
    p.primary_pressed = white;
    p.primary_text = black;
    p.primary_border = white;
    p.secondary = black;
    p.secondary_pressed = rgb(0x3A, 0x3A, 0x3A);
    p.secondary_text = white;
    p.secondary_border = white;
    p.disabled = rgb(0x1A, 0x1A, 0x1A);
    p.disabled_text = rgb(0xA6, 0xA6, 0xA6);
    p.online = rgb(0x6E, 0xE0, 0x7A);
    p.connecting = yellow;
    p.unavailable = rgb(0xFF, 0x8A, 0x80);
    p.notice_fill = black;
    p.error_text = rgb(0xFF, 0x8A, 0x80);
    p.tile_note = black;
    p.badge = black;
    p.badge_text = yellow;
    p.chosen_fill = rgb(0x26, 0x26, 0x26);
    p.info_fill = black;
    p.info_text = rgb(0x8C, 0xF5, 0xA0);
    // qr_dark and qr_light stay: a phone reads black on white, not the other way round.
    // The faces keep their colours: black features on each, and the disc bright on black.
    p.face_ink = black;
    p.highlight = yellow;
    p.highlight_text = black;
    p.focus_ring = yellow;
    p.focus_gap = black;
    p.number = yellow;
    p.field = black;
    p.field_border = white;
    p.field_selection = rgb(0x1F, 0x4E, 0x99);
    p.table_stripe = rgb(0x1A, 0x1A, 0x1A);
    p.table_total = rgb(0x26, 0x26, 0x26);
    p.chart_grid = rgb(0x80, 0x80, 0x80);
    p.chart_issued = rgb(0x8F, 0xB8, 0xF2);
    p.chart_served = yellow;
    p.chart_waits = yellow;
    p.chart_over = rgb(0xFF, 0x9F, 0x43);
    p.chart_target = rgb(0xFF, 0x8A, 0x80);
    p.chart_wait_line = rgb(0xFF, 0xB8, 0x6B);
    p.chart_satisfied_line = rgb(0x6E, 0xE0, 0x7A);
    return p;
}

Theme Theme::for_display(float width, float height, ThemeVariant variant) {
    Theme t;
    const float short_side = std::min(width, height);
    t.scale = std::max(kMinScale, short_side / kDesignShortSide);
    t.variant = variant;
    t.text_scale = variant.large_text ? kLargeText : 1.0F;
    if (variant.high_contrast) t.colours = Palette::high_contrast();
    const auto px = [&](float at_1080) { return at_1080 * t.scale; };
    // Sizes that hold words grow with them.
    const auto tx = [&](float at_1080) { return px(at_1080) * t.text_scale; };
    const auto ctl = [&](float at_1080) {
        return px(at_1080) * (variant.large_text ? kLargeControls : 1.0F);
    };

    t.text_small = tx(28);
    t.text_body = tx(36);
    t.text_heading = tx(52);
    t.text_title = tx(68);
    t.text_huge = px(200);

    t.touch_target = px(variant.large_text ? kLargeTouchTarget : 104);
    t.button_min_width = px(240);
    t.button_padding_x = px(40);
    t.margin = px(48);
    t.gap = px(24);
    t.header_height = px(168);
    t.header_clock_row = tx(64);
    t.footer_height = px(96);
    t.rounding = px(14);
    // High contrast: outlines a person with low vision finds without looking for them.
    t.border = px(variant.high_contrast ? 5 : 3);
    t.rule = px(2);
    t.status_dot = px(13);
    t.admin_corner = px(140);
    t.content_max_width = px(1400);
    t.pin_key_w = px(200);
    t.pin_key_h = px(108);
    t.pin_dot = px(14);
    t.tile_min_width = px(720);
    t.tile_max_height = px(300);
    t.tile_badge = ctl(132);
    t.key_w = tx(180);
    t.number_box_w = tx(588);
    t.qr_side = px(264);
    t.face = ctl(132);
    t.face_small = px(64);
    t.check_box = ctl(52);
    t.switch_box = ctl(40);
    t.code_key_max_w = px(124);
    t.code_key_min_w = px(84);
    t.code_action_w = tx(300);
    t.code_entry_max_w = px(1300);
    t.dossier_fields_w = px(760);
    t.dossier_option_min_w = px(400);
    t.key_cap_w = px(72);
    t.key_cap_h = px(48);
    t.field_w = px(880);
    t.console_card_h = px(330);
    t.console_row_h = px(44);
    t.report_control_h = px(72);
    t.report_field_w = px(300);
    t.report_row_h = px(44);
    t.report_cell_pad = px(14);
    t.report_label_min_w = px(200);
    t.report_label_max_w = px(560);
    t.chart_line = px(4);
    t.chart_point = px(7);
    t.chart_swatch = px(24);
    t.chart_dash = px(12);
    t.board_row_max = px(200);
    t.board_strip_h = px(212);
    t.board_call_row = px(112);
    return t;
}

void Theme::apply(ImGuiStyle& style) const {
    style = ImGuiStyle{};
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(0, 0);
    style.ItemSpacing = ImVec2(0, 0);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colours.page);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colours.text);
}

}  // namespace motcua::kiosk::ui
