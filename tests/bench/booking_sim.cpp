// motcua-booking-sim: does booking cut waits? The same ward days played twice through the real
// queue engine (its calling rule included): once with every visit a walk-in, once with a share
// of the visits booked (DESIGN.md §10).
// Usage: motcua-booking-sim --config FILE [--visits N] [--booked PERCENT] [--days N] [--seed S]
//
// A day: `visits` citizens arrive through office hours (more in the morning), each for a category
// and with a service time (4-14 min) drawn once and used in both runs. Every counter of the config
// is open all day and calls the next ticket whenever it is free (not in the lunch break). In the
// booked run, `booked` percent of all visits, taken from the bookable categories, book instead:
// the first slot with a free place at or after the time they would have come, and they arrive
// (check in) 0-10 minutes before it. A wait is call − arrival (check-in for the booked).
// Prints, per run, the mean and p90 wait of walk-ins and of booked citizens over all days.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <map>
#include <random>

#include "appointments/slots.hpp"
#include "motcua/calendar.hpp"
#include "queue/engine.hpp"

using namespace motcua;

namespace {

struct Visit {
    std::string category;
    TimePoint arrival;  // when a walk-in comes
    std::chrono::seconds service{0};
    bool booked = false;
    std::optional<TimePoint> slot;  // the booked slot's start
};

struct Waits {
    std::vector<double> walk_in_s;
    std::vector<double> booked_s;
};

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

double p90(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[(v.size() * 9 + 9) / 10 - 1];
}

/// Plays one day of `visits` through a fresh engine; returns each citizen's wait.
void play_day(const WardConfig& config, const OfficeZone& zone, Day day,
              const std::vector<Visit>& visits, Waits& out) {
    const TimePoint open = zone.at_local(day, 7 * 60 + 30);
    const TimePoint lunch = zone.at_local(day, 11 * 60 + 30);
    const TimePoint afternoon = zone.at_local(day, 13 * 60);
    const TimePoint close = zone.at_local(day, 17 * 60);
    queue::Engine engine(config, zone, open - std::chrono::minutes(1));
    std::vector<std::string> officers;
    for (const auto& c : config.counters) {
        officers.push_back(fmt::format("cb{}", c.number));
        (void)engine.open_counter(open - std::chrono::minutes(1), c.number, officers.back());
    }
    // Arrivals in time order: a walk-in at its arrival, a booked citizen at its check-in.
    std::vector<std::pair<TimePoint, std::size_t>> arrivals;
    for (std::size_t i = 0; i < visits.size(); ++i) arrivals.emplace_back(visits[i].arrival, i);
    std::sort(arrivals.begin(), arrivals.end());
    std::map<std::string, std::size_t> by_ticket;
    std::vector<TimePoint> free_at(config.counters.size(), open);
    std::size_t next = 0;
    const auto step = std::chrono::seconds(30);  // an idle officer looks at the queue this often
    // Second by second until everyone is called (those still waiting at 17:00 are called after,
    // as wards serve everyone who took a ticket).
    for (TimePoint t = open; t < close + std::chrono::hours(3); t += std::chrono::seconds(1)) {
        while (next < arrivals.size() && arrivals[next].first <= t) {
            const Visit& v = visits[arrivals[next].second];
            const std::string id = fmt::format("t{}", arrivals[next].second);
            std::optional<AppointmentRef> ref;
            if (v.booked) ref = AppointmentRef{id, *v.slot};
            if (engine.issue(t, id, v.category, false, std::nullopt, ref))
                by_ticket[id] = arrivals[next].second;
            ++next;
        }
        if (t >= lunch && t < afternoon) continue;
        for (std::size_t c = 0; c < config.counters.size(); ++c) {
            if (free_at[c] > t) continue;
            const int n = config.counters[c].number;
            (void)engine.finish(t, n, officers[c], FinishOutcome::resolved);
            auto called = engine.call_next(t, n, officers[c]);
            if (!called || !called->ticket) {
                free_at[c] = t + step;
                continue;
            }
            (void)engine.start(t, n, officers[c]);
            const Visit& v = visits.at(by_ticket.at(called->ticket->id));
            const double wait = std::chrono::duration<double>(t - v.arrival).count();
            (v.booked ? out.booked_s : out.walk_in_s).push_back(wait);
            free_at[c] = t + v.service;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-booking-sim: ward days with and without bookings"};
    std::string config_path;
    int visits_per_day = 220;
    int booked_pct = 30;
    int days = 20;
    unsigned seed = 2026;
    app.add_option("--config", config_path, "ward config (TOML)")->required();
    app.add_option("--visits", visits_per_day, "citizens a day")->check(CLI::Range(10, 2000));
    app.add_option("--booked", booked_pct, "percent of all visits booked")
        ->check(CLI::Range(0, 100));
    app.add_option("--days", days, "days played")->check(CLI::Range(1, 365));
    app.add_option("--seed", seed, "random seed");
    CLI11_PARSE(app, argc, argv);

    auto config = load_config(config_path);
    if (!config) return std::cerr << "motcua-booking-sim: " << config.error().message << '\n', 1;
    auto zone = OfficeZone::load(config->time_zone);
    if (!zone) return std::cerr << "motcua-booking-sim: " << zone.error().message << '\n', 1;
    const WorkingCalendar calendar(*config);

    std::mt19937 rng(seed);
    const auto uniform = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    Waits without, with;
    int booked_total = 0;
    int wanted_total = 0;
    Day day{date::year{2026}, date::November, date::day{23}};
    for (int played = 0; played < days; day = Day{date::sys_days{day} + date::days{1}}) {
        if (!calendar.is_working_day(day)) continue;
        ++played;
        // The day's citizens: two thirds in the morning session.
        std::vector<Visit> visits;
        for (int i = 0; i < visits_per_day; ++i) {
            Visit v;
            v.category = config
                             ->categories[static_cast<std::size_t>(
                                 uniform(0, static_cast<int>(config->categories.size()) - 1))]
                             .code;
            const bool morning = uniform(0, 2) != 0;
            const int minute = morning ? 7 * 60 + 30 + uniform(0, 239) : 13 * 60 + uniform(0, 224);
            v.arrival = zone->at_local(day, minute) + std::chrono::seconds(uniform(0, 59));
            v.service = std::chrono::seconds(uniform(240, 840));
            visits.push_back(std::move(v));
        }
        play_day(*config, *zone, day, visits, without);

        // The same citizens, some of them booked: the first slot with a free place at or after
        // the time they would have come.
        std::map<std::pair<std::string, int>, int> taken;
        const int want = visits_per_day * booked_pct / 100;
        wanted_total += want;
        std::vector<std::size_t> order(visits.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        int booked = 0;
        for (const std::size_t i : order) {
            if (booked >= want) break;
            Visit& v = visits[i];
            const Category* c = config->find_category(v.category);
            if (c == nullptr || c->appointment_places <= 0) continue;
            const int come = zone->minutes_of_day(v.arrival);
            for (const auto& s : appointments::day_slots(*config, calendar, day)) {
                if (s.start < come - 5) continue;
                int& n = taken[{v.category, s.start}];
                if (n >= c->appointment_places) continue;
                ++n;
                v.booked = true;
                v.slot = zone->at_local(day, s.start);
                v.arrival = *v.slot - std::chrono::minutes(uniform(0, 10));
                ++booked;
                break;
            }
        }
        booked_total += booked;
        play_day(*config, *zone, day, visits, with);
    }

    const auto line = [](const char* who, const std::vector<double>& w) {
        return fmt::format("{:<10} {:>6} visits, mean wait {:>5.1f} min, p90 {:>5.1f} min", who,
                           w.size(), mean(w) / 60, p90(w) / 60);
    };
    std::vector<double> all_with = with.walk_in_s;
    all_with.insert(all_with.end(), with.booked_s.begin(), with.booked_s.end());
    fmt::print("{} days of {} visits, {} counters; {} of {} wanted bookings made ({}% of visits)\n",
               days, visits_per_day, config->counters.size(), booked_total, wanted_total,
               booked_pct);
    fmt::print("without bookings:\n  {}\n", line("everyone", without.walk_in_s));
    fmt::print("with bookings:\n  {}\n  {}\n  {}\n", line("walk-ins", with.walk_in_s),
               line("booked", with.booked_s), line("everyone", all_with));
    return 0;
}
