#pragma once
/// The turnaround and satisfaction report of DESIGN.md §4: waits, service times, outcomes and
/// ratings per category, counter, officer, day or hour. Pure computation over stored records.
#include <array>
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/reports.hpp"
#include "store/store.hpp"

namespace motcua::reports {

// The report's shape is shared (motcua/reports.hpp): the dashboard and the hub read the same.
using motcua::OfficerTime;
using motcua::RatingStats;
using motcua::ReportGrouping;
using motcua::TimeStats;
using motcua::TurnaroundReport;
using motcua::TurnaroundRow;

/// A grouping the ward service computes: any ReportGrouping but `ward` (a ward has only itself).
/// A type of its own, named from kWardGroupings, so that parsing a ward's `group_by` refuses
/// "ward" like any unknown name and "every grouping" (the workbook's sheets) means these five.
class GroupBy {
public:
    static const GroupBy category;
    static const GroupBy counter;
    static const GroupBy officer;
    static const GroupBy day;
    static const GroupBy hour;

    constexpr explicit GroupBy(ReportGrouping g) : value_(g) { assert(g != ReportGrouping::ward); }
    // NOLINTNEXTLINE(google-explicit-constructor): a ward grouping is a report grouping
    constexpr operator ReportGrouping() const { return value_; }
    friend constexpr bool operator==(GroupBy, GroupBy) = default;

private:
    ReportGrouping value_;
};
inline constexpr GroupBy GroupBy::category{ReportGrouping::category};
inline constexpr GroupBy GroupBy::counter{ReportGrouping::counter};
inline constexpr GroupBy GroupBy::officer{ReportGrouping::officer};
inline constexpr GroupBy GroupBy::day{ReportGrouping::day};
inline constexpr GroupBy GroupBy::hour{ReportGrouping::hour};

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

TurnaroundReport compute_turnaround(const ReportInput& input, const WardConfig& config, Day from,
                                    Day to, GroupBy group_by, const OfficeZone& zone);

// ---- the pieces of a row, shared with the province hub's figures (same rounding, same ranks) ----

/// Whole seconds between two instants in ms, rounded half away from zero: every time figure.
std::int64_t whole_seconds(std::int64_t from_ms, std::int64_t to_ms);

/// The 1-based nearest rank of percentile `p` among `n` values (n > 0).
std::size_t nearest_rank(double p, std::size_t n);

/// A mean of whole seconds as the report shows it: one decimal.
double mean_of(std::int64_t sum, std::size_t n);

/// What a row counts before its figures are rounded into percentages.
struct RowCounts {
    int issued = 0, served = 0, no_show = 0, expired = 0;
    int called = 0;               // tickets called at least once
    int within = 0;               // of those, waited at most their category's target
    std::array<int, 6> levels{};  // ratings per level (index = level)

    /// Counts one ticket: its state, whether it was called (and if so whether it waited at most
    /// its target), its rating level (0: none).
    void add(TicketState state, std::optional<bool> within_target, int rating);
    RowCounts& operator+=(const RowCounts& other);
};

/// A row from its counts and time statistics; `scale` lists the rating levels shown.
TurnaroundRow make_row(std::string key, std::string label, const RowCounts& counts,
                       const TimeStats& wait, const TimeStats& service, const TimeStats& visit,
                       SatisfactionScale scale);

/// The key and label of an hour row ("09", "09:00–10:00") and the total's.
std::string hour_key(std::int64_t hour);
std::string hour_label(std::int64_t hour);
inline constexpr std::string_view kTotalKey = "total";
inline constexpr std::string_view kTotalLabel = "Tổng cộng";

}  // namespace motcua::reports

namespace motcua {
namespace reports::detail {
template <std::size_t... I>
constexpr auto ward_grouping_names(std::index_sequence<I...>) {
    return std::array<std::pair<GroupBy, std::string_view>, sizeof...(I)>{
        {{GroupBy{kWardGroupings[I]}, to_string(kWardGroupings[I])}...}};
}
}  // namespace reports::detail

/// The shared names of the five ward groupings, in kWardGroupings' order.
template <>
struct EnumNames<reports::GroupBy> {
    static constexpr auto names =
        reports::detail::ward_grouping_names(std::make_index_sequence<kWardGroupings.size()>{});
};
}  // namespace motcua
