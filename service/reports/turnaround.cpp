#include "reports/turnaround.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace motcua::reports {
namespace {

using Interval = std::pair<std::int64_t, std::int64_t>;  // [from, to) in ms
using store::ReportTicket;

std::int64_t seconds(std::int64_t from_ms, std::int64_t to_ms) {
    return whole_seconds(from_ms, to_ms);
}

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}

double pct(int part, int whole) {
    return whole == 0 ? 0.0 : round1(100.0 * part / whole);
}

// Mean, nearest-rank p50 and p90, and max, in linear time (nth_element, not a full sort).
TimeStats stats_of(std::vector<std::int64_t>& values) {
    TimeStats s;
    const auto n = values.size();
    if (n == 0) return s;
    const auto nth = [&](double p) {
        const auto rank = nearest_rank(p, n);
        std::nth_element(values.begin(), values.begin() + static_cast<long>(rank - 1),
                         values.end());
        return values[rank - 1];
    };
    s.mean = mean_of(std::accumulate(values.begin(), values.end(), std::int64_t{0}), n);
    s.max = *std::max_element(values.begin(), values.end());
    s.p90 = nth(90);
    s.p50 = nth(50);
    return s;
}

std::vector<Interval> merge(std::vector<Interval> v) {
    std::sort(v.begin(), v.end());
    std::vector<Interval> out;
    for (const auto& i : v) {
        if (i.second <= i.first) continue;
        if (!out.empty() && i.first <= out.back().second)
            out.back().second = std::max(out.back().second, i.second);
        else
            out.push_back(i);
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

// The part of a merged, sorted list inside [from, to).
std::vector<Interval> window(const std::vector<Interval>& v, std::int64_t from, std::int64_t to) {
    std::vector<Interval> out;
    auto it = std::lower_bound(v.begin(), v.end(), from,
                               [](const Interval& i, std::int64_t t) { return i.second <= t; });
    for (; it != v.end() && it->first < to; ++it)
        out.emplace_back(std::max(it->first, from), std::min(it->second, to));
    return out;
}

// Figures of one row, gathered in one pass over its tickets.
struct Accumulator {
    RowCounts counts;
    std::vector<std::int64_t> wait, service, visit;

    void add(const ReportTicket& t, int target_s) {
        counts.add(t.state,
                   t.called_ms >= 0
                       ? std::optional<bool>(seconds(t.issued_ms, t.called_ms) <= target_s)
                       : std::nullopt,
                   t.rating);
        if (t.state == TicketState::done && t.called_ms >= 0 && t.started_ms >= 0 &&
            t.finished_ms >= 0) {
            wait.push_back(seconds(t.issued_ms, t.called_ms));
            service.push_back(seconds(t.started_ms, t.finished_ms));
            visit.push_back(seconds(t.issued_ms, t.finished_ms));
        }
    }
};

class Builder {
public:
    Builder(const ReportInput& in, const WardConfig& cfg, const OfficeZone& zone, Day from, Day to,
            GroupBy g)
        : in_(in),
          rows_(in.rows),
          cfg_(cfg),
          group_(g),
          begin_(to_epoch_ms(zone.start_of_day(from))),
          end_(to_epoch_ms(zone.end_of_day(to))) {
        for (std::size_t i = 0; i < rows_.categories.size(); ++i) {
            if (i < rows_.category_targets.size()) {
                targets_.push_back(rows_.category_targets[i]);
                continue;
            }
            const Category* c = cfg_.find_category(rows_.categories[i]);
            targets_.push_back(c != nullptr ? c->target_wait_s : 0);
        }
        for (const auto& d : rows_.days) day_starts_.push_back(to_epoch_ms(zone.start_of_day(d)));
    }

    TurnaroundReport build(Day from, Day to) {
        std::map<std::int64_t, Accumulator> groups;  // group key (an index or number) -> figures
        Accumulator all;
        for (const auto& t : rows_.tickets) {
            const int target = targets_[static_cast<std::size_t>(t.category)];
            all.add(t, target);
            if (auto key = key_of(t)) groups[*key].add(t, target);
        }
        if (group_ == ReportGrouping::category)  // every category of the office, even a quiet one
            for (const auto& c : cfg_.categories) groups[category_key(c.code)];
        if (group_ == ReportGrouping::officer)
            for (const auto& s : in_.sessions) groups[officer_key(s.officer)];

        TurnaroundReport report;
        report.from = from;
        report.to = to;
        report.group_by = group_;
        for (auto& [key, acc] : groups)
            report.rows.push_back(row(key_text(key), label_of(key), acc));
        report.total = row(std::string(kTotalKey), std::string(kTotalLabel), all);
        if (group_ == ReportGrouping::officer) {
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
    // Category keys follow the config's order; unknown codes (removed from the config) go last.
    std::int64_t category_key(const std::string& code) const {
        for (std::size_t i = 0; i < cfg_.categories.size(); ++i)
            if (cfg_.categories[i].code == code) return static_cast<std::int64_t>(i);
        for (std::size_t i = 0; i < rows_.categories.size(); ++i)
            if (rows_.categories[i] == code)
                return static_cast<std::int64_t>(cfg_.categories.size() + i);
        return -1;
    }

    std::int64_t officer_key(const std::string& username) {
        auto it = std::find(officer_order_.begin(), officer_order_.end(), username);
        if (it == officer_order_.end()) {
            officer_order_.push_back(username);
            return static_cast<std::int64_t>(officer_order_.size() - 1);
        }
        return it - officer_order_.begin();
    }

    std::optional<std::int64_t> key_of(const ReportTicket& t) {
        switch (group_) {
            case ReportGrouping::category: {
                if (static_cast<std::size_t>(t.category) >= category_keys_.size()) {
                    category_keys_.clear();
                    for (const auto& code : rows_.categories)
                        category_keys_.push_back(category_key(code));
                }
                return category_keys_[static_cast<std::size_t>(t.category)];
            }
            case ReportGrouping::counter:
                if (t.counter == 0) return std::nullopt;
                return t.counter;
            case ReportGrouping::officer:
                if (t.officer < 0) return std::nullopt;
                return officer_key(rows_.officers[static_cast<std::size_t>(t.officer)]);
            case ReportGrouping::day:
                return date::sys_days{rows_.days[static_cast<std::size_t>(t.day)]}
                    .time_since_epoch()
                    .count();
            case ReportGrouping::hour:
                return (t.issued_ms - day_starts_[static_cast<std::size_t>(t.day)]) / 3'600'000;
            case ReportGrouping::ward:
                break;  // never: GroupBy has no ward, a ward has only itself
        }
        return std::nullopt;
    }

    std::string key_text(std::int64_t key) const {
        switch (group_) {
            case ReportGrouping::category: {
                const auto i = static_cast<std::size_t>(key);
                return i < cfg_.categories.size() ? cfg_.categories[i].code
                                                  : rows_.categories[i - cfg_.categories.size()];
            }
            case ReportGrouping::counter:
                return std::to_string(key);
            case ReportGrouping::officer:
                return officer_order_[static_cast<std::size_t>(key)];
            case ReportGrouping::day:
                return format_day(Day{date::sys_days{date::days{key}}});
            case ReportGrouping::hour:
                return hour_key(key);
            case ReportGrouping::ward:
                break;
        }
        return {};
    }

    std::string label_of(std::int64_t key) const {
        const std::string text = key_text(key);
        switch (group_) {
            case ReportGrouping::category:
                if (const auto* c = cfg_.find_category(text)) return c->name_vi;
                return text;
            case ReportGrouping::counter:
                if (const auto* c = cfg_.find_counter(static_cast<int>(key))) return c->name;
                return "Quầy " + text;
            case ReportGrouping::officer: {
                auto it = rows_.officer_names.find(text);
                return it == rows_.officer_names.end() ? text : it->second;
            }
            case ReportGrouping::day:
                return text;
            case ReportGrouping::hour:
                return hour_label(key);
            case ReportGrouping::ward:
                break;
        }
        return text;
    }

    TurnaroundRow row(const std::string& key, const std::string& label, Accumulator& a) {
        TurnaroundRow r = make_row(key, label, a.counts, stats_of(a.wait), stats_of(a.service),
                                   stats_of(a.visit), cfg_.scale);
        if (group_ == ReportGrouping::officer)
            r.officer = key == kTotalKey ? OfficerTime{} : officer_time(key);
        return r;
    }

    std::vector<Interval> clip(std::vector<Interval> v) const {
        for (auto& [a, b] : v) {
            a = std::max(a, begin_);
            b = std::min(b, end_);
        }
        return merge(std::move(v));
    }

    // Indexes built once per report: busy intervals per (officer, counter), waiting per counter.
    void index_intervals() {
        if (indexed_) return;
        indexed_ = true;
        std::map<std::pair<std::int32_t, int>, std::vector<Interval>> busy;
        std::vector<std::vector<Interval>> waiting_by_category(rows_.categories.size());
        for (const auto& t : rows_.tickets) {
            // Busy: from the call to the end of the visit (finished or marked absent).
            if (t.officer >= 0 && t.counter != 0 && t.called_ms >= 0 && t.finished_ms >= 0)
                busy[{t.officer, t.counter}].emplace_back(t.called_ms, t.finished_ms);
            // Waiting: from issue to the first call (or the end of its day when it expired, or the
            // period's end while still waiting), in the category it waits in now.
            const auto until = t.called_ms >= 0     ? t.called_ms
                               : t.finished_ms >= 0 ? t.finished_ms
                                                    : end_;
            waiting_by_category[static_cast<std::size_t>(t.category)].emplace_back(t.issued_ms,
                                                                                   until);
        }
        for (auto& [k, v] : busy)
            busy_[{rows_.officers[static_cast<std::size_t>(k.first)], k.second}] =
                merge(std::move(v));
        // Merge each category once: a counter's waiting time is the union of a few short lists
        // instead of a sort of every ticket of its categories again.
        for (auto& w : waiting_by_category) w = merge(std::move(w));
        for (const auto& c : cfg_.counters) {
            std::vector<Interval> all;
            for (std::size_t i = 0; i < rows_.categories.size(); ++i)
                if (std::find(c.categories.begin(), c.categories.end(), rows_.categories[i]) !=
                    c.categories.end())
                    all.insert(all.end(), waiting_by_category[i].begin(),
                               waiting_by_category[i].end());
            waiting_[c.number] = clip(std::move(all));
        }
    }

    OfficerTime officer_time(const std::string& officer) {
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
        const auto to_s = [](std::int64_t ms) {
            return std::llround(static_cast<double>(ms) / 1000.0);
        };
        return OfficerTime{to_s(open), to_s(serving), to_s(idle), to_s(idle_waiting)};
    }

    const ReportInput& in_;
    const store::ReportRows& rows_;
    const WardConfig& cfg_;
    ReportGrouping group_;
    std::int64_t begin_;
    std::int64_t end_;
    std::vector<int> targets_;              // per interned category
    std::vector<std::int64_t> day_starts_;  // per interned day, ms
    std::vector<std::int64_t> category_keys_;
    std::vector<std::string> officer_order_;  // officer keys, first met first
    bool indexed_ = false;
    std::map<std::pair<std::string, int>, std::vector<Interval>> busy_;
    std::map<int, std::vector<Interval>> waiting_;
};

}  // namespace

std::int64_t whole_seconds(std::int64_t from_ms, std::int64_t to_ms) {
    return std::llround(static_cast<double>(to_ms - from_ms) / 1000.0);
}

void RowCounts::add(TicketState state, std::optional<bool> within_target, int rating) {
    ++issued;
    switch (state) {
        case TicketState::done:
            ++served;
            break;
        case TicketState::no_show:
            ++no_show;
            break;
        case TicketState::expired:
            ++expired;
            break;
        default:
            break;
    }
    if (within_target) {
        ++called;
        within += *within_target ? 1 : 0;
    }
    if (rating >= 1 && rating <= 5) ++levels[static_cast<std::size_t>(rating)];
}

RowCounts& RowCounts::operator+=(const RowCounts& o) {
    issued += o.issued;
    served += o.served;
    no_show += o.no_show;
    expired += o.expired;
    called += o.called;
    within += o.within;
    for (std::size_t i = 0; i < levels.size(); ++i) levels[i] += o.levels[i];
    return *this;
}

std::size_t nearest_rank(double p, std::size_t n) {
    return std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n))));
}

double mean_of(std::int64_t sum, std::size_t n) {
    return n == 0 ? 0.0 : round1(static_cast<double>(sum) / static_cast<double>(n));
}

TurnaroundRow make_row(std::string key, std::string label, const RowCounts& c,
                       const TimeStats& wait, const TimeStats& service, const TimeStats& visit,
                       SatisfactionScale scale) {
    TurnaroundRow r;
    r.key = std::move(key);
    r.label = std::move(label);
    r.issued = c.issued;
    r.served = c.served;
    r.no_show = c.no_show;
    r.expired = c.expired;
    r.wait_s = wait;
    r.service_s = service;
    r.visit_s = visit;
    r.within_target_pct = pct(c.within, c.called);
    int satisfied = 0, not_dissatisfied = 0;
    for (int level : rating_levels(scale)) r.ratings.levels[level] = 0;
    for (int level = 1; level <= 5; ++level) {
        const int n = c.levels[static_cast<std::size_t>(level)];
        if (n == 0) continue;
        r.ratings.levels[level] += n;
        r.ratings.count += n;
        if (level >= 4) satisfied += n;
        if (level >= 3) not_dissatisfied += n;
    }
    r.ratings.satisfied_pct = pct(satisfied, r.ratings.count);
    r.ratings.not_dissatisfied_pct = pct(not_dissatisfied, r.ratings.count);
    return r;
}

std::string hour_key(std::int64_t hour) {
    return fmt::format("{:02}", hour);
}
std::string hour_label(std::int64_t hour) {
    return fmt::format("{:02}:00–{:02}:00", hour, (hour + 1) % 24);
}

TurnaroundReport compute_turnaround(const ReportInput& input, const WardConfig& config, Day from,
                                    Day to, GroupBy group_by, const OfficeZone& zone) {
    TurnaroundReport report = Builder(input, config, zone, from, to, group_by).build(from, to);
    if (group_by == ReportGrouping::officer)  // by username
        std::sort(report.rows.begin(), report.rows.end(),
                  [](const auto& a, const auto& b) { return a.key < b.key; });
    return report;
}

}  // namespace motcua::reports
