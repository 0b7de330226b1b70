#include "reports/wait_histogram.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "motcua/office_time.hpp"

namespace motcua::reports {
namespace {

// Round widths a person reads at a glance: minutes, then hours.
constexpr std::array<std::int64_t, 10> kWidths{60,   120,  300,  600,   900,
                                               1800, 3600, 7200, 14400, 28800};

std::int64_t seconds(std::int64_t from_ms, std::int64_t to_ms) {
    return std::llround(static_cast<double>(to_ms - from_ms) / 1000.0);
}

std::size_t bucket_of(std::int64_t wait, std::int64_t width) {
    return wait <= 0 ? 0 : static_cast<std::size_t>((wait - 1) / width);
}

}  // namespace

WaitHistogram compute_wait_histogram(const store::ReportRows& rows, const WardConfig& config,
                                     Day from, Day to) {
    // Categories in the config's order, then codes the config no longer has.
    std::vector<WaitBuckets> categories;
    for (const auto& c : config.categories)
        categories.push_back({c.code, c.name_vi, c.target_wait_s, 0, {}});
    std::vector<std::size_t> slot_of;  // interned category -> index in categories
    for (const auto& code : rows.categories) {
        auto it = std::find_if(categories.begin(), categories.end(),
                               [&](const auto& c) { return c.key == code; });
        if (it == categories.end()) {
            categories.push_back({code, code, 0, 0, {}});
            it = categories.end() - 1;
        }
        slot_of.push_back(static_cast<std::size_t>(it - categories.begin()));
    }
    std::vector<WaitCount> waits;
    for (const auto& t : rows.tickets) {
        // The same tickets as the turnaround report's wait_s: served, with every time set.
        if (t.state != TicketState::done || t.called_ms < 0 || t.started_ms < 0 ||
            t.finished_ms < 0)
            continue;
        waits.push_back(
            {slot_of[static_cast<std::size_t>(t.category)], seconds(t.issued_ms, t.called_ms), 1});
    }
    return wait_histogram_of(from, to, std::move(categories), waits);
}

WaitHistogram wait_histogram_of(Day from, Day to, std::vector<WaitBuckets> categories,
                                const std::vector<WaitCount>& waits) {
    WaitHistogram h;
    h.from = from;
    h.to = to;
    h.categories = std::move(categories);
    std::int64_t longest = 0;
    int served = 0;
    for (const auto& w : waits) {
        h.categories[w.category].served += w.count;
        served += w.count;
        longest = std::max(longest, w.seconds);
    }
    std::int64_t reach = longest;
    for (const auto& c : h.categories)
        if (c.served > 0) reach = std::max<std::int64_t>(reach, c.target_wait_s);
    // The narrowest width that keeps the chart readable, preferring one that puts every target
    // on a bucket edge: then the bars left of a target line are exactly the waits within it.
    const auto fits = [&](std::int64_t w) {
        return static_cast<std::size_t>(reach / w + 1) <= kMaxWaitBuckets;
    };
    const auto on_edges = [&](std::int64_t w) {
        return std::all_of(h.categories.begin(), h.categories.end(), [&](const auto& c) {
            return c.served == 0 || c.target_wait_s % w == 0;
        });
    };
    const auto aligned = std::find_if(kWidths.begin(), kWidths.end(),
                                      [&](auto w) { return fits(w) && on_edges(w); });
    const auto any = std::find_if(kWidths.begin(), kWidths.end(), fits);
    h.bucket_s = aligned != kWidths.end() ? *aligned : any != kWidths.end() ? *any : kWidths.back();
    // One bucket past the reach, so the longest wait and the targets sit inside the chart.
    const auto buckets = std::max<std::size_t>(1, static_cast<std::size_t>(reach / h.bucket_s + 1));
    for (std::size_t i = 0; i <= buckets; ++i)
        h.edges_s.push_back(static_cast<std::int64_t>(i) * h.bucket_s);
    for (auto& c : h.categories) c.counts.assign(buckets, 0);
    h.total = {"total", "Tổng cộng", 0, served, std::vector<int>(buckets, 0)};
    for (const auto& w : waits) {
        const std::size_t b = std::min(bucket_of(w.seconds, h.bucket_s), buckets - 1);
        h.categories[w.category].counts[b] += w.count;
        h.total.counts[b] += w.count;
    }
    return h;
}

}  // namespace motcua::reports
