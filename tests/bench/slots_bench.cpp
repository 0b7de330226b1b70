// motcua-slots-bench: times listing the bookable slots (GET /public/slots' computation) over the
// whole horizon, with a book already holding bookings.
// Usage: motcua-slots-bench --config FILE [--fill PERCENT] [--runs N]
// Prints the median and the worst of N runs of listing every bookable day (horizon_days working
// days from a Monday) of every bookable category, each day as one GET /public/slots computes it.
// The HTTP round trip is not included (it is the same as any small GET).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>

#include "appointments/book.hpp"
#include "appointments/slots.hpp"
#include "motcua/calendar.hpp"

using namespace motcua;
using namespace motcua::appointments;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times listing 14 days of bookable slots"};
    std::string config_path;
    int fill = 50;
    int runs = 101;
    app.add_option("--config", config_path, "ward config (TOML)")->required();
    app.add_option("--fill", fill, "percent of places already booked")->check(CLI::Range(0, 100));
    app.add_option("--runs", runs, "timed runs")->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);

    auto config = load_config(config_path);
    if (!config) {
        std::cerr << "motcua-slots-bench: " << config.error().message << '\n';
        return 1;
    }
    const auto zone = OfficeZone::load(config->time_zone);
    if (!zone) {
        std::cerr << "motcua-slots-bench: " << zone.error().message << '\n';
        return 1;
    }
    const WorkingCalendar calendar(*config);
    Book book(*config, calendar, *zone);
    // Monday 23/11/2026, 07:00: the whole first day is still ahead.
    const Day today{date::year{2026}, date::November, date::day{23}};
    const TimePoint now = zone->at_local(today, 7 * 60);
    const auto days = bookable_days(*config, calendar, today);

    // Book `fill` percent of every slot's places, each with its own phone number.
    std::mt19937 rng(2026);
    int booked = 0;
    int phone = 0;
    std::vector<std::string> categories;
    for (const auto& c : config->categories) {
        if (c.appointment_places <= 0) continue;
        categories.push_back(c.code);
        for (const Day d : days)
            for (const Slot& s : open_slots(*config, calendar, *zone, d, now))
                for (int place = 0; place < c.appointment_places; ++place) {
                    if (std::uniform_int_distribution<int>(0, 99)(rng) >= fill) continue;
                    BookingRequest req{c.code, d, s.start, fmt::format("09{:08}", ++phone)};
                    if (book.book(req, fmt::format("B{:07}", phone), now)) ++booked;
                }
    }

    std::vector<double> ms;
    std::size_t listed = 0;
    for (int run = 0; run < runs; ++run) {
        listed = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& category : categories)
            for (const Day d : days) {
                auto slots = book.slots(category, d, now);
                if (!slots) {
                    std::cerr << "motcua-slots-bench: " << slots.error().message << '\n';
                    return 1;
                }
                listed += slots->size();
            }
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    fmt::print(
        "{} days x {} categories ({} slots listed, {} bookings held): median {:.3f} ms, "
        "worst {:.3f} ms over {} runs; one day of one category: {:.1f} us\n",
        days.size(), categories.size(), listed, booked, median(ms),
        *std::max_element(ms.begin(), ms.end()), runs,
        median(ms) * 1000.0 / static_cast<double>(days.size() * categories.size()));
    return 0;
}
