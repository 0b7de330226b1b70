#pragma once
/// Reads a period's records from the store and computes the turnaround report.
#include "reports/report_cache.hpp"
#include "reports/turnaround.hpp"
#include "reports/wait_histogram.hpp"
#include "store/store.hpp"

namespace motcua::reports {

/// Counter sessions (open, until closed, paused or taken over) from the counter events, up to
/// `end`.
std::vector<CounterSession> sessions_from(const std::vector<store::CounterEventRow>& events,
                                          TimePoint end);

/// The whole report for office days [from, to]; `now` bounds sessions still open. With a cache,
/// days that ended before yesterday are read from memory after the first time.
/// What the reports read for office days [from, to]; `now` bounds sessions still open. With a
/// cache, days that ended before yesterday are read from memory after the first time.
ReportInput report_input(store::Store& store, Day from, Day to, const OfficeZone& zone,
                         TimePoint now, ReportCache* cache = nullptr);

/// Which tickets a turnaround report counts: `kind=appointment|walk_in` (DESIGN.md §10), so a
/// ward sees whether bookings cut waits. The officers' time at the counter stays theirs: it is
/// computed from every ticket whatever the kind.
enum class TicketKind { all, appointment, walk_in };

}  // namespace motcua::reports

namespace motcua {
/// `kind` as the query spells it; "all" is the absence of the filter.
template <>
struct EnumNames<reports::TicketKind> {
    static constexpr std::array<std::pair<reports::TicketKind, std::string_view>, 2> names{
        {{reports::TicketKind::appointment, "appointment"},
         {reports::TicketKind::walk_in, "walk_in"}}};
};
}  // namespace motcua

namespace motcua::reports {

TurnaroundReport turnaround_from_store(store::Store& store, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to, GroupBy group_by,
                                       TimePoint now, ReportCache* cache = nullptr,
                                       TicketKind kind = TicketKind::all);

/// The waits histogram of office days [from, to] (the dashboard's chart).
WaitHistogram waits_from_store(store::Store& store, const WardConfig& config,
                               const OfficeZone& zone, Day from, Day to, TimePoint now,
                               ReportCache* cache = nullptr);

}  // namespace motcua::reports
