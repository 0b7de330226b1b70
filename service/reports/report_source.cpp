#include "reports/report_source.hpp"

#include <algorithm>
#include <map>

namespace motcua::reports {

std::vector<CounterSession> sessions_from(const std::vector<store::CounterEventRow>& events,
                                          TimePoint end) {
    std::vector<CounterSession> out;
    std::map<int, CounterSession> open;  // counter -> session in progress
    for (const auto& e : events) {
        if (e.at >= end) break;
        if (auto it = open.find(e.counter); it != open.end()) {
            // Any later event of the counter ends the session in progress (closed, paused, or
            // opened by another officer, which moves them there).
            it->second.to = e.at;
            out.push_back(it->second);
            open.erase(it);
        }
        if (e.type == EventType::counter_opened && e.officer)
            open[e.counter] = {e.counter, *e.officer, e.at, end};
    }
    for (auto& [counter, session] : open) out.push_back(session);
    return out;
}

ReportInput report_input(store::Store& store, Day from, Day to, const OfficeZone& zone,
                         TimePoint now, ReportCache* cache) {
    const TimePoint period_end = zone.end_of_day(to);
    const TimePoint end = std::min(period_end, now);
    ReportInput input;
    if (cache != nullptr) {
        // A ticket can still change the day after its own (held at a counter past midnight):
        // only days before yesterday are final.
        const Day stable_before{date::sys_days{zone.office_day(now)} - date::days{1}};
        input.rows = cache->tickets(store, from, to, stable_before);
        input.rows.counter_events = store.counter_events(end);
        input.rows.officer_names = store.officer_names();
    } else {
        input.rows = store.report_rows(from, to, end);
    }
    input.sessions = sessions_from(input.rows.counter_events, end);
    return input;
}

TurnaroundReport turnaround_from_store(store::Store& store, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to, GroupBy group_by,
                                       TimePoint now, ReportCache* cache, TicketKind kind) {
    ReportInput input = report_input(store, from, to, zone, now, cache);
    if (kind == TicketKind::all) return compute_turnaround(input, config, from, to, group_by, zone);
    // The officers' time at the counter (busy, idle, idle while people waited) is theirs whatever
    // they served: it comes from every ticket, the rest of each row from the kind's only.
    std::optional<TurnaroundReport> every;
    if (group_by == GroupBy::officer)
        every = compute_turnaround(input, config, from, to, group_by, zone);
    const bool booked = kind == TicketKind::appointment;
    auto& tickets = input.rows.tickets;
    tickets.erase(std::remove_if(tickets.begin(), tickets.end(),
                                 [&](const store::ReportTicket& t) { return t.booked != booked; }),
                  tickets.end());
    TurnaroundReport report = compute_turnaround(input, config, from, to, group_by, zone);
    if (every) {
        for (auto& row : report.rows)
            for (const auto& all : every->rows)
                if (all.key == row.key) row.officer = all.officer;
        report.total.officer = every->total.officer;
    }
    return report;
}

WaitHistogram waits_from_store(store::Store& store, const WardConfig& config,
                               const OfficeZone& zone, Day from, Day to, TimePoint now,
                               ReportCache* cache) {
    return compute_wait_histogram(report_input(store, from, to, zone, now, cache).rows, config,
                                  from, to);
}

}  // namespace motcua::reports
