#pragma once
/// Reports dashboard: the table of one grouping ("reports_table"): rows and their total, and for
/// the officers a second table of their time at the counter. Loading, empty and failed states
/// are said in the page.
#include <optional>

#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/reports/report_table.hpp"
#include "kiosk/ui/reports/reports_bar.hpp"

namespace motcua::kiosk::ui {

class ReportsTableScreen {
public:
    /// Draws in `page`, the space under the bar.
    void draw(UiFrame& ui, const Box& page, const TableView& table,
              const std::optional<ReportPeriod>& period);

private:
    ReportTable main_;
    ReportTable work_;
    std::optional<std::pair<ReportGrouping, std::optional<ReportPeriod>>> shown_;
};

/// Reports dashboard: a ward's appointments report by category ("reports_appointments").
class ReportsAppointmentsScreen {
public:
    void draw(UiFrame& ui, const Box& page, const AppointmentsTableView& v);

private:
    ReportTable table_;
};

/// Reports dashboard: how good a ward's wait estimates were, day by day ("reports_estimates"):
/// the mean error of ours and of the simple rule as a chart, and the table under it.
class ReportsEstimatesScreen {
public:
    void draw(UiFrame& ui, const Box& page, const EstimatesView& v);

private:
    ReportTable table_;
};

/// The notices above a table (see reports_table_screen.cpp); false when no figures are shown.
bool figures_head(UiFrame& ui, Box& page, const Availability& a, std::optional<TextId> empty);

/// A figure-less page's one line, centred: "Đang tải báo cáo…", or why there is nothing.
void page_state(UiFrame& ui, const Box& page, const Availability& a);

}  // namespace motcua::kiosk::ui
