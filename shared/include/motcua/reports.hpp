#pragma once
/// The report shapes of DESIGN.md §4 and their JSON codecs: the turnaround report, the waits
/// histogram and Biểu II.06a. Declared once for every side: the ward service (and the province
/// hub) compute and encode them, the dashboard decodes them.
#include <array>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/enum_names.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace motcua {

// ---- turnaround report: GET /reports/turnaround --------------------------------------------

/// `group_by` of the turnaround report. Row keys: the category code, the counter number, the
/// officer's username, `YYYY-MM-DD`, `HH`, and the ward's code (a province hub's reports only).
enum class ReportGrouping { category, counter, officer, day, hour, ward };

/// The groupings the province hub answers, in the dashboard's order.
inline constexpr std::array<ReportGrouping, 4> kProvinceGroupings{
    ReportGrouping::ward, ReportGrouping::category, ReportGrouping::day, ReportGrouping::hour};
/// The groupings a ward service answers, in the dashboard's order: all but `ward`, since a ward
/// has only itself (the service refuses group_by=ward as it refuses an unknown name).
inline constexpr std::array<ReportGrouping, 5> kWardGroupings{
    ReportGrouping::category, ReportGrouping::counter, ReportGrouping::officer, ReportGrouping::day,
    ReportGrouping::hour};

/// Seconds over the served tickets of a row; p50 and p90 by nearest rank.
struct TimeStats {
    double mean = 0;
    std::int64_t p50 = 0;
    std::int64_t p90 = 0;
    std::int64_t max = 0;
    friend bool operator==(const TimeStats&, const TimeStats&) = default;
};

struct RatingStats {
    int count = 0;
    std::map<int, int> levels;        // every level of the scale, zeros included
    double satisfied_pct = 0;         // levels 4–5 over all ratings
    double not_dissatisfied_pct = 0;  // levels 3–5 (Decision 766/QĐ-TTg)
    friend bool operator==(const RatingStats&, const RatingStats&) = default;
};

/// Time an officer's counter was open, serving, idle, and idle while someone it could serve waited.
struct OfficerTime {
    std::int64_t open_s = 0;
    std::int64_t serving_s = 0;
    std::int64_t idle_s = 0;
    std::int64_t idle_while_waiting_s = 0;
    friend bool operator==(const OfficerTime&, const OfficerTime&) = default;
};

struct TurnaroundRow {
    std::string key;    // see ReportGrouping; "total" for the total
    std::string label;  // Vietnamese name
    int issued = 0;
    int served = 0;
    int no_show = 0;
    int expired = 0;
    TimeStats wait_s;
    TimeStats service_s;
    TimeStats visit_s;
    double within_target_pct = 0;  // called tickets whose wait was at most the target
    RatingStats ratings;
    std::optional<OfficerTime> officer;  // group_by=officer only
    friend bool operator==(const TurnaroundRow&, const TurnaroundRow&) = default;
};

struct TurnaroundReport {
    Day from;
    Day to;
    ReportGrouping group_by = ReportGrouping::category;
    std::vector<TurnaroundRow> rows;
    TurnaroundRow total;
    friend bool operator==(const TurnaroundReport&, const TurnaroundReport&) = default;
};

// ---- waits histogram: GET /reports/waits (the dashboard's chart) ---------------------------

/// A category's counts, or the total's (key "total"; only `served` and `counts` on the wire).
struct WaitBuckets {
    std::string key;
    std::string label;
    int target_wait_s = 0;
    int served = 0;
    std::vector<int> counts;  // one per bucket
    friend bool operator==(const WaitBuckets&, const WaitBuckets&) = default;
};

/// Bucket i holds the waits w with edges[i] < w <= edges[i+1] (a wait of 0 in the first), so a
/// target on an edge splits the bars exactly into within target (<=, as within_target_pct counts)
/// and over.
struct WaitHistogram {
    Day from;
    Day to;
    std::int64_t bucket_s = 60;
    std::vector<std::int64_t> edges_s;    // from 0, one more than buckets
    std::vector<WaitBuckets> categories;  // every category of the office, then unknown codes
    WaitBuckets total;
    friend bool operator==(const WaitHistogram&, const WaitHistogram&) = default;
};

// ---- Biểu II.06a: GET /reports/dossiers ----------------------------------------------------

enum class DossierGrouping { category, procedure };

/// The figures of one row; the comments give the form's column numbers.
/// The appointments report (DESIGN.md §10): what became of the bookings of a period, and how
/// punctually booked citizens were called: call − the later of slot start and check-in.
enum class AppointmentGrouping { category, day };

struct AppointmentCounts {
    std::int64_t booked = 0;  // every booking for a slot in the period
    std::int64_t cancelled = 0;
    std::int64_t checked_in = 0;  // the ticket came (whatever followed)
    std::int64_t missed = 0;
    std::int64_t served = 0;  // checked in and served to the end
    friend bool operator==(const AppointmentCounts&, const AppointmentCounts&) = default;
};

struct AppointmentRow {
    std::string key;    // category code or YYYY-MM-DD; "total"
    std::string label;  // Vietnamese name or the date
    AppointmentCounts counts;
    /// Seconds; absent when no booked ticket was called.
    std::optional<std::int64_t> punctuality_p50_s;
    std::optional<std::int64_t> punctuality_p90_s;
    friend bool operator==(const AppointmentRow&, const AppointmentRow&) = default;
};

struct AppointmentReport {
    Day from;
    Day to;
    AppointmentGrouping group_by = AppointmentGrouping::category;
    std::vector<AppointmentRow> rows;
    AppointmentRow total;
    friend bool operator==(const AppointmentReport&, const AppointmentReport&) = default;
};

/// The accuracy of the wait estimates (DESIGN.md §9), by category, day or hour of issue, and on
/// the province hub by ward (row keys: the wards' unit codes).
enum class EstimateGrouping { category, day, hour, ward };
/// The groupings a ward service answers: all but `ward`, as for the turnaround report.
inline constexpr std::array<EstimateGrouping, 3> kWardEstimateGroupings{
    EstimateGrouping::category, EstimateGrouping::day, EstimateGrouping::hour};

/// Over called tickets that were told an estimate at issue: the estimator's figures, then the
/// simple rule's on the same tickets. Seconds and percentages to one decimal.
struct EstimateFigures {
    std::int64_t tickets = 0;
    double mae_s = 0;               // mean |told − real|
    double bias_s = 0;              // mean (told − real): above 0, waits were overestimated
    double within_range_pct = 0;    // real wait inside the told range
    double late_over_5min_pct = 0;  // real wait more than 5 minutes past the told median
    double baseline_mae_s = 0;
    double baseline_bias_s = 0;
    /// The simple rule gives one figure: "within" is the real wait in the same whole minute.
    double baseline_within_range_pct = 0;
    double baseline_late_over_5min_pct = 0;
    friend bool operator==(const EstimateFigures&, const EstimateFigures&) = default;
};

struct EstimateRow {
    std::string key;    // category code, YYYY-MM-DD or the hour "08"; "total"
    std::string label;  // Vietnamese name, the date or "08:00–09:00"
    EstimateFigures figures;
    friend bool operator==(const EstimateRow&, const EstimateRow&) = default;
};

struct EstimateReport {
    Day from;
    Day to;
    EstimateGrouping group_by = EstimateGrouping::day;
    std::vector<EstimateRow> rows;
    EstimateRow total;
    friend bool operator==(const EstimateReport&, const EstimateReport&) = default;
};

struct DossierCounts {
    std::int64_t received_total = 0;      // 3 = 4 + 5 + 6
    std::int64_t received_online = 0;     // 4 received in the period, online
    std::int64_t received_direct = 0;     // 5 received in the period, in person or by post
    std::int64_t carried_over = 0;        // 6 received before the period, still open at its start
    std::int64_t processed_total = 0;     // 7 = 8 + 9 + 10: returned in the period
    std::int64_t early = 0;               // 8 returned before the due date
    std::int64_t on_time = 0;             // 9 returned on the due date
    std::int64_t late = 0;                // 10 returned after the due date
    std::int64_t in_process_total = 0;    // 11 = 12 + 13: open at the end of the period
    std::int64_t in_process_not_due = 0;  // 12
    std::int64_t in_process_overdue = 0;  // 13
    /// Beyond the form: refused or withdrawn in the period, so 3 = 7 + 11 + this.
    std::int64_t refused_or_withdrawn = 0;

    /// Column by column: a total from its rows.
    DossierCounts& operator+=(const DossierCounts& other);
    friend bool operator==(const DossierCounts&, const DossierCounts&) = default;
};

struct DossierReportRow {
    std::string key;    // category code or procedure code; "total" for the total
    std::string label;  // Vietnamese name
    DossierCounts counts;
    friend bool operator==(const DossierReportRow&, const DossierReportRow&) = default;
};

struct DossierReport {
    Day from;
    Day to;
    DossierGrouping group_by = DossierGrouping::category;
    /// In-process figures are as of the end of `to`, or as of `as_of` when the period has not
    /// ended yet.
    TimePoint as_of;
    std::string office_name;  // for the headings of the printed and Excel forms; not on the wire
    std::vector<DossierReportRow> rows;  // every configured category/procedure, in config order
    DossierReportRow total;
    friend bool operator==(const DossierReport&, const DossierReport&) = default;
};

/// A column of the form: its wire name, its number on the form and its Vietnamese heading.
struct DossierColumn {
    std::string_view name;        // "received_total"
    int form_column = 0;          // 3; 0 for columns beyond the form
    std::string_view heading_vi;  // "Tổng số tiếp nhận"
};
/// The columns in form order (3..13, then refused_or_withdrawn).
const std::vector<DossierColumn>& dossier_columns();
/// A row's figure in the named column (a name of dossier_columns(); anything else is a bug).
std::int64_t dossier_value(const DossierCounts& counts, std::string_view column);

// ---- codecs ---------------------------------------------------------------------------------
// The encoders write exactly what the service has always sent: field order, and whole numbers
// as integers ("600", never "6E2"). The decoders never throw: a missing or mistyped field fails
// the whole report with an error naming it by its path ("rows[2].wait_s.mean").

/// One row of the turnaround report (its fields are the flat CSV columns).
boost::json::value to_json(const TurnaroundRow& row);
/// {"from","to","group_by","rows":[row…],"total":row}
boost::json::value to_json(const TurnaroundReport& report);
/// {"from","to","bucket_s","edges_s","categories":[{"key","label","target_wait_s","served",
/// "counts"}…],"total":{"served","counts"}}
boost::json::value to_json(const WaitHistogram& histogram);
/// {"from","to","group_by","as_of","rows":[{"key","label",columns…}…],"total":{…}}; `as_of` with
/// the office zone's offset.
boost::json::value to_json(const DossierReport& report, const OfficeZone& zone);
/// {"from","to","group_by","rows":[{"key","label","booked","cancelled","checked_in","missed",
/// "served","punctuality_s":{"p50","p90"}|null}…],"total":{…}} (DESIGN.md §10).
boost::json::value to_json(const AppointmentReport& report);

Result<TurnaroundReport> decode_turnaround_report(std::string_view body);
/// Also checks what the chart relies on: edges climbing from 0, one count per bucket everywhere.
Result<WaitHistogram> decode_wait_histogram(std::string_view body);
Result<DossierReport> decode_dossier_report(std::string_view body);
Result<AppointmentReport> decode_appointment_report(std::string_view body);
boost::json::value to_json(const EstimateReport& report);
Result<EstimateReport> decode_estimate_report(std::string_view body);

template <>
struct EnumNames<ReportGrouping> {
    using G = ReportGrouping;
    static constexpr std::array<std::pair<G, std::string_view>, 6> names{{{G::category, "category"},
                                                                          {G::counter, "counter"},
                                                                          {G::officer, "officer"},
                                                                          {G::day, "day"},
                                                                          {G::hour, "hour"},
                                                                          {G::ward, "ward"}}};
};

template <>
struct EnumNames<DossierGrouping> {
    static constexpr std::array<std::pair<DossierGrouping, std::string_view>, 2> names{
        {{DossierGrouping::category, "category"}, {DossierGrouping::procedure, "procedure"}}};
};
template <>
struct EnumNames<EstimateGrouping> {
    static constexpr std::array<std::pair<EstimateGrouping, std::string_view>, 4> names{
        {{EstimateGrouping::category, "category"},
         {EstimateGrouping::day, "day"},
         {EstimateGrouping::hour, "hour"},
         {EstimateGrouping::ward, "ward"}}};
};

template <>
struct EnumNames<AppointmentGrouping> {
    static constexpr std::array<std::pair<AppointmentGrouping, std::string_view>, 2> names{
        {{AppointmentGrouping::category, "category"}, {AppointmentGrouping::day, "day"}}};
};

}  // namespace motcua
