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
#include "motcua/result.hpp"

namespace motcua::reports {

enum class DossierGrouping { category, procedure };

/// The figures of one row; the comments give the form's column numbers.
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
};

struct DossierReportRow {
    std::string key;    // category code or procedure code; "total" for the total
    std::string label;  // Vietnamese name
    DossierCounts counts;
};

struct DossierReport {
    Day from;
    Day to;
    DossierGrouping group_by = DossierGrouping::category;
    /// In-process figures are as of the end of `to`, or as of `as_of` when the period has not
    /// ended yet; a dossier is overdue when its due date is before `overdue_after`'s day.
    TimePoint as_of;
    std::string office_name;  // for headings
    std::vector<DossierReportRow> rows;  // every configured category/procedure, in config order
    DossierReportRow total;
};

/// Computes the report for office days [from, to] from every dossier that could matter: those
/// received before the end of `to` and not closed before the start of `from`. `now` is the
/// service's clock (in-process figures of a period that has not ended are as of now).
DossierReport compute_dossier_report(const std::vector<Dossier>& dossiers, const WardConfig& config,
                                     const OfficeZone& zone, Day from, Day to, DossierGrouping group_by,
                                     TimePoint now);

/// Column names in form order (3..13, then refused_or_withdrawn) and their Vietnamese headings.
struct DossierColumn {
    std::string_view name;       // "received_total"
    int form_column = 0;         // 3; 0 for columns beyond the form
    std::string_view heading_vi; // "Tổng số hồ sơ tiếp nhận"
};
const std::vector<DossierColumn>& dossier_columns();
std::int64_t dossier_value(const DossierCounts& counts, std::string_view column);

/// JSON as in DESIGN.md §4: {"from","to","group_by","rows":[{"key","label",columns…}],"total":{…}}.
std::string dossier_report_json(const DossierReport& report, const OfficeZone& zone);
/// CSV, UTF-8 with a BOM: TT, key, label, then the columns.
std::string dossier_report_csv(const DossierReport& report);
/// An .xlsx workbook with the form's layout (Vietnamese headings, column numbers 1–13).
Result<std::string> dossier_report_xlsx(const DossierReport& report);

}  // namespace motcua::reports
