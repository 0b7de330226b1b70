#include "kiosk/ui/counter/counter_choice_screen.hpp"

#include <algorithm>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// Dialog keys go 1..9: more options than that would need a second page no ward has.
constexpr std::size_t kMaxOptions = 9;

struct Option {
    std::string text;
    ConsoleCommand command;
};

/// Heading, options in `columns` columns with their digit keys, and Cancel (Esc) under them,
/// all centred in the page.
void draw_choice(UiFrame& ui, const std::string& heading, const std::string& note,
                 const std::vector<Option>& options, int columns, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.content_max_width);
    const std::size_t n = std::min(options.size(), kMaxOptions);
    const auto rows = static_cast<float>((n + static_cast<std::size_t>(columns) - 1) /
                                         static_cast<std::size_t>(columns));
    const float head_h = heading_block_height(ui, w, heading, note);
    const float grid_h = rows * t.touch_target + std::max(0.0F, rows - 1) * t.gap;
    const float block = head_h + 2 * t.gap + grid_h + 2 * t.gap + t.touch_target;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block) / 2)},
            {left + w, body.max.y}};
    heading_block(ui, take_top(col, head_h, 2 * t.gap), heading, note);
    const float bw = (w - static_cast<float>(columns - 1) * t.gap) / static_cast<float>(columns);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<float>(i % static_cast<std::size_t>(columns));
        const auto r = static_cast<float>(i / static_cast<std::size_t>(columns));
        const ImVec2 min{col.min.x + c * (bw + t.gap), col.min.y + r * (t.touch_target + t.gap)};
        const std::string id = "##choice-" + std::to_string(i);
        if (key_button(ui, id.c_str(), Box{min, {min.x + bw, min.y + t.touch_target}},
                       options[i].text, std::to_string(i + 1), ButtonKind::secondary))
            out.push_back(options[i].command);
    }
    col.min.y += grid_h + 2 * t.gap;
    const std::string& cancel = ui.tr(TextId::action_cancel);
    const float cw = key_button_width(ui, cancel, kEscapeKey);
    if (key_button(ui, "##cancel",
                   Box{{col.centre().x - cw / 2, col.min.y},
                       {col.centre().x + cw / 2, col.min.y + t.touch_target}},
                   cancel, kEscapeKey, ButtonKind::secondary))
        out.emplace_back(console_cmd::CancelDialog{});
}

}  // namespace

void CounterChoiceScreen::draw_transfer(UiFrame& ui, const ShellView& view,
                                        const std::string& title, const ConsoleChoiceView& choice,
                                        ConsoleCommands& out) {
    ui.a11y.set_screen("counter_transfer");
    draw_header(ui, view, title);
    std::vector<Option> options;
    for (const auto& c : choice.categories)
        options.push_back({c.name, console_cmd::ChooseCategory{c.code}});
    const std::size_t last = std::min(options.size(), kMaxOptions);
    // One column: category names are long ("Địa chính - Xây dựng - Đô thị và Môi trường").
    draw_choice(ui, ui.tr.format(TextId::transfer_heading, fmt::arg("number", choice.number)),
                ui.tr.format(TextId::transfer_note, fmt::arg("last", last)), options, 1, out);
    draw_footer(ui, view);
}

void CounterChoiceScreen::draw_finish(UiFrame& ui, const ShellView& view, const std::string& title,
                                      const ConsoleChoiceView& choice, ConsoleCommands& out) {
    ui.a11y.set_screen("counter_finish");
    draw_header(ui, view, title);
    std::vector<Option> options;
    for (const FinishOutcome o : kFinishOutcomes)
        options.push_back({ui.tr(outcome_text(o)), console_cmd::ChooseOutcome{o}});
    draw_choice(ui, ui.tr.format(TextId::finish_heading, fmt::arg("number", choice.number)),
                ui.tr(TextId::finish_note), options, landscape(ui) ? 2 : 1, out);
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
