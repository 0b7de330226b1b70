#include "reports/report_cache.hpp"

namespace motcua::reports {
namespace {

std::int64_t day_number(Day d) {
    return date::sys_days{d}.time_since_epoch().count();
}
Day day_of(std::int64_t n) {
    return Day{date::sys_days{date::days{n}}};
}

}  // namespace

store::ReportRows ReportCache::tickets(store::Store& store, Day from, Day to, Day stable_before) {
    std::lock_guard lock(mutex_);
    const std::int64_t first = day_number(from), last = day_number(to),
                       stable = day_number(stable_before);
    // Load the finished days not yet cached, in contiguous runs (one scan each).
    for (std::int64_t d = first; d <= std::min(last, stable - 1);) {
        if (spans_.contains(d)) {
            ++d;
            continue;
        }
        std::int64_t run_end = d;
        while (run_end + 1 <= std::min(last, stable - 1) && !spans_.contains(run_end + 1))
            ++run_end;
        if (cached_.tickets.size() > max_tickets_) {
            cached_ = {};
            spans_.clear();
        }
        const std::size_t begin = cached_.tickets.size();
        store.append_report_tickets(cached_, day_of(d), day_of(run_end));
        // Rows come in day order: record each day's span (days without tickets get empty spans).
        std::size_t i = begin;
        for (std::int64_t day = d; day <= run_end; ++day) {
            const std::size_t start = i;
            while (i < cached_.tickets.size() &&
                   day_number(cached_.days[static_cast<std::size_t>(cached_.tickets[i].day)]) ==
                       day)
                ++i;
            spans_[day] = {start, i};
        }
        d = run_end + 1;
    }
    store::ReportRows out;
    out.categories = cached_.categories;
    out.officers = cached_.officers;
    out.days = cached_.days;
    for (std::int64_t d = first; d <= std::min(last, stable - 1); ++d) {
        auto it = spans_.find(d);
        if (it == spans_.end()) continue;  // evicted meanwhile by a large load: read below
        out.tickets.insert(out.tickets.end(),
                           cached_.tickets.begin() + static_cast<long>(it->second.first),
                           cached_.tickets.begin() + static_cast<long>(it->second.second));
    }
    if (last >= stable) store.append_report_tickets(out, day_of(std::max(first, stable)), to);
    return out;
}

}  // namespace motcua::reports
