// `report turnaround`, `report appointments` and `report estimates`: the same reports as their
// routes, from the database.
#include <fmt/format.h>

#include <array>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "motcua/api.hpp"
#include "reports/appointment_report.hpp"
#include "reports/estimate_report.hpp"
#include "reports/export.hpp"
#include "reports/report_json.hpp"
#include "reports/report_source.hpp"

namespace motcua::cli {

namespace {

/// --from and --to as office days; a usage error's exit code otherwise.
Result<std::pair<Day, Day>> period_of(const ReportOptions& o) {
    auto from = parse_day(o.from);
    if (!from) return make_error(ErrorCode::usage, fmt::format("--from: {}", from.error().message));
    auto to = parse_day(o.to);
    if (!to) return make_error(ErrorCode::usage, fmt::format("--to: {}", to.error().message));
    if (*to < *from) return make_error(ErrorCode::usage, "--to is before --from");
    return std::pair{*from, *to};
}

/// The report to standard output, or to --out with a line on standard error.
int emit(const ReportOptions& o, const std::string& bytes, std::size_t rows) {
    if (o.out.empty()) {
        std::cout << bytes << std::flush;
        return kExitOk;
    }
    std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
    if (!out || !(out << bytes) || !(out.flush()))
        return failure(fmt::format("cannot write {}", o.out));
    std::cerr << fmt::format("wrote {} ({} rows)\n", o.out, rows);
    return kExitOk;
}

/// A report by a grouping as JSON or CSV (appointments, estimates): the options checked, then
/// `compute` on the ward's database and zone, and `csv` for its CSV.
/// `among`: the groupings a ward has.
template <typename Grouping, std::size_t N, typename Compute, typename Csv>
int table_report(const ReportOptions& o, const std::array<Grouping, N>& among, Compute compute,
                 Csv csv) {
    auto period = period_of(o);
    if (!period) return usage_error(period.error().message);
    const auto [from, to] = *period;
    auto group = parse_enum(o.group_by, among);
    if (!group)
        return usage_error(fmt::format("--group-by must be one of: {}", enum_choices(among)));
    if (o.format != "json" && o.format != "csv")
        return usage_error("--format must be one of: json, csv");
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    const auto report = compute(*env, *zone, from, to, *group);
    const std::string bytes =
        o.format == "json" ? api::write_json(to_json(report)) + "\n" : csv(report);
    return emit(o, bytes, report.rows.size());
}

}  // namespace

int report_turnaround(const ReportOptions& o) {
    auto period = period_of(o);
    if (!period) return usage_error(period.error().message);
    const auto [from, to] = *period;
    auto group = parse_enum<reports::GroupBy>(o.group_by);
    if (!group)
        return usage_error(
            fmt::format("--group-by must be one of: {}", enum_choices<reports::GroupBy>()));
    if (o.format != "json" && o.format != "csv" && o.format != "xlsx")
        return usage_error("--format must be one of: json, csv, xlsx");
    if (o.format == "xlsx" && o.out.empty()) return usage_error("--format xlsx needs --out FILE");
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    // Counter sessions still open are counted up to now: the real clock, or the test clock's time
    // when the database was run with --test-clock (the same figures as the service's route).
    auto now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    if (auto test_now = env->store->meta("test_clock_ms"))
        now = from_epoch_ms(std::stoll(*test_now));
    const auto report =
        reports::turnaround_from_store(*env->store, env->config, *zone, from, to, *group, now);

    std::string bytes;
    if (o.format == "json")
        bytes = api::write_json(reports::to_json(report)) + "\n";
    else if (o.format == "csv")
        bytes = reports::to_csv(report);
    else {
        auto xlsx = reports::to_xlsx({report});
        if (!xlsx) return failure(xlsx.error().message);
        bytes = std::move(*xlsx);
    }
    return emit(o, bytes, report.rows.size());
}

int report_appointments(const ReportOptions& o) {
    return table_report(
        o, enum_values<AppointmentGrouping>(),
        [](const Environment& env, const OfficeZone& zone, Day from, Day to,
           AppointmentGrouping group) {
            return reports::compute_appointment_report(env.store->appointments_between(from, to),
                                                       env.store->appointment_tickets(from, to),
                                                       env.config, zone, from, to, group);
        },
        [](const auto& report) { return reports::appointment_report_csv(report); });
}

int report_estimates(const ReportOptions& o) {
    return table_report(
        o, kWardEstimateGroupings,
        [](const Environment& env, const OfficeZone& zone, Day from, Day to,
           EstimateGrouping group) {
            return reports::compute_estimate_report(env.store->estimated_tickets(from, to),
                                                    env.config, zone, from, to, group);
        },
        [](const auto& report) { return reports::estimate_report_csv(report); });
}

}  // namespace motcua::cli
