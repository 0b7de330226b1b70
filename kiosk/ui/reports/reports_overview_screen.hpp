#pragma once
/// Reports dashboard on a province hub: the ranking of wards ("reports_overview"). The province
/// chooses what to rank by; each ward's name opens that ward's own figures.
#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"

namespace motcua::kiosk::ui {

class ReportsOverviewScreen {
public:
    /// Draws in `page`, the space under the bar; a tap on a ward chooses it.
    void draw(UiFrame& ui, const Box& page, const OverviewView& v, bool can_choose,
              ReportsCommands& out);
    /// What the officer ranks by (kept while the dashboard is open).
    [[nodiscard]] RankMetric metric() const { return metric_; }

private:
    RankMetric metric_ = RankMetric::wait;
};

}  // namespace motcua::kiosk::ui
