// `serve`: the ward service. Prints "listening on http://HOST:PORT" once ready.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <thread>

#include "api/ward.hpp"
#include "auth/crypto.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "net/server.hpp"
#include "store/backup.hpp"

namespace motcua::cli {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// A new database's test clock starts here (DESIGN.md §4).
constexpr std::string_view kTestClockEpoch = "2000-01-01T00:00:00+07:00";

}  // namespace

int serve(const ServeOptions& o) {
    auto endpoint = net::parse_listen(o.listen);
    if (!endpoint) return usage_error(fmt::format("--listen '{}' is not HOST:PORT", o.listen));
    if (o.tls_cert.empty() != o.tls_key.empty())
        return usage_error("--tls-cert and --tls-key go together");
    std::shared_ptr<asio::ssl::context> tls;
    if (!o.tls_cert.empty()) {
        auto loaded = net::load_tls(o.tls_cert, o.tls_key);
        if (!loaded) return failure(loaded.error().message);
        tls = std::move(*loaded);
    }
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    if (auto init = auth::init_crypto(); !init) return failure(init.error().message);

    SystemClock system_clock;
    std::unique_ptr<TestClock> test_clock;
    if (o.test_clock) {
        TimePoint start = *parse_rfc3339(kTestClockEpoch);
        if (auto saved = env->store->meta("test_clock_ms"))
            start = from_epoch_ms(std::stoll(*saved));
        test_clock = std::make_unique<TestClock>(start);
    }
    const Clock& clock = test_clock ? static_cast<const Clock&>(*test_clock) : system_clock;

    std::optional<api::Ward> ward;
    try {
        ward.emplace(env->config, *zone, clock, test_clock.get(), *env->store);
    } catch (const std::exception& e) {
        return failure(fmt::format("cannot resume from the database: {}", e.what()));
    }

    // Shipping to the province hub, when the config has [hub].
    std::unique_ptr<shipper::Shipper> shipper;
    if (!env->config.hub.url.empty()) {
        if (!o.ca.empty()) env->config.hub.ca_file = std::filesystem::absolute(o.ca).string();
        auto created = shipper::Shipper::create(
            env->config, std::filesystem::path(o.config).parent_path(), *env->store, *zone);
        if (!created) return failure(fmt::format("{}: {}", o.config, created.error().message));
        shipper = std::move(*created);
        ward->set_shipper(shipper.get());
    }

    // The day's copy of the database, when the config has [backup].
    std::unique_ptr<store::DailyBackup> daily_backup;
    if (const auto dir = backup_dir(env->config, o.config); !dir.empty()) {
        daily_backup = std::make_unique<store::DailyBackup>(
            o.db.empty() ? "motcua.db" : o.db,
            BackupSettings{dir.string(), env->config.backup.at_min, env->config.backup.keep_days},
            *zone);
        spdlog::info("backups: each day at {} in {}, kept {} days",
                     format_hhmm(env->config.backup.at_min), dir.string(),
                     env->config.backup.keep_days);
    } else {
        spdlog::warn("no [backup] dir in {}: no daily backups", o.config);
    }

    {
        // The network side lives in this block: its sessions, which the io_context's pending
        // handlers still hold after it stops, go with the io_context, before the ward they call
        // and the store (whose writer drains on close).
        asio::io_context ioc;
        std::optional<net::Server> server;
        try {
            net::ServerLimits limits;
            limits.read_timeout = std::chrono::seconds(o.read_timeout_s);
            limits.max_ws_queue = static_cast<std::size_t>(o.ws_queue);
            server.emplace(ioc, *ward, *endpoint, limits, tls);
        } catch (const boost::system::system_error& e) {
            return failure(fmt::format("cannot listen on {}: {}", o.listen, e.code().message()));
        }
        server->start();

        // Office days roll over at midnight even when nobody asks. The timer lives on a strand:
        // the stop below and a tick re-arming it never touch it at the same time.
        auto day_strand = asio::make_strand(ioc);
        asio::steady_timer day_timer(day_strand);
        std::function<void()> schedule_tick = [&] {
            day_timer.expires_after(std::chrono::seconds(1));
            day_timer.async_wait([&](boost::system::error_code ec) {
                if (ec) return;
                try {
                    ward->tick();
                    if (daily_backup) daily_backup->tick(clock.now());
                } catch (const std::exception& e) {
                    spdlog::error("the day clock failed: {}", e.what());
                }
                schedule_tick();
            });
        };
        asio::post(day_strand, schedule_tick);

        net::serve_until_signal(ioc, *server,
                                [&] { asio::post(day_strand, [&] { day_timer.cancel(); }); });
        // The I/O threads have stopped. Callbacks still queued on the store's writer or the
        // document worker answer requests through this io_context and notify the shipper:
        // let them run now, while both still exist.
        ward->set_shipper(nullptr);
        ward->quiesce();
    }
    if (daily_backup) daily_backup->join();
    shipper.reset();
    ward.reset();
    env->store.reset();
    spdlog::info("stopped cleanly");
    return kExitOk;
}

}  // namespace motcua::cli
