#pragma once
/// What each reports-dashboard screen shows, as plain data built from the session, the ward's
/// categories and the language: the table of a grouping with its cells already written the
/// Vietnamese way, the toolbar's state, and the charts' series. Screens draw these and nothing
/// else; tests build them without a window.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/reports/reports_session.hpp"
#include "kiosk/core/reports/vn_format.hpp"
#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/mode.hpp"

namespace motcua::kiosk {

/// The table's figure columns.
enum class ReportColumn {
    issued,
    served,
    no_show,
    expired,
    wait_mean,
    wait_p50,
    wait_p90,
    wait_max,
    service_mean,
    within_target,
    ratings_count,
    satisfied,
    // group_by=officer: the second table, how each officer's counter time went
    open_time,
    serving_time,
    idle_time,
    idle_waiting,
    // the appointments report (DESIGN.md §10)
    booked,
    cancelled,
    checked_in,
    missed,
    booked_served,
    punctuality_p50,
    punctuality_p90,
    // the estimates report (DESIGN.md §9): ours, then the simple rule's on the same tickets
    est_tickets,
    est_mae,
    est_bias,
    est_within,
    est_late,
    base_mae,
    base_bias,
    base_late,
};

/// Every grouping's table, in order.
inline constexpr std::array<ReportColumn, 12> kMainColumns{
    ReportColumn::issued,        ReportColumn::served,        ReportColumn::no_show,
    ReportColumn::expired,       ReportColumn::wait_mean,     ReportColumn::wait_p50,
    ReportColumn::wait_p90,      ReportColumn::wait_max,      ReportColumn::service_mean,
    ReportColumn::within_target, ReportColumn::ratings_count, ReportColumn::satisfied};
/// The officers' working time.
inline constexpr std::array<ReportColumn, 4> kWorkColumns{
    ReportColumn::open_time, ReportColumn::serving_time, ReportColumn::idle_time,
    ReportColumn::idle_waiting};

/// The appointments report's table.
inline constexpr std::array<ReportColumn, 7> kAppointmentColumns{
    ReportColumn::booked,         ReportColumn::cancelled,     ReportColumn::checked_in,
    ReportColumn::missed,         ReportColumn::booked_served, ReportColumn::punctuality_p50,
    ReportColumn::punctuality_p90};

/// The estimates report's table.
inline constexpr std::array<ReportColumn, 8> kEstimateColumns{
    ReportColumn::est_tickets, ReportColumn::est_mae,  ReportColumn::est_bias,
    ReportColumn::est_within,  ReportColumn::est_late, ReportColumn::base_mae,
    ReportColumn::base_bias,   ReportColumn::base_late};

/// One line: its label and one text per column. The total's label is left to the screen.
struct TableLine {
    std::string key;
    std::string label;
    std::vector<std::string> cells;
};

/// A report's readiness as a screen shows it.
struct Availability {
    LoadState state = LoadState::idle;
    ReportsMessage problem = ReportsMessage::none;
    /// Figures are on screen (possibly of an earlier load while a new one runs).
    bool has_figures = false;
};

struct TableView {
    ReportGrouping grouping = ReportGrouping::category;
    Availability availability;
    std::vector<TableLine> rows;
    TableLine total;
    /// Not one ticket issued in the period.
    bool no_tickets = false;
    /// group_by=officer only: the same officers' working time (kWorkColumns).
    std::vector<TableLine> work_rows;
    std::optional<TableLine> work_total;
};

/// The toolbar, tabs and status line shared by the table and the charts.
struct ReportsBarView {
    ReportsScreen screen = ReportsScreen::table;
    std::string officer_name;
    PeriodKind kind = PeriodKind::today;
    std::optional<ReportPeriod> period;
    std::string as_of;  // "08:40", the service's time of the figures
    bool busy = false;
    bool custom_open = false;
    std::string custom_from;  // what the fields start from
    std::string custom_to;
    std::optional<PeriodProblem> custom_problem;
    ReportGrouping grouping = ReportGrouping::category;
    /// The tabs, in order: a ward's five groupings or the hub's four.
    std::vector<ReportGrouping> groupings;
    /// On a province hub: the ranking tab, and the ward the figures cover (its name) if one.
    bool province = false;
    std::optional<std::string> ward_name;
    bool can_choose_ward = false;
    std::optional<ExportFormat> exporting;
    bool can_export = false;
    bool can_refresh = false;
    ReportsMessage message = ReportsMessage::none;
    std::string message_detail;
};

/// What the province ranks wards by.
enum class RankMetric { wait, within_target, satisfaction, dossiers };

/// One ward of the ranking, its figures as text.
struct OverviewLine {
    std::string code;
    std::string name;
    int rank = 0;  // by the chosen metric
    std::string issued;
    std::string mean_wait;
    std::string within_target;
    std::string satisfied;
    std::string dossiers_on_time;
};

struct OverviewView {
    Availability availability;
    RankMetric metric = RankMetric::wait;
    std::vector<OverviewLine> rows;  // by rank, then code
};

/// The ranking of wards by `metric`, best first; figures a ward has none of show a dash.
OverviewView make_overview_view(const ReportsSession& s, RankMetric metric, Language lang);

struct HistogramTarget {
    std::int64_t seconds = 0;
    std::string categories;  // "HT, VX": the categories with this target
};

struct HistogramView {
    Availability availability;
    std::vector<std::int64_t> edges_s;
    std::vector<int> counts;
    int served = 0;
    std::vector<HistogramTarget> targets;
    std::string category;     // the chosen category's name; empty: every category
    bool can_choose = false;  // more than one category served someone
};

struct HourBar {
    std::string hour;  // "08"
    int issued = 0;
    int served = 0;
};

struct SatisfactionBar {
    std::string label;
    int count = 0;
    /// (level, ratings) from the best level down, every level of the scale.
    std::vector<std::pair<int, int>> levels;
};

struct TrendPoint {
    std::string day;  // "23/11"
    std::optional<double> mean_wait_s;
    std::optional<double> satisfied_pct;
};

struct ChartsView {
    HistogramView histogram;
    Availability hours_availability;
    std::vector<HourBar> hours;
    Availability satisfaction_availability;
    std::vector<SatisfactionBar> satisfaction;
    /// The scale's levels, best first (5, 4, 3, 2, 1 or 5, 4, 2): the legend.
    std::vector<int> levels;
    Availability trend_availability;
    std::vector<TrendPoint> trend;
};

struct ReportsLoginView {
    bool busy = false;  // the login is out
    ReportsMessage message = ReportsMessage::none;
};

ReportsLoginView make_reports_login_view(const ReportsSession& session);
ReportsBarView make_bar_view(const ReportsSession& session, const OfficeZone& zone);
TableView make_table_view(const ReportsSession& session, const WardData& data, Language lang);
ChartsView make_charts_view(const ReportsSession& session, const WardData& data, Language lang);

/// The appointments report's table, by category (kAppointmentColumns).
struct AppointmentsTableView {
    Availability availability;
    std::vector<TableLine> rows;
    TableLine total;
    /// Not one booking for a slot in the period.
    bool no_bookings = false;
};
AppointmentsTableView make_appointments_view(const ReportsSession& session, const WardData& data,
                                             Language lang);
/// One day of the estimates chart: the mean error of ours and of the simple rule, in minutes;
/// none on a day without a called ticket that was told an estimate.
struct EstimatePoint {
    std::string day;  // "23/11"
    std::optional<double> mae_min;
    std::optional<double> baseline_mae_min;
};

/// The estimates report by day: the chart's points and the table (kEstimateColumns).
struct EstimatesView {
    Availability availability;
    std::vector<EstimatePoint> points;
    std::vector<TableLine> rows;
    TableLine total;
    /// Not one called ticket with an estimate in the period.
    bool no_tickets = false;
};
EstimatesView make_estimates_view(const ReportsSession& session, Language lang);
/// A cell of the estimates table: errors as m:ss, the bias signed ("+01:05", "-00:40"),
/// shares as percentages; "—" on a row without tickets.
std::string estimate_cell_text(const EstimateFigures& f, ReportColumn column, NumberStyle style);

/// A cell of the appointments table: counts grouped; punctuality as mm:ss, "—" when no booked
/// ticket was called.
std::string appointment_cell_text(const AppointmentRow& row, ReportColumn column,
                                  NumberStyle style);

/// The text of one cell: counts grouped, durations as mm:ss, percentages with one decimal;
/// "—" where the figure has no meaning (a mean wait with nobody served, satisfaction without a
/// rating).
std::string cell_text(const TurnaroundRow& row, ReportColumn column, NumberStyle style);

}  // namespace motcua::kiosk
