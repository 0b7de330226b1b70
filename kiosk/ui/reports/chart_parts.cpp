#include "kiosk/ui/reports/chart_parts.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/report_widgets.hpp"
#include "kiosk/ui/reports/reports_text.hpp"

namespace motcua::kiosk::ui {

namespace {

float entry_width(const UiFrame& ui, const LegendEntry& e) {
    return ui.theme.chart_swatch + ui.theme.gap / 3 + fit_width(ui.fonts.small, e.text);
}

}  // namespace

NumberStyle style_of(const UiFrame& ui) {
    return number_style(ui.tr.language());
}

std::string whole_percent(const UiFrame& ui, double pct) {
    std::string out = format_decimal(pct, 0, style_of(ui));
    out += style_of(ui) == NumberStyle::vi ? "\xC2\xA0%" : "%";
    return out;
}

std::string tick_text(const UiFrame& ui, double value, double step) {
    return format_decimal(value, step < 1 ? 1 : 0, style_of(ui));
}

std::vector<std::vector<const LegendEntry*>> legend_rows(const UiFrame& ui, float width,
                                                         const std::vector<LegendEntry>& entries) {
    std::vector<std::vector<const LegendEntry*>> rows(1);
    float x = 0;
    for (const auto& e : entries) {
        const float w = entry_width(ui, e);
        if (x > 0 && x + w > width) {
            rows.emplace_back();
            x = 0;
        }
        rows.back().push_back(&e);
        x += w + ui.theme.gap;
    }
    return rows;
}

float legend_width(const UiFrame& ui, const std::vector<LegendEntry>& entries) {
    float w = 0;
    for (const auto& e : entries) w += entry_width(ui, e) + ui.theme.gap;
    return entries.empty() ? 0 : w - ui.theme.gap;
}

float legend_line_h(const UiFrame& ui) {
    return font_px(ui.fonts.small) + ui.theme.gap / 4;
}

void draw_legend(UiFrame& ui, const Box& box, const std::vector<LegendEntry>& entries,
                 Align align) {
    const Theme& t = ui.theme;
    float y = box.min.y;
    for (const auto& row : legend_rows(ui, box.width(), entries)) {
        float w = 0;
        for (const auto* e : row) w += entry_width(ui, *e) + t.gap;
        w -= t.gap;
        float x = align == Align::right ? box.max.x - w : box.min.x;
        const float mid = y + legend_line_h(ui) / 2;
        for (const auto* e : row) {
            const float s = t.chart_swatch;
            if (e->line)
                ui.draw->AddLine({x, mid}, {x + s, mid}, e->colour, t.chart_line);
            else
                ui.draw->AddRectFilled({x, mid - s / 2}, {x + s, mid + s / 2}, e->colour,
                                       t.rounding / 4);
            x += s + t.gap / 3;
            const float tw = fit_width(ui.fonts.small, e->text);
            label(ui, Box{{x, y}, {x + tw, y + legend_line_h(ui)}}, e->text,
                  {ui.fonts.small, t.colours.text, Align::left});
            x += tw + t.gap;
        }
        y += legend_line_h(ui);
    }
}

Box chart_card(UiFrame& ui, const Box& box, const std::string& title,
               const std::vector<LegendEntry>& legend, float title_h) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.draw->AddRectFilled(box.min, box.max, c.card, t.rounding);
    ui.draw->AddRect(box.min, box.max, c.rule, t.rounding, 0, t.rule);
    Box in = box.inset(t.gap / 2);
    title_h = std::max(title_h, font_px(ui.fonts.body_bold));
    const Box row = take_top(in, title_h, t.gap / 3);
    const float tw = std::min(fit_width(ui.fonts.body_bold, title), row.width());
    label(ui, Box{row.min, {row.min.x + tw, row.max.y}}, title,
          {ui.fonts.body_bold, c.text, Align::left});
    if (legend.empty()) return in;
    const Box rest{{row.min.x + tw + t.gap, row.min.y}, row.max};
    const float lw = legend_width(ui, legend);
    if (lw <= rest.width() && title_h >= legend_line_h(ui)) {
        const float h = legend_line_h(ui);
        draw_legend(
            ui, Box{{rest.min.x, rest.centre().y - h / 2}, {rest.max.x, rest.centre().y + h / 2}},
            legend, Align::right);
        return in;
    }
    const float h =
        static_cast<float>(legend_rows(ui, in.width(), legend).size()) * legend_line_h(ui);
    draw_legend(ui, take_top(in, h, t.gap / 3), legend, Align::left);
    return in;
}

bool chart_state(UiFrame& ui, const Box& box, const Availability& a, bool empty) {
    const Palette& c = ui.theme.colours;
    if (a.has_figures && !empty) return false;
    std::string text = ui.tr(TextId::reports_chart_empty);
    ImU32 colour = c.text_muted;
    if (!a.has_figures && a.state == LoadState::failed) {
        text = reports_message_text(ui.tr, a.problem, "", MessagePlace::report);
        colour = c.error_text;
    } else if (!a.has_figures) {
        text = ui.tr(TextId::reports_loading);
    }
    const float h = paragraph_height(ui.fonts.small, text, box.width());
    paragraph(ui, Box{{box.min.x, box.centre().y - h / 2}, {box.max.x, box.centre().y + h / 2}},
              text, {ui.fonts.small, colour, Align::centre});
    return true;
}

int ticks_for(const UiFrame& ui, float height) {
    constexpr float kLinesPerStep = 1.5F;  // a step at least a line and a half high
    const float step = kLinesPerStep * font_px(ui.fonts.small);
    return std::clamp(static_cast<int>(height / step), 1, kAxisTicks);
}

YAxis y_axis(const UiFrame& ui, const ValueAxis& axis, const std::string& unit,
             const std::function<std::string(double)>& text_of) {
    YAxis y{axis, {}, 0};
    for (int i = 0; i <= axis.ticks; ++i) {
        std::string text = text_of(axis.step * i);
        if (i == axis.ticks && !unit.empty()) {
            text += ' ';
            text += unit;
        }
        y.width = std::max(y.width, fit_width(ui.fonts.small, text));
        y.texts.push_back(std::move(text));
    }
    return y;
}

void draw_y_axis(UiFrame& ui, const Box& plot, const YAxis& y, bool left, bool grid) {
    const Theme& t = ui.theme;
    const float line = font_px(ui.fonts.small);
    const auto at = [&](int i) {
        return plot.max.y -
               plot.height() * static_cast<float>(i) / static_cast<float>(y.axis.ticks);
    };
    if (grid)
        for (int i = 0; i <= y.axis.ticks; ++i)
            ui.draw->AddLine({plot.min.x, at(i)}, {plot.max.x, at(i)}, t.colours.chart_grid,
                             t.rule / 2);
    std::vector<int> order{y.axis.ticks, 0};
    for (int i = 1; i < y.axis.ticks; ++i) order.push_back(i);
    std::vector<float> written;
    for (const int i : order) {
        const float mid = at(i);
        const bool room = std::all_of(written.begin(), written.end(),
                                      [&](float other) { return std::abs(other - mid) >= line; });
        if (!room) continue;
        written.push_back(mid);
        const Box text = left ? Box{{plot.min.x - t.gap / 3 - y.width, mid - line / 2},
                                    {plot.min.x - t.gap / 3, mid + line / 2}}
                              : Box{{plot.max.x + t.gap / 3, mid - line / 2},
                                    {plot.max.x + t.gap / 3 + y.width, mid + line / 2}};
        label(ui, text, y.texts[static_cast<std::size_t>(i)],
              {ui.fonts.small, t.colours.text_muted, left ? Align::right : Align::left});
    }
}

void draw_x_labels(UiFrame& ui, const Box& row, const std::vector<std::string>& texts, float slot_w,
                   float first_centre) {
    const Theme& t = ui.theme;
    float widest = 0;
    for (const auto& s : texts) widest = std::max(widest, fit_width(ui.fonts.small, s));
    const auto every =
        static_cast<std::size_t>(std::max(1.0F, std::ceil((widest + t.gap / 2) / slot_w)));
    for (std::size_t i = 0; i < texts.size(); i += every) {
        const float cx = first_centre + static_cast<float>(i) * slot_w;
        const float w = fit_width(ui.fonts.small, texts[i]);
        label(ui, Box{{cx - w / 2, row.min.y}, {cx + w / 2, row.max.y}}, texts[i],
              {ui.fonts.small, t.colours.text_muted, Align::centre});
    }
}

void dashed_vertical(UiFrame& ui, float x, float top, float bottom, ImU32 colour) {
    const Theme& t = ui.theme;
    for (float y = top; y < bottom; y += 2 * t.chart_dash)
        ui.draw->AddLine({x, y}, {x, std::min(bottom, y + t.chart_dash)}, colour, t.chart_line);
}

}  // namespace motcua::kiosk::ui
