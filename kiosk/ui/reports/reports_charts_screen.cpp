#include "kiosk/ui/reports/reports_charts_screen.hpp"

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/report_charts.hpp"

namespace motcua::kiosk::ui {

void ReportsChartsScreen::draw(UiFrame& ui, const Box& page, const ChartsView& v,
                               ReportsCommands& out) {
    const Theme& t = ui.theme;
    ui.a11y.set_screen("reports_charts");
    // Two by two where the screen is wide; one under the other on a tall one.
    const bool wide = landscape(ui);
    const float columns = wide ? 2 : 1;
    const float rows = wide ? 2 : 4;
    const float w = (page.width() - (columns - 1) * t.gap) / columns;
    const float h = (page.height() - (rows - 1) * t.gap) / rows;
    const auto cell = [&](int i) {
        const float col = wide ? static_cast<float>(i % 2) : 0;
        const float row = wide ? static_cast<float>(i / 2) : static_cast<float>(i);
        const ImVec2 min{page.min.x + col * (w + t.gap), page.min.y + row * (h + t.gap)};
        return Box{min, {min.x + w, min.y + h}};
    };
    draw_waits_chart(ui, cell(0), v.histogram, out);
    draw_hours_chart(ui, cell(1), v.hours_availability, v.hours);
    draw_satisfaction_chart(ui, cell(2), v.satisfaction_availability, v.satisfaction, v.levels);
    draw_trend_chart(ui, cell(3), v.trend_availability, v.trend);
}

}  // namespace motcua::kiosk::ui
