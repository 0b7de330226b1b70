#pragma once
/// Reads a period's records from the store and computes the turnaround report.
#include "reports/report_cache.hpp"
#include "reports/turnaround.hpp"
#include "store/store.hpp"

namespace motcua::reports {

/// Counter sessions (open, until closed, paused or taken over) from the counter events, up to `end`.
std::vector<CounterSession> sessions_from(const std::vector<store::CounterEventRow>& events, TimePoint end);

/// The whole report for office days [from, to]; `now` bounds sessions still open. With a cache,
/// days that ended before yesterday are read from memory after the first time.
TurnaroundReport turnaround_from_store(store::Store& store, const WardConfig& config, const OfficeZone& zone,
                                       Day from, Day to, GroupBy group_by, TimePoint now,
                                       ReportCache* cache = nullptr);

}  // namespace motcua::reports
