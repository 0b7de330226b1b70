#pragma once
/// Biểu II.06a, results of handling administrative procedures (DESIGN.md §4, one-stop facts):
/// received (online, direct, carried over), processed (early, on time, late) and in process
/// (not yet due, overdue) per category or procedure. Pure computation over dossier records.
#include <cstdint>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/reports.hpp"
#include "motcua/result.hpp"

namespace motcua::reports {

// The report's shape, its columns and its JSON are shared (motcua/reports.hpp).
using motcua::dossier_columns;
using motcua::dossier_value;
using motcua::DossierColumn;
using motcua::DossierCounts;
using motcua::DossierGrouping;
using motcua::DossierReport;
using motcua::DossierReportRow;

/// Computes the report for office days [from, to] from every dossier that could matter: those
/// received before the end of `to` and not closed before the start of `from`. `now` is the
/// service's clock (in-process figures of a period that has not ended are as of now).
DossierReport compute_dossier_report(const std::vector<Dossier>& dossiers, const WardConfig& config,
                                     const OfficeZone& zone, Day from, Day to,
                                     DossierGrouping group_by, TimePoint now);

/// JSON as in DESIGN.md §4, serialised: the shared encoder, to_json(report, zone).
std::string dossier_report_json(const DossierReport& report, const OfficeZone& zone);
/// CSV, UTF-8 with a BOM: TT, key, label, then the columns.
std::string dossier_report_csv(const DossierReport& report);
/// An .xlsx workbook with the form's layout (Vietnamese headings, column numbers 1–13).
Result<std::string> dossier_report_xlsx(const DossierReport& report);

}  // namespace motcua::reports
