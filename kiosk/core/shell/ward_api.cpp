#include "kiosk/core/shell/ward_api.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <charconv>

#include "kiosk/core/counter/dossier_api.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;

namespace {

/// Issuing and rating answer in milliseconds on a LAN; a few seconds covers a busy service.
constexpr std::chrono::milliseconds kCallTimeout{4000};

constexpr int kConflict = 409;

HttpRequest get(std::string target, const Token& token) {
    HttpRequest req;
    req.method = HttpMethod::get;
    req.target = std::move(target);
    req.bearer_token = token;
    req.timeout = kCallTimeout;
    return req;
}

HttpRequest post(std::string target, const Token& token, boost::json::value body) {
    HttpRequest req = get(std::move(target), token);
    req.method = HttpMethod::post;
    req.body = std::move(body);
    return req;
}

/// Statuses that mean "this request can never succeed as sent".
bool permanent_refusal(int status) {
    constexpr std::array kPermanent{400, 403, 404, 409, 413, 415, 422};
    for (int s : kPermanent)
        if (s == status) return true;
    return false;
}

template <typename T>
asio::awaitable<Result<std::vector<T>>> fetch_list(HttpClient& http, std::string path,
                                                   Token token) {
    auto res = co_await http.request(get(api_target(path), token));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return decode_list<T>(res->body);
}

}  // namespace

bool is_transport_error(const Error& e) {
    return e.code == ErrorCode::unreachable || e.code == ErrorCode::timeout ||
           e.code == ErrorCode::protocol || e.code == ErrorCode::tls;
}

Error error_of(const HttpResponse& res) {
    if (auto body = api::decode_body<api::ErrorBody>(res.body)) return body->error;
    return make_error(ErrorCode::unexpected_answer,
                      "the service answered HTTP " + std::to_string(res.status));
}

asio::awaitable<Result<std::vector<api::CategoryInfo>>> fetch_categories(HttpClient& http,
                                                                         Token token) {
    co_return co_await fetch_list<api::CategoryInfo>(http, "/categories", std::move(token));
}

asio::awaitable<Result<std::vector<api::CounterInfo>>> fetch_counters(HttpClient& http,
                                                                      Token token) {
    co_return co_await fetch_list<api::CounterInfo>(http, "/counters", std::move(token));
}

bool worth_another_try(const Error& e) {
    if (e.code == ErrorCode::tls) return false;  // a certificate does not mend itself
    if (is_transport_error(e)) return true;
    const int status = http_status(e.code);
    return status >= 500 || status == 429;
}

asio::awaitable<Result<api::TicketView>> issue_ticket(HttpClient& http, Token token,
                                                      api::IssueTicketRequest request,
                                                      Millis patience) {
    const auto give_up_at = std::chrono::steady_clock::now() + patience;
    Millis pause{250};
    asio::steady_timer timer(co_await asio::this_coro::executor);
    for (;;) {
        auto res =
            co_await http.request(post(api_target("/tickets"), token, api::to_json(request)));
        if (res && res->success()) co_return api::decode_body<api::TicketView>(res->body);
        const Error failure = res ? error_of(*res) : res.error();
        const bool again =
            res ? res->status >= 500 || res->status == 429 : worth_another_try(failure);
        if (!request.idempotency_key || !again ||
            std::chrono::steady_clock::now() + pause >= give_up_at)
            co_return failure;
        // The same key again: if the first reached the service, this answers with its ticket.
        timer.expires_after(pause);
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        pause = std::min(pause * 2, Millis{2000});
    }
}

asio::awaitable<CheckInAnswer> check_in_appointment(HttpClient& http, Token token,
                                                    std::string code) {
    CheckInAnswer out;
    auto res =
        co_await http.request(post(api_target("/appointments/" + path_segment(code) + "/check-in"),
                                   token, boost::json::object{}));
    if (!res) {
        out.ticket = res.error();
        co_return out;
    }
    if (res->success()) {
        out.ticket = api::decode_body<api::TicketView>(res->body);
        co_return out;
    }
    out.ticket = error_of(*res);
    const ErrorCode why = out.ticket.error().code;
    if (why != ErrorCode::too_early && why != ErrorCode::missed && why != ErrorCode::cancelled)
        co_return out;
    // The booking's time and category, for the kind words and the normal ticket's tile. Without
    // them the kiosk still explains, in general words.
    auto booking =
        co_await http.request(get(api_target("/public/appointments/" + path_segment(code)), token));
    if (booking && booking->success())
        if (auto view = api::decode_body<api::BookingView>(booking->body)) out.booking = *view;
    co_return out;
}

std::optional<std::int64_t> parse_event_head(std::string_view metrics) {
    constexpr std::string_view kName = "motcua_event_seq ";
    std::size_t at = 0;
    while (at < metrics.size()) {
        const std::size_t end = std::min(metrics.find('\n', at), metrics.size());
        const std::string_view line = metrics.substr(at, end - at);
        at = end + 1;
        if (!line.starts_with(kName)) continue;  // comments (# HELP) and other gauges
        std::string_view value = line.substr(kName.size());
        while (!value.empty() && (value.back() == '\r' || value.back() == ' '))
            value.remove_suffix(1);
        std::int64_t seq = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seq);
        if (ec != std::errc{} || ptr != value.data() + value.size() || seq < 0) return std::nullopt;
        return seq;
    }
    return std::nullopt;
}

asio::awaitable<Result<std::int64_t>> fetch_event_head(HttpClient& http) {
    auto res = co_await http.request(get("/metrics", std::nullopt));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    if (auto seq = parse_event_head(res->body)) co_return *seq;
    co_return make_error(ErrorCode::protocol, "/metrics has no motcua_event_seq");
}

asio::awaitable<Result<TimePoint>> fetch_service_time(HttpClient& http) {
    auto res = co_await http.request(get(api_target("/public/queue"), std::nullopt));
    if (!res) co_return res.error();
    if (res->status == 404) {
        // The province hub has no queue: its health answer carries its clock.
        auto health = co_await http.request(get(api_target("/healthz"), std::nullopt));
        if (!health) co_return health.error();
        if (!health->success()) co_return error_of(*health);
        auto parsed = api::parse_json(health->body);
        if (!parsed) co_return parsed.error();
        const auto* now = parsed->is_object() ? parsed->as_object().if_contains("now") : nullptr;
        if (now == nullptr || !now->is_string())
            co_return make_error(ErrorCode::invalid_body, "the server gives no clock");
        co_return parse_rfc3339(now->as_string());
    }
    if (!res->success()) co_return error_of(*res);
    auto queue = api::decode_body<api::PublicQueue>(res->body);
    if (!queue) co_return queue.error();
    co_return queue->at;
}

RatingAnswer classify_rating_answer(const Result<HttpResponse>& res) {
    RatingAnswer out;
    if (!res) {
        out.verdict = RatingVerdict::retry;
        out.error = res.error();
        return out;
    }
    out.status = res->status;
    if (res->success()) {  // 201; any 2xx means the service took it
        out.verdict = RatingVerdict::delivered;
        return out;
    }
    out.error = error_of(*res);
    if (res->status == kConflict && out.error.code == ErrorCode::already_rated)
        out.verdict = RatingVerdict::already_rated;
    else if (permanent_refusal(res->status))
        out.verdict = RatingVerdict::rejected;
    else
        out.verdict = RatingVerdict::retry;  // 401 (token being fixed), 429, 5xx, a proxy's 502
    return out;
}

asio::awaitable<RatingAnswer> post_rating(HttpClient& http, Token token,
                                          api::RatingRequest request) {
    auto res = co_await http.request(post(api_target("/ratings"), token, api::to_json(request)));
    co_return classify_rating_answer(res);
}

}  // namespace motcua::kiosk
