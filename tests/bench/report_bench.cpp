// motcua-report-bench: times the turnaround report on a database (e.g. one made by motcua-gen).
// Usage: motcua-report-bench --config FILE --db FILE --from D --to D [--runs N]
// Prints the median time per grouping, from reading the database to the finished JSON.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>

#include "motcua/api.hpp"
#include "reports/report_json.hpp"
#include "reports/report_source.hpp"

using namespace motcua;

int main(int argc, char** argv) {
    CLI::App app{"motcua-report-bench: turnaround report timings"};
    std::string config_path, db_path, from_text, to_text;
    int runs = 5;
    app.add_option("--config", config_path)->required();
    app.add_option("--db", db_path)->required();
    app.add_option("--from", from_text)->required();
    app.add_option("--to", to_text)->required();
    app.add_option("--runs", runs)->check(CLI::Range(1, 100));
    CLI11_PARSE(app, argc, argv);
    auto cfg = load_config(config_path);
    auto store = store::Store::open(db_path);
    if (!cfg || !store) {
        std::cerr << "motcua-report-bench: cannot open config or database\n";
        return 1;
    }
    auto zone = *OfficeZone::load(cfg->time_zone);
    const Day from = *parse_day(from_text), to = *parse_day(to_text);
    const TimePoint now = zone.start_of_day(Day{date::sys_days{to} + date::days{30}});
    reports::ReportCache cache;
    for (auto group : {reports::GroupBy::category, reports::GroupBy::counter,
                       reports::GroupBy::officer, reports::GroupBy::day, reports::GroupBy::hour}) {
        std::vector<double> ms;
        std::size_t bytes = 0;
        int issued = 0;
        for (int i = 0; i < runs; ++i) {
            const auto start = std::chrono::steady_clock::now();
            // As the service does: the first run reads the database, later ones finished days from
            // memory.
            const auto report =
                reports::turnaround_from_store(**store, *cfg, zone, from, to, group, now, &cache);
            bytes = api::write_json(reports::to_json(report)).size();
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            issued = report.total.issued;
        }
        const double first = ms.front();
        std::sort(ms.begin(), ms.end());
        std::cout << fmt::format(
            "group_by={:<8} tickets={} first={:.1f} ms median={:.1f} ms max={:.1f} ms json={} "
            "bytes\n",
            to_string(group), issued, first, ms[ms.size() / 2], ms.back(), bytes);
    }
    return 0;
}
