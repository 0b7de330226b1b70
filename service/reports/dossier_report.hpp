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

/// When a dossier reached a final state, or nothing while it is open (see dossier_report.cpp).
std::optional<TimePoint> dossier_closed_time(DossierState state, TimePoint received_at,
                                             std::optional<TimePoint> closed_at,
                                             std::optional<TimePoint> returned_at,
                                             TimePoint updated_at);

/// The form's counting over office days [from, to], one dossier at a time: what
/// compute_dossier_report does, for dossiers held in another shape (the province hub's).
class DossierTally {
public:
    DossierTally(const OfficeZone& zone, Day from, Day to, TimePoint now);
    /// Whether the ward's store reads the dossier for the period (Store::dossiers_open_during:
    /// received before the end, not closed before the start by the record's own closed_at).
    [[nodiscard]] bool read(TimePoint received_at, std::optional<TimePoint> recorded_close) const {
        return received_at < end() && !(recorded_close && *recorded_close < start());
    }
    /// Whether a dossier read is on the period's form at all.
    [[nodiscard]] bool counts(TimePoint received_at, std::optional<TimePoint> closed) const {
        return received_at < end() && !(closed && *closed < start());
    }
    /// Counts a dossier that counts() into a row's counts (the sums 3, 7, 11 come in finish).
    void add(DossierCounts& c, DossierChannel channel, DossierState state, TimePoint received_at,
             std::optional<TimePoint> closed, std::optional<TimePoint> returned_at,
             Day due_date) const;
    [[nodiscard]] TimePoint start() const { return starts_.front(); }
    [[nodiscard]] TimePoint end() const { return starts_.back(); }
    /// In-process figures are as of the period's end, or as of now while it runs.
    [[nodiscard]] TimePoint as_of() const { return std::min(end(), now_); }

private:
    [[nodiscard]] date::sys_days day_of(TimePoint t) const;
    const OfficeZone& zone_;
    Day from_;
    TimePoint now_;
    std::vector<TimePoint>
        starts_;  // the period's office days by their starting instants, then its end
    date::sys_days as_of_day_;
};

/// Fills each row's sums (3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13) and the total row.
void finish_dossier_report(DossierReport& report);

/// JSON as in DESIGN.md §4, serialised: the shared encoder, to_json(report, zone).
std::string dossier_report_json(const DossierReport& report, const OfficeZone& zone);
/// CSV, UTF-8 with a BOM: TT, key, label, then the columns.
std::string dossier_report_csv(const DossierReport& report);
/// An .xlsx workbook with the form's layout (Vietnamese headings, column numbers 1–13).
Result<std::string> dossier_report_xlsx(const DossierReport& report);

}  // namespace motcua::reports
