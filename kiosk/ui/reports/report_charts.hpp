#pragma once
/// The dashboard's charts, drawn with ImGui's draw list (no plotting library): the waits
/// histogram with the target wait, tickets per hour, satisfaction per category, and the daily
/// trend of the mean wait and satisfaction on two axes; and the wait estimates' daily error. Each
/// draws a card with its title, legend, axes and their labels in `box`; every word on it goes to
/// the a11y dump.
#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

void draw_waits_chart(UiFrame& ui, const Box& box, const HistogramView& v, ReportsCommands& out);
void draw_hours_chart(UiFrame& ui, const Box& box, const Availability& a,
                      const std::vector<HourBar>& hours);
void draw_satisfaction_chart(UiFrame& ui, const Box& box, const Availability& a,
                             const std::vector<SatisfactionBar>& bars,
                             const std::vector<int>& levels);
void draw_trend_chart(UiFrame& ui, const Box& box, const Availability& a,
                      const std::vector<TrendPoint>& points);
/// The wait estimates' mean error by day, ours and the simple rule's, in minutes.
void draw_estimates_chart(UiFrame& ui, const Box& box, const Availability& a,
                          const std::vector<EstimatePoint>& points);

}  // namespace motcua::kiosk::ui
