// `serve`: the ward service. Prints "listening on http://HOST:PORT" once ready.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <charconv>
#include <iostream>
#include <thread>

#include "api/ward.hpp"
#include "auth/crypto.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "net/server.hpp"

namespace motcua::cli {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// "HOST:PORT" (IPv6 as "[::1]:PORT").
std::optional<tcp::endpoint> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    int port = -1;
    const std::string p = text.substr(colon + 1);
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
    if (ec != std::errc() || end != p.data() + p.size() || port < 0 || port > 65535) return std::nullopt;
    if (host == "localhost") host = "127.0.0.1";
    boost::system::error_code aec;
    auto address = asio::ip::make_address(host, aec);
    if (aec) return std::nullopt;
    return tcp::endpoint(address, static_cast<unsigned short>(port));
}

// A new database's test clock starts here (DESIGN.md §4).
constexpr std::string_view kTestClockEpoch = "2000-01-01T00:00:00+07:00";

}  // namespace

int serve(const ServeOptions& o) {
    auto endpoint = parse_listen(o.listen);
    if (!endpoint) return usage_error(fmt::format("--listen '{}' is not HOST:PORT", o.listen));
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    if (auto init = auth::init_crypto(); !init) return failure(init.error().message);

    SystemClock system_clock;
    std::unique_ptr<TestClock> test_clock;
    if (o.test_clock) {
        TimePoint start = *parse_rfc3339(kTestClockEpoch);
        if (auto saved = env->store->meta("test_clock_ms")) start = from_epoch_ms(std::stoll(*saved));
        test_clock = std::make_unique<TestClock>(start);
    }
    const Clock& clock = test_clock ? static_cast<const Clock&>(*test_clock) : system_clock;

    std::optional<api::Ward> ward;
    try {
        ward.emplace(env->config, *zone, clock, test_clock.get(), *env->store);
    } catch (const std::exception& e) {
        return failure(fmt::format("cannot resume from the database: {}", e.what()));
    }

    asio::io_context ioc;
    std::optional<net::Server> server;
    try {
        net::ServerLimits limits;
        limits.read_timeout = std::chrono::seconds(o.read_timeout_s);
        limits.max_ws_queue = static_cast<std::size_t>(o.ws_queue);
        server.emplace(ioc, *ward, *endpoint, limits);
    } catch (const boost::system::system_error& e) {
        return failure(fmt::format("cannot listen on {}: {}", o.listen, e.code().message()));
    }
    server->start();

    // Office days roll over at midnight even when nobody asks.
    asio::steady_timer day_timer(ioc);
    std::function<void()> schedule_tick = [&] {
        day_timer.expires_after(std::chrono::seconds(1));
        day_timer.async_wait([&](boost::system::error_code ec) {
            if (ec) return;
            ward->tick();
            schedule_tick();
        });
    };
    schedule_tick();

    // Graceful shutdown: stop accepting, answer what is in flight, then stop.
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    asio::steady_timer drain_timer(ioc);
    int drain_rounds = 0;
    std::function<void()> drain = [&] {
        if (server->in_flight() == 0 || ++drain_rounds > 100) {
            ioc.stop();
            return;
        }
        drain_timer.expires_after(std::chrono::milliseconds(50));
        drain_timer.async_wait([&](boost::system::error_code) { drain(); });
    };
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec) return;
        spdlog::info("stopping: finishing requests in flight");
        server->stop_accepting();
        day_timer.cancel();
        drain();
    });

    const auto bound = server->local_endpoint();
    const std::string host = bound.address().is_v6() ? fmt::format("[{}]", bound.address().to_string())
                                                     : bound.address().to_string();
    std::cout << fmt::format("listening on http://{}:{}", host, bound.port()) << std::endl;

    const unsigned threads = std::max(2U, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
    ioc.run();
    for (auto& t : pool) t.join();
    // Sessions and their pending handlers go before the ward and the store (writer drains on close).
    server.reset();
    ward.reset();
    env->store.reset();
    spdlog::info("stopped cleanly");
    return kExitOk;
}

}  // namespace motcua::cli
