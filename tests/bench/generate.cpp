// motcua-gen: fills a database with realistic history for reports and benchmarks.
// Usage: motcua-gen --config FILE --db FILE --tickets N [--days D] [--end YYYY-MM-DD] [--seed S]
// Arrivals follow the office's morning and afternoon peaks; categories, service times (log-normal),
// no-shows, transfers-free visits, ratings (skewed to satisfied) and counter sessions (officers
// open their counters for each session of office hours). It writes the state tables the reports
// read (tickets, ratings, counter events), not every intermediate event.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <random>

#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
#include "store/store.hpp"

using namespace motcua;

namespace {

// Share of a day's arrivals in each half-hour from 07:30 (index 0) to 17:00: a morning peak
// around 08:00–09:30 and a smaller one after lunch, as one-stop desks see.
constexpr std::array<double, 19> kHalfHourWeights{6, 9, 10, 9, 8, 7, 6, 5, 0, 0,
                                                  0, 6, 7,  6, 5, 4, 3, 2, 1};

struct CategoryModel {
    std::string code;
    double weight;
    double median_service_s;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-gen: realistic history for reports and benchmarks"};
    std::string config_path, db_path, end_text = "2026-11-20";
    long long tickets = 150000;
    int days = 250;
    unsigned seed = 1;
    app.add_option("--config", config_path)->required();
    app.add_option("--db", db_path)->required();
    app.add_option("--tickets", tickets, "tickets in all")->check(CLI::Range(1LL, 100000000LL));
    app.add_option("--days", days, "working days of history, ending at --end")
        ->check(CLI::Range(1, 5000));
    app.add_option("--end", end_text, "last office day");
    app.add_option("--seed", seed);
    CLI11_PARSE(app, argc, argv);

    auto cfg = load_config(config_path);
    if (!cfg) {
        std::cerr << "motcua-gen: " << cfg.error().message << "\n";
        return 1;
    }
    auto zone = *OfficeZone::load(cfg->time_zone);
    auto end = parse_day(end_text);
    if (!end) {
        std::cerr << "motcua-gen: --end: " << end.error().message << "\n";
        return 2;
    }
    // Working days (Monday to Friday) back from --end.
    std::vector<Day> workdays;
    for (auto d = date::sys_days{*end}; static_cast<int>(workdays.size()) < days;
         d -= date::days{1}) {
        const auto wd = date::weekday{d}.c_encoding();
        if (wd != 0 && wd != 6) workdays.push_back(Day{d});
    }
    std::reverse(workdays.begin(), workdays.end());

    std::vector<CategoryModel> models;
    for (std::size_t i = 0; i < cfg->categories.size(); ++i)
        models.push_back(
            {cfg->categories[i].code, i == 0 ? 4.0 : 2.0, 240.0 + 120.0 * static_cast<double>(i)});
    std::vector<double> weights;
    for (const auto& m : models) weights.push_back(m.weight);

    store::Database db(db_path);
    store::migrate(db);
    db.exec("PRAGMA synchronous=OFF");  // a generator, not the service: speed over durability
    auto insert_ticket =
        db.prepare(fmt::format("INSERT INTO tickets ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                               "?18, ?19, ?20)",
                               store::kTicketColumns));
    auto insert_rating = db.prepare(
        "INSERT INTO ratings (ticket_id, day, level, reasons, comment, counter, officer, at, "
        "device) "
        "VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, 'gen')");
    auto insert_event = db.prepare(
        "INSERT INTO events (seq, type, at, day, counter, officer, payload) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6, '{}')");

    std::mt19937_64 rng(seed);
    std::discrete_distribution<int> pick_category(weights.begin(), weights.end());
    std::discrete_distribution<int> pick_slot(kHalfHourWeights.begin(), kHalfHourWeights.end());
    std::discrete_distribution<int> pick_level({3, 4, 10, 35, 48});  // levels 1..5
    std::uniform_real_distribution<double> unit(0, 1);
    std::int64_t seq = 0;
    long long made = 0;
    const auto start = std::chrono::steady_clock::now();
    db.exec("BEGIN");
    for (std::size_t di = 0; di < workdays.size(); ++di) {
        const Day day = workdays[di];
        const std::string day_text = format_day(day);
        const long long today =
            tickets * static_cast<long long>(di + 1) / static_cast<long long>(workdays.size()) -
            made;
        // Counter sessions: every counter opened by its officer for both sessions of office hours.
        for (const auto& c : cfg->counters) {
            const std::string officer = fmt::format("canbo{}", c.number);
            for (const auto& s : cfg->hours) {
                insert_event.bind(1, ++seq)
                    .bind(2, "counter_opened")
                    .bind(3, to_epoch_ms(zone.at_local(day, s.open)))
                    .bind(4, day_text)
                    .bind(5, c.number)
                    .bind(6, officer)
                    .run();
                insert_event.bind(1, ++seq)
                    .bind(2, "counter_closed")
                    .bind(3, to_epoch_ms(zone.at_local(day, s.close)))
                    .bind(4, day_text)
                    .bind(5, c.number)
                    .bind_null(6)
                    .run();
            }
        }
        std::vector<std::int64_t> arrivals(static_cast<std::size_t>(today));
        for (auto& a : arrivals)
            a = to_epoch_ms(zone.at_local(day, 7 * 60 + 30 + 30 * pick_slot(rng))) +
                static_cast<std::int64_t>(unit(rng) * 1800000);
        std::sort(arrivals.begin(), arrivals.end());
        std::map<std::string, int> numbering;
        for (std::size_t i = 0; i < arrivals.size(); ++i) {
            const auto& m = models[static_cast<std::size_t>(pick_category(rng))];
            const Category* cat = cfg->find_category(m.code);
            const int n = ++numbering[m.code];
            const std::int64_t issued = arrivals[i];
            const double wait = std::min(7200.0, -std::log(1 - unit(rng)) * 600.0);
            const double service =
                std::min(3600.0, m.median_service_s *
                                     std::exp(0.5 * std::normal_distribution<double>()(rng)));
            const bool absent = unit(rng) < 0.05;
            const bool expired = !absent && unit(rng) < 0.02;
            const auto& counter =
                cfg->counters[static_cast<std::size_t>(rng() % cfg->counters.size())];
            const std::string id = fmt::format("g{:012}", made + static_cast<long long>(i));
            const std::int64_t called = issued + static_cast<std::int64_t>(wait * 1000);
            const std::int64_t finished = called + static_cast<std::int64_t>(service * 1000);
            const bool rated = !expired && !absent && unit(rng) < 0.6;
            const int level = rated ? pick_level(rng) + 1 : 0;
            // Columns in kTicketColumns order: id, day, issued_category, seq, number, category,
            // priority, priority_reason, state, issued_at, queued_at, called_at, last_called_at,
            // started_at, finished_at, counter, officer, outcome, recalls, rated.
            insert_ticket.bind(1, id)
                .bind(2, day_text)
                .bind(3, m.code)
                .bind(4, n)
                .bind(5, format_ticket_number(*cat, n))
                .bind(6, m.code)
                .bind(7, unit(rng) < 0.1 ? 1 : 0)
                .bind_null(8)
                .bind(9, expired  ? "expired"
                         : absent ? "no_show"
                                  : "done")
                .bind(10, issued)
                .bind(11, issued);
            if (expired) {
                insert_ticket.bind(
                    15, to_epoch_ms(zone.start_of_day(Day{date::sys_days{day} + date::days{1}})));
            } else {
                insert_ticket.bind(12, called)
                    .bind(13, called)
                    .bind(15, absent ? called + 60000 : finished)
                    .bind(16, counter.number)
                    .bind(17, fmt::format("canbo{}", counter.number));
                if (!absent) insert_ticket.bind(14, called).bind(18, "resolved");
            }
            insert_ticket.bind(19, 0).bind(20, level).run();
            if (rated) {
                insert_rating.bind(1, id)
                    .bind(2, day_text)
                    .bind(3, level)
                    .bind(4, level <= 2 ? "long_wait" : "")
                    .bind(5, counter.number)
                    .bind(6, fmt::format("canbo{}", counter.number))
                    .bind(7, finished + 20000)
                    .run();
            }
        }
        made += today;
    }
    db.exec("COMMIT");
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("generated {} tickets over {} working days in {:.1f} s\n", made,
                             workdays.size(), secs);
    return 0;
}
