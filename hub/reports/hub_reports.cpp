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
