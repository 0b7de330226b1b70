#include "reports/hub_reports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>

#include "motcua/api.hpp"

namespace motcua::hub {
namespace {


/// Tickets of [from, to] per ward, as the ward's own store reads them.
std::map<std::string, store::ReportRows> ticket_rows(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from,
                                                     Day to) {
    std::map<std::string, store::ReportRows> out;
    pqxx::read_transaction w(c);
    auto r = w.exec(fmt::format(
        "SELECT ward, category, officer, counter, day, state, rating, issued_ms, called_ms, started_ms, finished_ms "
        "FROM tickets WHERE ward IN ({}) AND day BETWEEN {} AND {} ORDER BY ward, day",
        sql_ward_list(w, wards), w.quote(format_day(from)), w.quote(format_day(to))));
    std::optional<store::ReportRowsBuilder> rows;
    std::string current_ward;
    const auto ms = [](const pqxx::field& f) { return f.is_null() ? std::int64_t{-1} : f.as<std::int64_t>(); };
    for (const auto& row : r) {
        if (!rows || current_ward != row[0].c_str()) {
            current_ward = row[0].c_str();
            rows.emplace(out[current_ward]);
        }
        rows->add(row[1].c_str(), row[2].is_null() ? std::nullopt : std::optional<std::string_view>(row[2].c_str()),
                  row[3].is_null() ? 0 : row[3].as<int>(), row[4].c_str(), row[5].c_str(), row[6].as<int>(),
                  row[7].as<std::int64_t>(), ms(row[8]), ms(row[9]), ms(row[10]));
    }
    return out;
}

/// One set of rows over several wards: each ward's categories stay apart with their own targets
/// (the same code may have another target elsewhere); days are merged.
store::ReportRows merge_rows(const std::vector<WardMeta>& wards, std::map<std::string, store::ReportRows>& per_ward) {
    store::ReportRows all;
    for (const auto& ward : wards) {
        auto it = per_ward.find(ward.code);
        if (it == per_ward.end()) continue;
        auto& rows = it->second;
        const auto category_base = static_cast<std::int32_t>(all.categories.size());
        for (const auto& code : rows.categories) {
            all.categories.push_back(code);
            const Category* cat = ward.config.find_category(code);
            all.category_targets.push_back(cat != nullptr ? cat->target_wait_s : 0);
        }
        std::vector<std::int32_t> day_map;
        for (const auto& d : rows.days) {
            auto found = std::find(all.days.begin(), all.days.end(), d);
            if (found == all.days.end()) found = all.days.insert(all.days.end(), d);
            day_map.push_back(static_cast<std::int32_t>(found - all.days.begin()));
        }
        for (auto t : rows.tickets) {
            t.category += category_base;
            t.day = day_map[static_cast<std::size_t>(t.day)];
            t.officer = -1;  // officers are a ward's own matter
            all.tickets.push_back(t);
        }
    }
    return all;
}

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

TurnaroundReport province_turnaround(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to,
                                     ReportGrouping group_by, const OfficeZone& zone) {
    auto per_ward = ticket_rows(c, wards, from, to);
    if (wards.size() == 1 && group_by != ReportGrouping::ward) {
        // One ward: its own rows, config and zone, so the figures are the ward's to the digit.
        reports::ReportInput input;
        input.rows = std::move(per_ward[wards.front().code]);
        return reports::compute_turnaround(input, wards.front().config, from, to, reports::GroupBy(group_by),
                                           zone_of(wards.front(), zone));
    }
    if (group_by == ReportGrouping::ward) {
        TurnaroundReport report;
        report.from = from;
        report.to = to;
        report.group_by = ReportGrouping::ward;
        for (const auto& ward : wards) {
            reports::ReportInput input;
            if (auto it = per_ward.find(ward.code); it != per_ward.end()) input.rows = it->second;
            auto own = reports::compute_turnaround(input, ward.config, from, to, reports::GroupBy::category,
                                                   zone_of(ward, zone));
            own.total.key = ward.code;
            own.total.label = ward.name;
            report.rows.push_back(std::move(own.total));
        }
        reports::ReportInput all;
        all.rows = merge_rows(wards, per_ward);
        report.total = reports::compute_turnaround(all, union_config(wards, ""), from, to, reports::GroupBy::category, zone)
                           .total;
        return report;
    }
    reports::ReportInput all;
    all.rows = merge_rows(wards, per_ward);
    return reports::compute_turnaround(all, union_config(wards, ""), from, to, reports::GroupBy(group_by), zone);
}

WaitHistogram province_waits(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to) {
    auto per_ward = ticket_rows(c, wards, from, to);
    if (wards.size() == 1)
        return reports::compute_wait_histogram(per_ward[wards.front().code], wards.front().config, from, to);
    return reports::compute_wait_histogram(merge_rows(wards, per_ward), union_config(wards, ""), from, to);
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
