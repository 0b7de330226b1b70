#include "kiosk/core/shell/client_thread.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <deque>
#include <mutex>
#include <thread>

#include "motcua/api.hpp"
#include "motcua/clock.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;

namespace {

/// `{"status":"ok"}` is the only healthy answer; anything else (a proxy's 200 page) is not us.
bool healthy_body(std::string_view body) {
    auto parsed = api::parse_json(body);
    if (!parsed || !parsed->is_object()) return false;
    const auto* status = parsed->as_object().if_contains("status");
    return status != nullptr && status->is_string() && status->as_string() == "ok";
}

void log_exception(const std::exception_ptr& e, std::string_view what) {
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        spdlog::error("client: {} failed: {}", what, x.what());
    }
}

}  // namespace

struct ClientThread::Impl {
    explicit Impl(ClientSettings s)
        : settings(std::move(s)),
          health_http(io.get_executor(), settings.server),
          command_http(io.get_executor(), settings.server),
          timer(io),
          machine(settings.timing) {}

    // Declaration order is destruction order reversed: every I/O object dies before `io`.
    ClientSettings settings;
    asio::io_context io{1};
    HttpClient health_http;
    HttpClient command_http;
    asio::steady_timer timer;
    ConnectionMachine machine;     // client thread only
    std::deque<Command> commands;  // client thread only
    bool draining = false;         // client thread only

    mutable std::mutex mutex;  // guards state and wakeup
    AppState state;
    std::function<void()> wakeup;
    RunQueue ui_queue;
    std::thread thread;

    asio::awaitable<void> health_loop();
    asio::awaitable<void> drain_commands();
    void publish(ConnectionState next, std::string problem, std::optional<int> server_version);
};

void ClientThread::Impl::publish(ConnectionState next, std::string problem,
                                 std::optional<int> server_version) {
    std::function<void()> wake;
    ConnectionState previous{};
    {
        const std::lock_guard lock(mutex);
        previous = state.connection;
        const bool visible_change =
            state.connection != next || state.server_api_version != server_version;
        state.connection = next;
        state.consecutive_failures = machine.consecutive_failures();
        state.server_api_version = server_version;
        if (next == ConnectionState::online) state.last_online = SystemClock{}.now();
        if (!problem.empty()) state.last_problem = std::move(problem);
        // A healthy poll every two seconds changes nothing on screen: no wake-up for it.
        if (visible_change) {
            ++state.revision;
            wake = wakeup;
        }
    }
    if (previous != next) {
        spdlog::info("client: {} -> {} ({})", to_string(previous), to_string(next),
                     settings.server.text());
    }
    if (wake) wake();
}

asio::awaitable<void> ClientThread::Impl::health_loop() {
    for (;;) {
        HttpRequest req;
        req.target = api_target("/healthz");
        req.timeout = settings.health_timeout;
        auto res = co_await health_http.request(std::move(req));

        Millis delay{};
        std::string problem;
        std::optional<int> server_version;
        if (!res) {
            problem = res.error().message;
            delay = machine.on_failure();
        } else if (res->api_version && *res->api_version != api::kApiVersion) {
            server_version = res->api_version;
            problem = "service speaks API version " + std::to_string(*res->api_version) +
                      ", this kiosk " + std::to_string(api::kApiVersion);
            delay = machine.on_incompatible();
        } else if (!res->success() || !healthy_body(res->body)) {
            problem = "health check answered HTTP " + std::to_string(res->status);
            delay = machine.on_failure();
        } else {
            delay = machine.on_success();
        }
        publish(machine.state(), std::move(problem), server_version);

        boost::system::error_code ec;
        timer.expires_after(delay);
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

asio::awaitable<void> ClientThread::Impl::drain_commands() {
    while (!commands.empty()) {
        Command command = std::move(commands.front());
        commands.pop_front();
        try {
            co_await command(command_http, settings);
        } catch (const std::exception& e) {
            // A command's failure is its own business; the next command still runs.
            spdlog::error("client: command failed: {}", e.what());
        }
    }
    draining = false;
}

ClientThread::ClientThread(ClientSettings settings)
    : impl_(std::make_unique<Impl>(std::move(settings))) {}

ClientThread::~ClientThread() {
    stop();
}

void ClientThread::set_wakeup(std::function<void()> wakeup) {
    {
        const std::lock_guard lock(impl_->mutex);
        impl_->wakeup = wakeup;
    }
    impl_->ui_queue.set_wakeup(std::move(wakeup));
}

void ClientThread::start() {
    if (impl_->thread.joinable()) return;
    asio::co_spawn(impl_->io, impl_->health_loop(),
                   [](const std::exception_ptr& e) { log_exception(e, "health loop"); });
    impl_->thread = std::thread([impl = impl_.get()] {
        // Keeps run() alive between commands even if the health loop ever ends.
        auto work = asio::make_work_guard(impl->io);
        try {
            impl->io.run();
        } catch (const std::exception& e) {
            spdlog::error("client thread stopped: {}", e.what());
        }
    });
}

void ClientThread::stop() {
    {
        // No wake-ups from now on: the UI may be tearing its window down.
        const std::lock_guard lock(impl_->mutex);
        impl_->wakeup = nullptr;
    }
    impl_->ui_queue.set_wakeup(nullptr);
    impl_->io.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

AppState ClientThread::snapshot() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->state;
}

void ClientThread::post(Command command) {
    asio::post(impl_->io, [impl = impl_.get(), command = std::move(command)]() mutable {
        impl->commands.push_back(std::move(command));
        if (impl->draining) return;
        impl->draining = true;
        asio::co_spawn(impl->io, impl->drain_commands(),
                       [](const std::exception_ptr& e) { log_exception(e, "command queue"); });
    });
}

RunQueue& ClientThread::ui_queue() {
    return impl_->ui_queue;
}

asio::any_io_executor ClientThread::executor() const {
    return impl_->io.get_executor();
}

const ClientSettings& ClientThread::settings() const {
    return impl_->settings;
}

void ClientThread::update(const std::function<bool(AppState&)>& change) {
    std::function<void()> wake;
    {
        const std::lock_guard lock(impl_->mutex);
        if (!change(impl_->state)) return;
        ++impl_->state.revision;
        wake = impl_->wakeup;
    }
    if (wake) wake();
}

}  // namespace motcua::kiosk
