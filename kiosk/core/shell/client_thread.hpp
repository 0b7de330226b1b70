#pragma once
/// The kiosk's one network thread: health checks, reconnect backoff, commands from the UI.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/connection.hpp"
#include "kiosk/core/shell/http_client.hpp"
#include "kiosk/core/shell/run_queue.hpp"
#include "kiosk/core/shell/server_url.hpp"

namespace motcua::kiosk {

struct ClientSettings {
    ServerUrl server;
    /// Device token from `motcua-service device add`; the health check needs none.
    std::optional<std::string> token;
    ConnectionTiming timing;
    /// Per health check; a LAN service answers in milliseconds.
    Millis health_timeout{2000};
};

/// Owns an io_context on its own thread. The UI never blocks on the network: it reads
/// snapshot() once per frame, posts commands, and receives results through ui_queue().
class ClientThread {
public:
    /// A command: runs on the client thread, one at a time in posting order, with its own
    /// connection (separate from the health checks so a slow report never delays them).
    using Command =
        std::function<boost::asio::awaitable<void>(HttpClient& http, const ClientSettings&)>;

    explicit ClientThread(ClientSettings settings);
    ~ClientThread();
    ClientThread(const ClientThread&) = delete;
    ClientThread& operator=(const ClientThread&) = delete;

    /// Called (from the client thread) whenever the state changes or UI work is queued.
    /// Set before start().
    void set_wakeup(std::function<void()> wakeup);
    void start();
    /// Stops the thread and waits for it; safe to call twice. No wake-ups after it returns.
    void stop();

    /// A copy of the state, taken under the lock: call once per frame.
    [[nodiscard]] AppState snapshot() const;
    /// Any thread.
    void post(Command command);
    /// Closures for the UI thread, e.g. a command's result.
    RunQueue& ui_queue();

    /// The client thread's executor, for loops of their own (the ward link's polling, events).
    [[nodiscard]] boost::asio::any_io_executor executor() const;
    [[nodiscard]] const ClientSettings& settings() const;
    /// Client thread: changes the state under the lock. `change` returns true when something
    /// visible changed; only then is the revision bumped and the UI woken.
    void update(const std::function<bool(AppState&)>& change);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::kiosk
