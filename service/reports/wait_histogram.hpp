#pragma once
/// The waits of a period's served tickets counted in buckets of whole minutes, per category and
/// in total: the reports dashboard's histogram (GET /api/v1/reports/waits). The turnaround
/// report gives only mean, p50, p90 and max; a histogram shows how the waits spread around the
/// target.
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "store/store.hpp"

namespace motcua::reports {

/// A category's counts (or the total's, key "total").
struct WaitBuckets {
    std::string key;
    std::string label;
    int target_wait_s = 0;
    int served = 0;
    std::vector<int> counts;  // one per bucket
};

/// Bucket i holds the waits w with edges[i] < w <= edges[i+1] (a wait of 0 in the first), so a
/// target on an edge splits the bars exactly into within target (<=, as within_target_pct counts)
/// and over.
struct WaitHistogram {
    Day from;
    Day to;
    std::int64_t bucket_s = 60;
    std::vector<std::int64_t> edges_s;  // from 0, one more than buckets
    std::vector<WaitBuckets> categories;  // every category of the office, then unknown codes
    WaitBuckets total;
};

/// Buckets of 1, 2, 5, 10, 15, 30 or 60 minutes (or more): the narrowest giving at most
/// kMaxWaitBuckets on which every target of a category that served someone falls on an edge (the
/// narrowest giving at most kMaxWaitBuckets when none does), reaching past the longest wait and
/// past those targets (so their lines are on the chart). Waits as in the turnaround report: first
/// call minus issue, over the served tickets.
WaitHistogram compute_wait_histogram(const store::ReportRows& rows, const WardConfig& config, Day from,
                                     Day to);
inline constexpr std::size_t kMaxWaitBuckets = 24;

boost::json::value to_json(const WaitHistogram& h);

}  // namespace motcua::reports
