// motcua-hub-report-bench: the province's reports over a year of many wards, as the hub computes
// them (the ward's own code over the projections). The tickets, ratings and dossiers are made in
// PostgreSQL with generate_series (working days, morning and afternoon arrivals, waits and
// service times spread like a ward's), then each report is timed, with the process's peak memory.
// Each report is timed cold (the first, which reads the months into the hub's memory) and warm
// (the median of the following runs: what the next officer gets).
// Usage: motcua-hub-report-bench --pg URI [--wards N] [--tickets-per-ward T] [--working-days D]
// [--runs R] A database it filled before is reused as it is.
#include <fmt/format.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <pqxx/pqxx>
#include <set>

#include "motcua/api.hpp"
#include "pg/schema.hpp"
#include "reports/hub_reports.hpp"

using namespace motcua;
using namespace motcua::hub;

namespace {

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-hub-report-bench: province reports over a year of many wards"};
    std::string uri;
    int wards = 13, runs = 3, working_days = 250;
    long per_ward = 150000;
    app.add_option("--pg", uri, "PostgreSQL URI of an empty database")->required();
    app.add_option("--wards", wards)->check(CLI::Range(1, 5000));
    app.add_option("--tickets-per-ward", per_ward)->check(CLI::Range(250L, 1000000L));
    app.add_option("--working-days", working_days, "office days from 2025-01-01 (250: a year)")
        ->check(CLI::Range(1, 250));
    app.add_option("--runs", runs)->check(CLI::Range(2, 20));
    CLI11_PARSE(app, argc, argv);
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    const Day from = *parse_day("2025-01-01");
    Day to = *parse_day("2025-12-31");

    pqxx::connection c(uri);
    migrate(c);
    {
        Partitions partitions;
        std::set<std::string> months;
        for (int m = 1; m <= 12; ++m) months.insert(fmt::format("2025-{:02}", m));
        partitions.ensure(c, months);
    }
    WardInfo info{
        "",
        "",
        "Asia/Ho_Chi_Minh",
        SatisfactionScale::five_level,
        {{"HT", "Tư pháp - Hộ tịch", "Civil status", 900},
         {"DC", "Địa chính", "Land", 1200},
         {"VX", "Văn hóa - Xã hội", "Culture", 900},
         {"TK", "Trả kết quả", "Results", 600}},
        {{"HT-KS", "Đăng ký khai sinh", "HT", 0}, {"DC-XPXD", "Cấp phép xây dựng", "DC", 15}}};
    const auto t0 = std::chrono::steady_clock::now();
    // A database this bench filled before is used as it is (generating 40 million tickets takes
    // minutes); --wards and the rest then describe nothing.
    const bool reuse =
        pqxx::nontransaction(c).exec("SELECT count(*) FROM wards")[0][0].as<long>() > 0;
    if (reuse) std::cout << "reusing the wards, tickets and dossiers already in the database\n";
    if (!reuse) {
        pqxx::work w(c);
        // A non-negative hash of a number: the generator's dice.
        w.exec(
            "CREATE OR REPLACE FUNCTION h(bigint) RETURNS bigint AS 'SELECT abs(hashint8($1))' "
            "LANGUAGE sql IMMUTABLE");
        for (int i = 0; i < wards; ++i) {
            info.unit_code = fmt::format("000.{:02}.{:02}.H{:02}", i / 100, (i / 10) % 10, i % 10);
            info.name = fmt::format("Phường {}", i + 1);
            w.exec_params(
                "INSERT INTO wards (code, name, token_hash, info, created_ms) VALUES ($1, $2, $3, "
                "$4::jsonb, 0)",
                info.unit_code, info.name, "bench-" + info.unit_code,
                api::write_json(to_json(info)));
        }
        // About 250 working days; each ward's tickets spread over them. Times in ms since the epoch
        // at +07:00; waits 1..40 min skewed short, service 2..15 min; 8% absent, 3% expired.
        const long per_day = std::max(1L, per_ward / working_days);
        w.exec(fmt::format(R"sql(
INSERT INTO tickets (ward, day, id, number, category, priority, state, issued_ms, called_ms, started_ms,
                     finished_ms, counter, officer, rating)
SELECT w.code, d.day, w.code || '-' || d.n || '-' || k, 'A' || k,
       (ARRAY['HT','DC','VX','TK'])[1 + (h(k * 7 + d.n) % 4)], false,
       CASE WHEN r < 0.08 THEN 'no_show' WHEN r < 0.11 THEN 'expired' ELSE 'done' END,
       issued, CASE WHEN r >= 0.08 AND r < 0.11 THEN NULL ELSE issued + wait_ms END,
       CASE WHEN r < 0.11 THEN NULL ELSE issued + wait_ms + 30000 END,
       CASE WHEN r < 0.08 THEN issued + wait_ms WHEN r < 0.11 THEN NULL ELSE issued + wait_ms + 30000 + service_ms END,
       CASE WHEN r >= 0.08 AND r < 0.11 THEN NULL ELSE 1 + k % 5 END,
       CASE WHEN r >= 0.08 AND r < 0.11 THEN NULL ELSE 'canbo' || (1 + k % 5) END,
       CASE WHEN r >= 0.11 AND h(k + d.n) % 4 <> 0 THEN 3 + h(k * 3 + d.n) % 3 ELSE 0 END
FROM wards w
CROSS JOIN LATERAL (SELECT day::date AS day, row_number() OVER (ORDER BY day) AS n
                    FROM generate_series('2025-01-01'::date, '2025-12-31'::date, '1 day') day
                    WHERE extract(isodow FROM day) < 6 LIMIT {}) d
CROSS JOIN LATERAL generate_series(1, {}) k
CROSS JOIN LATERAL (SELECT (extract(epoch FROM d.day::timestamp - interval '7 hours') * 1000)::bigint
                           + 27000000 + (k::bigint * 32400000 / {}) AS issued,
                           (60000 + (h(k * 13 + d.n) % 2400) * (h(k + 5 * d.n) % 1000) / 1000 * 1000)::bigint AS wait_ms,
                           (120000 + (h(k * 17 + d.n) % 780) * 1000)::bigint AS service_ms,
                           (h(k * 31 + d.n) % 1000) / 1000.0 AS r) x
)sql",
                           working_days, per_day, per_day));
        w.exec(R"sql(
INSERT INTO dossiers (ward, day, code, procedure, category, channel, state, received_ms, due_date, returned_ms,
                      closed_ms, result, counter, officer, updated_ms)
SELECT ward, day, ward || '-' || id, CASE WHEN category = 'DC' THEN 'DC-XPXD' ELSE 'HT-KS' END, category, 'direct',
       CASE WHEN h(length(id) + rating) % 5 = 0 THEN 'in_process' ELSE 'returned' END,
       finished_ms, day + 10, CASE WHEN h(length(id) + rating) % 5 = 0 THEN NULL ELSE finished_ms + 8 * 86400000 END,
       CASE WHEN h(length(id) + rating) % 5 = 0 THEN NULL ELSE finished_ms + 8 * 86400000 END,
       CASE WHEN h(length(id) + rating) % 5 = 0 THEN NULL ELSE 'early' END, counter, officer, finished_ms
FROM tickets WHERE state = 'done' AND rating = 5
)sql");
        // The months' stamps, as ingestion leaves them (reports/month_cache.hpp).
        w.exec(
            "INSERT INTO ticket_months SELECT DISTINCT ward, date_trunc('month', day)::date, 1 "
            "FROM tickets");
        w.exec(
            "INSERT INTO dossier_months SELECT DISTINCT ward, date_trunc('month', day)::date, 1 "
            "FROM dossiers");
        w.commit();
    }
    if (!reuse) pqxx::nontransaction(c).exec("ANALYZE");
    const double load_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto count = [&](const char* sql) {
        return pqxx::nontransaction(c).exec(sql)[0][0].as<long>();
    };
    to = *parse_day(pqxx::nontransaction(c).exec("SELECT max(day) FROM tickets")[0][0].c_str());
    std::cout << fmt::format(
        "{} wards, {} tickets, {} dossiers, 2025-01-01..{} (made in {:.1f} s)\n",
        count("SELECT count(*) FROM wards"), count("SELECT count(*) FROM tickets"),
        count("SELECT count(*) FROM dossiers"), format_day(to), load_s);

    const auto all = load_wards(c, std::nullopt);
    TicketCache cache;
    DossierCache dossier_cache;
    const TimePoint now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    const auto time = [&](const std::string& what, const auto& f) {
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            const auto s = std::chrono::steady_clock::now();
            f();
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s)
                    .count());
        }
        const double cold = ms.front();
        ms.erase(ms.begin());
        std::sort(ms.begin(), ms.end());
        std::cout << fmt::format(
            "  {:<38} cold {:8.0f} ms, warm median {:6.0f} ms (min {:.0f}, max {:.0f}); "
            "peak RSS {:.0f} MB\n",
            what, cold, ms[ms.size() / 2], ms.front(), ms.back(), peak_rss_mb());
    };
    time("turnaround by ward",
         [&] { (void)province_turnaround(c, cache, all, from, to, ReportGrouping::ward, zone); });
    time("turnaround by category", [&] {
        (void)province_turnaround(c, cache, all, from, to, ReportGrouping::category, zone);
    });
    time("turnaround by day",
         [&] { (void)province_turnaround(c, cache, all, from, to, ReportGrouping::day, zone); });
    time("II.06a by ward", [&] {
        (void)province_dossiers(c, dossier_cache, all, from, to, ProvinceDossierGrouping::ward,
                                zone, now, "Tỉnh");
    });
    time("turnaround by category, one ward", [&] {
        (void)province_turnaround(c, cache, {all.front()}, from, to, ReportGrouping::category,
                                  zone);
    });
    return 0;
}
