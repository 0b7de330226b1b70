// motcua-estimate-bench: times estimating every waiting ticket after a change (DESIGN.md §9):
// the call policy played forward 100 times from a busy ward's state.
// Usage: motcua-estimate-bench [--waiting N] [--counters N] [--runs N]
// The ward has five categories shared by its counters in different orders of preference, a
// priority mix, checked-in bookings, a ticket at every desk and 200 learned desk times per
// category. Prints the median and the worst of N recomputations.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>

#include "queue/engine.hpp"

using namespace motcua;
using namespace motcua::queue;
using namespace std::chrono_literals;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string config_text(int counters) {
    const char* codes[] = {"HT", "DC", "VX", "TK", "LD"};
    std::string text = R"(
[office]
name = "Phường Thử"
unit_code = "000.00.00.X01"
admin_pin = "1234"
hours = ["07:30-11:30", "13:30-17:00"]
[priority]
normal_per_priority = 2
max_normal_wait_min = 30
)";
    for (int i = 0; i < 5; ++i)
        text += fmt::format(
            "[[categories]]\ncode = \"{}\"\nname_vi = \"Lĩnh vực {}\"\nname_en = \"Field {}\"\n"
            "prefix = \"{}\"\n",
            codes[i], i + 1, i + 1, static_cast<char>('A' + i));
    // Each counter serves three categories, starting from its own.
    for (int c = 0; c < counters; ++c)
        text += fmt::format("[[counters]]\nnumber = {}\ncategories = [\"{}\", \"{}\", \"{}\"]\n",
                            c + 1, codes[c % 5], codes[(c + 1) % 5], codes[(c + 2) % 5]);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times estimating every waiting ticket"};
    int waiting = 300;
    int counters = 10;
    int runs = 201;
    int spread_min = 120;
    app.add_option("--waiting", waiting, "tickets waiting")->check(CLI::Range(1, 100000));
    app.add_option("--counters", counters, "open counters")->check(CLI::Range(1, 200));
    app.add_option("--runs", runs, "timed recomputations")->check(CLI::PositiveNumber);
    app.add_option("--spread", spread_min, "minutes over which the waiting tickets came")
        ->check(CLI::Range(1, 600));
    CLI11_PARSE(app, argc, argv);

    auto config = parse_config(config_text(counters), "bench.toml");
    if (!config) {
        std::cerr << "motcua-estimate-bench: " << config.error().message << '\n';
        return 1;
    }
    const auto zone = *OfficeZone::load(config->time_zone);
    const Day today{date::year{2026}, date::November, date::day{23}};
    TimePoint now = zone.at_local(today, 10 * 60);
    Engine engine(*config, zone, now);

    // Learned desk times: 200 per category over the last days, lognormal around 6 minutes.
    std::mt19937 rng(2026);
    std::lognormal_distribution<double> desk(std::log(360.0), 0.6);
    int id = 0;
    for (const auto& cat : config->categories)
        for (int i = 0; i < 200; ++i) {
            Ticket t;
            t.id = fmt::format("h{}", ++id);
            t.day = Day{date::sys_days{today} - date::days{1 + i % 20}};
            t.category = t.issued_category = cat.code;
            t.state = TicketState::done;
            t.outcome = FinishOutcome::resolved;
            t.counter = 1 + i % counters;
            const TimePoint called = zone.at_local(t.day, 8 * 60 + (i * 7) % 480);
            t.issued_at = t.queued_at = called - 10min;
            t.called_at = t.last_called_at = t.started_at = called;
            t.finished_at = called + std::chrono::seconds(static_cast<int>(desk(rng)));
            engine.history().add(t);
        }

    // The queue: one ticket at each desk, then `waiting` more over the last `spread` minutes
    // (the forecast expects more to come at that rate).
    const auto issue = [&](const std::string& category, bool priority,
                           std::optional<AppointmentRef> booking) {
        auto r = engine.issue(now, fmt::format("t{}", ++id), category, priority, std::nullopt,
                              std::move(booking));
        if (!r) throw std::runtime_error(r.error().message);
    };
    now -= std::chrono::minutes(spread_min);
    for (int c = 1; c <= counters; ++c) {
        issue(config->counters[static_cast<std::size_t>(c - 1)].categories.front(), false,
              std::nullopt);
        (void)engine.open_counter(now, c, fmt::format("officer{}", c));
        (void)engine.call_next(now, c, fmt::format("officer{}", c));
    }
    for (int i = 0; i < waiting; ++i) {
        now += std::chrono::milliseconds(spread_min * 60'000 / waiting);
        const bool booked = i % 25 == 0;
        issue(config->categories[rng() % config->categories.size()].code,
              !booked && rng() % 100 < 15,
              booked ? std::optional(AppointmentRef{fmt::format("BK{:05}", i),
                                                    now + std::chrono::minutes(20 + i / 10)})
                     : std::nullopt);
    }
    if (engine.total_waiting() != waiting) {
        std::cerr << "motcua-estimate-bench: " << engine.total_waiting() << " waiting, not "
                  << waiting << '\n';
        return 1;
    }

    // Each run asks 31 s before or after the last one, past the cache's age: a full
    // recomputation of the same state.
    std::vector<double> ms;
    std::size_t estimated = 0;
    int plays = 0;
    for (int r = 0; r < runs; ++r) {
        const TimePoint at = r % 2 == 0 ? now : now + 31s;
        const auto t0 = std::chrono::steady_clock::now();
        const auto& e = engine.estimates(at);
        estimated = e.tickets.size();
        plays = e.plays;
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    // A read in between costs a lookup.
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000; ++i) estimated += engine.estimates(now).tickets.size() > 0 ? 0 : 1;
    const auto t1 = std::chrono::steady_clock::now();
    fmt::print("estimates: {} waiting tickets (came over {} min), {} counters, {} plays, {} runs\n",
               estimated, spread_min, counters, plays, runs);
    fmt::print("recompute: median {:.3f} ms, worst {:.3f} ms\n", median(ms),
               *std::max_element(ms.begin(), ms.end()));
    fmt::print("cached read: {:.2f} us\n",
               std::chrono::duration<double, std::micro>(t1 - t0).count() / 1000);
    return 0;
}
