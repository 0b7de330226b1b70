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
