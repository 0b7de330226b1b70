#include "queue/estimate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "queue/call_rule.hpp"

namespace motcua::queue {
namespace {

// splitmix64: small, fast and good enough to draw samples from a pool.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // In [0, n), by multiplication rather than a division (Lemire's method, bias below 2^-32).
    std::size_t below(std::size_t n) {
        return static_cast<std::size_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    // In (0, 1).
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Exp(1) from a table of its quantiles: a logarithm per walk-in would cost a fifth of the
    // forecast, and 2048 quantiles are finer than any estimate shown (8 KiB: it stays cached).
    double exponential() {
        static const auto table = [] {
            std::array<float, 2048> q{};
            for (std::size_t i = 0; i < q.size(); ++i)
                q[i] = static_cast<float>(
                    -std::log((static_cast<double>(i) + 0.5) / static_cast<double>(q.size())));
            return q;
        }();
        return table[next() >> 53];
    }
    // Standard normal (Box and Muller).
    double normal() {
        return std::sqrt(-2.0 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
    }
    // Gamma(shape n, scale 1) for a whole n >= 1: a sum of exponentials, or Wilson and
    // Hilferty's normal approximation once n is large.
    double gamma(int n) {
        if (n < 12) {
            double sum = 0;
            for (int i = 0; i < n; ++i) sum += exponential();
            return sum;
        }
        const double z = normal();
        const double k = n;
        const double c = 1.0 - 1.0 / (9.0 * k) + z / (3.0 * std::sqrt(k));
        return k * std::max(0.0, c * c * c);
    }
};

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
// How far the arrival rate may drift from the recent one over the next hours (log scale, 1 σ).
constexpr double kRateDrift = 0.3;

// A ticket at a desk that has already outlasted every sample is assumed to end soon.
int overdue_remaining_s(const std::vector<int>& pool) {
    return std::max(60, pool[pool.size() / 2] / 4);
}

// Horizon of one play: a ticket not called within it is told the horizon.
constexpr std::int64_t kHorizonMs = 12LL * 60 * 60 * 1000;

class Run {
public:
    explicit Run(const ForecastInput& in) : in_(in) {
        lines_.resize(in.categories.size());
        free_.resize(in.counters.size());
        for (const auto& c : in.counters) {
            // Where the desk's current ticket stands in its pool: samples past it are what it
            // may still take.
            std::size_t first = 0;
            if (c.current_pool != nullptr)
                first = static_cast<std::size_t>(std::upper_bound(c.current_pool->begin(),
                                                                  c.current_pool->end(),
                                                                  c.current_elapsed_s) -
                                                 c.current_pool->begin());
            current_first_.push_back(first);
        }
        to_record_ = in.issued_ms.size() + in.categories.size();
        // Real tickets per category, plus the one taken now.
        for (const auto& q : in.categories)
            real_.push_back(q.normal.size() + q.priority.size() + q.appointments.size() + 1);
    }

    /// One play of the policy; calls record(ticket or -1 - category, ms from now). Returns the
    /// calls it played.
    template <typename Record>
    std::int64_t play(Random& rng, Record&& record) {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            auto& h = lines_[i];
            const auto& q = in_.categories[i];
            h.normal = h.priority = h.appointment = 0;
            // The booked line of this play: those checked in, and those expected who come.
            h.booked.assign(q.appointments.begin(), q.appointments.end());
            for (const std::int64_t start : q.expected)
                if (rng.uniform() < in_.booking_show_rate) h.booked.emplace_back(start, -1);
            if (!q.expected.empty())
                std::stable_sort(h.booked.begin(), h.booked.end(),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
            h.normal_since_priority = q.normal_since_priority;
            h.taken_now = false;
            h.left = real_[i];
            // The rate behind n arrivals in a window w is uncertain, Gamma(n) / w, and the
            // next hour need not follow the last half hour: a drift of kRateDrift (lognormal).
            const double drift = std::exp(kRateDrift * rng.normal());
            const auto rate = [&](int seen) {
                return seen == 0 ? 0.0 : drift * rng.gamma(seen) / in_.arrival_window_s;
            };
            for (int k = 0; k < 2; ++k) {
                const double per_s = rate(k == 0 ? q.normal_seen : q.priority_seen);
                h.gap_ms[k] = per_s > 0 ? 1000.0 / per_s : 0;
                h.walk_ins[k].first = next_arrival(in_.now_ms, h.gap_ms[k], rng);
            }
        }
        for (std::size_t i = 0; i < free_.size(); ++i) {
            const auto& c = in_.counters[i];
            std::int64_t free = c.free_ms;
            if (c.current_pool != nullptr) {
                const auto& pool = *c.current_pool;
                const std::size_t first = current_first_[i];
                const int remaining =
                    first < pool.size()
                        ? pool[first + rng.below(pool.size() - first)] - c.current_elapsed_s
                        : overdue_remaining_s(pool);
                free = std::max(free, in_.now_ms + std::int64_t{remaining} * 1000);
            }
            free_[i] = free;
        }
        recorded_ = 0;
        const auto counted = [&](int who, std::int64_t ms) {
            ++recorded_;
            record(who, ms);
        };
        std::int64_t calls = 0;
        while (recorded_ < to_record_) {
            const std::size_t c = earliest();
            if (c == free_.size() || free_[c] == kNever) break;
            const std::int64_t t = open_at(free_[c]);
            if (t - in_.now_ms > kHorizonMs) break;
            ++calls;
            if (!call(c, t, rng, counted)) free_[c] = next_chance(c, t);
        }
        return calls;
    }

private:
    // Walk-ins of one class still to come in one play. They are called in the order they come,
    // so only the first not yet called matters: its arrival is drawn when the one before it is
    // called, and walk-ins never reached cost nothing.
    struct WalkIns {
        std::int64_t first = kNever;  // arrival of the first not yet called
        [[nodiscard]] bool waiting(std::int64_t t) const { return first <= t; }
    };

    struct LineHeads {
        std::size_t normal = 0, priority = 0, appointment = 0;
        std::size_t left = 0;  // real tickets and the one taken now, not yet called
        std::vector<std::pair<std::int64_t, int>> booked;  // slot start, ticket (-1: expected)
        int normal_since_priority = 0;
        bool taken_now = false;     // the ticket taken now (behind the real normal line) was called
        WalkIns walk_ins[2];        // normal, priority
        double gap_ms[2] = {0, 0};  // mean time between walk-ins; 0: none come
    };

    [[nodiscard]] std::int64_t next_arrival(std::int64_t from, double gap_ms, Random& rng) const {
        if (gap_ms <= 0 || from >= in_.arrivals_end_ms) return kNever;
        const auto at = from + static_cast<std::int64_t>(rng.exponential() * gap_ms);
        return at < in_.arrivals_end_ms ? at : kNever;
    }

    // The counter free first (the first of those free together); free_.size() when none.
    [[nodiscard]] std::size_t earliest() const {
        if (free_.empty()) return 0;
        std::size_t best = 0;
        std::int64_t when = free_[0];
        // Without branches: which counter wins is as good as random.
        for (std::size_t i = 1; i < free_.size(); ++i) {
            const bool sooner = free_[i] < when;
            best = sooner ? i : best;
            when = sooner ? free_[i] : when;
        }
        return best;
    }

    // The earliest moment from `t` inside office hours; after the last session, `t` itself.
    [[nodiscard]] std::int64_t open_at(std::int64_t t) const {
        for (const auto& [open, close] : in_.sessions) {
            if (t < open) return open;
            if (t < close) return t;
        }
        return t;
    }

    // Counter `c` calls at `t`: false when none of its categories has anyone to call now.
    template <typename Record>
    bool call(std::size_t c, std::int64_t t, Random& rng, Record& record) {
        const auto& counter = in_.counters[c];
        // A counter whose categories hold no real ticket any more can delay no one: it leaves
        // the play (in a busy ward it would serve walk-ins still to come for hours).
        if (std::none_of(counter.categories.begin(), counter.categories.end(),
                         [&](int cat) { return lines_[static_cast<std::size_t>(cat)].left > 0; })) {
            free_[c] = kNever;
            return true;
        }
        for (std::size_t k = 0; k < counter.categories.size(); ++k) {
            const auto cat = static_cast<std::size_t>(counter.categories[k]);
            const auto& q = in_.categories[cat];
            auto& h = lines_[cat];
            auto& later_normal = h.walk_ins[0];
            auto& later_priority = h.walk_ins[1];
            for (;;) {
                // The normal line: real tickets, then the one taken now, then later walk-ins.
                const bool real_normal = h.normal < q.normal.size();
                const bool real_priority = h.priority < q.priority.size();
                LineState s;
                s.appointment_due =
                    h.appointment < h.booked.size() && h.booked[h.appointment].first <= t;
                s.has_normal = real_normal || !h.taken_now || later_normal.waiting(t);
                s.has_priority = real_priority || later_priority.waiting(t);
                if (s.has_normal) {
                    const std::int64_t issued =
                        real_normal    ? in_.issued_ms[static_cast<std::size_t>(q.normal[h.normal])]
                        : !h.taken_now ? in_.now_ms
                                       : later_normal.first;
                    s.oldest_normal_wait_s = static_cast<int>((t - issued) / 1000);
                }
                s.normal_since_priority = h.normal_since_priority;
                const Line line = choose_line(s, in_.policy);
                if (line == Line::none) break;
                if (line == Line::normal && !real_normal && !h.taken_now) {
                    // The ticket taken now takes no desk time: nobody real is behind it.
                    record(-1 - static_cast<int>(cat), t - in_.now_ms);
                    h.taken_now = true;
                    --h.left;
                    continue;
                }
                int ticket = -1;  // a walk-in still to come: desk time, nothing to record
                if (line == Line::appointment)
                    ticket = h.booked[h.appointment++].second;
                else if (line == Line::priority && real_priority)
                    ticket = q.priority[h.priority++];
                else if (line == Line::priority)
                    later_priority.first = next_arrival(later_priority.first, h.gap_ms[1], rng);
                else if (real_normal)
                    ticket = q.normal[h.normal++];
                else
                    later_normal.first = next_arrival(later_normal.first, h.gap_ms[0], rng);
                h.normal_since_priority = normal_since_priority_after(
                    h.normal_since_priority, line,
                    h.priority < q.priority.size() || later_priority.waiting(t), in_.policy);
                if (ticket >= 0) {
                    record(ticket, t - in_.now_ms);
                    --h.left;
                }
                const auto& pool = *counter.pools[k];
                const int minute = static_cast<int>((t - in_.day_start_ms) / 60'000);
                const double factor =
                    in_.hour_factors[static_cast<std::size_t>(std::clamp(minute / 60, 0, 23))];
                free_[c] =
                    t + static_cast<std::int64_t>(pool[rng.below(pool.size())] * factor * 1000.0);
                return true;
            }
        }
        return false;
    }

    // Nothing to call at counter `c` at `t`: its next chance is the next walk-in or booked slot
    // in its categories.
    [[nodiscard]] std::int64_t next_chance(std::size_t c, std::int64_t t) const {
        std::int64_t next = kNever;
        for (const int cat : in_.counters[c].categories) {
            const auto& h = lines_[static_cast<std::size_t>(cat)];
            if (h.appointment < h.booked.size())
                next = std::min(next, h.booked[h.appointment].first);
            next = std::min({next, h.walk_ins[0].first, h.walk_ins[1].first});
        }
        return std::max(next, t);
    }

    const ForecastInput& in_;
    std::vector<LineHeads> lines_;
    std::vector<std::int64_t> free_;
    std::vector<std::size_t> current_first_;
    std::vector<std::size_t> real_;  // per category: tickets to record in a play
    std::size_t to_record_ = 0;
    std::size_t recorded_ = 0;
};

// The median and the 80% range of n plays. Of n draws, the k-th smallest is below a fresh
// draw with probability k / (n + 1): the range runs from the k-th with k = (n + 1) / 10 to the
// one with k = 9 (n + 1) / 10 (with 59 plays, the 6th and the 54th: 48 / 60 = 80%).
WaitEstimate quantiles(std::vector<int>& samples) {
    if (samples.size() < 3) {  // too few plays for ranks: their spread
        std::sort(samples.begin(), samples.end());
        return {samples[samples.size() / 2], samples.front(), samples.back()};
    }
    const auto n = static_cast<std::ptrdiff_t>(samples.size());
    const auto rank = [&](double p) {
        return std::clamp<std::ptrdiff_t>(std::lround(p * static_cast<double>(n + 1)) - 1, 0,
                                          n - 1);
    };
    const auto mid = samples.begin() + rank(0.5);
    std::nth_element(samples.begin(), mid, samples.end());
    const auto low = samples.begin() + rank(0.1);
    std::nth_element(samples.begin(), low, mid);
    const auto high = samples.begin() + rank(0.9);
    std::nth_element(mid + 1, high, samples.end());
    return {*mid, *low, *high};
}

}  // namespace

Forecast forecast(const ForecastInput& in, const Plays& plays, std::uint64_t seed) {
    const std::size_t tickets = in.issued_ms.size();
    const std::size_t categories = in.categories.size();
    const auto most = static_cast<std::size_t>(std::max(1, plays.most));
    const auto fewest = std::min(most, static_cast<std::size_t>(std::max(1, plays.fewest)));
    // Seconds from now to the call, per ticket (then per category's ticket taken now) and run;
    // -1 until called.
    std::vector<int> waits((tickets + categories) * most, -1);

    Random rng{seed};
    Run run(in);
    std::size_t n = 0;
    std::int64_t calls = 0;
    for (; n < most && (n < fewest || calls < plays.calls); ++n) {
        calls += run.play(rng, [&](int who, std::int64_t ms) {
            const auto row = who >= 0 ? static_cast<std::size_t>(who)
                                      : tickets + static_cast<std::size_t>(-1 - who);
            const int s = static_cast<int>(std::max<std::int64_t>(0, ms) / 1000);
            waits[row * most + n] = s;
        });
    }
    Forecast out;
    out.plays = static_cast<int>(n);
    out.calls = calls;
    out.tickets.reserve(tickets);
    out.taken_now.reserve(categories);
    std::vector<int> column(n);
    for (std::size_t row = 0; row < tickets + categories; ++row) {
        for (std::size_t r = 0; r < n; ++r) {
            // Never called in a play (beyond its horizon, or no counter serves its category):
            // the horizon, "very long", never a short figure.
            const int w = waits[row * most + r];
            column[r] = w >= 0 ? w : static_cast<int>(kHorizonMs / 1000);
        }
        (row < tickets ? out.tickets : out.taken_now).push_back(quantiles(column));
    }
    return out;
}

}  // namespace motcua::queue
