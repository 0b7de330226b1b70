#pragma once
/// The turnaround and satisfaction report of DESIGN.md §4: waits, service times, outcomes and
/// ratings per category, counter, officer, day or hour. Pure computation over stored records.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "store/store.hpp"

namespace motcua::reports {

enum class GroupBy { category, counter, officer, day, hour };

/// Seconds over the served tickets of a row; p50 and p90 by nearest rank.
struct TimeStats {
    double mean = 0;
    std::int64_t p50 = 0;
    std::int64_t p90 = 0;
    std::int64_t max = 0;
};

struct RatingStats {
    int count = 0;
    std::map<int, int> levels;  // every level of the scale, zeros included
    double satisfied_pct = 0;         // levels 4–5 over all ratings
    double not_dissatisfied_pct = 0;  // levels 3–5 (Decision 766/QĐ-TTg)
};

/// Time an officer's counter was open, serving, idle, and idle while someone it could serve waited.
struct OfficerTime {
    std::int64_t open_s = 0;
    std::int64_t serving_s = 0;
    std::int64_t idle_s = 0;
    std::int64_t idle_while_waiting_s = 0;
};

struct TurnaroundRow {
    std::string key;
    std::string label;
    int issued = 0;
    int served = 0;
    int no_show = 0;
    int expired = 0;
    TimeStats wait_s;
    TimeStats service_s;
    TimeStats visit_s;
    double within_target_pct = 0;
    RatingStats ratings;
    std::optional<OfficerTime> officer;  // group_by=officer only
};

struct TurnaroundReport {
    Day from;
    Day to;
    GroupBy group_by = GroupBy::category;
    std::vector<TurnaroundRow> rows;
    TurnaroundRow total;
};

/// An officer at a counter from `from` to `to` (open, not paused).
struct CounterSession {
    int counter = 0;
    std::string officer;
    TimePoint from;
    TimePoint to;
};

/// What the report reads: the period's tickets (lean rows, ratings included) and counter sessions.
struct ReportInput {
    store::ReportRows rows;
    std::vector<CounterSession> sessions;
};

TurnaroundReport compute_turnaround(const ReportInput& input, const WardConfig& config, Day from, Day to,
                                    GroupBy group_by, const OfficeZone& zone);

}  // namespace motcua::reports

namespace motcua {
template <> struct EnumNames<reports::GroupBy> {
    static constexpr std::array<std::pair<reports::GroupBy, std::string_view>, 5> names{{
        {reports::GroupBy::category, "category"}, {reports::GroupBy::counter, "counter"},
        {reports::GroupBy::officer, "officer"}, {reports::GroupBy::day, "day"}, {reports::GroupBy::hour, "hour"}}};
};
}  // namespace motcua
