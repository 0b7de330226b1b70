#pragma once
/// The reports the dashboard reads, decoded: GET /reports/turnaround (DESIGN.md §4) and
/// GET /reports/waits (the waits of the served tickets in buckets, for the histogram). These are
/// not shared API messages (only the dashboard and the console read them), so they are decoded
/// here with Boost.JSON, strictly: a missing or mistyped field fails the whole report.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/enum_names.hpp"
#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

/// `group_by` of the turnaround report; the dashboard's table tabs, in this order.
enum class ReportGrouping { category, counter, officer, day, hour };
inline constexpr std::array<ReportGrouping, 5> kReportGroupings{
    ReportGrouping::category, ReportGrouping::counter, ReportGrouping::officer, ReportGrouping::day,
    ReportGrouping::hour};

/// Seconds over a row's served tickets; p50 and p90 by nearest rank.
struct DurationStats {
    double mean = 0;
    std::int64_t p50 = 0;
    std::int64_t p90 = 0;
    std::int64_t max = 0;
};

struct RatingFigures {
    int count = 0;
    std::map<int, int> levels;  // every level of the office's scale, zeros included
    double satisfied_pct = 0;   // levels 4–5
    double not_dissatisfied_pct = 0;
};

/// group_by=officer: how the officer's counter time was spent.
struct OfficerTimes {
    std::int64_t open_s = 0;
    std::int64_t serving_s = 0;
    std::int64_t idle_s = 0;
    std::int64_t idle_while_waiting_s = 0;
};

struct ReportRow {
    std::string key;    // category code, counter number, username, YYYY-MM-DD, HH; "total"
    std::string label;  // the service's Vietnamese label
    int issued = 0;
    int served = 0;
    int no_show = 0;
    int expired = 0;
    DurationStats wait;
    DurationStats service;
    double within_target_pct = 0;
    RatingFigures ratings;
    std::optional<OfficerTimes> officer;
};

struct TurnaroundReport {
    Day from;
    Day to;
    ReportGrouping grouping = ReportGrouping::category;
    std::vector<ReportRow> rows;
    ReportRow total;
};

Result<TurnaroundReport> decode_turnaround(std::string_view body);

/// GET /reports/waits: bucket i holds the waits in (edges[i], edges[i+1]] seconds (a wait of 0
/// in the first), so a target on an edge splits the bars exactly into within and over.
struct WaitBuckets {
    std::string key;  // category code; "total"
    std::string label;
    int target_wait_s = 0;  // 0 for the total
    int served = 0;
    std::vector<int> counts;  // one per bucket
};

struct WaitHistogram {
    Day from;
    Day to;
    std::int64_t bucket_s = 60;
    std::vector<std::int64_t> edges_s;  // buckets + 1, from 0
    std::vector<WaitBuckets> categories;
    WaitBuckets total;
};

Result<WaitHistogram> decode_wait_histogram(std::string_view body);

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::ReportGrouping> {
    using G = kiosk::ReportGrouping;
    static constexpr std::array<std::pair<G, std::string_view>, 5> names{{{G::category, "category"},
                                                                          {G::counter, "counter"},
                                                                          {G::officer, "officer"},
                                                                          {G::day, "day"},
                                                                          {G::hour, "hour"}}};
};

}  // namespace motcua
