#include "kiosk/ui/citizen/rating_reasons_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void RatingReasonsScreen::draw_reason(UiFrame& ui, const Box& box, RatingReason reason, bool chosen,
                                      Commands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::string& words = ui.tr(reason_text(reason));
    const std::string id = "##reason-" + std::string(to_string(reason));
    const Touch touch = touch_area(ui, id.c_str(), box, words, A11yRole::checkbox, true, chosen);
    if (touch.tapped) out.emplace_back(cmd::ToggleReason{reason});
    const ImU32 fill = touch.held ? c.secondary_pressed : chosen ? c.chosen_fill : c.card;
    ui.draw->AddRectFilled(box.min, box.max, fill, t.rounding);
    ui.draw->AddRect(box.min, box.max, chosen ? c.primary : c.secondary_border, t.rounding, 0,
                     chosen ? 2 * t.border : t.border);
    if (touch.focused) focus_ring(ui, box);

    // The box: empty, or filled blue with a white tick — chosen is visible without colour too.
    const float s = t.check_box;
    const Box check{{box.min.x + t.gap, box.centre().y - s / 2},
                    {box.min.x + t.gap + s, box.centre().y + s / 2}};
    check_box(ui, check, chosen);
    // One line, or two in a narrow cell (large text): never cut.
    const Box text{{check.max.x + t.gap, box.min.y}, {box.max.x - t.gap, box.max.y}};
    const float h = paragraph_height(ui.fonts.body_bold, words, text.width());
    const Box at{{text.min.x, text.centre().y - h / 2}, {text.max.x, text.centre().y + h / 2}};
    paragraph(ui, at, words, {ui.fonts.body_bold, c.text, Align::left});
    report_label(ui, touch, paragraph_box(ui.fonts.body_bold, words, at, Align::left));
}

void RatingReasonsScreen::draw(UiFrame& ui, const ShellView& view, const RatingReasonsView& v,
                               Commands& out) {
    ui.a11y.set_screen("rating_reasons");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Theme& t = ui.theme;
    Box body = content_box(ui);
    const float w = std::min(body.width(), t.content_max_width);
    body = Box{{body.centre().x - w / 2, body.min.y}, {body.centre().x + w / 2, body.max.y}};

    const std::string& submit = ui.tr(TextId::rating_submit);
    const Box row = take_bottom(body, t.touch_target, 2 * t.gap);
    const float submit_w = std::max(button_size(ui, submit).x, 2 * t.button_min_width);
    if (button(ui, "##submit",
               Box{{row.centre().x - submit_w / 2, row.min.y},
                   {row.centre().x + submit_w / 2, row.max.y}},
               submit, ButtonKind::primary))
        out.emplace_back(cmd::SubmitReasons{});

    const std::string& heading = ui.tr(TextId::rating_reasons_heading);
    const std::string& note = ui.tr(TextId::rating_reasons_note);
    const float head_h = heading_block_height(ui, w, heading, note);
    const Box head = take_top(body, head_h, 2 * t.gap);
    heading_block(ui, head, heading, note);

    const int n = static_cast<int>(v.reasons.size());
    const int cols = landscape(ui) ? 2 : 1;
    const int rows = (n + cols - 1) / cols;
    const float cell_w = (w - static_cast<float>(cols - 1) * t.gap) / static_cast<float>(cols);
    const float cell_h = std::max(
        t.touch_target,
        std::min(t.touch_target * 1.2F, (body.height() - static_cast<float>(rows - 1) * t.gap) /
                                            static_cast<float>(rows)));
    const float grid_h = static_cast<float>(rows) * cell_h + static_cast<float>(rows - 1) * t.gap;
    const float top = body.min.y + std::max(0.0F, (body.height() - grid_h) / 2);
    for (int i = 0; i < n; ++i) {
        const auto& [reason, chosen] = v.reasons[static_cast<std::size_t>(i)];
        const auto col = static_cast<float>(i % cols);
        const auto r = static_cast<float>(i / cols);
        const ImVec2 min{body.min.x + col * (cell_w + t.gap), top + r * (cell_h + t.gap)};
        draw_reason(ui, Box{min, {min.x + cell_w, min.y + cell_h}}, reason, chosen, out);
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
