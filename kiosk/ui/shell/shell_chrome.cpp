#include "kiosk/ui/shell/shell_chrome.hpp"

#include <algorithm>
#include <array>

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

namespace {

bool guiding(const UiFrame& ui) {
    return ui.guide != nullptr && ui.guide->guiding();
}

/// Guidance mode's own row above the footer: "Nghe lại", "Nhỏ hơn", the volume, "To hơn".
void draw_guidance_controls(UiFrame& ui, const Box& row) {
    const Theme& t = ui.theme;
    const std::string& repeat = ui.tr(TextId::guide_repeat);
    const std::string& softer = ui.tr(TextId::guide_softer);
    const std::string& louder = ui.tr(TextId::guide_louder);
    const std::string level = ui.tr.format(TextId::guide_volume, fmt::arg("level", ui.guide->volume()),
                                           fmt::arg("max", Guide::kMaxVolume));
    const float level_w = measure(ui.fonts.body_bold, level).x;
    const float w_repeat = button_size(ui, repeat).x;
    const float w_softer = button_size(ui, softer).x;
    const float w_louder = button_size(ui, louder).x;
    const float total = w_repeat + w_softer + level_w + w_louder + 4 * t.gap;
    float x = row.centre().x - std::min(total, row.width()) / 2;
    const auto next = [&](float w) {
        const Box b{{x, row.min.y}, {x + w, row.max.y}};
        x += w + t.gap;
        return b;
    };
    if (button(ui, "##guide-repeat", next(w_repeat), repeat, ButtonKind::secondary))
        ui.actions.emplace_back(GuidanceRepeat{});
    x += t.gap;
    if (button(ui, "##guide-softer", next(w_softer), softer, ButtonKind::secondary,
               ui.guide->volume() > 1))
        ui.actions.emplace_back(GuidanceSofter{});
    label(ui, next(level_w), level, {ui.fonts.body_bold, t.colours.text, Align::centre});
    if (button(ui, "##guide-louder", next(w_louder), louder, ButtonKind::secondary,
               ui.guide->volume() < Guide::kMaxVolume))
        ui.actions.emplace_back(GuidanceLouder{});
}

}  // namespace

void draw_footer(UiFrame& ui, const ShellView& view) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float top = ui.display.y - t.footer_height;
    if (guiding(ui))
        draw_guidance_controls(ui, Box{{t.margin, top - t.gap / 2 - t.touch_target},
                                       {ui.display.x - t.margin, top - t.gap / 2}});
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
    // Guidance mode's controls take a row above the footer.
    const float controls = guiding(ui) ? t.touch_target + t.gap / 2 : 0;
    return {{t.margin, header_height(ui) + t.margin},
            {ui.display.x - t.margin, ui.display.y - t.footer_height - t.margin - controls}};
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
