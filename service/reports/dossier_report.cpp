#include "reports/dossier_report.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <optional>
#include <unordered_map>

namespace motcua::reports {
namespace {

Day next_day(Day d) {
    return Day{date::sys_days{d} + date::days{1}};
}

std::optional<TimePoint> closed_time(const Dossier& d) {
    return dossier_closed_time(d.state, d.received_at, d.closed_at, d.returned_at, d.updated_at);
}

}  // namespace

/// When the dossier reached a final state, or nothing while it is open. The store sets closed_at
/// with the final state; should a record lack it, the return time or the last update stands in,
/// and a close recorded before the receipt counts at the receipt, so that every dossier of the
/// period lands in exactly one of processed, refused/withdrawn or in process (3 = 7 + 11 + extra).
std::optional<TimePoint> dossier_closed_time(DossierState state, TimePoint received_at,
                                             std::optional<TimePoint> closed_at,
                                             std::optional<TimePoint> returned_at,
                                             TimePoint updated_at) {
    if (!dossier_closed(state)) return std::nullopt;
    TimePoint t = closed_at ? *closed_at : returned_at ? *returned_at : updated_at;
    return std::max(t, received_at);
}

// Office days of the period by their starting instants: the office day of an instant inside the
// period is a binary search away, without a time-zone lookup per dossier.
DossierTally::DossierTally(const OfficeZone& zone, Day from, Day to, TimePoint now)
    : zone_(zone), from_(from), now_(now) {
    assert(from <= to);
    for (Day d = from; d <= to; d = next_day(d)) starts_.push_back(zone.start_of_day(d));
    starts_.push_back(zone.start_of_day(next_day(to)));
    // A dossier is overdue once its due date is behind the as-of day.
    as_of_day_ = now >= end() ? date::sys_days{next_day(to)} : date::sys_days{zone.office_day(now)};
}

date::sys_days DossierTally::day_of(TimePoint t) const {
    if (t < start() || t >= end()) return date::sys_days{zone_.office_day(t)};
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), t);
    return date::sys_days{from_} + date::days{next - starts_.begin() - 1};
}

void DossierTally::add(DossierCounts& c, DossierChannel channel, DossierState state,
                       TimePoint received_at, std::optional<TimePoint> closed,
                       std::optional<TimePoint> returned_at, Day due_date) const {
    if (received_at >= start()) {
        ++(channel == DossierChannel::online ? c.received_online : c.received_direct);
    } else {
        ++c.carried_over;
    }
    if (closed && *closed < end()) {
        if (state == DossierState::returned) {
            // Judged against the legal due date, even when an apology promised a later one.
            const auto returned_day = day_of(returned_at.value_or(*closed));
            const auto due = date::sys_days{due_date};
            ++(returned_day < due ? c.early : returned_day == due ? c.on_time : c.late);
        } else {
            ++c.refused_or_withdrawn;
        }
    } else {
        ++(date::sys_days{due_date} < as_of_day_ ? c.in_process_overdue : c.in_process_not_due);
    }
}

void finish_dossier_report(DossierReport& report) {
    report.total = {"total", "Tổng cộng", {}};
    for (auto& row : report.rows) {
        auto& c = row.counts;
        c.received_total = c.received_online + c.received_direct + c.carried_over;
        c.processed_total = c.early + c.on_time + c.late;
        c.in_process_total = c.in_process_not_due + c.in_process_overdue;
        report.total.counts += c;
    }
}

DossierReport compute_dossier_report(const std::vector<Dossier>& dossiers, const WardConfig& config,
                                     const OfficeZone& zone, Day from, Day to,
                                     DossierGrouping group_by, TimePoint now) {
    const DossierTally tally(zone, from, to, now);
    DossierReport report;
    report.from = from;
    report.to = to;
    report.group_by = group_by;
    report.as_of = tally.as_of();
    report.office_name = config.office_name;

    std::unordered_map<std::string, std::size_t> index;
    auto add_row = [&](const std::string& key, const std::string& label) {
        if (index.emplace(key, report.rows.size()).second) report.rows.push_back({key, label, {}});
    };
    if (group_by == DossierGrouping::category) {
        for (const auto& c : config.categories) add_row(c.code, c.name_vi);
    } else {
        for (const auto& p : config.procedures) add_row(p.code, p.name_vi);
    }
    // Keys no longer configured: rows of their own after the configured ones, in key order.
    std::map<std::string, DossierCounts> unconfigured;

    for (const auto& d : dossiers) {
        const auto closed = closed_time(d);
        if (!tally.counts(d.received_at, closed)) continue;
        const std::string& key = group_by == DossierGrouping::category ? d.category : d.procedure;
        const auto it = index.find(key);
        DossierCounts& c = it != index.end() ? report.rows[it->second].counts : unconfigured[key];
        tally.add(c, d.channel, d.state, d.received_at, closed, d.returned_at, d.due_date);
    }
    for (auto& [key, counts] : unconfigured) report.rows.push_back({key, key, counts});
    finish_dossier_report(report);
    return report;
}

}  // namespace motcua::reports
