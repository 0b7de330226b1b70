// motcua-dossier-report-bench: times Biểu II.06a over generated dossiers held in memory.
// Usage: motcua-dossier-report-bench --config FILE [--dossiers N] [--runs N]
// Prints the median time to compute the report (by category and by procedure, over a month and
// over a year) and to write it as JSON, CSV and XLSX. Reading the dossiers from the database is
// not included.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <random>

#include "reports/dossier_report.hpp"

using namespace motcua;
using namespace motcua::reports;

namespace {

Day add_days(Day d, int n) {
    return Day{date::sys_days{d} + date::days{n}};
}

/// `count` dossiers received over 2026 with the demo ward's procedures and a mix of fates.
std::vector<Dossier> generate(const WardConfig& cfg, const OfficeZone& zone, int count) {
    std::mt19937 rng(2026);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Day first{date::year{2026}, date::January, date::day{1}};
    std::vector<Dossier> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto& p = cfg.procedures[static_cast<std::size_t>(
            uniform(0, static_cast<int>(cfg.procedures.size()) - 1))];
        Dossier d;
        d.day = add_days(first, uniform(0, 364));
        d.seq = i + 1;
        d.procedure = p.code;
        d.category = p.category;
        d.channel = uniform(0, 2) == 0 ? DossierChannel::online : DossierChannel::direct;
        d.received_at = zone.at_local(d.day, uniform(7 * 60, 17 * 60));
        d.due_date = add_days(d.day, p.legal_days + p.legal_days / 5 * 2);
        const int fate = uniform(0, 99);
        if (fate < 80) {
            d.state = DossierState::returned;
            d.returned_at = d.closed_at =
                zone.at_local(add_days(d.due_date, uniform(-3, 3)), uniform(7 * 60, 17 * 60));
            if (*d.closed_at < d.received_at) d.returned_at = d.closed_at = d.received_at;
        } else if (fate < 88) {
            d.state = DossierState::refused;
            d.closed_at = d.received_at + std::chrono::hours(uniform(1, 200));
        } else {
            d.state = DossierState::in_process;
        }
        out.push_back(std::move(d));
    }
    return out;
}

double median_ms(int runs, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-dossier-report-bench: Biểu II.06a timings"};
    std::string config_path;
    int count = 200000;
    int runs = 5;
    app.add_option("--config", config_path)->required();
    app.add_option("--dossiers", count)->check(CLI::Range(1, 10000000));
    app.add_option("--runs", runs)->check(CLI::Range(1, 100));
    CLI11_PARSE(app, argc, argv);
    auto cfg = load_config(config_path);
    if (!cfg) {
        std::cerr << "motcua-dossier-report-bench: " << cfg.error().message << "\n";
        return 1;
    }
    if (cfg->procedures.empty()) {
        std::cerr << "motcua-dossier-report-bench: the config has no procedures\n";
        return 1;
    }
    const auto zone = *OfficeZone::load(cfg->time_zone);
    const auto dossiers = generate(*cfg, zone, count);
    const TimePoint now = zone.start_of_day(Day{date::year{2027}, date::February, date::day{1}});
    struct Period {
        const char* name;
        Day from;
        Day to;
    };
    const Period periods[] = {{"month", Day{date::year{2026}, date::November, date::day{1}},
                               Day{date::year{2026}, date::November, date::day{30}}},
                              {"year", Day{date::year{2026}, date::January, date::day{1}},
                               Day{date::year{2026}, date::December, date::day{31}}}};
    for (const auto& period : periods) {
        for (const auto group : {DossierGrouping::category, DossierGrouping::procedure}) {
            DossierReport report;
            const double compute = median_ms(runs, [&] {
                report = compute_dossier_report(dossiers, *cfg, zone, period.from, period.to, group,
                                                now);
            });
            std::size_t json_bytes = 0, csv_bytes = 0, xlsx_bytes = 0;
            const double json =
                median_ms(runs, [&] { json_bytes = dossier_report_json(report, zone).size(); });
            const double csv =
                median_ms(runs, [&] { csv_bytes = dossier_report_csv(report).size(); });
            const double xlsx = median_ms(runs, [&] {
                auto bytes = dossier_report_xlsx(report);
                xlsx_bytes = bytes ? bytes->size() : 0;
            });
            std::cout << fmt::format(
                "{:<5} group_by={:<9} dossiers={} rows={} received={} compute={:.1f} ms "
                "json={:.2f} ms ({} B) "
                "csv={:.2f} ms ({} B) xlsx={:.1f} ms ({} B)\n",
                period.name, group == DossierGrouping::category ? "category" : "procedure", count,
                report.rows.size(), report.total.counts.received_total, compute, json, json_bytes,
                csv, csv_bytes, xlsx, xlsx_bytes);
        }
    }
    return 0;
}
