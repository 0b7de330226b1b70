#pragma once
/// The Beast listener: HTTP sessions (keep-alive, limits, timeouts) and the event WebSocket.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <memory>

#include "api/ward.hpp"

namespace motcua::net {

struct ServerLimits {
    std::size_t max_connections = 4096;
    std::chrono::seconds read_timeout{30};  // a request's headers and body must arrive within this
    std::size_t max_header_bytes = 16 * 1024;
    std::size_t max_ws_queue = 4096;  // messages queued for one event client before it is dropped
};

class Listener;

class Server {
public:
    Server(boost::asio::io_context& ioc, api::Ward& ward, const boost::asio::ip::tcp::endpoint& endpoint,
           ServerLimits limits = {});
    ~Server();
    [[nodiscard]] boost::asio::ip::tcp::endpoint local_endpoint() const;
    void start();
    /// Stops accepting; sessions finish the request they are answering.
    void stop_accepting();
    /// Requests being answered now (graceful shutdown waits for zero).
    [[nodiscard]] int in_flight() const;

private:
    std::shared_ptr<Listener> listener_;
};

}  // namespace motcua::net
