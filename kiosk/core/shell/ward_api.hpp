#pragma once
/// Typed calls of the ward service's API (DESIGN.md §4) over HttpClient, on the client thread.
/// Bodies are encoded and decoded with the shared codecs (motcua/api.hpp), never by hand.
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/shell/http_client.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

using Token = std::optional<std::string>;

/// Transport problems keep HttpClient's codes (`unreachable`, `timeout`, `protocol`); a refusal
/// carries the service's own code (`issuing_stopped`, `unknown_ticket`, ...).
[[nodiscard]] bool is_transport_error(const Error& e);

/// The Error of a non-2xx answer: the service's `{"error": {...}}`, or `http_STATUS` when the
/// body is not one (a proxy's page).
Error error_of(const HttpResponse& res);

/// Decodes a JSON array of T with decode<T>; the first bad item fails the whole list.
template <typename T>
Result<std::vector<T>> decode_list(std::string_view body) {
    auto parsed = api::parse_json(body);
    if (!parsed) return parsed.error();
    if (!parsed->is_array()) return make_error(ErrorCode::invalid_body, "expected a JSON array");
    std::vector<T> out;
    for (const auto& item : parsed->as_array()) {
        auto one = api::decode<T>(item);
        if (!one) return one.error();
        out.push_back(std::move(*one));
    }
    return out;
}

boost::asio::awaitable<Result<std::vector<api::CategoryInfo>>> fetch_categories(HttpClient& http,
                                                                                Token token);
boost::asio::awaitable<Result<std::vector<api::CounterInfo>>> fetch_counters(HttpClient& http,
                                                                             Token token);
/// POST /tickets: the new ticket, or why not. Give the request an idempotency key: after a
/// transport failure, a 5xx or a 429 it is sent again with the same key, until `patience` has
/// passed, so a citizen gets one ticket or one clear failure, never two (DESIGN.md §4).
boost::asio::awaitable<Result<api::TicketView>> issue_ticket(HttpClient& http, Token token,
                                                             api::IssueTicketRequest request,
                                                             Millis patience = Millis{0});
/// A failed ticket request worth sending again with its key: the link, or the service, failed.
bool worth_another_try(const Error& e);

/// What became of a check-in at the kiosk (POST /appointments/{code}/check-in): the ticket, or
/// why not; for a booking refused (too early, missed, cancelled) also the booking itself, read
/// from its public route, so the kiosk can say its time and offer a ticket for its category.
struct CheckInAnswer {
    Result<api::TicketView> ticket = make_error(ErrorCode::unexpected_answer, "no answer yet");
    std::optional<api::BookingView> booking;
};

boost::asio::awaitable<CheckInAnswer> check_in_appointment(HttpClient& http, Token token,
                                                           std::string code);

/// The `motcua_event_seq` gauge of the Prometheus text at /metrics, if present.
std::optional<std::int64_t> parse_event_head(std::string_view metrics);
/// The service's last event seq: where a fresh event subscription starts, so a new screen is not
/// flooded with the whole history (the API has no other way to ask).
boost::asio::awaitable<Result<std::int64_t>> fetch_event_head(HttpClient& http);

/// The service's clock, from the open-data queue's `at` (the API has no other way to ask, and
/// that route needs no token). Screens measure ticket timers and call ages on it.
boost::asio::awaitable<Result<TimePoint>> fetch_service_time(HttpClient& http);

/// What became of one attempt to deliver a rating.
enum class RatingVerdict {
    delivered,      // 201: stored (or a replay of the same idempotency key)
    already_rated,  // 409 already_rated: stored before, e.g. an earlier attempt whose answer was
                    // lost
    rejected,       // can never succeed (unknown ticket, not served, wrong counter...): drop it
    retry,          // the service is unreachable, busy or failing: keep it and try later
};

struct RatingAnswer {
    RatingVerdict verdict = RatingVerdict::retry;
    int status = 0;  // HTTP status; 0 when the service was not reached
    Error error;     // why, when not delivered
    [[nodiscard]] bool settled() const { return verdict != RatingVerdict::retry; }
};

/// The outbox's rule: 201 and 409 already_rated deliver; a request the service can never accept
/// (400, 403, 404, 409 other than already_rated, 413, 415, 422) is dropped; anything else waits.
RatingAnswer classify_rating_answer(const Result<HttpResponse>& res);
boost::asio::awaitable<RatingAnswer> post_rating(HttpClient& http, Token token,
                                                 api::RatingRequest request);

}  // namespace motcua::kiosk
