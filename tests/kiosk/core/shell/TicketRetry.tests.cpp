// A ticket request over a bad link (DESIGN.md §4, issue 16): sent again with the same
// idempotency key after a failure of the link or the service, never after a refusal, and never
// for longer than the kiosk's patience.
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "kiosk/core/shell/ward_link.hpp"
#include "loopback_server.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::LoopbackServer;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

namespace {

constexpr const char* kTicket =
    R"({"id":"Xk3p9QmZ2vLr8TbN","number":"A012","category":"HT","priority":false,)"
    R"("state":"waiting","issued_at":"2026-11-23T08:00:00+07:00","waiting_ahead":3,)"
    R"("estimated_wait_s":600})";

std::string error_body(const char* code) {
    return std::string(R"({"error":{"code":")") + code + R"(","message":"m"}})";
}

/// Runs issue_ticket against `port` and returns its result.
Result<api::TicketView> issue(std::uint16_t port, api::IssueTicketRequest request,
                              Millis patience) {
    boost::asio::io_context io;
    ServerUrl url;
    url.host = "127.0.0.1";
    url.port = port;
    HttpClient http(io.get_executor(), url);
    std::optional<Result<api::TicketView>> out;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            out.emplace(co_await issue_ticket(http, "kiosk-token", request, patience));
        },
        boost::asio::detached);
    io.run();
    REQUIRE(out);
    return *out;
}

std::vector<std::string> keys_sent(const LoopbackServer& server) {
    std::vector<std::string> keys;
    for (const auto& req : server.requests()) {
        if (req.target() != "/api/v1/tickets") continue;  // the health checks
        const auto body = boost::json::parse(req.body()).as_object();
        keys.push_back(body.contains("idempotency_key")
                           ? std::string(body.at("idempotency_key").as_string())
                           : std::string("(none)"));
    }
    return keys;
}

api::IssueTicketRequest keyed(std::string key) {
    api::IssueTicketRequest r;
    r.category = "HT";
    r.idempotency_key = std::move(key);
    return r;
}

}  // namespace

TEST_CASE("a ticket request the service could not store is sent again with the same key",
          "[ward_api][idempotency]") {
    int calls = 0;
    LoopbackServer server([&](const LoopbackServer::Request&) {
        ++calls;
        if (calls <= 2)  // a full disk, then a proxy that lost the service for a moment
            return LoopbackServer::json(
                calls == 1 ? http::status::service_unavailable : http::status::bad_gateway,
                error_body("storage_unavailable"));
        return LoopbackServer::json(http::status::created, kTicket);
    });
    const auto ticket = issue(server.port(), keyed("5d0c8e4f9a7b3c21"), 10s);
    REQUIRE(ticket);
    CHECK(ticket->number == "A012");
    CHECK(keys_sent(server) ==
          std::vector<std::string>{"5d0c8e4f9a7b3c21", "5d0c8e4f9a7b3c21", "5d0c8e4f9a7b3c21"});
}

TEST_CASE("a refused ticket request is not sent again", "[ward_api][idempotency]") {
    LoopbackServer server([](const LoopbackServer::Request&) {
        return LoopbackServer::json(http::status::unprocessable_entity,
                                    error_body("issuing_stopped"));
    });
    const auto ticket = issue(server.port(), keyed("5d0c8e4f9a7b3c22"), 10s);
    REQUIRE_FALSE(ticket);
    CHECK(ticket.error().code == ErrorCode::issuing_stopped);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("without a key, or past its patience, the kiosk stops with a clear failure",
          "[ward_api][idempotency]") {
    SECTION("no key: one try (a repeat could give a second ticket)") {
        LoopbackServer server([](const LoopbackServer::Request&) {
            return LoopbackServer::json(http::status::service_unavailable,
                                        error_body("storage_unavailable"));
        });
        api::IssueTicketRequest plain;
        plain.category = "HT";
        const auto ticket = issue(server.port(), plain, 10s);
        REQUIRE_FALSE(ticket);
        CHECK(ticket.error().code == ErrorCode::storage_unavailable);
        CHECK(keys_sent(server) == std::vector<std::string>{"(none)"});
    }
    SECTION("nothing listens: tries until the patience is spent, then unreachable") {
        const auto start = std::chrono::steady_clock::now();
        const auto ticket = issue(test::closed_port(), keyed("5d0c8e4f9a7b3c23"), 1500ms);
        const auto took = std::chrono::steady_clock::now() - start;
        REQUIRE_FALSE(ticket);
        CHECK(ticket.error().code == ErrorCode::unreachable);
        CHECK(took >= 700ms);  // 250 + 500 ms of pauses at least: it did try again
        CHECK(took < 5s);
    }
}

TEST_CASE("which failures are worth another try with the same key", "[ward_api][idempotency]") {
    CHECK(worth_another_try(make_error(ErrorCode::unreachable, "x")));
    CHECK(worth_another_try(make_error(ErrorCode::timeout, "x")));
    CHECK(worth_another_try(make_error(ErrorCode::storage_unavailable, "x")));
    CHECK_FALSE(worth_another_try(make_error(ErrorCode::tls, "x")));
    CHECK_FALSE(worth_another_try(make_error(ErrorCode::unknown_category, "x")));
    CHECK_FALSE(worth_another_try(make_error(ErrorCode::idempotency_key_reused, "x")));
}

TEST_CASE("a tile tapped again after a failure sends the same key; after a ticket, a new one",
          "[ward_link][idempotency]") {
    std::atomic<int> mode{503};  // what the service answers ticket requests
    LoopbackServer server([&](const LoopbackServer::Request& req) {
        if (req.target() != "/api/v1/tickets")
            return LoopbackServer::json(http::status::ok, R"({"status":"ok"})");
        if (mode == 503)
            return LoopbackServer::json(http::status::service_unavailable,
                                        error_body("storage_unavailable"));
        if (mode == 422)
            return LoopbackServer::json(http::status::unprocessable_entity,
                                        error_body("issuing_stopped"));
        return LoopbackServer::json(http::status::created, kTicket);
    });
    ClientSettings cs;
    cs.server.host = "127.0.0.1";
    cs.server.port = server.port();
    cs.token = "kiosk-token";
    ClientThread client(cs);
    WardLinkSettings ls;
    ls.fetch_categories = false;
    ls.fetch_counters = false;
    ls.subscribe_events = false;
    ls.issue_patience = 400ms;
    WardLink link(client, ls);
    REQUIRE(link.start());
    client.start();
    auto issue = [&](const std::string& category) {
        std::optional<Result<api::TicketView>> answer;
        api::IssueTicketRequest r;
        r.category = category;
        link.issue_ticket(r, [&](Result<api::TicketView> t) { answer = std::move(t); });
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!answer && std::chrono::steady_clock::now() < deadline) {
            client.ui_queue().run_all();
            std::this_thread::sleep_for(5ms);
        }
        REQUIRE(answer);
        return *answer;
    };
    auto last_key = [&] { return keys_sent(server).back(); };

    REQUIRE_FALSE(issue("HT"));  // tried twice (0 and 250 ms), then given up
    const std::string first = last_key();
    CHECK(keys_sent(server) == std::vector<std::string>{first, first});
    CHECK(first.size() == 32);
    // Another tile is another request: its own key.
    REQUIRE_FALSE(issue("DC"));
    CHECK(last_key() != first);
    // The citizen taps HT again once the service is back: the same key, so a ticket issued
    // unseen the first time would come back now instead of a second one.
    mode = 201;
    REQUIRE(issue("HT"));
    CHECK(last_key() == first);
    // The next citizen's ticket is a new request.
    REQUIRE(issue("HT"));
    CHECK(last_key() != first);
    // A refusal issued nothing: no key kept.
    mode = 422;
    REQUIRE_FALSE(issue("VX"));
    const std::string refused = last_key();
    mode = 201;
    REQUIRE(issue("VX"));
    CHECK(last_key() != refused);
    client.stop();
}
