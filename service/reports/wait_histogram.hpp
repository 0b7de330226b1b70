#pragma once
/// The waits of a period's served tickets counted in buckets of whole minutes, per category and
/// in total: the reports dashboard's histogram (GET /api/v1/reports/waits). The turnaround
/// report gives only mean, p50, p90 and max; a histogram shows how the waits spread around the
/// target.
#include <cstddef>

#include "motcua/config.hpp"
#include "motcua/reports.hpp"
#include "store/store.hpp"

namespace motcua::reports {

// The histogram's shape and JSON are shared (motcua/reports.hpp): the dashboard reads the same.
using motcua::to_json;
using motcua::WaitBuckets;
using motcua::WaitHistogram;

/// Buckets of 1, 2, 5, 10, 15, 30 or 60 minutes (or more): the narrowest giving at most
/// kMaxWaitBuckets on which every target of a category that served someone falls on an edge (the
/// narrowest giving at most kMaxWaitBuckets when none does), reaching past the longest wait and
/// past those targets (so their lines are on the chart). Waits as in the turnaround report: first
/// call minus issue, over the served tickets.
WaitHistogram compute_wait_histogram(const store::ReportRows& rows, const WardConfig& config,
                                     Day from, Day to);
inline constexpr std::size_t kMaxWaitBuckets = 24;

/// Served waits of one length in one category (an index into the histogram's categories).
struct WaitCount {
    std::size_t category = 0;
    std::int64_t seconds = 0;
    int count = 0;
};

/// The histogram of counted waits over `categories` (their `served` and `counts` are filled in):
/// what compute_wait_histogram does after reading the tickets, for the province hub's figures.
WaitHistogram wait_histogram_of(Day from, Day to, std::vector<WaitBuckets> categories,
                                const std::vector<WaitCount>& waits);

}  // namespace motcua::reports
