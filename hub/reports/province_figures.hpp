#pragma once
/// The province's turnaround figures over cached lean tickets (reports/month_cache.hpp), by
/// ward, category, day or hour. Exact: the ward report's definitions (whole seconds rounded the
/// same way, nearest-rank percentiles, the same rounding of means and shares) over whole-second
/// counts instead of sorted lists, so 20 million tickets make a few thousand counters per row.
/// tests/hub/ProvinceFigures.tests.cpp checks them against the ward's own computation.
#include <vector>

#include "motcua/config.hpp"
#include "motcua/reports.hpp"
#include "reports/dossier_report.hpp"
#include "reports/month_cache.hpp"

namespace motcua::hub {

/// Turnaround over [from, to]. Each ward's tickets count against its own config (targets,
/// zone); `province` gives the category rows' order and names and the rating scale of every row
/// but a ward's own.
TurnaroundReport province_figures(const std::vector<WardTickets>& wards, Day from, Day to,
                                  ReportGrouping group_by, const WardConfig& province);

/// The waits histogram (the dashboard's chart) over the same tickets.
WaitHistogram province_wait_figures(const std::vector<WardTickets>& wards, Day from, Day to,
                                    const WardConfig& province);

/// Biểu II.06a over [from, to], each ward's dossiers counted in its own zone. `by_ward`: a row
/// per ward (its own total) and their sum; otherwise rows by `grouping` in the province's config,
/// then codes no config names, in key order (as the ward's form). `zone` gives the as-of time.
reports::DossierReport province_dossier_figures(const std::vector<WardDossiers>& wards, Day from,
                                                Day to, bool by_ward,
                                                reports::DossierGrouping grouping,
                                                const WardConfig& province, const OfficeZone& zone,
                                                TimePoint now);

}  // namespace motcua::hub
