#include "kiosk/ui/shell/theme.hpp"

#include <algorithm>

namespace motcua::kiosk::ui {

namespace {

/// The design is drawn for a 1080-pixel short side; everything scales from there.
constexpr float kDesignShortSide = 1080.0F;
/// Below this the text would be too small to read at a desk; the layout then clips instead.
constexpr float kMinScale = 0.5F;

}  // namespace

Theme Theme::for_display(float width, float height) {
    Theme t;
    const float short_side = std::min(width, height);
    t.scale = std::max(kMinScale, short_side / kDesignShortSide);
    const auto px = [&](float at_1080) { return at_1080 * t.scale; };

    t.text_small = px(28);
    t.text_body = px(36);
    t.text_heading = px(52);
    t.text_title = px(68);
    t.text_huge = px(200);

    t.touch_target = px(104);
    t.button_min_width = px(240);
    t.button_padding_x = px(40);
    t.margin = px(48);
    t.gap = px(24);
    t.header_height = px(168);
    t.header_clock_row = px(64);
    t.footer_height = px(96);
    t.rounding = px(14);
    t.border = px(3);
    t.rule = px(2);
    t.status_dot = px(13);
    t.admin_corner = px(140);
    t.content_max_width = px(1400);
    t.pin_key_w = px(200);
    t.pin_key_h = px(108);
    t.pin_dot = px(14);
    t.tile_min_width = px(720);
    t.tile_max_height = px(300);
    t.tile_badge = px(132);
    t.key_w = px(180);
    t.number_box_w = px(588);
    t.qr_side = px(264);
    t.face = px(132);
    t.face_small = px(64);
    t.check_box = px(52);
    t.code_key_max_w = px(124);
    t.code_key_min_w = px(84);
    t.code_action_w = px(300);
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
