#include "kiosk/ui/counter/console_panels.hpp"

#include <algorithm>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"

namespace motcua::kiosk::ui {

namespace {

constexpr int kSecondsPerMinute = 60;
/// The day's bookings in the idle card: at most this many columns of rows.
constexpr int kMaxAppointmentColumns = 3;

/// A section's title over a thin rule.
void section(UiFrame& ui, Box& box, TextId title) {
    const Theme& t = ui.theme;
    const Box line = take_top(box, font_px(ui.fonts.body_bold), t.gap / 4);
    label(ui, line, ui.tr(title), {ui.fonts.body_bold, t.colours.text, Align::left});
    const Box rule = take_top(box, t.rule, t.gap / 2);
    ui.draw->AddRectFilled(rule.min, rule.max, t.colours.rule);
}

TextId appointment_state_text(AppointmentState s) {
    switch (s) {
        case AppointmentState::checked_in:
            return TextId::console_appointment_checked_in;
        case AppointmentState::missed:
            return TextId::console_appointment_missed;
        default:
            return TextId::console_appointment_due;
    }
}

std::string waiting_words(const Translator& tr, const WaitingRow& row) {
    if (row.waiting == 0) return tr(TextId::console_waiting_none);
    std::string out = tr.format(TextId::console_waiting_count, fmt::arg("waiting", row.waiting));
    // Under a minute says nothing the count does not ("hơn 0 phút" would be noise).
    if (row.oldest && row.oldest->seconds >= kSecondsPerMinute) {
        const int minutes = row.oldest->seconds / kSecondsPerMinute;
        out += " · " + tr.format(row.oldest->at_least ? TextId::console_oldest_at_least
                                                      : TextId::console_oldest,
                                 fmt::arg("minutes", minutes));
    }
    if (row.wait.kind == api::WaitMinutes::Kind::soon)
        out += " · " + wait_text(tr, row.wait);
    else
        out += " · " + tr.format(TextId::console_waiting_estimate,
                                 fmt::arg("wait", wait_text(tr, row.wait)));
    return out;
}

float waiting_height(const UiFrame& ui, const ConsoleView& v) {
    const Theme& t = ui.theme;
    const float row = font_px(ui.fonts.body_bold) + font_px(ui.fonts.small) + t.gap / 2;
    const float rows =
        v.waiting_loaded ? static_cast<float>(std::max<std::size_t>(1, v.waiting.size())) : 1.0F;
    const float bookings = v.appointments ? font_px(ui.fonts.small) + t.gap / 2 : 0;
    return font_px(ui.fonts.body_bold) + t.rule + t.gap + rows * row + bookings;
}

void draw_waiting(UiFrame& ui, Box box, const ConsoleView& v) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    section(ui, box, TextId::console_waiting_heading);
    if (!v.waiting_loaded) {
        label(ui, take_top(box, font_px(ui.fonts.body)), ui.tr(TextId::console_loading),
              {ui.fonts.body, c.text_muted, Align::left});
        return;
    }
    for (const auto& row : v.waiting) {
        label(ui, take_top(box, font_px(ui.fonts.body_bold)), row.name,
              {ui.fonts.body_bold, c.text, Align::left});
        label(ui, take_top(box, font_px(ui.fonts.small), t.gap / 2), waiting_words(ui.tr, row),
              {ui.fonts.small, row.waiting > 0 ? c.text : c.text_muted, Align::left});
    }
    if (v.appointments)
        label(ui, take_top(box, font_px(ui.fonts.small), t.gap / 2),
              appointments_summary(ui.tr, *v.appointments), {ui.fonts.small, c.text, Align::left});
}

float figures_height(const UiFrame& ui) {
    const Theme& t = ui.theme;
    return font_px(ui.fonts.body_bold) + t.rule + t.gap + 3 * font_px(ui.fonts.body);
}

void draw_figures(UiFrame& ui, Box box, const ConsoleView& v) {
    const Palette& c = ui.theme.colours;
    section(ui, box, TextId::console_figures_heading);
    const TextStyle style{ui.fonts.body, c.text, Align::left};
    const float line = font_px(ui.fonts.body);
    if (!v.figures) {
        label(ui, take_top(box, line), ui.tr(TextId::console_figures_none),
              {ui.fonts.body, c.text_muted, Align::left});
        return;
    }
    label(ui, take_top(box, line),
          ui.tr.format(TextId::console_figures_served, fmt::arg("served", v.figures->served)),
          style);
    if (v.figures->mean_service_s)
        label(
            ui, take_top(box, line),
            ui.tr.format(TextId::console_figures_service,
                         fmt::arg("duration", format_duration(ui.tr, *v.figures->mean_service_s))),
            style);
    if (v.figures->mean_wait_s)
        label(ui, take_top(box, line),
              ui.tr.format(TextId::console_figures_wait,
                           fmt::arg("duration", format_duration(ui.tr, *v.figures->mean_wait_s))),
              style);
}

void draw_no_shows(UiFrame& ui, Box box, const ConsoleView& v, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    section(ui, box, TextId::console_no_shows_heading);
    if (v.no_shows.empty()) {
        label(ui, take_top(box, font_px(ui.fonts.body)), ui.tr(TextId::console_no_shows_none),
              {ui.fonts.body, c.text_muted, Align::left});
        return;
    }
    const std::string& back = ui.tr(TextId::action_reinstate);
    const float bw = key_button_width(ui, back, "");
    // Newest first, as many as fit: the officer puts back the citizen who just came back.
    for (std::size_t i = 0; i < v.no_shows.size(); ++i) {
        if (box.height() < t.touch_target) break;
        const NoShowRow& n = v.no_shows[i];
        const Box row = take_top(box, t.touch_target, t.gap / 2);
        const Box button_box{{row.max.x - bw, row.min.y}, row.max};
        // The number, and under it when it was marked absent: two short lines beside the button.
        const Box words{row.min, {button_box.min.x - t.gap, row.max.y}};
        const float block = font_px(ui.fonts.body_bold) + font_px(ui.fonts.small);
        Box lines{{words.min.x, words.centre().y - block / 2}, words.max};
        label(ui, take_top(lines, font_px(ui.fonts.body_bold)), n.number,
              {ui.fonts.body_bold, c.text, Align::left});
        label(ui, take_top(lines, font_px(ui.fonts.small)),
              ui.tr.format(TextId::console_no_show_at, fmt::arg("time", n.at)),
              {ui.fonts.small, c.text_muted, Align::left});
        const std::string id = "##reinstate-" + n.id;
        if (key_button(ui, id.c_str(), button_box, back, "", ButtonKind::secondary,
                       v.can(ConsoleAction::reinstate)))
            out.emplace_back(console_cmd::Reinstate{n.id});
    }
}

/// Pause (or resume) and close, in one row when they fit, else one above the other.
float controls_height(const UiFrame& ui, float width, const ConsoleView& v) {
    const Theme& t = ui.theme;
    const ConsoleAction toggle =
        v.state == CounterState::paused ? ConsoleAction::open : ConsoleAction::pause;
    const float a = key_button_width(ui, ui.tr(action_text(toggle, v.state)), "F7");
    const float b = key_button_width(ui, ui.tr(TextId::action_close), "");
    return a + t.gap + b <= width ? t.touch_target : 2 * t.touch_target + t.gap;
}

void draw_controls(UiFrame& ui, Box box, const ConsoleView& v, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const bool paused = v.state == CounterState::paused;
    const ConsoleAction toggle = paused ? ConsoleAction::open : ConsoleAction::pause;
    const std::string& toggle_text = ui.tr(action_text(toggle, v.state));
    const std::string& close_text = ui.tr(TextId::action_close);
    const bool stacked = box.height() > t.touch_target + 0.5F;
    Box first = stacked ? take_top(box, t.touch_target, t.gap) : box;
    Box second = box;
    if (!stacked) {
        const float half = (box.width() - t.gap) / 2;
        first.max.x = box.min.x + half;
        second.min.x = first.max.x + t.gap;
    }
    if (key_button(ui, "##toggle", first, toggle_text, key_name(function_key_of(toggle)),
                   ButtonKind::secondary, v.can(toggle)))
        out.push_back(paused ? ConsoleCommand{console_cmd::OpenCounter{}}
                             : ConsoleCommand{console_cmd::PauseCounter{}});
    if (key_button(ui, "##close", second, close_text, "", ButtonKind::secondary,
                   v.can(ConsoleAction::close)))
        out.emplace_back(console_cmd::CloseCounter{});
}

}  // namespace

std::string appointments_summary(const Translator& tr, const AppointmentsPanel& p) {
    return tr.format(TextId::console_appointments_counts, fmt::arg("due", p.due),
                     fmt::arg("checked_in", p.checked_in), fmt::arg("missed", p.missed));
}

void draw_appointment_rows(UiFrame& ui, Box box, const AppointmentsPanel& p) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float row_h = font_px(ui.fonts.body) + t.gap / 2;
    if (box.height() < font_px(ui.fonts.body_bold) + t.rule + t.gap + row_h) return;
    section(ui, box, TextId::console_appointments_heading);
    // Rows flow down then across, in as many columns as the width holds.
    float state_w = 0;
    for (const TextId id : {TextId::console_appointment_due, TextId::console_appointment_checked_in,
                            TextId::console_appointment_missed})
        state_w = std::max(state_w, measure(ui.fonts.body, ui.tr(id)).x);
    const float row_w = measure(ui.fonts.body_bold, "00:00  •••••WWW").x + t.gap + state_w;
    const int columns =
        std::clamp(static_cast<int>((box.width() + 2 * t.gap) / (row_w + 2 * t.gap)), 1,
                   kMaxAppointmentColumns);
    const float col_w =
        (box.width() - static_cast<float>(columns - 1) * 2 * t.gap) / static_cast<float>(columns);
    const auto per_column = static_cast<std::size_t>((box.height() + t.gap / 2) / row_h);
    for (std::size_t i = 0; i < p.rows.size() && per_column > 0; ++i) {
        const auto col = static_cast<int>(i / per_column);
        if (col >= columns) break;  // as many as the card has room for
        const ConsoleBookingRow& r = p.rows[i];
        const float x = box.min.x + static_cast<float>(col) * (col_w + 2 * t.gap);
        const float y = box.min.y + static_cast<float>(i % per_column) * row_h;
        const Box line{{x, y}, {x + col_w, y + font_px(ui.fonts.body)}};
        const bool due = r.state == AppointmentState::booked;
        const ImU32 ink = due ? c.text : c.text_muted;
        label(ui, line, r.start + "  " + r.code,
              {due ? ui.fonts.body_bold : ui.fonts.body, ink, Align::left});
        label(ui, line, ui.tr(appointment_state_text(r.state)), {ui.fonts.body, ink, Align::right});
    }
}

void draw_console_side(UiFrame& ui, const Box& box, const ConsoleView& v, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    Box rest = box;
    // A closed counter is opened (or left) from the ticket card: no second "open" here.
    if (v.state != CounterState::closed)
        draw_controls(ui, take_bottom(rest, controls_height(ui, box.width(), v), t.gap), v, out);
    draw_waiting(ui, take_top(rest, waiting_height(ui, v), t.gap), v);
    draw_figures(ui, take_top(rest, figures_height(ui), t.gap), v);
    draw_no_shows(ui, rest, v, out);
}

}  // namespace motcua::kiosk::ui
