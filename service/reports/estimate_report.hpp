#pragma once
/// The accuracy of the wait estimates (DESIGN.md §9): what each called ticket was told at issue
/// against the wait it had, for the estimator and for the simple rule.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/reports.hpp"

namespace motcua::reports {

/// Sums what tickets were told against the waits they had: a row of the report.
class EstimateTally {
public:
    /// `real`: seconds from issue to the first call.
    void add(const EstimateAtIssue& told, std::int64_t real);
    [[nodiscard]] EstimateFigures figures() const;

private:
    std::int64_t n_ = 0;
    std::int64_t abs_error_ = 0, error_ = 0, within_ = 0, late_ = 0;
    std::int64_t base_abs_error_ = 0, base_error_ = 0, base_within_ = 0, base_late_ = 0;
};

/// The report a ticket at a time: the ward feeds it from its store, the province hub from a
/// cursor over many wards, so both count and order rows the same way.
class EstimateReportBuilder {
public:
    EstimateReportBuilder(Day from, Day to, EstimateGrouping group_by)
        : from_(from), to_(to), group_by_(group_by) {}

    /// The wait a ticket had, if it counts: of an office day in the period, told an estimate and
    /// called. Seconds from issue to the first call, whole (truncated).
    [[nodiscard]] std::optional<std::int64_t> real_wait(const Ticket& t) const;
    /// Counts a ticket that real_wait() accepted: `issued_category` and `day` its own, `hour` the
    /// whole hours from its office day's start to its issue, `ward` its ward's code (the hub).
    void add(std::string_view issued_category, Day day, std::int64_t hour, std::string_view ward,
             const EstimateAtIssue& told, std::int64_t real);

    /// The rows: every category in `config` order (then any other met), every day of the
    /// period, every hour of issue met in order, or every ward of `wards` (code, name) in order.
    [[nodiscard]] EstimateReport finish(
        const WardConfig& config,
        const std::vector<std::pair<std::string, std::string>>& wards = {}) const;

private:
    Day from_, to_;
    EstimateGrouping group_by_;
    std::map<std::string, EstimateTally, std::less<>> groups_;  // by row key
    EstimateTally total_;
};

/// `tickets`: those of office days [from, to] (others are skipped); only called tickets told an
/// estimate count. A ward's report: every grouping but `ward`.
EstimateReport compute_estimate_report(const std::vector<Ticket>& tickets, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to,
                                       EstimateGrouping group_by);

/// The report as CSV for a spreadsheet (UTF-8 with a BOM, Vietnamese headings).
std::string estimate_report_csv(const EstimateReport& report);

}  // namespace motcua::reports
