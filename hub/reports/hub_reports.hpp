#pragma once
/// The province's reports (DESIGN.md §11): the ward reports' shapes computed by the ward's own
/// code over the hub's projections, with `ward` as an extra grouping and filter. For one ward
/// the figures are that ward's exactly: same rows, same config, same computation.
#include <optional>
#include <pqxx/connection>
#include <string>
#include <vector>

#include "motcua/hub.hpp"
#include "motcua/reports.hpp"
#include "reports/dossier_report.hpp"
#include "reports/estimate_report.hpp"
#include "reports/month_cache.hpp"
#include "reports/turnaround.hpp"
#include "reports/wait_histogram.hpp"

namespace motcua::hub {

/// A ward as the reports know it: its code and name, and the config it shipped last.
struct WardMeta {
    std::string code;
    std::string name;
    WardConfig config;  // from the ward's shipped info; empty categories when it never shipped
};

/// The wards' codes as an SQL list for `IN (...)`, quoted; "NULL" when there are none.
std::string sql_ward_list(pqxx::transaction_base& w, const std::vector<WardMeta>& wards);

/// Wards (all, or the one named) in code order.
std::vector<WardMeta> load_wards(pqxx::connection& c, const std::optional<std::string>& only);

/// The turnaround report over `wards` for office days [from, to], from the cached tickets
/// (reports/month_cache.hpp). For one ward and a ward grouping other than `ward`, exactly the
/// ward's own report. `zone` is the hub's office zone, for wards that never named theirs.
TurnaroundReport province_turnaround(pqxx::connection& c, TicketCache& cache,
                                     const std::vector<WardMeta>& wards, Day from, Day to,
                                     ReportGrouping group_by, const OfficeZone& zone);

/// The waits histogram (the dashboard's chart) over `wards`; for one ward, the ward's own.
WaitHistogram province_waits(pqxx::connection& c, TicketCache& cache,
                             const std::vector<WardMeta>& wards, Day from, Day to,
                             const OfficeZone& zone);

/// Biểu II.06a over `wards`: group_by ward gives a row per ward (its own total) and their sum.
enum class ProvinceDossierGrouping { ward, category, procedure };
reports::DossierReport province_dossiers(pqxx::connection& c, DossierCache& cache,
                                         const std::vector<WardMeta>& wards, Day from, Day to,
                                         ProvinceDossierGrouping group_by, const OfficeZone& zone,
                                         TimePoint now, const std::string& office_name);

/// The accuracy of the wait estimates over `wards` (DESIGN.md §9): the period's called tickets
/// that were told an estimate, read from PostgreSQL a slice at a time (not cached: the report is
/// read rarely) and counted by the ward's own report code, hours in each ward's zone. For one
/// ward and a grouping other than `ward`, exactly the ward's own report.
EstimateReport province_estimates(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from,
                                  Day to, EstimateGrouping group_by, const OfficeZone& zone);

}  // namespace motcua::hub
