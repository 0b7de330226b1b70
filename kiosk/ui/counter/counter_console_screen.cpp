#include "kiosk/ui/counter/counter_console_screen.hpp"

#include <algorithm>
#include <array>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_panels.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// The six actions in the order of their keys, three to a row.
constexpr std::array kGrid{ConsoleAction::call_next, ConsoleAction::recall,
                           ConsoleAction::start,     ConsoleAction::no_show,
                           ConsoleAction::transfer,  ConsoleAction::finish};
constexpr int kGridColumns = 3;

ConsoleCommand command_of(ConsoleAction a) {
    namespace cc = console_cmd;
    switch (a) {
        case ConsoleAction::call_next:
            return cc::CallNext{};
        case ConsoleAction::recall:
            return cc::Recall{};
        case ConsoleAction::start:
            return cc::Start{};
        case ConsoleAction::no_show:
            return cc::NoShow{};
        case ConsoleAction::transfer:
            return cc::OpenTransfer{};
        default:
            return cc::OpenFinish{};
    }
}

struct StateWords {
    TextId words;
    ImU32 colour;
};

StateWords counter_state_words(const Palette& c, CounterState s) {
    switch (s) {
        case CounterState::open:
            return {TextId::console_state_open, c.online};
        case CounterState::paused:
            return {TextId::console_state_paused, c.connecting};
        case CounterState::closed:
            break;
    }
    return {TextId::console_state_closed, c.error_text};
}

}  // namespace

std::string console_title(const UiFrame& ui, int counter, const std::string& counter_name) {
    if (!counter_name.empty()) return counter_name;
    return ui.tr.format(TextId::counter_number, fmt::arg("counter", counter));
}

void CounterConsoleScreen::draw(UiFrame& ui, const ShellView& view, const ConsoleView& v,
                                ConsoleCommands& out) {
    const Theme& t = ui.theme;
    ui.a11y.set_screen("counter_console");
    draw_header(ui, view, console_title(ui, v.counter, v.counter_name));
    Box body = content_box(ui);
    Box side = body;
    if (landscape(ui)) {
        // Side by side: the ticket and its actions where the eye rests, the queue beside them.
        const float side_w = body.width() * t.console_side_ratio;
        side.min.x = body.max.x - side_w;
        body.max.x = side.min.x - 2 * t.gap;
    } else {
        side = take_bottom(body, body.height() / 2, 2 * t.gap);
    }
    const float grid_h = 2 * t.touch_target + t.gap;
    const float slot = console_message_slot(ui, body.width(), kLongTicketNumber);
    const Box grid = take_bottom(body, grid_h, t.gap);
    const Box message = take_bottom(body, slot, t.gap);
    draw_card(ui, body, v, out);
    console_notice(ui, message, v.pending.has_value(), v.message, v.message_subject,
                   v.message_detail);
    draw_actions(ui, grid, v, out);
    draw_console_side(ui, side, v, out);
    if (v.current) ui.redraw_within(1.0);  // the timers count seconds
    draw_footer(ui, view);
}

void CounterConsoleScreen::draw_card(UiFrame& ui, const Box& box, const ConsoleView& v,
                                     ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.draw->AddRectFilled(box.min, box.max, c.card, t.rounding);
    ui.draw->AddRect(box.min, box.max, c.rule, t.rounding, 0, t.rule);
    Box in = box.inset(1.5F * t.gap);

    // Top line: what the desk is doing, and who sits at it.
    const Box top = take_top(in, font_px(ui.fonts.body_bold), t.gap);
    TextId doing = TextId::console_ticket_none;
    ImU32 doing_colour = c.text_muted;
    if (v.current) {
        const bool serving = v.current->state == TicketState::serving;
        doing = serving ? TextId::console_ticket_serving : TextId::console_ticket_called;
        doing_colour = serving ? c.online : c.primary;
    }
    const StateWords state = counter_state_words(c, v.state);
    const Box state_box =
        label(ui, top, ui.tr(state.words), {ui.fonts.body_bold, state.colour, Align::right});
    const Box rest_top{top.min, {state_box.min.x - 2 * t.gap, top.max.y}};
    const Box doing_box =
        label(ui, rest_top, ui.tr(doing), {ui.fonts.body_bold, doing_colour, Align::left});
    // The officer's name only where it fits whole: a cut name helps nobody.
    const std::string officer =
        ui.tr.format(TextId::console_officer, fmt::arg("name", v.officer_name));
    const Box officer_box{{doing_box.max.x + 2 * t.gap, top.min.y}, rest_top.max};
    if (!v.officer_name.empty() && measure(ui.fonts.body, officer).x <= officer_box.width())
        label(ui, officer_box, officer, {ui.fonts.body, c.text_muted, Align::right});

    if (v.current) {
        draw_ticket(ui, in, *v.current);
        return;
    }
    // Nobody at the desk: say what the next step is, and offer it when it is not an F-key.
    TextId hint = TextId::console_hint_call;
    if (v.state == CounterState::paused) hint = TextId::console_hint_paused;
    if (v.state == CounterState::closed) hint = TextId::console_hint_closed;
    const bool closed = v.state == CounterState::closed;
    const float buttons_h = closed ? t.touch_target + t.gap : 0;
    const float hint_h = paragraph_height(ui.fonts.heading, ui.tr(hint), in.width());
    if (!closed && v.appointments) {
        // Between citizens the card lists the day's bookings under the hint: who is due next.
        const float short_h = paragraph_height(ui.fonts.body, ui.tr(hint), in.width());
        paragraph(ui, take_top(in, short_h, t.gap), ui.tr(hint),
                  {ui.fonts.body, c.text_muted, Align::left});
        draw_appointment_rows(ui, in, *v.appointments);
        return;
    }
    const float top_y = in.min.y + std::max(0.0F, (in.height() - hint_h - buttons_h) / 2);
    paragraph(ui, Box{{in.min.x, top_y}, {in.max.x, top_y + hint_h}}, ui.tr(hint),
              {ui.fonts.heading, c.text_muted, Align::centre});
    if (!closed) return;
    const std::string& open = ui.tr(TextId::action_open);
    const std::string& logout = ui.tr(TextId::action_logout);
    const float ow = key_button_width(ui, open, "");
    const float lw = key_button_width(ui, logout, "");
    const float left = in.centre().x - (ow + t.gap + lw) / 2;
    const float y = top_y + hint_h + t.gap;
    if (key_button(ui, "##open", Box{{left, y}, {left + ow, y + t.touch_target}}, open, "",
                   ButtonKind::primary, v.can(ConsoleAction::open)))
        out.emplace_back(console_cmd::OpenCounter{});
    if (key_button(ui, "##logout",
                   Box{{left + ow + t.gap, y}, {left + ow + t.gap + lw, y + t.touch_target}},
                   logout, "", ButtonKind::secondary, !v.pending))
        out.emplace_back(console_cmd::Logout{});
}

void CounterConsoleScreen::draw_ticket(UiFrame& ui, const Box& box, const CurrentTicketView& tk) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    // The number as big as the card allows: the officer reads it to the citizen at the desk.
    const float number_px = std::min(font_px(ui.fonts.huge), box.height());
    const ImVec2 ns = ui.fonts.huge->CalcTextSizeA(number_px, FLT_MAX, 0, tk.number.c_str());
    const ImVec2 npos{box.min.x, box.centre().y - ns.y / 2};
    ui.draw->AddText(ui.fonts.huge, number_px, npos, c.number, tk.number.c_str());
    record_text(ui, tk.number, Box{npos, {npos.x + ns.x, npos.y + ns.y}});

    Box col{{npos.x + ns.x + 2 * t.gap, box.min.y}, box.max};
    const float heading_h = font_px(ui.fonts.heading);
    const float body_h = font_px(ui.fonts.body_bold);
    const float timer_h = font_px(ui.fonts.title);
    const bool badges = tk.priority || tk.appointment_start;
    const float block =
        heading_h + t.gap / 2 + (badges ? body_h + t.gap / 2 : 0) + body_h + t.gap / 2 + timer_h;
    col.min.y = box.centre().y - block / 2;
    label(ui, take_top(col, heading_h, t.gap / 2), tk.category_name,
          {ui.fonts.heading, c.text, Align::left});
    if (badges) {
        // Why this ticket came when it did: priority, and a booking's slot.
        Box line = take_top(col, body_h, t.gap / 2);
        std::vector<std::string> words;
        if (tk.priority) words.push_back(ui.tr(TextId::console_priority));
        if (tk.appointment_start)
            words.push_back(
                ui.tr.format(TextId::issued_appointment, fmt::arg("start", *tk.appointment_start)));
        for (const auto& w : words) {
            const float bw = measure(ui.fonts.body_bold, w).x + t.gap;
            const Box badge{line.min, {line.min.x + bw, line.max.y}};
            ui.draw->AddRectFilled(badge.min, badge.max, c.highlight, t.rounding / 2);
            label(ui, badge, w, {ui.fonts.body_bold, c.highlight_text, Align::centre});
            line.min.x = badge.max.x + t.gap / 2;
        }
    }
    std::string waited = ui.tr.format(TextId::console_issued_at, fmt::arg("time", tk.issued_at));
    if (tk.waited_s) {
        const int minutes = *tk.waited_s / 60;
        waited += " · " + (minutes == 0 ? ui.tr(TextId::console_waited_short)
                                        : ui.tr.format(TextId::console_waited,
                                                       fmt::arg("minutes", minutes)));
    }
    label(ui, take_top(col, body_h, t.gap / 2), waited, {ui.fonts.body, c.text_muted, Align::left});
    std::string timer;
    if (tk.serving_s)
        timer = ui.tr.format(TextId::console_timer_serving,
                             fmt::arg("elapsed", format_elapsed(*tk.serving_s)));
    else if (tk.since_call_s)
        timer = ui.tr.format(TextId::console_timer_called,
                             fmt::arg("elapsed", format_elapsed(*tk.since_call_s)));
    if (!timer.empty())
        label(ui, take_top(col, timer_h), timer, {ui.fonts.title, c.text, Align::left});
}

void CounterConsoleScreen::draw_actions(UiFrame& ui, const Box& box, const ConsoleView& v,
                                        ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const float w = (box.width() - (kGridColumns - 1) * t.gap) / kGridColumns;
    for (std::size_t i = 0; i < kGrid.size(); ++i) {
        const ConsoleAction a = kGrid.at(i);
        const auto col = static_cast<float>(i % kGridColumns);
        const auto row = static_cast<float>(i / kGridColumns);
        const ImVec2 min{box.min.x + col * (w + t.gap), box.min.y + row * (t.touch_target + t.gap)};
        const std::string id = "##action-" + std::to_string(i);
        // The two steps of every visit are blue; only one of them is ever enabled at a time.
        const ButtonKind kind = a == ConsoleAction::call_next || a == ConsoleAction::finish
                                    ? ButtonKind::primary
                                    : ButtonKind::secondary;
        if (key_button(ui, id.c_str(), Box{min, {min.x + w, min.y + t.touch_target}},
                       ui.tr(action_text(a, v.state)), key_name(function_key_of(a)), kind,
                       v.can(a)))
            out.push_back(command_of(a));
    }
}

}  // namespace motcua::kiosk::ui
