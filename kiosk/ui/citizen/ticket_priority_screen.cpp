#include "kiosk/ui/citizen/ticket_priority_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void TicketPriorityScreen::draw(UiFrame& ui, const ShellView& view,
                                const TicketPriorityView& priority, Commands& out) {
    ui.a11y.set_screen("ticket_priority");
    draw_header(ui, view, ui.tr(TextId::mode_ticket_title));
    const Theme& t = ui.theme;
    Box body = content_box(ui);
    // One readable column, not a line from edge to edge of a wide screen.
    const float w = std::min(body.width(), t.content_max_width);
    body = Box{{body.centre().x - w / 2, body.min.y}, {body.centre().x + w / 2, body.max.y}};

    const std::string& back = ui.tr(TextId::common_back);
    const Box back_row = take_bottom(body, t.touch_target, 2 * t.gap);
    const float back_w = button_size(ui, back).x;
    if (button(ui, "##back",
               Box{{back_row.centre().x - back_w / 2, back_row.min.y},
                   {back_row.centre().x + back_w / 2, back_row.max.y}},
               back, ButtonKind::secondary))
        out.emplace_back(cmd::BackHome{});

    const std::string& heading = ui.tr(TextId::priority_heading);
    const std::string& note = ui.tr(TextId::priority_note);
    const float head_h = heading_block_height(ui, w, heading, note);

    // Options: two columns on a landscape screen, one on a portrait kiosk.
    const int n = static_cast<int>(priority.options.size());
    const int cols = landscape(ui) && n > 1 ? 2 : 1;
    const int rows = (n + cols - 1) / cols;
    const float opt_w = (w - static_cast<float>(cols - 1) * t.gap) / static_cast<float>(cols);
    const float opt_h = t.touch_target;
    const float grid_h = static_cast<float>(rows) * opt_h + static_cast<float>(rows - 1) * t.gap;
    // Heading and options as one block, centred in the space above "Quay lại".
    const float block_h = head_h + 2 * t.gap + grid_h;
    float y = body.min.y + std::max(0.0F, (body.height() - block_h) / 2);
    heading_block(ui, Box{{body.min.x, y}, {body.max.x, y + head_h}}, heading, note);
    y += head_h + 2 * t.gap;
    for (int i = 0; i < n; ++i) {
        const auto& option = priority.options[static_cast<std::size_t>(i)];
        const auto col = static_cast<float>(i % cols);
        const auto row = static_cast<float>(i / cols);
        const ImVec2 min{body.min.x + col * (opt_w + t.gap), y + row * (opt_h + t.gap)};
        const std::string id = "##priority-" + option.code;
        // The chosen group is ticked, not only coloured.
        if (toggle_button(ui, id.c_str(), Box{min, {min.x + opt_w, min.y + opt_h}}, option.name,
                          option.chosen))
            out.emplace_back(cmd::ChoosePriority{option.code});
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
