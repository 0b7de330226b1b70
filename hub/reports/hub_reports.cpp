#include "reports/hub_reports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>

#include "motcua/api.hpp"
#include "reports/province_figures.hpp"

namespace motcua::hub {
namespace {


/// The categories (or procedures) of several wards as one config: first ward's names win.
WardConfig union_config(const std::vector<WardMeta>& wards, const std::string& office_name) {
    WardConfig cfg;
    cfg.office_name = office_name;
    for (const auto& ward : wards) {
        for (const auto& c : ward.config.categories)
            if (cfg.find_category(c.code) == nullptr) cfg.categories.push_back(c);
        for (const auto& p : ward.config.procedures)
            if (cfg.find_procedure(p.code) == nullptr) cfg.procedures.push_back(p);
    }
    return cfg;
}

std::vector<Dossier> dossier_rows(pqxx::connection& c, const std::string& ward, TimePoint start, TimePoint end) {
    std::vector<Dossier> out;
    pqxx::read_transaction w(c);
    // As the ward's store: received before the end, not closed before the start.
    auto r = w.exec_params(
        "SELECT code, day, procedure, category, channel, state, received_ms, due_date, new_due_date, apology_ms, "
        "returned_ms, closed_ms, result, counter, officer, updated_ms FROM dossiers "
        "WHERE ward = $1 AND received_ms < $2 AND (closed_ms IS NULL OR closed_ms >= $3) ORDER BY received_ms, code",
        ward, to_epoch_ms(end), to_epoch_ms(start));
    const auto opt_time = [](const pqxx::field& f) -> std::optional<TimePoint> {
        if (f.is_null()) return std::nullopt;
        return from_epoch_ms(f.as<std::int64_t>());
    };
    for (const auto& row : r) {
        Dossier d;
        d.code = row[0].as<std::string>();
        d.day = *parse_day(row[1].c_str());
        d.procedure = row[2].as<std::string>();
        d.category = row[3].as<std::string>();
        d.channel = parse_enum<DossierChannel>(row[4].c_str()).value_or(DossierChannel::direct);
        d.state = parse_enum<DossierState>(row[5].c_str()).value_or(DossierState::received);
        d.received_at = from_epoch_ms(row[6].as<std::int64_t>());
        d.due_date = *parse_day(row[7].c_str());
        if (!row[8].is_null()) d.new_due_date = *parse_day(row[8].c_str());
        d.apology_at = opt_time(row[9]);
        d.returned_at = opt_time(row[10]);
        d.closed_at = opt_time(row[11]);
        if (!row[12].is_null()) d.result = parse_enum<DossierResult>(row[12].c_str());
        d.counter = row[13].as<int>();
        d.officer = row[14].as<std::string>();
        d.updated_at = from_epoch_ms(row[15].as<std::int64_t>());
        out.push_back(std::move(d));
    }
    return out;
}

OfficeZone zone_of(const WardMeta& ward, const OfficeZone& fallback) {
    if (ward.config.time_zone.empty()) return fallback;
    auto z = OfficeZone::load(ward.config.time_zone);
    return z ? *z : fallback;
}

}  // namespace

std::string sql_ward_list(pqxx::transaction_base& w, const std::vector<WardMeta>& wards) {
    std::string out;
    for (const auto& ward : wards) out += (out.empty() ? "" : ",") + w.quote(ward.code);
    return out.empty() ? "NULL" : out;
}

std::vector<WardMeta> load_wards(pqxx::connection& c, const std::optional<std::string>& only) {
    std::vector<WardMeta> out;
    pqxx::read_transaction w(c);
    auto r = only ? w.exec_params("SELECT code, name, info FROM wards WHERE code = $1", *only)
                  : w.exec("SELECT code, name, info FROM wards ORDER BY code");
    for (const auto& row : r) {
        WardMeta m{row[0].as<std::string>(), row[1].as<std::string>(), {}};
        if (!row[2].is_null()) {
            if (auto json = api::parse_json(row[2].c_str()))
                if (auto info = decode_ward_info(*json)) m.config = report_config(*info);
        }
        if (m.config.office_name.empty()) m.config.office_name = m.name;
        m.config.unit_code = m.code;
        out.push_back(std::move(m));
    }
    return out;
}

TurnaroundReport province_turnaround(pqxx::connection& c, TicketCache& cache, const std::vector<WardMeta>& wards,
                                     Day from, Day to, ReportGrouping group_by, const OfficeZone& zone) {
    const auto tickets = cache.load(c, wards, from, to, zone);
    // One ward's rows in its own config: its report to the digit (names, order, rating scale).
    const WardConfig province = wards.size() == 1 ? wards.front().config : union_config(wards, "");
    return province_figures(tickets, from, to, group_by, province);
}

WaitHistogram province_waits(pqxx::connection& c, TicketCache& cache, const std::vector<WardMeta>& wards, Day from,
                             Day to, const OfficeZone& zone) {
    const auto tickets = cache.load(c, wards, from, to, zone);
    const WardConfig province = wards.size() == 1 ? wards.front().config : union_config(wards, "");
    return province_wait_figures(tickets, from, to, province);
}

reports::DossierReport province_dossiers(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to,
                                         ProvinceDossierGrouping group_by, const OfficeZone& zone, TimePoint now,
                                         const std::string& office_name) {
    const auto grouping = group_by == ProvinceDossierGrouping::procedure ? reports::DossierGrouping::procedure
                                                                           : reports::DossierGrouping::category;
    if (wards.size() == 1 && group_by != ProvinceDossierGrouping::ward) {
        const OfficeZone z = zone_of(wards.front(), zone);
        const auto dossiers = dossier_rows(c, wards.front().code, z.start_of_day(from), z.end_of_day(to));
        return reports::compute_dossier_report(dossiers, wards.front().config, z, from, to, grouping, now);
    }
    std::vector<Dossier> all;
    std::vector<reports::DossierReportRow> ward_rows;
    for (const auto& ward : wards) {
        const OfficeZone z = zone_of(ward, zone);
        auto dossiers = dossier_rows(c, ward.code, z.start_of_day(from), z.end_of_day(to));
        if (group_by == ProvinceDossierGrouping::ward) {
            auto own = reports::compute_dossier_report(dossiers, ward.config, z, from, to, grouping, now);
            own.total.key = ward.code;
            own.total.label = ward.name;
            ward_rows.push_back(own.total);
        }
        all.insert(all.end(), std::make_move_iterator(dossiers.begin()), std::make_move_iterator(dossiers.end()));
    }
    auto report = reports::compute_dossier_report(all, union_config(wards, office_name), zone, from, to, grouping, now);
    if (group_by == ProvinceDossierGrouping::ward) {
        // The province's form: a row per ward, the total the sum of the rows.
        report.rows = std::move(ward_rows);
        reports::DossierCounts sum;
        for (const auto& row : report.rows) sum += row.counts;
        report.total.counts = sum;
    }
    return report;
}

}  // namespace motcua::hub
