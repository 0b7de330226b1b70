#pragma once
/// Wait estimates (DESIGN.md §9): the call policy played forward from the current state, many
/// times over with service times drawn from history, gives each waiting ticket a median and an
/// 80% range. Pure: no clock, no store; the engine builds the input.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "motcua/config.hpp"

namespace motcua::queue {

struct WaitEstimate {
    int wait_s = 0;  // median
    int low_s = 0;   // 10th percentile
    int high_s = 0;  // 90th percentile
    bool operator==(const WaitEstimate&) const = default;
};

/// The state to play forward, in indexes; times in ms since the epoch.
struct ForecastInput {
    std::int64_t now_ms = 0;
    /// Local midnight of the office day, for the time of day of each call.
    std::int64_t day_start_ms = 0;
    /// Today's office sessions [open, close), in order: a counter free during a break calls at
    /// the next opening; after the last session it goes on until its queue is empty.
    std::vector<std::pair<std::int64_t, std::int64_t>> sessions;
    struct Category {
        std::vector<int> normal;    // ticket indexes, in line order
        std::vector<int> priority;  // ticket indexes, in line order
        /// Checked-in bookings: slot start, ticket index; by slot.
        std::vector<std::pair<std::int64_t, int>> appointments;
        /// Slot starts of bookings not yet checked in, in order: each comes with probability
        /// `booking_show_rate` and passes the walk-ins at its slot.
        std::vector<std::int64_t> expected;
        int normal_since_priority = 0;
        /// Walk-ins issued over the last `arrival_window_s`: those still to come arrive at that
        /// rate, itself uncertain (each play draws it). Later priority tickets pass normal ones,
        /// and later tickets of a category a shared counter prefers take that counter first.
        int normal_seen = 0;
        int priority_seen = 0;
    };
    std::vector<Category> categories;
    double arrival_window_s = 1800;
    double booking_show_rate = 0.85;
    /// Walk-ins arrive until then (tickets stop being issued).
    std::int64_t arrivals_end_ms = 0;
    std::vector<std::int64_t> issued_ms;  // per ticket index (the max-wait guard)
    struct Counter {
        std::vector<int> categories;  // indexes, in order of preference
        /// Desk times (seconds, ascending) per entry of `categories`.
        std::vector<const std::vector<int>*> pools;
        std::int64_t free_ms = 0;  // when it may call next, the ticket at its desk aside
        /// The ticket at its desk: its desk-time pool and the seconds it has held the desk.
        const std::vector<int>* current_pool = nullptr;
        int current_elapsed_s = 0;
    };
    std::vector<Counter> counters;
    std::vector<double> hour_factors;  // 24: service time at each hour relative to usual
    PriorityPolicy policy;
};

struct Forecast {
    std::vector<WaitEstimate> tickets;  // per ticket index: seconds from now to its call
    /// Per category: a normal ticket taken now, at the back of its line.
    std::vector<WaitEstimate> taken_now;
    int plays = 0;
    std::int64_t calls = 0;  // played in all
};

/// How many times to play the policy: `most`, or once `calls` calls have been played (a
/// long queue), at least `fewest`.
struct Plays {
    int most = 99;
    int fewest = 29;
    std::int64_t calls = 20'000;
};

/// Plays the policy forward; the same input and seed give the same forecast.
Forecast forecast(const ForecastInput& in, const Plays& plays, std::uint64_t seed);

}  // namespace motcua::queue
