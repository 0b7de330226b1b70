#include "kiosk/core/counter/counter_api.hpp"

#include <boost/json.hpp>

namespace motcua::kiosk {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

/// A counter action is one SQLite group commit on a LAN: milliseconds. A few seconds covers a
/// busy service; beyond that the officer is better told "not done" and tries again.
constexpr std::chrono::milliseconds kActionTimeout{4000};
/// The report scans the day's tickets: still fast, but give it more room than an action.
constexpr std::chrono::milliseconds kReportTimeout{8000};
constexpr int kNoContent = 204;

const char* action_route(ConsoleAction action) {
    switch (action) {
        case ConsoleAction::login:
            break;  // not a counter route: OfficerLogin sends POST /auth/login
        case ConsoleAction::open:
            return "open";
        case ConsoleAction::close:
            return "close";
        case ConsoleAction::pause:
            return "pause";
        case ConsoleAction::call_next:
            return "call-next";
        case ConsoleAction::recall:
            return "recall";
        case ConsoleAction::start:
            return "start";
        case ConsoleAction::no_show:
            return "no-show";
        case ConsoleAction::transfer:
            return "transfer";
        case ConsoleAction::finish:
            return "finish";
        case ConsoleAction::reinstate:
            return "reinstate";
    }
    return "";
}

std::optional<json::value> body_of(const ConsoleRequest& r) {
    switch (r.action) {
        case ConsoleAction::transfer:
            return api::to_json(api::TransferRequest{r.category.value_or("")});
        case ConsoleAction::finish: {
            api::FinishRequest f;
            f.outcome = r.outcome.value_or(FinishOutcome::resolved);
            f.procedure = r.procedure;
            f.applicant = r.applicant;
            f.dossier = r.dossier;
            return api::to_json(f);
        }
        case ConsoleAction::reinstate:
            return api::to_json(api::ReinstateRequest{r.ticket.value_or("")});
        default:
            return std::nullopt;  // the path says it all
    }
}

Result<ConsoleReply> decode_reply(ConsoleAction action, const HttpResponse& res) {
    switch (action) {
        case ConsoleAction::open:
        case ConsoleAction::close:
        case ConsoleAction::pause: {
            auto counter = api::decode_body<api::CounterInfo>(res.body);
            if (!counter) return counter.error();
            return ConsoleReply{std::move(*counter)};
        }
        case ConsoleAction::finish: {
            // The ticket, with a `dossier` beside its fields when one was received.
            auto parsed = api::parse_json(res.body);
            if (!parsed) return parsed.error();
            auto ticket = api::decode<api::TicketView>(*parsed);
            if (!ticket) return ticket.error();
            const auto* d =
                parsed->is_object() ? parsed->as_object().if_contains("dossier") : nullptr;
            if (d == nullptr || d->is_null())
                return ConsoleReply{std::optional<api::TicketView>{std::move(*ticket)}};
            auto dossier = api::decode<api::DossierView>(*d);
            if (!dossier) return dossier.error();
            return ConsoleReply{FinishedWithDossier{std::move(*ticket), std::move(*dossier)}};
        }
        default: {
            if (res.status == kNoContent) return ConsoleReply{std::optional<api::TicketView>{}};
            auto ticket = api::decode_body<api::TicketView>(res.body);
            if (!ticket) return ticket.error();
            return ConsoleReply{std::optional<api::TicketView>{std::move(*ticket)}};
        }
    }
}

/// A time block's mean: a number, or null before the first served ticket.
std::optional<double> mean_of(const json::object& row, std::string_view block) {
    const auto* b = row.if_contains(block);
    if (b == nullptr || !b->is_object()) return std::nullopt;
    const auto* mean = b->as_object().if_contains("mean");
    if (mean == nullptr || !mean->is_number()) return std::nullopt;
    return mean->to_number<double>();
}

}  // namespace

std::string console_path(const ConsoleRequest& request) {
    return api_target("/counters/" + std::to_string(request.counter) + "/" +
                      action_route(request.action));
}

asio::awaitable<Result<ConsoleReply>> send_console_request(HttpClient& http, Token token,
                                                           ConsoleRequest request) {
    HttpRequest req;
    req.method = HttpMethod::post;
    req.target = console_path(request);
    req.bearer_token = std::move(token);
    req.body = body_of(request);
    req.timeout = kActionTimeout;
    auto res = co_await http.request(std::move(req));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return decode_reply(request.action, *res);
}

Result<OfficerFigures> decode_officer_figures(std::string_view body, std::string_view username) {
    auto parsed = api::parse_json(body);
    if (!parsed) return parsed.error();
    const auto* rows = parsed->is_object() ? parsed->as_object().if_contains("rows") : nullptr;
    if (rows == nullptr || !rows->is_array())
        return make_error(ErrorCode::invalid_body, "the turnaround report has no 'rows' array");
    for (const auto& item : rows->as_array()) {
        if (!item.is_object())
            return make_error(ErrorCode::invalid_body, "a report row is not an object");
        const auto& row = item.as_object();
        const auto* key = row.if_contains("key");
        if (key == nullptr || !key->is_string() || key->as_string() != username) continue;
        const auto* served = row.if_contains("served");
        if (served == nullptr || !served->is_int64())
            return make_error(ErrorCode::invalid_body,
                              "the report row has no whole 'served' count");
        OfficerFigures out;
        out.served = static_cast<int>(served->as_int64());
        if (out.served > 0) {
            out.mean_service_s = mean_of(row, "service_s");
            out.mean_wait_s = mean_of(row, "wait_s");
        }
        return out;
    }
    return OfficerFigures{};
}

asio::awaitable<Result<OfficerFigures>> fetch_officer_figures(HttpClient& http, Token token,
                                                              Day day, std::string username) {
    const std::string d = format_day(day);
    HttpRequest req;
    req.target = api_target("/reports/turnaround?from=" + d + "&to=" + d + "&group_by=officer");
    req.bearer_token = std::move(token);
    req.timeout = kReportTimeout;
    auto res = co_await http.request(std::move(req));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return decode_officer_figures(res->body, username);
}

asio::awaitable<Result<std::vector<api::BookingView>>> fetch_day_appointments(HttpClient& http,
                                                                              Token token,
                                                                              Day day) {
    HttpRequest req;
    req.target = api_target("/appointments?date=" + format_day(day));
    req.bearer_token = std::move(token);
    req.timeout = kReportTimeout;
    auto res = co_await http.request(std::move(req));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return decode_list<api::BookingView>(res->body);
}

}  // namespace motcua::kiosk
