#include "kiosk/ui/citizen/dossier_result_screen.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

struct BandColours {
    ImU32 fill;
    ImU32 ink;
};

/// Green when something waits for the citizen, amber when they must act, red when it ended
/// without a result, the calm blue otherwise.
BandColours band_colours(const Palette& c, DossierState state) {
    switch (state) {
        case DossierState::ready:
            return {c.info_fill, c.info_text};
        case DossierState::supplement_requested:
            return {c.highlight, c.highlight_text};
        case DossierState::refused:
        case DossierState::withdrawn:
            return {c.notice_fill, c.error_text};
        case DossierState::received:
        case DossierState::in_process:
        case DossierState::returned:
            break;
    }
    return {c.chosen_fill, c.secondary_text};
}

std::string result_words(const Translator& tr, const LookupResultView& v) {
    if (v.state == DossierState::returned && v.returned)
        return tr.format(TextId::lookup_result_returned, fmt::arg("date", short_date(*v.returned)));
    if (v.state == DossierState::refused || v.state == DossierState::withdrawn)
        return tr(TextId::lookup_result_none);
    return tr(v.result_ready ? TextId::lookup_result_ready : TextId::lookup_result_pending);
}

}  // namespace

TextId dossier_state_text(DossierState state) {
    switch (state) {
        case DossierState::received:
            return TextId::lookup_state_received;
        case DossierState::in_process:
            return TextId::lookup_state_in_process;
        case DossierState::ready:
            return TextId::lookup_state_ready;
        case DossierState::returned:
            return TextId::lookup_state_returned;
        case DossierState::supplement_requested:
            return TextId::lookup_state_supplement;
        case DossierState::refused:
            return TextId::lookup_state_refused;
        case DossierState::withdrawn:
            return TextId::lookup_state_withdrawn;
    }
    return TextId::lookup_state_received;
}

std::string short_date(const LocalDateTime& t) {
    return fmt::format("{:02}/{:02}/{}", t.day, t.month, t.year);
}

std::vector<std::pair<std::string, std::string>> DossierResultScreen::rows(
    const Translator& tr, const LookupResultView& v) {
    std::string appointment = format_date(tr, v.appointment);
    if (v.rescheduled)
        appointment = tr.format(TextId::lookup_result_rescheduled, fmt::arg("date", appointment));
    return {
        {tr(TextId::lookup_result_code), v.code},
        {tr(TextId::lookup_result_procedure), v.procedure_name},
        {tr(TextId::lookup_result_received), format_date(tr, v.received)},
        {tr(TextId::lookup_result_appointment), appointment},
        {tr(TextId::lookup_result_result), result_words(tr, v)},
    };
}

float DossierResultScreen::band_height(const UiFrame& ui, float width,
                                       const LookupResultView& v) const {
    return notice_height(ui, width, ui.tr(dossier_state_text(v.state)), ui.fonts.heading);
}

void DossierResultScreen::draw_band(UiFrame& ui, const Box& box, const LookupResultView& v) {
    const Theme& t = ui.theme;
    const BandColours colours = band_colours(t.colours, v.state);
    ui.draw->AddRectFilled(box.min, box.max, colours.fill, t.rounding);
    ui.draw->AddRect(box.min, box.max, colours.ink, t.rounding, 0, t.border);
    const std::string& words = ui.tr(dossier_state_text(v.state));
    const Box in{{box.min.x + t.gap, box.min.y}, {box.max.x - t.gap, box.max.y}};
    const float h = paragraph_height(ui.fonts.heading, words, in.width());
    paragraph(ui, Box{{in.min.x, in.centre().y - h / 2}, {in.max.x, in.centre().y + h / 2}}, words,
              {ui.fonts.heading, colours.ink, Align::centre});
}

namespace {

/// The rows' height with the values in `value_font`.
float values_height(const UiFrame& ui, float width, float label_w,
                    const std::vector<std::pair<std::string, std::string>>& lines,
                    const ImFont* value_font) {
    const Theme& t = ui.theme;
    const float value_w = width - label_w - t.gap;
    float h = 0;
    for (const auto& line : lines)
        h += std::max(font_px(ui.fonts.body), paragraph_height(value_font, line.second, value_w)) +
             t.gap / 2;
    return h;
}

}  // namespace

float DossierResultScreen::rows_height(
    const UiFrame& ui, float width, float label_w,
    const std::vector<std::pair<std::string, std::string>>& lines) const {
    return values_height(ui, width, label_w, lines, ui.fonts.heading);
}

void DossierResultScreen::draw(UiFrame& ui, const ShellView& view, const LookupResultView& v,
                               Commands& out) {
    ui.a11y.set_screen("dossier_result");
    draw_header(ui, view, ui.tr(TextId::lookup_title));
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    Box body = content_box(ui);

    // Bottom row: the countdown, "Tra cứu mã khác" and "Xong".
    const Box bottom = take_bottom(body, t.touch_target, 2 * t.gap);
    const std::string& done = ui.tr(TextId::issued_done);
    const std::string& again = ui.tr(TextId::lookup_again);
    const float done_w = std::max(button_size(ui, done).x, 1.5F * t.button_min_width);
    const float again_w = button_size(ui, again).x;
    const Box done_box{{bottom.max.x - done_w, bottom.min.y}, bottom.max};
    const Box again_box{{done_box.min.x - t.gap - again_w, bottom.min.y},
                        {done_box.min.x - t.gap, bottom.max.y}};
    if (button(ui, "##lookup-done", done_box, done, ButtonKind::primary))
        out.emplace_back(cmd::CloseLookup{});
    if (button(ui, "##lookup-again", again_box, again, ButtonKind::secondary))
        out.emplace_back(cmd::LookupAgain{});
    label(ui, Box{bottom.min, {again_box.min.x - t.gap, bottom.max.y}},
          ui.tr.format(TextId::issued_countdown, fmt::arg("seconds", v.seconds_left)),
          {ui.fonts.body, c.text_muted, Align::left});

    // The band and the rows as one block, centred in what is left.
    const float w = std::min(body.width(), t.content_max_width);
    const auto lines = rows(ui.tr, v);
    float label_w = 0;
    for (const auto& line : lines)
        label_w = std::max(label_w, measure(ui.fonts.body, line.first).x);
    const float band_h = band_height(ui, w, v);
    float rows_h = rows_height(ui, w, label_w, lines);
    // The values in the heading font, or in the body's bold when that is too tall (large text
    // on a landscape screen).
    ImFont* value_font = ui.fonts.heading;
    if (band_h + 2 * t.gap + rows_h > body.height()) {
        value_font = ui.fonts.body_bold;
        rows_h = values_height(ui, w, label_w, lines, value_font);
    }
    const float block = band_h + 2 * t.gap + rows_h;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block) / 2)},
            {left + w, body.max.y}};
    draw_band(ui, take_top(col, band_h, 2 * t.gap), v);

    const float value_x = col.min.x + label_w + t.gap;
    for (const auto& [name, value] : lines) {
        const float value_h = paragraph_height(value_font, value, col.max.x - value_x);
        const float line_h = std::max(font_px(ui.fonts.body), value_h);
        const Box line = take_top(col, line_h, t.gap / 2);
        // The label on the value's first line, whatever the fonts' heights.
        const float first = font_px(value_font);
        label(ui, Box{line.min, {line.min.x + label_w, line.min.y + first}}, name,
              {ui.fonts.body, c.text_muted, Align::left});
        paragraph(ui, Box{{value_x, line.min.y}, line.max}, value,
                  {value_font, c.text, Align::left});
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
