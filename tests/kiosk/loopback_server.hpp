#pragma once
/// A tiny HTTP server on 127.0.0.1 for client tests: answers each request with a handler.
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace motcua::kiosk::test {

namespace http = boost::beast::http;

class LoopbackServer {
public:
    using Request = http::request<http::string_body>;
    using Response = http::response<http::string_body>;
    using Handler = std::function<Response(const Request&)>;

    explicit LoopbackServer(Handler handler) : handler_(std::move(handler)) {
        namespace asio = boost::asio;
        acceptor_.open(asio::ip::tcp::v4());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind({asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        asio::co_spawn(io_, listen(), asio::detached);
        thread_ = std::thread([this] { io_.run(); });
    }
    ~LoopbackServer() {
        io_.stop();
        thread_.join();
    }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    [[nodiscard]] std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    [[nodiscard]] int connections() const { return connections_; }
    [[nodiscard]] std::vector<Request> requests() const {
        const std::lock_guard lock(mutex_);
        return requests_;
    }

    static Response json(http::status status, std::string body) {
        Response res{status, 11};
        res.set(http::field::content_type, "application/json");
        res.body() = std::move(body);
        return res;
    }

private:
    boost::asio::awaitable<void> listen() {
        namespace asio = boost::asio;
        for (;;) {
            boost::system::error_code ec;
            auto socket =
                co_await acceptor_.async_accept(asio::redirect_error(asio::use_awaitable, ec));
            if (ec) co_return;
            ++connections_;
            asio::co_spawn(io_, session(std::move(socket)), asio::detached);
        }
    }

    boost::asio::awaitable<void> session(boost::asio::ip::tcp::socket socket) {
        namespace asio = boost::asio;
        boost::beast::flat_buffer buffer;
        for (;;) {
            boost::system::error_code ec;
            Request req;
            co_await http::async_read(socket, buffer, req,
                                      asio::redirect_error(asio::use_awaitable, ec));
            if (ec) co_return;
            {
                const std::lock_guard lock(mutex_);
                requests_.push_back(req);
            }
            Response res = handler_(req);
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            co_await http::async_write(socket, res, asio::redirect_error(asio::use_awaitable, ec));
            if (ec || !res.keep_alive()) co_return;
        }
    }

    Handler handler_;
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_{io_};
    std::thread thread_;
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    std::vector<Request> requests_;
};

/// A port on 127.0.0.1 where nothing listens (bound, then released).
inline std::uint16_t closed_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

}  // namespace motcua::kiosk::test
