#include "reports/hub_reports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>

#include "motcua/api.hpp"
#include "pg/pool.hpp"
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

TurnaroundReport province_turnaround(pqxx::connection& c, TicketCache& cache,
                                     const std::vector<WardMeta>& wards, Day from, Day to,
                                     ReportGrouping group_by, const OfficeZone& zone) {
    const auto tickets = cache.load(c, wards, from, to, zone);
    // One ward's rows in its own config: its report to the digit (names, order, rating scale).
    const WardConfig province = wards.size() == 1 ? wards.front().config : union_config(wards, "");
    return province_figures(tickets, from, to, group_by, province);
}

WaitHistogram province_waits(pqxx::connection& c, TicketCache& cache,
                             const std::vector<WardMeta>& wards, Day from, Day to,
                             const OfficeZone& zone) {
    const auto tickets = cache.load(c, wards, from, to, zone);
    const WardConfig province = wards.size() == 1 ? wards.front().config : union_config(wards, "");
    return province_wait_figures(tickets, from, to, province);
}

EstimateReport province_estimates(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from,
                                  Day to, EstimateGrouping group_by, const OfficeZone& zone) {
    reports::EstimateReportBuilder builder(from, to, group_by);
    std::vector<std::pair<std::string, std::string>> rows;  // the ward grouping's (code, name)
    std::map<std::string, std::size_t, std::less<>> index;
    std::vector<OfficeZone> zones;
    for (const auto& ward : wards) {
        index.emplace(ward.code, rows.size());
        rows.emplace_back(ward.code, ward.name);
        zones.push_back(zone_of(ward, zone));
    }
    if (!wards.empty()) {
        pqxx::read_transaction w(c);
        const std::string query = fmt::format(
            "SELECT ward, day, coalesce(issued_category, category), issued_ms, called_ms, "
            "estimate_wait_s, estimate_low_s, estimate_high_s, estimate_baseline_s FROM tickets "
            "WHERE ward IN ({}) AND day BETWEEN {} AND {} AND called_ms IS NOT NULL AND "
            "estimate_wait_s IS NOT NULL",
            sql_ward_list(w, wards), w.quote(format_day(from)), w.quote(format_day(to)));
        Ticket t;  // what the ward's report reads of a ticket, one row at a time
        for_each_row(w, query, 50'000, [&](const pqxx::row& row) {
            const auto k = index.find(std::string_view(row[0].c_str(), row[0].size()));
            const auto day = parse_day(row[1].c_str());
            if (k == index.end() || !day) return;
            t.day = *day;
            t.issued_at = from_epoch_ms(row[3].as<std::int64_t>());
            t.called_at = from_epoch_ms(row[4].as<std::int64_t>());
            t.estimate = EstimateAtIssue{row[5].as<int>(), row[6].as<int>(), row[7].as<int>(),
                                         row[8].as<int>()};
            if (const auto real = builder.real_wait(t))
                builder.add(row[2].c_str(), t.day,
                            zones[k->second].minutes_of_day(t.issued_at) / 60, k->first,
                            *t.estimate, *real);
        });
    }
    // One ward's rows in its own config: its report to the digit (names, order).
    const WardConfig config = wards.size() == 1 ? wards.front().config : union_config(wards, "");
    return builder.finish(config, rows);
}

reports::DossierReport province_dossiers(pqxx::connection& c, DossierCache& cache,
                                         const std::vector<WardMeta>& wards, Day from, Day to,
                                         ProvinceDossierGrouping group_by, const OfficeZone& zone,
                                         TimePoint now, const std::string& office_name) {
    const auto grouping = group_by == ProvinceDossierGrouping::procedure
                              ? reports::DossierGrouping::procedure
                              : reports::DossierGrouping::category;
    const auto dossiers = cache.load(c, wards, to, zone);
    if (wards.size() == 1 && group_by != ProvinceDossierGrouping::ward) {
        // One ward's rows in its own config and zone: its form to the digit.
        return province_dossier_figures(dossiers, from, to, false, grouping, wards.front().config,
                                        zone_of(wards.front(), zone), now);
    }
    return province_dossier_figures(dossiers, from, to, group_by == ProvinceDossierGrouping::ward,
                                    grouping, union_config(wards, office_name), zone, now);
}

}  // namespace motcua::hub
