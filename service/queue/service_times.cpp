#include "queue/service_times.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace motcua::queue {
namespace {

// A ward's first day: a lognormal spread with a median of four minutes and a mean near five
// (the 20 quantiles of exp(ln 240 + 0.6 z)), so the first estimates have an honest range.
const std::vector<int> kDefaultPool{74,  101, 120, 137, 153, 168, 183, 198, 214, 231,
                                    249, 269, 291, 315, 344, 378, 420, 479, 569, 778};
constexpr int kDefaultMeanS = 5 * 60;
// A few samples move the first day's centre as this many samples of it would: six quick absences
// (or a stopped test clock's zero-second visits) must not make every desk take a second.
constexpr double kFewPrior = 5;

int median_of(const std::vector<int>& sorted) {
    return sorted[sorted.size() / 2];
}

}  // namespace

TimePoint ServiceTimes::desk_since(const Ticket& t) {
    const TimePoint first = t.called_at.value_or(t.issued_at);
    if (t.queued_at > first && t.last_called_at) return *t.last_called_at;
    return first;
}

std::optional<int> ServiceTimes::desk_seconds(const Ticket& t) const {
    if (!t.finished_at || !t.called_at || !t.counter) return std::nullopt;
    if (t.state == TicketState::done) {
        if (t.outcome == FinishOutcome::closed_at_day_end) return std::nullopt;
    } else if (t.state != TicketState::no_show) {
        return std::nullopt;
    }
    if (zone_.office_day(*t.finished_at) != t.day) return std::nullopt;
    const auto s =
        std::chrono::duration_cast<std::chrono::seconds>(*t.finished_at - desk_since(t)).count();
    if (s < 0 || s > kMaxDeskSeconds) return std::nullopt;
    return static_cast<int>(s);
}

void ServiceTimes::add(const Ticket& t) {
    const auto seconds = desk_seconds(t);
    if (!seconds) return;
    auto& samples = samples_[t.category];
    samples.push_back({*t.counter, zone_.minutes_of_day(*t.called_at), *seconds, t.day});
    if (samples.size() > kSamplesPerCategory) samples.pop_front();
    ++version_;
}

void ServiceTimes::forget_before(Day day) {
    bool changed = false;
    for (auto& [category, samples] : samples_) {
        const auto old = samples.size();
        std::erase_if(samples, [&](const Sample& s) { return s.day < day; });
        changed |= samples.size() != old;
    }
    if (changed) ++version_;
}

void ServiceTimes::clear() {
    samples_.clear();
    ++version_;
}

void ServiceTimes::rebuild() const {
    if (built_ == version_) return;
    built_ = version_;
    pair_pools_.clear();
    category_pools_.clear();
    scaled_pools_.clear();
    ward_pool_.clear();
    // Each sample relative to its category's median, by hour of the day.
    std::vector<std::vector<double>> by_hour(24);
    for (const auto& [category, samples] : samples_) {
        if (samples.empty()) continue;
        auto& pool = category_pools_[category];
        for (const auto& s : samples) {
            pool.push_back(s.seconds);
            pair_pools_[{category, s.counter}].push_back(s.seconds);
            ward_pool_.push_back(s.seconds);
        }
        std::sort(pool.begin(), pool.end());
        const double median = std::max(1, median_of(pool));
        for (const auto& s : samples)
            by_hour[static_cast<std::size_t>(std::clamp(s.minute / 60, 0, 23))].push_back(
                s.seconds / median);
    }
    for (auto& [key, pool] : pair_pools_) std::sort(pool.begin(), pool.end());
    std::sort(ward_pool_.begin(), ward_pool_.end());
    hour_factors_.assign(24, 1.0);
    for (std::size_t h = 0; h < 24; ++h) {
        auto& ratios = by_hour[h];
        if (ratios.size() < kHourMin) continue;
        const auto mid = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
        std::nth_element(ratios.begin(), mid, ratios.end());
        // Shrunk towards 1 while the hour has few samples.
        const double n = static_cast<double>(ratios.size());
        hour_factors_[h] = std::clamp(1.0 + (*mid - 1.0) * n / (n + kHourShrink), 0.25, 4.0);
    }
}

const std::vector<int>& ServiceTimes::pool(const std::string& category, int counter) const {
    rebuild();
    if (auto it = pair_pools_.find({category, counter});
        it != pair_pools_.end() && it->second.size() >= kPoolMin)
        return it->second;
    const auto it = category_pools_.find(category);
    if (it != category_pools_.end() && it->second.size() >= kPoolMin) return it->second;
    // Too few samples to tell the spread: the first day's spread around their median.
    if (it != category_pools_.end()) return scaled(it->second);
    if (ward_pool_.size() >= kPoolMin) return ward_pool_;
    if (!ward_pool_.empty()) return scaled(ward_pool_);
    return kDefaultPool;
}

const std::vector<int>& ServiceTimes::scaled(const std::vector<int>& few) const {
    // The centre: the few samples' mean, shrunk towards the first day's median. Not their
    // median: with a handful, half of them can be absences marked within seconds.
    const double prior = median_of(kDefaultPool);
    const double sum = std::accumulate(few.begin(), few.end(), 0.0);
    const int centre = static_cast<int>(
        std::lround((sum + kFewPrior * prior) / (static_cast<double>(few.size()) + kFewPrior)));
    auto& out = scaled_pools_[centre];
    if (out.empty()) {
        const double scale = centre / prior;
        for (const int s : kDefaultPool)
            out.push_back(std::max(1, static_cast<int>(std::lround(s * scale))));
    }
    return out;
}

double ServiceTimes::hour_factor(int minute_of_day) const {
    rebuild();
    return hour_factors_[static_cast<std::size_t>(std::clamp(minute_of_day / 60, 0, 23))];
}

int ServiceTimes::recent_mean_s(const std::string& category) const {
    auto it = samples_.find(category);
    if (it == samples_.end() || it->second.empty()) return kDefaultMeanS;
    const auto& samples = it->second;
    const std::size_t n = std::min(samples.size(), kRecentSamples);
    std::int64_t sum = 0;
    for (auto s = samples.end() - static_cast<std::ptrdiff_t>(n); s != samples.end(); ++s)
        sum += s->seconds;
    return static_cast<int>(sum / static_cast<std::int64_t>(n));
}

std::size_t ServiceTimes::size(const std::string& category) const {
    auto it = samples_.find(category);
    return it == samples_.end() ? 0 : it->second.size();
}

}  // namespace motcua::queue
