#pragma once
/// The service's event stream (GET /api/v1/events?since=SEQ as a WebSocket) on the client
/// thread: every event once, in order, across reconnects.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/core/shell/connection.hpp"
#include "kiosk/core/shell/server_url.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"

namespace boost::asio::ssl {
class context;
}

namespace motcua::kiosk {

struct EventStreamSettings {
    ServerUrl server;
    /// Device token, sent as `Authorization: Bearer` on the upgrade request.
    Token token;
    /// Reconnect delays (the health check's shape: quick first, capped).
    ConnectionTiming timing;
    std::chrono::milliseconds connect_timeout{3000};
    /// With nothing received this long the link is presumed dead (a pulled cable sends no FIN);
    /// Beast pings at half of it, so a quiet but healthy service is never dropped.
    std::chrono::milliseconds idle_timeout{20000};
};

struct EventStreamHooks {
    /// Client thread: each event, seq strictly increasing.
    std::function<void(const api::Event&)> on_event;
    /// Client thread: the subscription opened (true) or was lost (false).
    std::function<void(bool)> on_connected;
    /// Client thread, before each (re)subscription: the service's clock, so the events replayed
    /// after an outage can be aged on it (a board announces only the recent calls). Optional.
    std::function<void(TimePoint service_now, TimePoint local_now)> on_service_time;
};

/// Where to (re)subscribe: after the last event seen; from the service's head when none was seen
/// yet (a new screen needs no history), or when the head is behind us (a new database).
std::int64_t choose_since(std::optional<std::int64_t> last_seen, std::int64_t head);

/// Owned through a shared_ptr so its coroutine keeps it alive until the io_context is gone.
class EventStream : public std::enable_shared_from_this<EventStream> {
public:
    EventStream(boost::asio::any_io_executor executor, EventStreamSettings settings,
                EventStreamHooks hooks);
    /// Spawns the subscribe-read-resubscribe loop on the executor.
    void start();
    /// Client thread.
    [[nodiscard]] std::optional<std::int64_t> last_seq() const { return last_seq_; }
    /// Client thread: the token for the next subscription (an officer who logged in again); the
    /// open one keeps the token it was authorised with.
    void set_token(Token token) { settings_.token = std::move(token); }

private:
    boost::asio::awaitable<void> run();
    /// One subscription: returns when it breaks, with the reason for the log.
    boost::asio::awaitable<Error> session(std::int64_t since);
    /// The same over a WebSocket on a plain or a TLS stream (ws:// or wss://).
    template <typename WebSocket, typename Endpoints>
    boost::asio::awaitable<Error> session_on(WebSocket& ws, const Endpoints& endpoints,
                                             std::int64_t since);

    boost::asio::any_io_executor executor_;
    EventStreamSettings settings_;
    EventStreamHooks hooks_;
    HttpClient head_http_;
    std::shared_ptr<boost::asio::ssl::context> tls_;  // with https://
    std::optional<Error> tls_problem_;
    std::optional<std::int64_t> last_seq_;
    bool subscribed_ = false;  // the current session got past the handshake
};

}  // namespace motcua::kiosk
