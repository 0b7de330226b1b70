#include "kiosk/ui/reports/reports_overview_screen.hpp"

#include <algorithm>
#include <array>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/report_widgets.hpp"
#include "kiosk/ui/reports/reports_table_screen.hpp"

namespace motcua::kiosk::ui {

namespace {

struct MetricChoice {
    RankMetric metric;
    TextId text;
};
constexpr std::array<MetricChoice, 4> kMetrics{
    {{RankMetric::wait, TextId::reports_rank_wait},
     {RankMetric::within_target, TextId::reports_rank_target},
     {RankMetric::satisfaction, TextId::reports_rank_satisfaction},
     {RankMetric::dossiers, TextId::reports_rank_dossiers}}};

}  // namespace

void ReportsOverviewScreen::draw(UiFrame& ui, const Box& page_in, const OverviewView& v,
                                 bool can_choose, ReportsCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.a11y.set_screen("reports_overview");
    Box page = page_in;
    if (!v.availability.has_figures) {
        page_state(ui, page, v.availability);
        return;
    }
    // What to rank by: the figure the province is looking at is the bold column.
    const float h = t.report_control_h;
    const float gap = t.gap / 2;
    Box row = take_top(page, h, gap);
    const std::string& by = ui.tr(TextId::reports_rank_by);
    const float by_w = fit_width(ui.fonts.body, by);
    label(ui, Box{row.min, {row.min.x + by_w, row.max.y}}, by,
          {ui.fonts.body, c.text, Align::left});
    float x = row.min.x + by_w + gap;
    for (const auto& m : kMetrics) {
        const std::string& text = ui.tr(m.text);
        const float w = tool_button_width(ui, text);
        const std::string id = "##rank-" + std::to_string(static_cast<int>(m.metric));
        if (tool_button(ui, id.c_str(), Box{{x, row.min.y}, {x + w, row.max.y}}, text,
                        metric_ == m.metric))
            metric_ = m.metric;
        x += w + gap;
    }
    if (can_choose) {
        const std::string& hint = ui.tr(TextId::reports_overview_hint);
        label(ui, take_top(page, font_px(ui.fonts.small), gap), hint,
              {ui.fonts.small, c.text_muted, Align::left});
    }

    // The table: rank, ward (a button when it can be chosen), then the four figures.
    const float row_h = t.report_row_h;
    const float rank_w = std::max(fit_width(ui.fonts.body_bold, ui.tr(TextId::reports_rank)),
                                  3 * font_px(ui.fonts.body));
    const float figure_w = (page.width() * 0.55F) / 5;
    const float name_w = page.width() - rank_w - 5 * figure_w - 6 * gap;
    const auto columns = [&](const Box& line) {
        std::array<Box, 7> cells;
        float cx = line.min.x;
        const auto cell = [&](float w) {
            const Box b{{cx, line.min.y}, {cx + w, line.max.y}};
            cx += w + gap;
            return b;
        };
        cells[0] = cell(rank_w);
        cells[1] = cell(name_w);
        for (std::size_t i = 2; i < cells.size(); ++i) cells[i] = cell(figure_w);
        return cells;
    };
    const auto metric_column = [&](RankMetric m) {
        switch (m) {
            case RankMetric::wait:
                return 3;
            case RankMetric::within_target:
                return 4;
            case RankMetric::satisfaction:
                return 5;
            case RankMetric::dossiers:
                return 6;
        }
        return 3;
    };
    const Box head = take_top(page, row_h, 0);
    const auto cells = columns(head);
    const std::array<std::string, 7> headings{
        ui.tr(TextId::reports_rank),         ui.tr(TextId::reports_col_ward),
        ui.tr(TextId::reports_col_issued),   ui.tr(TextId::reports_rank_wait),
        ui.tr(TextId::reports_rank_target),  ui.tr(TextId::reports_rank_satisfaction),
        ui.tr(TextId::reports_rank_dossiers)};
    for (std::size_t i = 0; i < cells.size(); ++i)
        label(ui, cells[i], headings[i],
              {ui.fonts.small, c.text_muted, i == 1 ? Align::left : Align::right});
    ui.draw->AddRectFilled({head.min.x, head.max.y - t.rule}, head.max, c.rule);
    const int bold = metric_column(v.metric);
    for (const auto& line : v.rows) {
        if (page.height() < row_h) break;  // more wards than fit: the best ones are shown
        const Box box = take_top(page, row_h, 0);
        const auto cell = columns(box);
        label(ui, cell[0], line.rank > 0 ? std::to_string(line.rank) : "",
              {ui.fonts.body_bold, c.text, Align::right});
        const std::string id = "##ward-" + line.code;
        if (can_choose) {
            if (tool_button(ui, id.c_str(), cell[1], line.name, false))
                out.emplace_back(reports_cmd::ChooseWard{line.code});
        } else {
            label(ui, cell[1], line.name, {ui.fonts.body, c.text, Align::left});
        }
        const std::array<const std::string*, 5> figures{&line.issued, &line.mean_wait,
                                                        &line.within_target, &line.satisfied,
                                                        &line.dossiers_on_time};
        for (std::size_t i = 0; i < figures.size(); ++i)
            label(ui, cell[i + 2], *figures[i],
                  {static_cast<int>(i + 2) == bold ? ui.fonts.body_bold : ui.fonts.body, c.text,
                   Align::right});
        ui.draw->AddRectFilled({box.min.x, box.max.y - t.rule}, box.max, c.rule);
    }
}

}  // namespace motcua::kiosk::ui
