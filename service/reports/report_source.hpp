#pragma once
/// Reads a period's records from the store and computes the turnaround report.
#include "reports/turnaround.hpp"
#include "store/store.hpp"

namespace motcua::reports {

/// Counter sessions (open, until closed, paused or taken over) from the counter events, up to `end`.
std::vector<CounterSession> sessions_from(const std::vector<store::CounterEventRow>& events, TimePoint end);

/// The whole report for office days [from, to]; `now` bounds sessions still open.
TurnaroundReport turnaround_from_store(store::Store& store, const WardConfig& config, const OfficeZone& zone,
                                       Day from, Day to, GroupBy group_by, TimePoint now);

}  // namespace motcua::reports
