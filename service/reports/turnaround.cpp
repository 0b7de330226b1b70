#include "reports/turnaround.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace motcua::reports {
namespace {

using Interval = std::pair<std::int64_t, std::int64_t>;  // [from, to) in ms

std::int64_t seconds(TimePoint a, TimePoint b) {
    return std::llround(static_cast<double>(to_epoch_ms(b) - to_epoch_ms(a)) / 1000.0);
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }

double pct(int part, int whole) { return whole == 0 ? 0.0 : round1(100.0 * part / whole); }

TimeStats stats_of(std::vector<std::int64_t> values) {
    TimeStats s;
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const auto rank = [&](double p) {
        const auto r = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
        return values[std::max<std::size_t>(r, 1) - 1];
    };
    s.mean = round1(static_cast<double>(std::accumulate(values.begin(), values.end(), std::int64_t{0})) /
                    static_cast<double>(n));
    s.p50 = rank(50);
    s.p90 = rank(90);
    s.max = values.back();
    return s;
}

// Tickets and ratings of one row, collected before the figures are computed.
struct Bucket {
    std::string label;
    std::vector<const Ticket*> tickets;
    std::vector<const Rating*> ratings;
};

std::vector<Interval> merge(std::vector<Interval> v) {
    std::sort(v.begin(), v.end());
    std::vector<Interval> out;
    for (const auto& i : v) {
        if (i.second <= i.first) continue;
        if (!out.empty() && i.first <= out.back().second) out.back().second = std::max(out.back().second, i.second);
        else out.push_back(i);
    }
    return out;
}

std::int64_t total_ms(const std::vector<Interval>& v) {
    std::int64_t sum = 0;
    for (const auto& [a, b] : v) sum += b - a;
    return sum;
}

// a minus b, both merged and sorted.
std::vector<Interval> subtract(const std::vector<Interval>& a, const std::vector<Interval>& b) {
    std::vector<Interval> out;
    std::size_t j = 0;
    for (auto [from, to] : a) {
        while (j < b.size() && b[j].second <= from) ++j;
        std::size_t k = j;
        while (k < b.size() && b[k].first < to) {
            if (b[k].first > from) out.emplace_back(from, b[k].first);
            from = std::max(from, b[k].second);
            ++k;
        }
        if (from < to) out.emplace_back(from, to);
    }
    return out;
}

std::int64_t overlap_ms(const std::vector<Interval>& a, const std::vector<Interval>& b) {
    std::int64_t sum = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const auto from = std::max(a[i].first, b[j].first);
        const auto to = std::min(a[i].second, b[j].second);
        if (to > from) sum += to - from;
        (a[i].second < b[j].second) ? ++i : ++j;
    }
    return sum;
}

class Builder {
public:
    Builder(const ReportInput& in, const WardConfig& cfg, const OfficeZone& zone, Day from, Day to, GroupBy g)
        : in_(in), cfg_(cfg), zone_(zone), group_(g),
          begin_(to_epoch_ms(zone.start_of_day(from))),
          end_(to_epoch_ms(zone.start_of_day(Day{date::sys_days{to} + date::days{1}}))) {}

    TurnaroundReport build(Day from, Day to) {
        std::unordered_map<std::string, const Ticket*> by_id;
        for (const auto& t : in_.tickets) by_id[t.id] = &t;
        std::map<std::string, Bucket> buckets;
        Bucket all{"Tổng cộng", {}, {}};
        for (const auto& t : in_.tickets) {
            all.tickets.push_back(&t);
            if (auto key = key_of(t)) buckets[*key].tickets.push_back(&t);
        }
        for (const auto& r : in_.ratings) {
            all.ratings.push_back(&r);
            auto it = by_id.find(r.ticket_id);
            if (it != by_id.end())
                if (auto key = key_of(*it->second)) buckets[*key].ratings.push_back(&r);
        }
        if (group_ == GroupBy::category)  // every category of the office, even a quiet one
            for (const auto& c : cfg_.categories) buckets[c.code];
        if (group_ == GroupBy::officer)
            for (const auto& s : in_.sessions) buckets[s.officer];

        TurnaroundReport report;
        report.from = from;
        report.to = to;
        report.group_by = group_;
        for (auto& [key, bucket] : buckets) report.rows.push_back(row(key, label_of(key), bucket));
        sort_rows(report.rows);
        report.total = row("total", all.label, all);
        if (group_ == GroupBy::officer) {
            OfficerTime sum;
            for (const auto& r : report.rows) {
                sum.open_s += r.officer->open_s;
                sum.serving_s += r.officer->serving_s;
                sum.idle_s += r.officer->idle_s;
                sum.idle_while_waiting_s += r.officer->idle_while_waiting_s;
            }
            report.total.officer = sum;
        }
        return report;
    }

private:
    std::optional<std::string> key_of(const Ticket& t) const {
        switch (group_) {
            case GroupBy::category: return t.category;
            case GroupBy::counter:
                if (!t.counter) return std::nullopt;
                return std::to_string(*t.counter);
            case GroupBy::officer: return t.officer;
            case GroupBy::day: return format_day(t.day);
            case GroupBy::hour: return fmt::format("{:02}", zone_.minutes_of_day(t.issued_at) / 60);
        }
        return std::nullopt;
    }

    std::string label_of(const std::string& key) const {
        switch (group_) {
            case GroupBy::category:
                if (const auto* c = cfg_.find_category(key)) return c->name_vi;
                return key;
            case GroupBy::counter: {
                if (const auto* c = cfg_.find_counter(std::stoi(key))) return c->name;
                return "Quầy " + key;
            }
            case GroupBy::officer: {
                auto it = in_.officer_names.find(key);
                return it == in_.officer_names.end() ? key : it->second;
            }
            case GroupBy::day: return key;
            case GroupBy::hour: return key + ":00–" + fmt::format("{:02}", (std::stoi(key) + 1) % 24) + ":00";
        }
        return key;
    }

    void sort_rows(std::vector<TurnaroundRow>& rows) const {
        if (group_ == GroupBy::category) {
            const auto order = [&](const std::string& code) {
                for (std::size_t i = 0; i < cfg_.categories.size(); ++i)
                    if (cfg_.categories[i].code == code) return i;
                return cfg_.categories.size();
            };
            std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return order(a.key) < order(b.key); });
        } else if (group_ == GroupBy::counter) {
            std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return std::stoi(a.key) < std::stoi(b.key); });
        }  // officer, day, hour: the map's key order is already right
    }

    TurnaroundRow row(const std::string& key, const std::string& label, const Bucket& b) const {
        TurnaroundRow r;
        r.key = key;
        r.label = label;
        std::vector<std::int64_t> waits, services, visits;
        int called = 0, within = 0;
        for (const Ticket* t : b.tickets) {
            ++r.issued;
            if (t->state == TicketState::done) ++r.served;
            if (t->state == TicketState::no_show) ++r.no_show;
            if (t->state == TicketState::expired) ++r.expired;
            if (t->called_at) {
                ++called;
                const Category* c = cfg_.find_category(t->category);
                if (c != nullptr && seconds(t->issued_at, *t->called_at) <= c->target_wait_s) ++within;
            }
            if (t->state == TicketState::done && t->called_at && t->started_at && t->finished_at) {
                waits.push_back(seconds(t->issued_at, *t->called_at));
                services.push_back(seconds(*t->started_at, *t->finished_at));
                visits.push_back(seconds(t->issued_at, *t->finished_at));
            }
        }
        r.wait_s = stats_of(std::move(waits));
        r.service_s = stats_of(std::move(services));
        r.visit_s = stats_of(std::move(visits));
        r.within_target_pct = pct(within, called);
        for (int level : rating_levels(cfg_.scale)) r.ratings.levels[level] = 0;
        int satisfied = 0, not_dissatisfied = 0;
        for (const Rating* rating : b.ratings) {
            ++r.ratings.count;
            ++r.ratings.levels[rating->level];
            satisfied += rating->level >= 4;
            not_dissatisfied += rating->level >= 3;
        }
        r.ratings.satisfied_pct = pct(satisfied, r.ratings.count);
        r.ratings.not_dissatisfied_pct = pct(not_dissatisfied, r.ratings.count);
        if (group_ == GroupBy::officer) r.officer = officer_time(key);
        return r;
    }

    std::vector<Interval> clip(std::vector<Interval> v) const {
        for (auto& [a, b] : v) {
            a = std::max(a, begin_);
            b = std::min(b, end_);
        }
        return merge(std::move(v));
    }

    // The part of a merged, sorted list inside [from, to).
    static std::vector<Interval> window(const std::vector<Interval>& v, std::int64_t from, std::int64_t to) {
        std::vector<Interval> out;
        auto it = std::lower_bound(v.begin(), v.end(), from, [](const Interval& i, std::int64_t t) { return i.second <= t; });
        for (; it != v.end() && it->first < to; ++it) out.emplace_back(std::max(it->first, from), std::min(it->second, to));
        return out;
    }

    // Indexes built once per report: busy intervals per (officer, counter), waiting per counter.
    void index_intervals() const {
        if (indexed_) return;
        indexed_ = true;
        std::map<std::pair<std::string, int>, std::vector<Interval>> busy;
        std::map<std::string, std::vector<Interval>> waiting_by_category;
        for (const auto& t : in_.tickets) {
            // Busy: from the call to the end of the visit (finished or marked absent).
            if (t.officer && t.counter && t.called_at && t.finished_at)
                busy[{*t.officer, *t.counter}].emplace_back(to_epoch_ms(*t.called_at), to_epoch_ms(*t.finished_at));
            // Waiting: from issue to the first call (or the end of its day when it expired, or the
            // period's end while still waiting), in the category it waits in now.
            const auto until = t.called_at ? to_epoch_ms(*t.called_at) : t.finished_at ? to_epoch_ms(*t.finished_at) : end_;
            waiting_by_category[t.category].emplace_back(to_epoch_ms(t.issued_at), until);
        }
        for (auto& [k, v] : busy) busy_[k] = merge(std::move(v));
        for (const auto& c : cfg_.counters) {
            std::vector<Interval> all;
            for (const auto& code : c.categories) {
                auto it = waiting_by_category.find(code);
                if (it != waiting_by_category.end()) all.insert(all.end(), it->second.begin(), it->second.end());
            }
            waiting_[c.number] = clip(std::move(all));
        }
    }

    OfficerTime officer_time(const std::string& officer) const {
        index_intervals();
        std::int64_t open = 0, serving = 0, idle = 0, idle_waiting = 0;
        static const std::vector<Interval> kNone;
        for (const auto& s : in_.sessions) {
            if (s.officer != officer) continue;
            const auto session = clip({{to_epoch_ms(s.from), to_epoch_ms(s.to)}});
            if (session.empty()) continue;
            const auto [a, b] = session.front();
            auto bi = busy_.find({officer, s.counter});
            const auto busy = window(bi == busy_.end() ? kNone : bi->second, a, b);
            auto wi = waiting_.find(s.counter);
            const auto waiting = window(wi == waiting_.end() ? kNone : wi->second, a, b);
            const auto idle_intervals = subtract(session, busy);
            open += b - a;
            serving += total_ms(busy);
            idle += total_ms(idle_intervals);
            idle_waiting += overlap_ms(idle_intervals, waiting);
        }
        const auto to_s = [](std::int64_t ms) { return std::llround(static_cast<double>(ms) / 1000.0); };
        return OfficerTime{to_s(open), to_s(serving), to_s(idle), to_s(idle_waiting)};
    }

    const ReportInput& in_;
    const WardConfig& cfg_;
    const OfficeZone& zone_;
    GroupBy group_;
    std::int64_t begin_;
    std::int64_t end_;
    mutable bool indexed_ = false;
    mutable std::map<std::pair<std::string, int>, std::vector<Interval>> busy_;
    mutable std::map<int, std::vector<Interval>> waiting_;
};

}  // namespace

TurnaroundReport compute_turnaround(const ReportInput& input, const WardConfig& config, Day from, Day to,
                                    GroupBy group_by, const OfficeZone& zone) {
    return Builder(input, config, zone, from, to, group_by).build(from, to);
}

}  // namespace motcua::reports
