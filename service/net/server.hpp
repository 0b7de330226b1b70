#pragma once
/// The Beast listener: HTTP sessions (keep-alive, limits, timeouts) and the event WebSocket,
/// for any program that implements api::App (the ward service, the province hub).
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/app.hpp"
#include "motcua/result.hpp"

namespace boost::asio::ssl {
class context;
}

namespace motcua::net {

struct ServerLimits {
    std::size_t max_connections = 4096;
    std::chrono::seconds read_timeout{30};  // a request's headers and body must arrive within this
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_body_bytes = api::kMaxBodyBytes;  // the hub takes batches of events: more
    std::size_t max_ws_queue = 4096;  // messages queued for one event client before it is dropped
};

class Listener;

class Server {
public:
    /// With `tls`, every connection is TLS (HTTPS and WSS); see load_tls.
    Server(boost::asio::io_context& ioc, api::App& app,
           const boost::asio::ip::tcp::endpoint& endpoint, ServerLimits limits = {},
           std::shared_ptr<boost::asio::ssl::context> tls = nullptr);
    ~Server();
    [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;
    void start();
    /// Stops accepting; sessions finish the request they are answering.
    void stop_accepting();
    /// Requests being answered now (graceful shutdown waits for zero).
    [[nodiscard]] int in_flight() const;
    [[nodiscard]] bool tls() const;

private:
    std::shared_ptr<Listener> listener_;
};

/// A server TLS context (TLS 1.2 or later) from PEM files: the certificate chain, then its key.
Result<std::shared_ptr<boost::asio::ssl::context>> load_tls(const std::string& cert_file,
                                                            const std::string& key_file);

/// "HOST:PORT" (IPv6 as "[::1]:PORT", "localhost" as 127.0.0.1); nothing when malformed.
std::optional<boost::asio::ip::tcp::endpoint> parse_listen(const std::string& text);

/// Prints "listening on http://HOST:PORT" (https:// with TLS) on standard output, runs `ioc` on
/// every core until SIGINT or SIGTERM, then stops accepting (calling `on_stop` on the I/O thread),
/// lets the requests in flight finish (5 s at most) and returns.
void serve_until_signal(boost::asio::io_context& ioc, Server& server,
                        const std::function<void()>& on_stop);

}  // namespace motcua::net
