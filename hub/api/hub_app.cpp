// motcua-hub's route table (DESIGN.md §11) and its handlers.
#include "api/hub_app.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <pqxx/transaction>

#include "api/openapi.hpp"
#include "api/report_replies.hpp"
#include "ingest/ingest.hpp"
#include "motcua/clock.hpp"
#include "motcua/hub.hpp"
#include "reports/export.hpp"
#include "reports/hub_reports.hpp"

namespace motcua::hub {
namespace {

namespace json = boost::json;
thread_local pqxx::connection* tl_connection = nullptr;

const UserPrincipal* as_user(const HubPrincipal& p) {
    return std::get_if<UserPrincipal>(&p);
}

}  // namespace

Status hub_allows(HubAccess access, const HubPrincipal& who) {
    if (access == HubAccess::anyone) return Ok{};
    if (std::holds_alternative<std::monostate>(who))
        return make_error(ErrorCode::unauthorized,
                          "this route needs 'Authorization: Bearer TOKEN'");
    const auto* user = as_user(who);
    switch (access) {
        case HubAccess::anyone:
            return Ok{};
        case HubAccess::ward:
            if (std::holds_alternative<WardPrincipal>(who)) return Ok{};
            return make_error(ErrorCode::forbidden, "only a ward's token may send its events");
        case HubAccess::user:
            if (user != nullptr) return Ok{};
            return make_error(ErrorCode::forbidden, "this needs a province officer's login");
        case HubAccess::province:
            if (user != nullptr && user->role == OfficerRole::province) return Ok{};
            return make_error(ErrorCode::forbidden, "this needs the province role");
    }
    return make_error(ErrorCode::forbidden, "not allowed");
}

pqxx::connection& HubApp::db() {
    assert(tl_connection != nullptr && "hub handlers run on a database worker");
    return *tl_connection;
}

HubApp::HubApp(HubSettings settings, OfficeZone zone, PgPool& pool)
    : settings_(std::move(settings)),
      zone_(std::move(zone)),
      pool_(pool),
      router_([this](const api::Request& r) { return auth_.identify(db(), r.authorization); },
              hub_allows) {
    add_routes();
}

void HubApp::warm_up() {
    // The last thirteen months of every ward into memory before the first officer asks: a cold
    // province year is a scan of every month's partition (tens of seconds at 20 million tickets).
    pool_.submit(
        [this](pqxx::connection& c) {
            const auto started = std::chrono::steady_clock::now();
            try {
                const auto wards = load_wards(c, std::nullopt);
                const Day today = zone_.office_day(SystemClock{}.now());
                const auto year_ago =
                    date::year_month{today.year(), today.month()} - date::months{12};
                const Day from{year_ago.year(), year_ago.month(), date::day{1}};
                (void)tickets_.load(c, wards, from, today, zone_);
                (void)dossiers_.load(c, wards, today, zone_);
                spdlog::info(
                    "reports ready: {} tickets and {} dossiers of {} wards in memory ({:.1f} s)",
                    tickets_.stats().rows, dossiers_.stats().rows, wards.size(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                        .count());
            } catch (const std::exception& e) {
                spdlog::warn("reports not warmed up: {}", pg_error(e).message);
            }
        },
        [](const Error& e) { spdlog::warn("reports not warmed up: {}", e.message); });
}

void HubApp::add_routes() {
    using A = HubAccess;
    const std::string v1 = "/api/v1";
    auto& t = router_;
    t.add("GET", "/metrics", A::anyone, [this](const HubRouter::Call& c) { metrics_route(c); });
    t.add("GET", v1 + "/healthz", A::anyone, [this](const HubRouter::Call& c) {
        // Answering from a database worker: healthy means PostgreSQL answers too. `now` is the
        // hub's clock, the dashboard's "today" (a ward gives its own through /public/queue).
        pqxx::read_transaction w(db());
        w.exec("SELECT 1");
        const TimePoint now = SystemClock{}.now();
        c.respond(api::json_reply(200, {{"status", "ok"}, {"now", zone_.format_rfc3339(now)}}));
    });
    t.add("GET", v1 + "/openapi.yaml", A::anyone,
          [](const HubRouter::Call& c) { c.respond(api::openapi_reply()); });
    t.add("POST", v1 + "/auth/login", A::anyone, [this](const HubRouter::Call& c) { login(c); });
    t.add("POST", std::string(kIngestPath), A::ward,
          [this](const HubRouter::Call& c) { ingest(c); });
    t.add("GET", std::string(kAckPath), A::ward, [this](const HubRouter::Call& c) { ack(c); });
    t.add("POST", std::string(kRefillPath), A::ward,
          [this](const HubRouter::Call& c) { refill(c); });
    t.add("GET", v1 + "/wards", A::province, [this](const HubRouter::Call& c) { wards(c); });
    t.add("GET", v1 + "/reports/turnaround", A::user,
          [this](const HubRouter::Call& c) { turnaround(c); });
    t.add("GET", v1 + "/reports/waits", A::user, [this](const HubRouter::Call& c) { waits(c); });
    t.add("GET", v1 + "/reports/dossiers", A::user,
          [this](const HubRouter::Call& c) { dossiers(c); });
    t.add("GET", v1 + "/reports/estimates", A::user,
          [this](const HubRouter::Call& c) { estimates(c); });
    t.add("GET", v1 + "/reports/overview", A::user,
          [this](const HubRouter::Call& c) { overview(c); });
}

void HubApp::handle(const api::Request& request, const api::Respond& respond) {
    // Unknown routes and wrong methods are answered here; everything else on a database worker.
    if (router_.find(request.method, request.path) == nullptr) {
        router_.dispatch(request, respond);
        return;
    }
    pool_.submit(
        [this, request, respond](pqxx::connection& c) {
            tl_connection = &c;
            try {
                router_.dispatch(request, respond);
            } catch (const pqxx::broken_connection&) {
                tl_connection = nullptr;
                throw;  // the pool reconnects and answers 503
            } catch (const pqxx::data_exception& e) {
                // Text or a value PostgreSQL cannot store: the sender must change it, not retry.
                tl_connection = nullptr;
                spdlog::warn("hub: {} {}: {}", request.method, request.path, pg_error(e).message);
                respond(api::error_reply(ErrorCode::unstorable,
                                         "the request holds a value the database cannot store"));
                return;
            } catch (const std::exception& e) {
                tl_connection = nullptr;
                spdlog::error("hub: {} {}: {}", request.method, request.path, pg_error(e).message);
                respond(api::error_reply(ErrorCode::database_error,
                                         "the hub's database failed; see the hub's log"));
                return;
            }
            tl_connection = nullptr;
        },
        // No connection or no room for the job: the client should try again later (503).
        [respond](const Error& e) {
            respond(api::error_reply(
                e.code == ErrorCode::busy ? e.code : ErrorCode::database_unavailable, e.message));
        });
}

std::string HubApp::route_label(std::string_view method, std::string_view path) const {
    return router_.label(method, path);
}

void HubApp::metrics_route(const HubRouter::Call& c) {
    pqxx::read_transaction w(db());
    auto r = w.exec(
        "SELECT count(*), coalesce(sum(acked_seq), 0), coalesce(min(last_seen_ms), 0) FROM wards");
    const auto oldest_seen = r[0][2].as<std::int64_t>();
    std::vector<api::MetricValue> figures{
        {"motcua_hub_wards", "Wards registered.", "gauge", r[0][0].as<double>()},
        {"motcua_hub_events_stored", "Events stored, all wards (sum of acknowledged seqs).",
         "gauge", r[0][1].as<double>()},
        {"motcua_hub_oldest_ward_contact_seconds",
         "Seconds since the ward heard from least recently shipped.", "gauge",
         oldest_seen == 0
             ? 0.0
             : static_cast<double>(to_epoch_ms(SystemClock{}.now()) - oldest_seen) / 1000.0},
        {"motcua_hub_events_ingested_total", "Events this process stored.", "counter",
         static_cast<double>(events_ingested_.load())},
        {"motcua_hub_batches_refused_total", "Batches this process refused.", "counter",
         static_cast<double>(batches_refused_.load())},
        {"motcua_hub_report_months_read_total",
         "Ward-months of tickets and dossiers this process read for reports.", "counter",
         static_cast<double>(tickets_.stats().months_read + dossiers_.stats().months_read)},
        {"motcua_hub_report_months_reused_total",
         "Ward-months of tickets and dossiers reports found in memory.", "counter",
         static_cast<double>(tickets_.stats().months_reused + dossiers_.stats().months_reused)},
        {"motcua_hub_report_tickets_cached", "Tickets this process holds in memory for reports.",
         "gauge", static_cast<double>(tickets_.stats().rows)},
        {"motcua_hub_report_dossiers_cached", "Dossiers this process holds in memory for reports.",
         "gauge", static_cast<double>(dossiers_.stats().rows)}};
    c.respond(api::Reply{200, metrics_.render(figures), "text/plain; version=0.0.4", {}});
}

void HubApp::login(const HubRouter::Call& c) {
    auto req = api::body_of<api::LoginRequest>(c.request);
    if (!req) return c.respond(api::error_reply(req.error()));
    auto result = auth_.login(db(), *req, c.request.remote);
    if (!result) {
        api::Reply refused = api::error_reply(result.error());
        if (result.error().code == ErrorCode::too_many_attempts)
            refused.headers.emplace_back(
                "Retry-After", std::to_string(std::max(
                                   1, auth_.login_retry_after(req->username, c.request.remote))));
        return c.respond(std::move(refused));
    }
    c.respond(api::json_reply(200, api::to_json(*result, zone_)));
}

void HubApp::ingest(const HubRouter::Call& c) {
    const auto& ward = std::get<WardPrincipal>(c.who).code;
    const auto refuse = [&](const Error& e) {
        batches_refused_.fetch_add(1);
        c.respond(api::error_reply(e));
    };
    if (!api::is_json_media(c.request.content_type))
        return refuse(
            make_error(ErrorCode::unsupported_media_type, "send the batch as application/json"));
    auto parsed = api::parse_json(c.request.body);
    if (!parsed) return refuse(parsed.error());
    auto batch = decode_event_batch(*parsed);
    if (!batch) return refuse(batch.error());
    auto ack = hub::ingest(db(), partitions_, ward, *batch, SystemClock{}.now());
    if (!ack) return refuse(ack.error());
    events_ingested_.fetch_add(static_cast<std::uint64_t>(ack->stored));
    c.respond(api::json_reply(200, to_json(*ack)));
}

void HubApp::ack(const HubRouter::Call& c) {
    c.respond(
        api::json_reply(200, to_json(acknowledged(db(), std::get<WardPrincipal>(c.who).code))));
}

void HubApp::refill(const HubRouter::Call& c) {
    if (!api::is_json_media(c.request.content_type))
        return c.respond(api::error_reply(make_error(ErrorCode::unsupported_media_type,
                                                     "send the estimates as application/json")));
    auto parsed = api::parse_json(c.request.body);
    if (!parsed) return c.respond(api::error_reply(parsed.error()));
    auto page = decode_estimate_refill(*parsed);
    if (!page) return c.respond(api::error_reply(page.error()));
    const int updated =
        refill_estimates(db(), std::get<WardPrincipal>(c.who).code, *page, SystemClock{}.now());
    c.respond(api::json_reply(200, {{"updated", updated}}));
}

void HubApp::wards(const HubRouter::Call& c) {
    pqxx::read_transaction w(db());
    auto r = w.exec(
        "SELECT code, name, acked_seq, last_event_ms, last_seen_ms FROM wards ORDER BY code");
    json::array out;
    for (const auto& row : r) {
        WardStatus s{
            row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::int64_t>(), {}, {}};
        if (!row[3].is_null()) s.last_event_at = from_epoch_ms(row[3].as<std::int64_t>());
        if (!row[4].is_null()) s.last_seen_at = from_epoch_ms(row[4].as<std::int64_t>());
        out.push_back(to_json(s, zone_));
    }
    c.respond(api::json_reply(200, out));
}

Result<std::vector<WardMeta>> HubApp::report_wards(const HubRouter::Call& c) {
    const auto& user = std::get<UserPrincipal>(c.who);
    std::optional<std::string> ward;
    if (auto it = c.request.query.find("ward"); it != c.request.query.end()) ward = it->second;
    if (user.role == OfficerRole::ward_viewer) {
        if (ward && *ward != user.ward)
            return make_error(ErrorCode::forbidden,
                              fmt::format("this account sees ward {} only", user.ward));
        ward = user.ward;
    }
    auto wards = load_wards(db(), ward);
    if (ward && wards.empty())
        return make_error(ErrorCode::unknown_ward, fmt::format("no ward {}", *ward));
    return wards;
}

void HubApp::turnaround(const HubRouter::Call& c) {
    auto period = api::period_of(c.request);
    if (!period) return c.respond(api::error_reply(period.error()));
    // group_by=all: one workbook with a sheet per grouping (the dashboard's "Xuất Excel").
    const auto group_it = c.request.query.find("group_by");
    const bool every_grouping = group_it != c.request.query.end() && group_it->second == "all";
    auto group = ReportGrouping::ward;
    if (group_it != c.request.query.end() && !every_grouping) {
        auto g = parse_enum<ReportGrouping>(group_it->second);
        if (!g || *g == ReportGrouping::counter || *g == ReportGrouping::officer)
            return c.respond(api::error_reply(
                ErrorCode::invalid_query, "'group_by' must be one of: ward, category, day, hour"));
        group = *g;
    }
    auto format = api::format_of(c.request, {"json", "csv", "xlsx"});
    if (!format) return c.respond(api::error_reply(format.error()));
    auto wards = report_wards(c);
    if (!wards) return c.respond(api::error_reply(wards.error()));
    const std::string scope = wards->size() == 1 ? wards->front().code : "tinh";
    if (every_grouping) {
        if (*format != "xlsx")
            return c.respond(api::error_reply(ErrorCode::invalid_query,
                                              "'group_by=all' is for format=xlsx only"));
        std::vector<TurnaroundReport> sheets;
        for (const auto g : kProvinceGroupings)
            sheets.push_back(
                province_turnaround(db(), tickets_, *wards, period->from, period->to, g, zone_));
        auto bytes = reports::to_xlsx(sheets);
        if (!bytes) return c.respond(api::error_reply(bytes.error()));
        return c.respond(api::file_reply(
            std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fmt::format("bao-cao-{}-tat-ca-{}-{}.xlsx", scope, format_day(period->from),
                        format_day(period->to))));
    }
    const auto report =
        province_turnaround(db(), tickets_, *wards, period->from, period->to, group, zone_);
    c.respond(api::turnaround_reply(report, *format,
                                    fmt::format("bao-cao-{}-{}-{}-{}", scope, to_string(group),
                                                format_day(period->from), format_day(period->to))));
}

void HubApp::waits(const HubRouter::Call& c) {
    auto period = api::period_of(c.request);
    if (!period) return c.respond(api::error_reply(period.error()));
    auto wards = report_wards(c);
    if (!wards) return c.respond(api::error_reply(wards.error()));
    c.respond(api::json_reply(
        200, to_json(province_waits(db(), tickets_, *wards, period->from, period->to, zone_))));
}

void HubApp::dossiers(const HubRouter::Call& c) {
    auto period = api::period_of(c.request);
    if (!period) return c.respond(api::error_reply(period.error()));
    auto group = ProvinceDossierGrouping::ward;
    if (auto it = c.request.query.find("group_by"); it != c.request.query.end()) {
        if (it->second == "category")
            group = ProvinceDossierGrouping::category;
        else if (it->second == "procedure")
            group = ProvinceDossierGrouping::procedure;
        else if (it->second != "ward")
            return c.respond(api::error_reply(
                ErrorCode::invalid_query, "'group_by' must be one of: ward, category, procedure"));
    }
    auto format = api::format_of(c.request, {"json", "csv", "xlsx", "pdf"});
    if (!format) return c.respond(api::error_reply(format.error()));
    auto wards = report_wards(c);
    if (!wards) return c.respond(api::error_reply(wards.error()));
    const TimePoint now = SystemClock{}.now();
    const std::string office = wards->size() == 1 ? wards->front().name : settings_.province_name;
    const auto report = province_dossiers(db(), dossiers_, *wards, period->from, period->to, group,
                                          zone_, now, office);
    WardConfig heading;
    heading.office_name = office;
    heading.unit_code = wards->size() == 1 ? wards->front().code : "";
    c.respond(api::dossier_report_reply(
        report, *format,
        fmt::format("bieu-ii-06a-{}-{}-{}", wards->size() == 1 ? wards->front().code : "tinh",
                    format_day(period->from), format_day(period->to)),
        heading, zone_));
}

void HubApp::estimates(const HubRouter::Call& c) {
    auto period = api::period_of(c.request);
    if (!period) return c.respond(api::error_reply(period.error()));
    auto group = EstimateGrouping::ward;
    if (auto it = c.request.query.find("group_by"); it != c.request.query.end()) {
        auto g = parse_enum<EstimateGrouping>(it->second);
        if (!g)
            return c.respond(api::error_reply(
                ErrorCode::invalid_query,
                fmt::format("'group_by' must be one of: {}", enum_choices<EstimateGrouping>())));
        group = *g;
    }
    auto format = api::format_of(c.request, {"json", "csv"});
    if (!format) return c.respond(api::error_reply(format.error()));
    auto wards = report_wards(c);
    if (!wards) return c.respond(api::error_reply(wards.error()));
    const auto report = province_estimates(db(), *wards, period->from, period->to, group, zone_);
    if (*format == "csv")
        return c.respond(api::file_reply(
            reports::estimate_report_csv(report), "text/csv; charset=utf-8",
            fmt::format("uoc-tinh-{}-{}-{}-{}.csv",
                        wards->size() == 1 ? wards->front().code : "tinh", to_string(group),
                        format_day(period->from), format_day(period->to))));
    c.respond(api::json_reply(200, to_json(report)));
}

void HubApp::overview(const HubRouter::Call& c) {
    auto period = api::period_of(c.request);
    if (!period) return c.respond(api::error_reply(period.error()));
    auto wards = report_wards(c);
    if (!wards) return c.respond(api::error_reply(wards.error()));
    ProvinceOverview o{period->from, period->to, {}};
    std::map<std::string, WardFigures*> by_code;
    o.wards.reserve(wards->size());
    for (const auto& w : *wards) {
        o.wards.push_back(WardFigures{w.code, w.name});
        by_code[w.code] = &o.wards.back();
    }
    pqxx::read_transaction w(db());
    if (wards->empty()) return c.respond(api::json_reply(200, to_json(o)));
    const std::string codes = sql_ward_list(w, *wards);
    const auto round1 = [](double v) { return std::round(v * 10.0) / 10.0; };
    auto sums = w.exec(
        fmt::format("SELECT ward, sum(issued), sum(served), sum(called), sum(within_target), "
                    "sum(wait_sum_s), sum(rated), "
                    "sum(satisfied), sum(timed) FROM daily_rollup WHERE ward IN ({}) AND day "
                    "BETWEEN {} AND {} GROUP BY ward",
                    codes, w.quote(format_day(period->from)), w.quote(format_day(period->to))));
    for (const auto& row : sums) {
        auto* f = by_code.at(row[0].as<std::string>());
        f->issued = row[1].as<std::int64_t>();
        f->served = row[2].as<std::int64_t>();
        const auto called = row[3].as<std::int64_t>();
        f->within_target_pct =
            called == 0 ? 0 : round1(100.0 * row[4].as<double>() / static_cast<double>(called));
        const auto timed = row[8].as<std::int64_t>();
        f->mean_wait_s = timed == 0 ? 0 : round1(row[5].as<double>() / static_cast<double>(timed));
        f->rated = row[6].as<std::int64_t>();
        f->satisfied_pct =
            f->rated == 0 ? 0 : round1(100.0 * row[7].as<double>() / static_cast<double>(f->rated));
    }
    auto returned = w.exec(
        fmt::format("SELECT ward, count(*), count(*) FILTER (WHERE result IN ('early', 'on_time')) "
                    "FROM dossiers "
                    "WHERE ward IN ({}) AND returned_ms >= {} AND returned_ms < {} GROUP BY ward",
                    codes, to_epoch_ms(zone_.start_of_day(period->from)),
                    to_epoch_ms(zone_.end_of_day(period->to))));
    for (const auto& row : returned) {
        auto* f = by_code.at(row[0].as<std::string>());
        f->dossiers_processed = row[1].as<std::int64_t>();
        f->dossiers_on_time_pct =
            round1(100.0 * row[2].as<double>() /
                   static_cast<double>(std::max<std::int64_t>(1, f->dossiers_processed)));
    }
    rank_wards(o.wards);
    c.respond(api::json_reply(200, to_json(o)));
}

}  // namespace motcua::hub
