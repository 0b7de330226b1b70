#include "kiosk/ui/shell/shell_chrome.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace motcua::kiosk::ui {

namespace {

constexpr int kSecondsPerMinute = 60;

constexpr std::array kWeekdays{TextId::weekday_sunday,   TextId::weekday_monday,
                               TextId::weekday_tuesday,  TextId::weekday_wednesday,
                               TextId::weekday_thursday, TextId::weekday_friday,
                               TextId::weekday_saturday};

struct StatusLine {
    TextId words;
    ImU32 colour;
};

StatusLine status_line(const Theme& t, ConnectionState state) {
    switch (state) {
        case ConnectionState::online:
            return {TextId::connection_online, t.colours.online};
        case ConnectionState::connecting:
            return {TextId::connection_connecting, t.colours.connecting};
        case ConnectionState::unavailable:
        case ConnectionState::incompatible:
            return {TextId::connection_reconnecting, t.colours.unavailable};
    }
    return {TextId::connection_connecting, t.colours.connecting};
}

}  // namespace

TextId mode_title(Mode mode) {
    switch (mode) {
        case Mode::ticket:
            return TextId::mode_ticket_title;
        case Mode::rating:
            return TextId::mode_rating_title;
        case Mode::counter:
            return TextId::mode_counter_title;
        case Mode::board:
            return TextId::mode_board_title;
        case Mode::reports:
            return TextId::mode_reports_title;
    }
    return TextId::app_name;
}

std::string format_date(const Translator& tr, const LocalDateTime& t) {
    const auto weekday = kWeekdays.at(
        static_cast<std::size_t>(std::clamp(t.weekday, 0, static_cast<int>(kWeekdays.size()) - 1)));
    return tr.format(TextId::date_format, fmt::arg("weekday", tr(weekday)), fmt::arg("day", t.day),
                     fmt::arg("month", t.month), fmt::arg("year", t.year));
}

std::string format_time(const Translator& tr, const LocalDateTime& t) {
    return tr.format(TextId::time_format, fmt::arg("hour", t.hour), fmt::arg("minute", t.minute));
}

namespace {

bool stacked_header(const UiFrame& ui) {
    return ui.display.x < ui.display.y * ui.theme.wide_aspect;
}

/// One accessibility switch: its id, words, state and what a tap asks the app to do.
struct Switch {
    const char* id;
    TextId name;
    bool on;
    UiAction action;
};

std::array<Switch, 3> switches(const UiFrame& ui) {
    return {{{"##a11y-guidance", TextId::a11y_guidance, ui.guidance, ToggleGuidance{}},
             {"##a11y-contrast", TextId::a11y_high_contrast, ui.theme.variant.high_contrast,
              ToggleHighContrast{}},
             {"##a11y-large", TextId::a11y_large_text, ui.theme.variant.large_text,
              ToggleLargeText{}}}};
}

constexpr std::array kConnectionWords{TextId::connection_online, TextId::connection_connecting,
                                      TextId::connection_reconnecting};

/// Where the citizen footer puts things: the state's words at the left of the first row, the
/// switches after them, each row's switches sharing its width. When one row cannot hold them,
/// the names (and the state's words) may take two lines each, without the small "Đang bật"
/// under them (the tick still shows it); rows are added while they still do not fit (portrait
/// kiosks, large text).
struct CitizenFooter {
    float top = 0;
    float first_row_top = 0;
    float status_w = 0;  // the dot and the longest of the state's words
    std::size_t rows = 0;
    std::array<Box, 3> boxes{};
};

CitizenFooter flow_footer(const UiFrame& ui, float status_w, const std::array<float, 3>& widths) {
    const Theme& t = ui.theme;
    CitizenFooter f;
    f.status_w = status_w;
    const float left = t.margin;
    const float right = ui.display.x - t.margin;
    const float row_gap = t.gap / 2;
    // Rows of switch indices, filled in order.
    std::vector<std::vector<std::size_t>> rows(1);
    float used = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const float cap = rows.size() == 1 ? right - left - status_w - t.gap : right - left;
        const float need = (rows.back().empty() ? 0 : t.gap) + widths.at(i);
        if (used + need > cap && (rows.size() == 1 || !rows.back().empty())) {
            rows.emplace_back();
            used = 0;
        }
        used += (rows.back().empty() ? 0 : t.gap) + widths.at(i);
        rows.back().push_back(i);
    }
    f.rows = rows.size();
    const auto n_rows = static_cast<float>(rows.size());
    const float height = 2 * row_gap + n_rows * t.touch_target + (n_rows - 1) * row_gap;
    f.top = ui.display.y - height;
    f.first_row_top = f.top + row_gap;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const float y = f.first_row_top + static_cast<float>(r) * (t.touch_target + row_gap);
        const float row_left = r == 0 ? left + status_w + t.gap : left;
        const auto& row = rows[r];
        if (row.empty()) continue;
        float natural = 0;
        for (const std::size_t i : row) natural += widths.at(i);
        const float gaps = static_cast<float>(row.size() - 1) * t.gap;
        const float extra =
            std::max(0.0F, (right - row_left - gaps - natural) / static_cast<float>(row.size()));
        float x = row_left;
        for (const std::size_t i : row) {
            const float w = std::min(widths.at(i) + extra, right - x);
            f.boxes.at(i) = Box{{x, y}, {x + w, y + t.touch_target}};
            x += w + t.gap;
        }
    }
    return f;
}

CitizenFooter citizen_footer(const UiFrame& ui) {
    const Theme& t = ui.theme;
    const auto list = switches(ui);
    const float dot = 2 * t.status_dot + t.gap;
    float status = 0;
    float status_two = 0;
    for (const TextId id : kConnectionWords) {
        status = std::max(status, measure(ui.fonts.body_bold, ui.tr(id)).x);
        status_two = std::max(status_two, two_line_width(ui.fonts.body_bold, ui.tr(id)));
    }
    std::array<float, 3> natural{};
    std::array<float, 3> narrow{};
    const float frame = 2 * t.gap + t.switch_box + t.gap / 2;  // all but the words
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string& name = ui.tr(list.at(i).name);
        natural.at(i) =
            toggle_button_size(ui, name, ui.tr(TextId::a11y_on), ui.tr(TextId::a11y_off)).x;
        narrow.at(i) = frame + two_line_width(ui.fonts.body_bold, name);
    }
    const CitizenFooter one_line = flow_footer(ui, dot + status, natural);
    if (one_line.rows == 1) return one_line;
    const CitizenFooter two_lines = flow_footer(ui, dot + status_two, narrow);
    return two_lines.rows < one_line.rows ? two_lines : one_line;
}

void draw_citizen_footer(UiFrame& ui, const ShellView& view) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const CitizenFooter f = citizen_footer(ui);
    ui.draw->AddRectFilled({0, f.top}, ui.display, c.footer);
    ui.draw->AddRectFilled({0, f.top}, {ui.display.x, f.top + t.rule}, c.rule);

    const StatusLine status = status_line(t, view.connection);
    const float mid = f.first_row_top + t.touch_target / 2;
    status_dot(ui, {t.margin + t.status_dot, mid}, status.colour);
    // The state's words, on two lines when the footer is short of width.
    const float text_left = t.margin + 2 * t.status_dot + t.gap;
    const std::string& words = ui.tr(status.words);
    const float words_w = t.margin + f.status_w - text_left;
    const float h = paragraph_height(ui.fonts.body_bold, words, words_w);
    paragraph(ui, Box{{text_left, mid - h / 2}, {text_left + words_w, mid + h / 2}}, words,
              {ui.fonts.body_bold, status.colour, Align::left});

    const auto list = switches(ui);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Switch& s = list.at(i);
        if (toggle_button(ui, s.id, f.boxes.at(i), ui.tr(s.name), s.on,
                          ui.tr(s.on ? TextId::a11y_on : TextId::a11y_off)))
            ui.actions.push_back(s.action);
    }
}

}  // namespace

namespace {

bool guiding(const UiFrame& ui) {
    return ui.guide != nullptr && ui.guide->guiding();
}

/// Guidance mode's own controls: "Nghe lại", "Nhỏ hơn", "To hơn" (at the ends of the volume
/// the button is disabled, and each press says the volume in words).
struct GuidanceControls {
    const std::string& repeat;
    const std::string& softer;
    const std::string& louder;
    float w_repeat;
    float w_softer;
    float w_louder;
    [[nodiscard]] float width(float gap) const { return w_repeat + w_softer + w_louder + 2 * gap; }
};

GuidanceControls guidance_controls(const UiFrame& ui) {
    const std::string& repeat = ui.tr(TextId::guide_repeat);
    const std::string& softer = ui.tr(TextId::guide_softer);
    const std::string& louder = ui.tr(TextId::guide_louder);
    return {repeat,
            softer,
            louder,
            button_size(ui, repeat).x,
            button_size(ui, softer).x,
            button_size(ui, louder).x};
}

void draw_guidance_button(UiFrame& ui, const GuidanceControls& g, int which, const Box& b) {
    const int volume = ui.guide->volume();
    switch (which) {
        case 0:
            if (button(ui, "##guide-repeat", b, g.repeat, ButtonKind::secondary))
                ui.actions.emplace_back(GuidanceRepeat{});
            break;
        case 1:
            if (button(ui, "##guide-softer", b, g.softer, ButtonKind::secondary, volume > 1))
                ui.actions.emplace_back(GuidanceSofter{});
            break;
        default:
            if (button(ui, "##guide-louder", b, g.louder, ButtonKind::secondary,
                       volume < Guide::kMaxVolume))
                ui.actions.emplace_back(GuidanceLouder{});
            break;
    }
}

/// On a landscape display the controls stand in the header in the clock's place (the voice
/// tells the time of nothing, and the page keeps its height); on a portrait one they take a row
/// above the footer, or two when the width is short ("Nghe lại" above the volume).
bool guidance_in_header(const UiFrame& ui) {
    return guiding(ui) && !stacked_header(ui);
}

int guidance_rows(const UiFrame& ui) {
    if (!guiding(ui) || guidance_in_header(ui)) return 0;
    const float width = ui.display.x - 2 * ui.theme.margin;
    return guidance_controls(ui).width(ui.theme.gap) <= width ? 1 : 2;
}

float guidance_rows_height(const UiFrame& ui) {
    const int rows = guidance_rows(ui);
    if (rows == 0) return 0;
    const Theme& t = ui.theme;
    return static_cast<float>(rows) * t.touch_target + static_cast<float>(rows - 1) * t.gap / 2 +
           t.gap / 2;
}

void draw_guidance_rows(UiFrame& ui, const Box& area) {
    const Theme& t = ui.theme;
    const GuidanceControls g = guidance_controls(ui);
    const std::array<float, 3> widths{g.w_repeat, g.w_softer, g.w_louder};
    if (guidance_rows(ui) == 1) {
        float x = area.centre().x - g.width(t.gap) / 2;
        for (int i = 0; i < 3; ++i) {
            const float w = widths.at(static_cast<std::size_t>(i));
            draw_guidance_button(ui, g, i, Box{{x, area.min.y}, {x + w, area.max.y}});
            x += w + t.gap;
        }
        return;
    }
    // Two rows: the repeat alone, then the volume's two buttons side by side, half each.
    const float row_h = t.touch_target;
    const float half = (area.width() - t.gap) / 2;
    draw_guidance_button(ui, g, 0, Box{{area.min.x, area.min.y}, {area.max.x, area.min.y + row_h}});
    const float y = area.min.y + row_h + t.gap / 2;
    draw_guidance_button(ui, g, 1, Box{{area.min.x, y}, {area.min.x + half, y + row_h}});
    draw_guidance_button(ui, g, 2, Box{{area.max.x - half, y}, {area.max.x, y + row_h}});
}

}  // namespace

float header_height(const UiFrame& ui) {
    return ui.theme.header_height + (stacked_header(ui) ? ui.theme.header_clock_row : 0);
}

void draw_header(UiFrame& ui, const ShellView& view, std::string_view title, bool language_switch) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float w = ui.display.x;
    const float h = t.header_height;  // the first row; the band may be taller
    const bool stacked = stacked_header(ui);
    ui.draw->AddRectFilled({0, 0}, {w, header_height(ui)}, c.header);

    if (view.kiosk_locked &&
        long_press_area(ui, "##admin-corner", Box{{0, 0}, {t.admin_corner, t.admin_corner}},
                        t.admin_long_press_s))
        ui.actions.emplace_back(OpenAdminPin{});

    // Right to left: the language button, then the clock; the names get what is left.
    const std::string& switch_label = ui.tr(TextId::language_switch);
    const ImVec2 bsize = language_switch ? button_size(ui, switch_label) : ImVec2{0, 0};
    Box lang{{w - t.margin - bsize.x, (h - bsize.y) / 2}, {w - t.margin, (h + bsize.y) / 2}};
    if (!language_switch)
        lang.min.x = w - t.margin + 2 * t.gap;  // the clock takes the button's place
    else if (button(ui, "##language", lang, switch_label, ButtonKind::secondary))
        ui.actions.emplace_back(ToggleLanguage{});

    const std::string time = format_time(ui.tr, view.now);
    const std::string date = format_date(ui.tr, view.now);
    ui.redraw_within(kSecondsPerMinute - view.now.second);
    float names_right = lang.min.x - 2 * t.gap;
    if (stacked) {
        // Portrait: "07:30  Thứ Hai, ngày 23/11/2026" on a row of its own under the names.
        const float row_top = h - t.gap / 2;
        const Box row{{t.margin, row_top}, {w - t.margin, row_top + font_px(ui.fonts.body)}};
        const Box shown = label(ui, row, time, {ui.fonts.body_bold, c.header_text, Align::left});
        label(ui, Box{{shown.max.x + t.gap, row.min.y}, row.max}, date,
              {ui.fonts.body, c.header_text_soft, Align::left});
    } else if (guidance_in_header(ui)) {
        const GuidanceControls g = guidance_controls(ui);
        float x = names_right - g.width(t.gap);
        const std::array<float, 3> widths{g.w_repeat, g.w_softer, g.w_louder};
        for (int i = 0; i < 3; ++i) {
            const float bw = widths.at(static_cast<std::size_t>(i));
            draw_guidance_button(ui, g, i, Box{{x, lang.min.y}, {x + bw, lang.max.y}});
            x += bw + t.gap;
        }
        names_right -= g.width(t.gap) + 2 * t.gap;
    } else {
        const float clock_w =
            std::max(measure(ui.fonts.heading, time).x, measure(ui.fonts.body, date).x);
        const float clock_right = names_right;
        const float block_h = font_px(ui.fonts.heading) + font_px(ui.fonts.body);
        const float top = (h - block_h) / 2;
        const float mid = top + font_px(ui.fonts.heading);
        label(ui, Box{{clock_right - clock_w, top}, {clock_right, mid}}, time,
              {ui.fonts.heading, c.header_text, Align::right});
        label(ui, Box{{clock_right - clock_w, mid}, {clock_right, mid + font_px(ui.fonts.body)}},
              date, {ui.fonts.body, c.header_text_soft, Align::right});
        names_right = clock_right - clock_w - 2 * t.gap;
    }

    const std::string& office =
        view.office_name.empty() ? ui.tr(TextId::app_name) : view.office_name;
    const float names_top = (h - font_px(ui.fonts.body) - font_px(ui.fonts.heading)) / 2;
    const float names_mid = names_top + font_px(ui.fonts.body);
    label(ui, Box{{t.margin, names_top}, {names_right, names_mid}}, office,
          {ui.fonts.body, c.header_text_soft, Align::left});
    label(ui, Box{{t.margin, names_mid}, {names_right, names_mid + font_px(ui.fonts.heading)}},
          title, {ui.fonts.heading, c.header_text, Align::left});
}

float footer_height(const UiFrame& ui) {
    if (!ui.accessibility_switches) return ui.theme.footer_height;
    return ui.display.y - citizen_footer(ui).top;
}

void draw_footer(UiFrame& ui, const ShellView& view) {
    const Theme& t = ui.theme;
    if (const float h = guidance_rows_height(ui); h > 0) {
        const float bottom = ui.display.y - footer_height(ui) - t.gap / 2;
        draw_guidance_rows(
            ui, Box{{t.margin, bottom - (h - t.gap / 2)}, {ui.display.x - t.margin, bottom}});
    }
    if (ui.accessibility_switches) return draw_citizen_footer(ui, view);
    const Palette& c = t.colours;
    const float top = ui.display.y - t.footer_height;
    ui.draw->AddRectFilled({0, top}, ui.display, c.footer);
    ui.draw->AddRectFilled({0, top}, {ui.display.x, top + t.rule}, c.rule);

    const StatusLine status = status_line(t, view.connection);
    const float mid = top + t.footer_height / 2;
    status_dot(ui, {t.margin + t.status_dot, mid}, status.colour);
    const float text_left = t.margin + 2 * t.status_dot + t.gap;
    const float half = ui.display.x / 2;
    label(ui, Box{{text_left, top}, {half, ui.display.y}}, ui.tr(status.words),
          {ui.fonts.body_bold, status.colour, Align::left});

    if (view.counter) {
        label(ui, Box{{half, top}, {ui.display.x - t.margin, ui.display.y}},
              ui.tr.format(TextId::counter_number, fmt::arg("counter", *view.counter)),
              {ui.fonts.body_bold, c.text, Align::right});
    }
}

Box content_box(const UiFrame& ui) {
    const Theme& t = ui.theme;
    // Large text needs every line of height; the page keeps its side margins. Guidance mode's
    // controls take a row above the footer.
    const float top_bottom = t.variant.large_text ? t.gap : t.margin;
    const float controls = guidance_rows_height(ui);
    return {{t.margin, header_height(ui) + top_bottom},
            {ui.display.x - t.margin, ui.display.y - footer_height(ui) - top_bottom - controls}};
}

void draw_welcome(UiFrame& ui, const Box& box, std::string_view heading, std::string_view note) {
    const Theme& t = ui.theme;
    const float width = std::min(box.width(), t.content_max_width);
    const float left = box.min.x + (box.width() - width) / 2;
    const float heading_h = paragraph_height(ui.fonts.title, heading, width);
    const float note_h = paragraph_height(ui.fonts.body, note, width);
    const float block_h = heading_h + t.gap + note_h;
    const float top = box.min.y + std::max(0.0F, (box.height() - block_h) / 2);
    paragraph(ui, Box{{left, top}, {left + width, top + heading_h}}, heading,
              {ui.fonts.title, t.colours.text, Align::centre});
    const float note_top = top + heading_h + t.gap;
    paragraph(ui, Box{{left, note_top}, {left + width, note_top + note_h}}, note,
              {ui.fonts.body, t.colours.text_muted, Align::centre});
}

}  // namespace motcua::kiosk::ui
