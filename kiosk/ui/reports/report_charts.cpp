#include "kiosk/ui/reports/report_charts.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/reports/vn_format.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/chart_parts.hpp"
#include "kiosk/ui/reports/report_widgets.hpp"
#include "kiosk/ui/reports/reports_text.hpp"

namespace motcua::kiosk::ui {

namespace {

constexpr double kSecondsPerMinute = 60;
/// A bar's share of its slot; the rest is air between neighbours.
constexpr float kBarShare = 0.8F;
/// Satisfaction bars take this share of their row, the rest is air.
constexpr float kStackShare = 0.62F;
/// Names of the satisfaction chart's rows take at most this share of its width.
constexpr float kNameShare = 0.32F;
/// The percentage axis of the trend: up to 100 %.
constexpr double kPercentTop = 100;
/// A satisfaction bar's row is at most this many lines high, however few the categories.
constexpr float kSatisfactionRowLines = 2.5F;

/// A line through one value per day slot of `plot`, from 0 at the bottom to `top`; a day
/// without a figure breaks the line.
void draw_series(UiFrame& ui, const Box& plot, const std::vector<std::optional<double>>& values,
                 double top, ImU32 colour) {
    if (values.empty() || top <= 0) return;
    const float slot = plot.width() / static_cast<float>(values.size());
    std::optional<ImVec2> previous;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) {
            previous.reset();
            continue;
        }
        const ImVec2 at{
            plot.min.x + slot * (static_cast<float>(i) + 0.5F),
            plot.max.y - plot.height() * static_cast<float>(std::min(*values[i], top) / top)};
        if (previous) ui.draw->AddLine(*previous, at, colour, ui.theme.chart_line);
        ui.draw->AddCircleFilled(at, ui.theme.chart_point, colour);
        previous = at;
    }
}

}  // namespace

void draw_waits_chart(UiFrame& ui, const Box& box, const HistogramView& v, ReportsCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const bool one_category = !v.category.empty();
    std::vector<LegendEntry> legend;
    if (one_category && v.served > 0)
        legend = {{c.chart_waits, ui.tr(TextId::reports_legend_within)},
                  {c.chart_over, ui.tr(TextId::reports_legend_over)}};
    Box in = chart_card(ui, box, ui.tr(TextId::reports_chart_waits), {},
                        v.can_choose ? t.report_control_h : 0);
    if (v.can_choose) {
        // The category on show, changed with a click: every category, then each in turn.
        const std::string text = ui.tr.format(
            TextId::reports_chart_category,
            fmt::arg("name", one_category ? v.category : ui.tr(TextId::reports_chart_all)));
        const float title_w = fit_width(ui.fonts.body_bold, ui.tr(TextId::reports_chart_waits));
        const float room = box.width() - t.gap - title_w - 2 * t.gap;
        const float w = std::min(tool_button_width(ui, text), room);
        const Box b{{box.max.x - t.gap / 2 - w, box.min.y + t.gap / 2},
                    {box.max.x - t.gap / 2, box.min.y + t.gap / 2 + t.report_control_h}};
        if (tool_button(ui, "##waits-category", b, text, false))
            out.emplace_back(reports_cmd::NextHistogramCategory{});
    }
    if (!legend.empty()) {
        const float h =
            static_cast<float>(legend_rows(ui, in.width(), legend).size()) * legend_line_h(ui);
        draw_legend(ui, take_top(in, h, t.gap / 3), legend, Align::right);
    }
    if (chart_state(ui, in, v.availability, v.served == 0 || v.edges_s.size() < 2)) return;

    const int most = *std::max_element(v.counts.begin(), v.counts.end());
    const float line = font_px(ui.fonts.small);
    const double span = static_cast<double>(v.edges_s.back());
    std::vector<HistogramTarget> targets;
    for (const auto& target : v.targets)
        if (target.seconds > 0 && static_cast<double>(target.seconds) <= span)
            targets.push_back(target);
    // The targets' names over the plot: a line of them, two when several share the chart.
    const int strip_rows = targets.empty() ? 0 : (targets.size() > 1 ? 2 : 1);
    const Box strip = take_top(in, static_cast<float>(strip_rows) * line);
    const Box ticks_row = take_bottom(in, line, t.gap / 4);
    Box plot = in;
    // Too little height for bars, ticks and names to stay apart: nothing rather than a tangle.
    if (plot.height() < line) return;
    // The top tick's text is centred on its line: half a line of room, so that it never reaches
    // into the targets' names over the plot.
    plot.min.y += line / 2;
    const YAxis y = y_axis(ui, value_axis(most, ticks_for(ui, plot.height())),
                           ui.tr(TextId::reports_chart_count_axis),
                           [&](double n) { return format_count(std::llround(n), style_of(ui)); });
    plot.min.x += y.width + t.gap / 3;
    draw_y_axis(ui, plot, y, true, true);

    const auto x_of = [&](double seconds) {
        return plot.min.x + static_cast<float>(seconds / span) * plot.width();
    };
    const std::int64_t only_target =
        one_category && !v.targets.empty() ? v.targets.front().seconds : -1;
    for (std::size_t i = 0; i < v.counts.size(); ++i) {
        if (v.counts[i] == 0) continue;
        const float x0 = x_of(static_cast<double>(v.edges_s[i])) + t.rule;
        const float x1 = x_of(static_cast<double>(v.edges_s[i + 1])) - t.rule;
        const float top = plot.max.y - plot.height() * static_cast<float>(v.counts[i] / y.axis.top);
        const bool over = only_target >= 0 && v.edges_s[i + 1] > only_target;
        ui.draw->AddRectFilled({x0, top}, {std::max(x0 + 1, x1), plot.max.y},
                               over ? c.chart_over : c.chart_waits);
    }
    ui.draw->AddLine({plot.min.x, plot.max.y}, {plot.max.x, plot.max.y}, c.text_muted, t.rule);

    // Minutes under the bucket edges, as many as fit; the unit after the last.
    const std::string unit = ui.tr(TextId::reports_chart_waits_axis);
    const float unit_w = fit_width(ui.fonts.small, unit);
    const float bucket_w = plot.width() / static_cast<float>(v.counts.size());
    float widest = 0;
    for (const auto e : v.edges_s)
        widest = std::max(widest, fit_width(ui.fonts.small, format_count(e / 60, style_of(ui))));
    const auto every =
        static_cast<std::size_t>(std::max(1.0F, std::ceil((widest + t.gap) / bucket_w)));
    float last_right = plot.min.x - t.gap;
    for (std::size_t i = 0; i < v.edges_s.size(); i += every) {
        const std::string text = format_count(v.edges_s[i] / 60, style_of(ui));
        const float w = fit_width(ui.fonts.small, text);
        const float cx = x_of(static_cast<double>(v.edges_s[i]));
        if (cx + w / 2 > ticks_row.max.x - unit_w - t.gap / 2) break;
        label(ui, Box{{cx - w / 2, ticks_row.min.y}, {cx + w / 2, ticks_row.max.y}}, text,
              {ui.fonts.small, c.text_muted, Align::centre});
        last_right = cx + w / 2;
    }
    if (last_right + t.gap / 2 + unit_w <= ticks_row.max.x)
        label(ui, Box{{ticks_row.max.x - unit_w, ticks_row.min.y}, ticks_row.max}, unit,
              {ui.fonts.small, c.text_muted, Align::right});

    // The targets: a dashed red line each, named over the plot. A name that would touch the one
    // before goes a row down, or shrinks to the categories' codes.
    std::vector<std::vector<std::pair<float, float>>> taken(static_cast<std::size_t>(strip_rows));
    for (const auto& target : targets) {
        const float x = x_of(static_cast<double>(target.seconds));
        const std::string full = ui.tr.format(
            TextId::reports_chart_target, fmt::arg("categories", target.categories),
            fmt::arg("minutes",
                     format_decimal(static_cast<double>(target.seconds) / kSecondsPerMinute, 0,
                                    style_of(ui))));
        std::optional<Box> placed;
        for (const std::string* text : {&full, &target.categories}) {
            const float w = fit_width(ui.fonts.small, *text);
            const float x0 = std::clamp(x - w / 2, strip.min.x, strip.max.x - w);
            for (std::size_t row = 0; row < taken.size() && !placed; ++row) {
                const bool free =
                    std::all_of(taken[row].begin(), taken[row].end(), [&](const auto& r) {
                        return x0 + w + t.gap / 2 <= r.first || x0 >= r.second + t.gap / 2;
                    });
                if (!free) continue;
                taken[row].emplace_back(x0, x0 + w);
                const float y0 = strip.min.y + static_cast<float>(row) * line;
                placed = Box{{x0, y0}, {x0 + w, y0 + line}};
                label(ui, *placed, *text, {ui.fonts.small, c.chart_target, Align::left});
            }
            if (placed) break;
        }
        dashed_vertical(ui, x, plot.min.y, plot.max.y, c.chart_target);
    }
}

void draw_hours_chart(UiFrame& ui, const Box& box, const Availability& a,
                      const std::vector<HourBar>& hours) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::vector<LegendEntry> legend{{c.chart_issued, ui.tr(TextId::reports_col_issued)},
                                          {c.chart_served, ui.tr(TextId::reports_col_served)}};
    Box in = chart_card(ui, box, ui.tr(TextId::reports_chart_hours), legend);
    int most = 0;
    for (const auto& h : hours) most = std::max({most, h.issued, h.served});
    if (chart_state(ui, in, a, most == 0)) return;

    const float line = font_px(ui.fonts.small);
    const Box ticks_row = take_bottom(in, line, t.gap / 4);
    Box plot = in;
    plot.min.y += line / 2;
    const YAxis y = y_axis(ui, value_axis(most, ticks_for(ui, plot.height())),
                           ui.tr(TextId::reports_chart_count_axis),
                           [&](double n) { return format_count(std::llround(n), style_of(ui)); });
    plot.min.x += y.width + t.gap / 3;
    draw_y_axis(ui, plot, y, true, true);
    const float slot = plot.width() / static_cast<float>(hours.size());
    const float bar = slot * kBarShare / 2;
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < hours.size(); ++i) {
        const float x = plot.min.x + slot * static_cast<float>(i) + slot * (1 - kBarShare) / 2;
        const auto column = [&](float left, int n, ImU32 colour) {
            if (n == 0) return;
            const float top = plot.max.y - plot.height() * static_cast<float>(n / y.axis.top);
            ui.draw->AddRectFilled({left, top}, {left + bar - t.rule, plot.max.y}, colour);
        };
        column(x, hours[i].issued, c.chart_issued);
        column(x + bar, hours[i].served, c.chart_served);
        texts.push_back(hours[i].hour);
    }
    ui.draw->AddLine({plot.min.x, plot.max.y}, {plot.max.x, plot.max.y}, c.text_muted, t.rule);
    draw_x_labels(ui, ticks_row, texts, slot, plot.min.x + slot / 2);
}

void draw_satisfaction_chart(UiFrame& ui, const Box& box, const Availability& a,
                             const std::vector<SatisfactionBar>& bars,
                             const std::vector<int>& levels) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    std::vector<LegendEntry> legend;
    for (const int level : levels)
        legend.push_back({c.level.at(static_cast<std::size_t>(std::clamp(level, 1, 5) - 1)),
                          std::string(level_words(ui.tr, level))});
    Box in = chart_card(ui, box, ui.tr(TextId::reports_chart_satisfaction), legend);
    int rated = 0;
    for (const auto& b : bars) rated += b.count;
    if (chart_state(ui, in, a, rated == 0)) return;

    ImFont* font = ui.fonts.small;
    const float line = font_px(font);
    float name_w = 0;
    float count_w = 0;
    for (const auto& b : bars) {
        name_w = std::max(name_w, fit_width(font, b.label));
        count_w = std::max(
            count_w,
            fit_width(font, ui.tr.format(TextId::reports_ratings_count,
                                         fmt::arg("count", format_count(b.count, style_of(ui))))));
    }
    name_w = std::min(name_w, in.width() * kNameShare);
    // As many categories as have room, each at least a line high.
    const float row_h = std::max(line, std::min(in.height() / static_cast<float>(bars.size()),
                                                kSatisfactionRowLines * line));
    float y = in.min.y;
    for (const auto& b : bars) {
        const Box row{{in.min.x, y}, {in.max.x, y + row_h}};
        y += row_h;
        if (row.max.y > in.max.y + 0.5F) break;
        label(ui, Box{row.min, {row.min.x + name_w, row.max.y}}, b.label,
              {font, c.text, Align::left});
        const std::string count = ui.tr.format(
            TextId::reports_ratings_count, fmt::arg("count", format_count(b.count, style_of(ui))));
        label(ui, Box{{row.max.x - count_w, row.min.y}, row.max}, count,
              {font, c.text_muted, Align::right});
        const Box track{
            {row.min.x + name_w + t.gap / 2, row.centre().y - row_h * kStackShare / 2},
            {row.max.x - count_w - t.gap / 2, row.centre().y + row_h * kStackShare / 2}};
        if (b.count == 0) {
            label(ui, track, ui.tr(TextId::reports_no_ratings), {font, c.text_muted, Align::left});
            continue;
        }
        float x = track.min.x;
        for (const auto& [level, n] : b.levels) {
            if (n == 0) continue;
            const float share = static_cast<float>(n) / static_cast<float>(b.count);
            const float w = track.width() * share;
            ui.draw->AddRectFilled(
                {x, track.min.y}, {x + w, track.max.y},
                c.level.at(static_cast<std::size_t>(std::clamp(level, 1, 5) - 1)));
            // The share written inside its part when it fits there.
            const std::string pct = whole_percent(ui, 100.0 * share);
            if (fit_width(font, pct) + t.gap / 2 <= w && track.height() >= line)
                label(ui, Box{{x, track.min.y}, {x + w, track.max.y}}, pct,
                      {font, c.face_ink, Align::centre});
            x += w;
        }
    }
}

void draw_trend_chart(UiFrame& ui, const Box& box, const Availability& a,
                      const std::vector<TrendPoint>& points) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::vector<LegendEntry> legend{
        {c.chart_wait_line, ui.tr(TextId::reports_legend_mean_wait), true},
        {c.chart_satisfied_line, ui.tr(TextId::reports_legend_satisfied), true}};
    Box in = chart_card(ui, box, ui.tr(TextId::reports_chart_trend), legend);
    double most_wait = 0;
    bool any = false;
    for (const auto& p : points) {
        if (p.mean_wait_s) most_wait = std::max(most_wait, *p.mean_wait_s / kSecondsPerMinute);
        any = any || p.mean_wait_s || p.satisfied_pct;
    }
    if (chart_state(ui, in, a, !any)) return;

    const float line = font_px(ui.fonts.small);
    const Box ticks_row = take_bottom(in, line, t.gap / 4);
    Box plot = in;
    plot.min.y += line / 2;
    const int ticks = ticks_for(ui, plot.height());
    const ValueAxis minutes = value_axis(most_wait, ticks);
    const YAxis left = y_axis(ui, minutes, ui.tr(TextId::reports_chart_waits_axis),
                              [&](double m) { return tick_text(ui, m, minutes.step); });
    // 0, 25, 50, 75, 100 %; fewer lines on a short chart.
    const int percent_ticks = ticks >= 4 ? 4 : (ticks >= 2 ? 2 : 1);
    const double percent_step = kPercentTop / percent_ticks;
    const YAxis right = y_axis(ui, ValueAxis{percent_step, kPercentTop, percent_ticks}, "",
                               [&](double p) { return whole_percent(ui, p); });
    plot.min.x += left.width + t.gap / 3;
    plot.max.x -= right.width + t.gap / 3;
    draw_y_axis(ui, plot, left, true, true);
    draw_y_axis(ui, plot, right, false, false);
    ui.draw->AddLine({plot.min.x, plot.max.y}, {plot.max.x, plot.max.y}, c.text_muted, t.rule);

    std::vector<std::optional<double>> waits;
    std::vector<std::optional<double>> satisfied;
    std::vector<std::string> texts;
    for (const auto& p : points) {
        waits.push_back(p.mean_wait_s ? std::optional(*p.mean_wait_s / kSecondsPerMinute)
                                      : std::nullopt);
        satisfied.push_back(p.satisfied_pct);
        texts.push_back(p.day);
    }
    draw_series(ui, plot, waits, left.axis.top, c.chart_wait_line);
    draw_series(ui, plot, satisfied, kPercentTop, c.chart_satisfied_line);
    const float slot = plot.width() / static_cast<float>(points.size());
    draw_x_labels(ui, ticks_row, texts, slot, plot.min.x + slot / 2);
}

void draw_estimates_chart(UiFrame& ui, const Box& box, const Availability& a,
                          const std::vector<EstimatePoint>& points) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::vector<LegendEntry> legend{
        {c.chart_served, ui.tr(TextId::reports_legend_estimate), true},
        {c.chart_over, ui.tr(TextId::reports_legend_baseline), true}};
    Box in = chart_card(ui, box, ui.tr(TextId::reports_chart_estimates), legend);
    double most = 0;
    std::vector<std::optional<double>> ours;
    std::vector<std::optional<double>> baseline;
    std::vector<std::string> texts;
    for (const auto& p : points) {
        most = std::max({most, p.mae_min.value_or(0), p.baseline_mae_min.value_or(0)});
        ours.push_back(p.mae_min);
        baseline.push_back(p.baseline_mae_min);
        texts.push_back(p.day);
    }
    const bool any = std::any_of(points.begin(), points.end(),
                                 [](const EstimatePoint& p) { return p.mae_min.has_value(); });
    if (chart_state(ui, in, a, !any)) return;

    const float line = font_px(ui.fonts.small);
    const Box ticks_row = take_bottom(in, line, t.gap / 4);
    Box plot = in;
    plot.min.y += line / 2;
    const ValueAxis minutes = value_axis(most, ticks_for(ui, plot.height()));
    const YAxis left = y_axis(ui, minutes, ui.tr(TextId::reports_chart_waits_axis),
                              [&](double m) { return tick_text(ui, m, minutes.step); });
    plot.min.x += left.width + t.gap / 3;
    draw_y_axis(ui, plot, left, true, true);
    ui.draw->AddLine({plot.min.x, plot.max.y}, {plot.max.x, plot.max.y}, c.text_muted, t.rule);
    draw_series(ui, plot, baseline, left.axis.top, c.chart_over);
    draw_series(ui, plot, ours, left.axis.top, c.chart_served);
    const float slot = plot.width() / static_cast<float>(points.size());
    draw_x_labels(ui, ticks_row, texts, slot, plot.min.x + slot / 2);
}

}  // namespace motcua::kiosk::ui
