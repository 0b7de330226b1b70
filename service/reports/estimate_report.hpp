#pragma once
/// The accuracy of the wait estimates (DESIGN.md §9): what each called ticket was told at issue
/// against the wait it had, for the estimator and for the simple rule.
#include <string>
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

/// `tickets`: those of office days [from, to] (others are skipped); only called tickets told an
/// estimate count. The real wait is from issue to the first call, in whole seconds. Rows: every
/// category in config order (then any other met), every day of the period, or every hour of issue
/// met, in order.
EstimateReport compute_estimate_report(const std::vector<Ticket>& tickets, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to,
                                       EstimateGrouping group_by);

/// The report as CSV for a spreadsheet (UTF-8 with a BOM, Vietnamese headings).
std::string estimate_report_csv(const EstimateReport& report);

}  // namespace motcua::reports
