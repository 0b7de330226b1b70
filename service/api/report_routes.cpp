// Report routes: GET /api/v1/reports/turnaround, /waits, /ratings and /estimates (officers).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "api/report_replies.hpp"
#include "api/ward.hpp"
#include "reports/estimate_report.hpp"
#include "reports/export.hpp"
#include "reports/report_json.hpp"
#include "reports/report_source.hpp"

namespace motcua::api {

namespace json = boost::json;

void Ward::turnaround_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    auto group = reports::GroupBy::category;
    // group_by=all: one Excel workbook with a sheet per grouping (the dashboard's "Xuất Excel").
    const auto group_it = r.query.find("group_by");
    const bool every_grouping = group_it != r.query.end() && group_it->second == "all";
    if (group_it != r.query.end() && !every_grouping) {
        auto g = parse_enum<reports::GroupBy>(group_it->second);
        if (!g)
            return respond(error_reply(
                ErrorCode::invalid_query,
                fmt::format("'group_by' must be one of: {}", enum_choices<reports::GroupBy>())));
        group = *g;
    }
    auto format = format_of(r, {"json", "csv", "xlsx"});
    if (!format) return respond(error_reply(format.error()));
    // kind=appointment|walk_in: booked or walk-in tickets only (DESIGN.md §10).
    auto kind = reports::TicketKind::all;
    if (const auto k = r.query.find("kind"); k != r.query.end()) {
        auto parsed = parse_enum<reports::TicketKind>(k->second);
        if (!parsed)
            return respond(error_reply(
                ErrorCode::invalid_query,
                fmt::format("'kind' must be one of: {}", enum_choices<reports::TicketKind>())));
        kind = *parsed;
    }

    if (every_grouping) {
        if (*format != "xlsx")
            return respond(
                error_reply(ErrorCode::invalid_query, "'group_by=all' is for format=xlsx only"));
        // Five reports and a workbook: on the render thread, never on a network thread.
        return renderer_.run(
            [this, from = period->from, to = period->to, kind] {
                std::vector<reports::TurnaroundReport> sheets;
                for (const auto& grouping : EnumNames<reports::GroupBy>::names)
                    sheets.push_back(reports::turnaround_from_store(
                        store_, config_, zone_, from, to, grouping.first, clock_.now(),
                        &report_cache_, kind));
                auto bytes = reports::to_xlsx(sheets);
                if (!bytes) return error_reply(bytes.error());
                return file_reply(
                    std::move(*bytes),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    fmt::format("bao-cao-tat-ca-{}-{}.xlsx", format_day(from), format_day(to)));
            },
            respond);
    }
    const auto report =
        reports::turnaround_from_store(store_, config_, zone_, period->from, period->to, group,
                                       clock_.now(), &report_cache_, kind);
    const std::string kind_part =
        kind == reports::TicketKind::all ? "" : fmt::format("-{}", to_string(kind));
    const std::string name = fmt::format("bao-cao-{}{}-{}-{}", to_string(group), kind_part,
                                         format_day(period->from), format_day(period->to));
    respond(turnaround_reply(report, *format, name));
}

void Ward::waits_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    respond(json_reply(
        200, reports::to_json(reports::waits_from_store(
                 store_, config_, zone_, period->from, period->to, clock_.now(), &report_cache_))));
}

void Ward::ratings_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    json::array out;
    const auto ratings = store_.ratings_between(period->from, period->to);
    std::lock_guard lock(mutex_);  // officer names are cached under the engine's lock
    for (const auto& rating : ratings) {
        json::array reasons;
        for (auto reason : rating.reasons) reasons.emplace_back(to_string(reason));
        out.push_back(
            {{"ticket", rating.ticket_id},
             {"number", rating.ticket_number},
             {"category", rating.category},
             {"level", rating.level},
             {"reasons", std::move(reasons)},
             {"comment", rating.comment ? json::value(*rating.comment) : json::value(nullptr)},
             {"counter", rating.counter},
             {"officer", rating.officer},
             {"officer_name", officer_name(rating.officer)},
             {"at", zone_.format_rfc3339(rating.at)},
             {"device", rating.device}});
    }
    respond(json_reply(200, json::object{{"from", format_day(period->from)},
                                         {"to", format_day(period->to)},
                                         {"ratings", std::move(out)}}));
}

void Ward::estimates_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    auto group = EstimateGrouping::day;
    if (auto it = r.query.find("group_by"); it != r.query.end()) {
        auto parsed = parse_enum(it->second, kWardEstimateGroupings);
        if (!parsed)
            return respond(error_reply(ErrorCode::invalid_query,
                                       fmt::format("'group_by' must be one of: {}",
                                                   enum_choices(kWardEstimateGroupings))));
        group = *parsed;
    }
    auto format = format_of(r, {"json", "csv"});
    if (!format) return respond(error_reply(format.error()));
    const auto report =
        reports::compute_estimate_report(store_.estimated_tickets(period->from, period->to),
                                         config_, zone_, period->from, period->to, group);
    if (*format == "csv")
        return respond(file_reply(
            reports::estimate_report_csv(report), "text/csv; charset=utf-8",
            fmt::format("uoc-tinh-{}-{}.csv", format_day(period->from), format_day(period->to))));
    respond(json_reply(200, to_json(report)));
}

}  // namespace motcua::api
