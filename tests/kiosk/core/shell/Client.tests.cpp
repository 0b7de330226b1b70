#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "kiosk/core/shell/client_thread.hpp"
#include "loopback_server.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::LoopbackServer;
namespace http = boost::beast::http;
using namespace std::chrono_literals;

namespace {

ClientSettings settings_for(std::uint16_t port) {
    ClientSettings s;
    s.server.host = "127.0.0.1";
    s.server.port = port;
    // Fast timings keep the tests short; the shapes are those of production.
    s.timing.first_retry = 10ms;
    s.timing.max_retry = 40ms;
    s.timing.online_poll = 20ms;
    s.health_timeout = 1000ms;
    return s;
}

/// Polls `pred` until it holds or 5 s pass.
template <typename Pred>
bool eventually(Pred pred) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (pred()) return true;
        std::this_thread::sleep_for(5ms);
    }
    return pred();
}

LoopbackServer::Response healthy(const LoopbackServer::Request& req) {
    if (req.target() == "/api/v1/healthz")
        return LoopbackServer::json(http::status::ok, R"({"status":"ok"})");
    return LoopbackServer::json(http::status::not_found,
                                R"({"error":{"code":"not_found","message":"x"}})");
}

}  // namespace

TEST_CASE("the client goes online when the service answers its health check", "[client]") {
    LoopbackServer server(healthy);
    ClientThread client(settings_for(server.port()));
    std::atomic<int> wakeups{0};
    client.set_wakeup([&] { ++wakeups; });
    CHECK(client.snapshot().connection == ConnectionState::connecting);
    client.start();
    REQUIRE(eventually([&] { return client.snapshot().connection == ConnectionState::online; }));
    // The state is published before the UI is woken: the wake-up follows, on the client thread.
    CHECK(eventually([&] { return wakeups >= 1; }));
    CHECK(client.snapshot().last_online.has_value());

    // Polling goes on over the kept-alive connection.
    REQUIRE(eventually([&] { return server.requests().size() >= 3; }));
    CHECK(server.connections() == 1);
    const auto first = server.requests().front();
    CHECK(first.method() == http::verb::get);
    CHECK(first[http::field::host] == "127.0.0.1:" + std::to_string(server.port()));
    CHECK(first["X-Motcua-Api"] == "1");

    SECTION("a healthy poll wakes nobody: nothing on screen changed") {
        const int before = wakeups;
        const auto seen = server.requests().size();
        REQUIRE(eventually([&] { return server.requests().size() >= seen + 3; }));
        CHECK(wakeups == before);
    }
}

TEST_CASE("the client reports unavailable when nothing listens, then recovers", "[client]") {
    const std::uint16_t port = test::closed_port();
    ClientThread client(settings_for(port));
    client.start();
    REQUIRE(
        eventually([&] { return client.snapshot().connection == ConnectionState::unavailable; }));
    const AppState s = client.snapshot();
    CHECK(s.consecutive_failures >= 3);
    CHECK(s.last_problem.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
}

TEST_CASE("only {\"status\":\"ok\"} counts as healthy", "[client]") {
    std::atomic<bool> broken{true};
    LoopbackServer server([&](const LoopbackServer::Request& req) {
        if (broken) return LoopbackServer::json(http::status::ok, "<html>captive portal</html>");
        return healthy(req);
    });
    ClientThread client(settings_for(server.port()));
    client.start();
    REQUIRE(
        eventually([&] { return client.snapshot().connection == ConnectionState::unavailable; }));
    CHECK(client.snapshot().last_problem.find("HTTP 200") != std::string::npos);

    // The service comes back: online without a restart.
    broken = false;
    REQUIRE(eventually([&] { return client.snapshot().connection == ConnectionState::online; }));
}

TEST_CASE("a service speaking another API version is incompatible", "[client]") {
    LoopbackServer server([](const LoopbackServer::Request&) {
        auto res = LoopbackServer::json(http::status::ok, R"({"status":"ok"})");
        res.set("X-Motcua-Api", "2");
        return res;
    });
    ClientThread client(settings_for(server.port()));
    client.start();
    REQUIRE(
        eventually([&] { return client.snapshot().connection == ConnectionState::incompatible; }));
    CHECK(client.snapshot().server_api_version == 2);
}

TEST_CASE("commands run on the client thread and hand results to the UI queue", "[client]") {
    LoopbackServer server([](const LoopbackServer::Request& req) {
        if (req.method() == http::verb::post && req.target() == "/api/v1/tickets")
            return LoopbackServer::json(http::status::created, R"({"number":"A001"})");
        return healthy(req);
    });
    ClientSettings settings = settings_for(server.port());
    settings.token = "device-token";
    ClientThread client(settings);
    client.start();

    std::atomic<bool> done{false};
    std::optional<Result<HttpResponse>> seen;  // written by the UI queue task only
    client.post([&](HttpClient& http, const ClientSettings& s) -> boost::asio::awaitable<void> {
        HttpRequest req;
        req.method = HttpMethod::post;
        req.target = api_target("/tickets");
        req.bearer_token = s.token;
        req.body = boost::json::value{{"category", "HT"}};
        auto res = co_await http.request(std::move(req));
        client.ui_queue().push([&, res = std::move(res)]() mutable {
            seen.emplace(std::move(res));
            done = true;
        });
    });
    REQUIRE(eventually([&] {
        client.ui_queue().run_all();
        return done.load();
    }));
    REQUIRE(seen->ok());
    CHECK((*seen)->status == 201);
    CHECK((*seen)->body == R"({"number":"A001"})");

    bool found = false;
    for (const auto& req : server.requests()) {
        if (req.method() != http::verb::post) continue;
        found = true;
        CHECK(req[http::field::authorization] == "Bearer device-token");
        CHECK(req[http::field::content_type] == "application/json");
        CHECK(boost::json::parse(req.body()) == boost::json::value{{"category", "HT"}});
    }
    CHECK(found);

    SECTION("an HTTP error status is a response, not a transport error") {
        std::atomic<bool> got{false};
        std::atomic<int> status{0};
        client.post([&](HttpClient& http, const ClientSettings&) -> boost::asio::awaitable<void> {
            HttpRequest req;
            req.target = api_target("/nowhere");
            auto res = co_await http.request(std::move(req));
            status = res ? res->status : -1;
            got = true;
        });
        REQUIRE(eventually([&] { return got.load(); }));
        CHECK(status == 404);
    }
}

TEST_CASE("the HTTP client reports transport failures as errors", "[client]") {
    boost::asio::io_context io;
    ServerUrl url;
    url.host = "127.0.0.1";
    url.port = test::closed_port();
    HttpClient http(io.get_executor(), url);
    std::optional<Result<HttpResponse>> out;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            HttpRequest req;
            req.target = api_target("/healthz");
            out.emplace(co_await http.request(std::move(req)));
        },
        boost::asio::detached);
    io.run();
    REQUIRE(out);
    REQUIRE_FALSE(out->ok());
    CHECK(out->error().code == ErrorCode::unreachable);
    CHECK(out->error().message.find("cannot connect") != std::string::npos);
}
