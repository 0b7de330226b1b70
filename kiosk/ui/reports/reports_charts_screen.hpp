#pragma once
/// Reports dashboard: the charts of the period ("reports_charts"), two by two on a landscape
/// screen: the waits with the target, tickets per hour, satisfaction per category, and the daily
/// trend of the mean wait and satisfaction.
#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"

namespace motcua::kiosk::ui {

class ReportsChartsScreen {
public:
    void draw(UiFrame& ui, const Box& page, const ChartsView& charts, ReportsCommands& out);
};

}  // namespace motcua::kiosk::ui
