#include "net/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <charconv>
#include <deque>
#include <iostream>
#include <thread>

namespace motcua::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

void fail(beast::error_code ec, const char* what) {
    if (ec == asio::error::operation_aborted || ec == websocket::error::closed) return;
    spdlog::debug("{}: {}", what, ec.message());
}

/// Why an event client went, in the words an IT admin searches the journal for.
std::string left_reason(beast::error_code ec) {
    if (ec == websocket::error::closed) return "the screen closed the stream";
    if (ec == beast::error::timeout) return "no answer to pings (a cable pulled, a screen off)";
    if (ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == http::error::end_of_stream)
        return "the connection dropped (the screen stopped or its network went down)";
    return ec.message();
}

// State every session of one listener shares; sessions hold it so it outlives them all.
struct Shared {
    Shared(api::App& a, ServerLimits l) : app(a), limits(l) {}
    api::App& app;
    ServerLimits limits;
    std::atomic<int> in_flight{0};
};

// ---- WebSocket: /api/v1/events?since=SEQ --------------------------------------------------------

constexpr int kWsSendBuffer = 64 * 1024;
/// Event clients have nothing to say: a message longer than this closes the socket (1009).
constexpr std::size_t kWsReadMax = 1024;

/// Over a plain or a TLS stream (Stream: beast::tcp_stream or TlsStream).
template <class Stream>
class EventSession : public api::Subscriber,
                     public std::enable_shared_from_this<EventSession<Stream>> {
public:
    /// `who`: the client for the log, "device 'Bảng 1' (board) at 10.0.0.21".
    EventSession(Stream&& stream, std::shared_ptr<Shared> shared, std::int64_t since,
                 std::string who)
        : ws_(std::move(stream)),
          shared_(std::move(shared)),
          since_(since),
          who_(std::move(who)),
          opened_(std::chrono::steady_clock::now()) {}

    ~EventSession() override {
        shared_->app.metrics().websocket_clients.fetch_sub(1);
        // The journal's answer to "why did this screen disconnect" (docs/operations.md).
        const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
                                 std::chrono::steady_clock::now() - opened_)
                                 .count();
        spdlog::info("events: {} left after {} min at seq {}: {}", who_, minutes, since_,
                     left_because_.empty() ? "closed" : left_because_);
    }

    void run(http::request<http::string_body> req) {
        shared_->app.metrics().websocket_clients.fetch_add(1);
        // A modest kernel send buffer: what a stalled client holds stays small, and the bounded
        // queue below (not the kernel) decides when it is dropped.
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().set_option(
            asio::socket_base::send_buffer_size(kWsSendBuffer), ignored);
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.read_message_max(kWsReadMax);
        ws_.async_accept(
            req, beast::bind_front_handler(&EventSession::on_accept, this->shared_from_this()));
    }

    void deliver(std::int64_t seq, std::shared_ptr<const std::string> payload) override {
        asio::post(ws_.get_executor(),
                   [self = this->shared_from_this(), seq, payload = std::move(payload)] {
                       self->on_live(seq, payload);
                   });
    }

private:
    void on_accept(beast::error_code ec) {
        if (ec) {
            left_because_ = "websocket handshake failed: " + ec.message();
            return fail(ec, "ws accept");
        }
        spdlog::info("events: {} subscribed after seq {}", who_, since_);
        replay_upto_ = shared_->app.event_feed()->event_hub().subscribe(this->shared_from_this());
        replaying_ = true;
        next_chunk();
        do_read();
    }

    // Replays stored events (since, upto] in chunks, so a client far behind does not flood memory.
    void next_chunk() {
        if (since_ < replay_upto_) {
            auto events = shared_->app.event_feed()->stored_events(since_, replay_upto_, 256);
            for (auto& [seq, payload] : events) {
                since_ = seq;
                queue_.push_back(std::make_shared<const std::string>(std::move(payload)));
            }
            if (!events.empty()) return do_write();
        }
        replaying_ = false;
        for (auto& [seq, payload] : live_buffer_)
            if (seq > since_) {
                since_ = seq;
                queue_.push_back(std::move(payload));
            }
        live_buffer_.clear();
        do_write();
    }

    void on_live(std::int64_t seq, std::shared_ptr<const std::string> payload) {
        if (closed_) return;
        if (replaying_) {
            live_buffer_.emplace_back(seq, std::move(payload));
            if (live_buffer_.size() > shared_->limits.max_ws_queue) drop();
            return;
        }
        if (seq <= since_) return;
        since_ = seq;
        queue_.push_back(std::move(payload));
        // A client that cannot keep up is dropped; it reconnects with ?since= and loses nothing.
        if (queue_.size() > shared_->limits.max_ws_queue) return drop();
        do_write();
    }

    void drop() {
        left_because_ = fmt::format("dropped: it fell more than {} events behind",
                                    shared_->limits.max_ws_queue);
        shared_->app.metrics().dropped_slow_clients.fetch_add(1);
        closed_ = true;
        beast::error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
    }

    void do_write() {
        if (writing_ || closed_ || queue_.empty()) {
            if (!writing_ && queue_.empty() && replaying_) next_chunk();
            return;
        }
        writing_ = true;
        ws_.text(true);
        ws_.async_write(
            asio::buffer(*queue_.front()),
            beast::bind_front_handler(&EventSession::on_write, this->shared_from_this()));
    }

    void on_write(beast::error_code ec, std::size_t) {
        writing_ = false;
        if (ec) {
            closed_ = true;
            if (left_because_.empty()) left_because_ = "sending failed: " + ec.message();
            return fail(ec, "ws write");
        }
        queue_.pop_front();
        do_write();
    }

    void do_read() {
        ws_.async_read(read_buffer_,
                       beast::bind_front_handler(&EventSession::on_read, this->shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec) {
            closed_ = true;
            if (left_because_.empty()) left_because_ = left_reason(ec);
            return fail(ec, "ws read");
        }
        read_buffer_.consume(read_buffer_.size());  // clients have nothing to say; ignore
        do_read();
    }

    websocket::stream<Stream> ws_;
    std::shared_ptr<Shared> shared_;
    std::int64_t since_;
    std::string who_;
    std::chrono::steady_clock::time_point opened_;
    std::string left_because_;
    std::int64_t replay_upto_ = 0;
    bool replaying_ = false;
    bool writing_ = false;
    bool closed_ = false;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::vector<std::pair<std::int64_t, std::shared_ptr<const std::string>>> live_buffer_;
    beast::flat_buffer read_buffer_;
};

// ---- HTTP
// -----------------------------------------------------------------------------------------

/// One connection's requests, over a plain or a TLS stream (Stream: beast::tcp_stream or
/// TlsStream).
template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    template <typename... TlsContext>
    HttpSession(tcp::socket&& socket, std::shared_ptr<Shared> shared, TlsContext&... tls)
        : stream_(std::move(socket), tls...), shared_(std::move(shared)) {
        shared_->app.metrics().open_connections.fetch_add(1);
        beast::error_code ec;
        auto ep = lowest().socket().remote_endpoint(ec);
        if (!ec) remote_ = ep.address().to_string();
    }
    ~HttpSession() { shared_->app.metrics().open_connections.fetch_sub(1); }

    void run() {
        asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
            if constexpr (kTls) {
                // The handshake within the read timeout: a client that never speaks is closed.
                // A client speaking plain HTTP to this port is told so in plain HTTP.
                self->lowest().expires_after(self->shared_->limits.read_timeout);
                beast::async_detect_ssl(
                    self->lowest(), self->buffer_, [self](beast::error_code ec, bool tls) {
                        if (ec) return fail(ec, "tls detect");
                        if (!tls) return self->refuse_plain();
                        self->stream_.async_handshake(
                            ssl::stream_base::server, self->buffer_.data(),
                            // (A default for `used`: Beast 1.81 checks this handler's
                            // signature as void(error_code).)
                            [self](beast::error_code hec, std::size_t used = 0) {
                                if (hec) return fail(hec, "tls handshake");
                                self->buffer_.consume(used);
                                self->do_read();
                            });
                    });
            } else {
                self->do_read();
            }
        });
    }

private:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    void do_read() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(shared_->limits.max_header_bytes));
        parser_->body_limit(shared_->limits.max_body_bytes);
        lowest().expires_after(shared_->limits.read_timeout);
        http::async_read(
            stream_, buffer_, *parser_,
            beast::bind_front_handler(&HttpSession::on_read, this->shared_from_this()));
    }

    void on_read(beast::error_code ec, std::size_t) {
        if (ec == http::error::end_of_stream) return close();
        if (ec == beast::error::timeout) return close();  // slow or idle client
        if (ec == http::error::body_limit) {
            return send_error(ErrorCode::body_too_large,
                              fmt::format("request bodies are limited to {} KiB",
                                          shared_->limits.max_body_bytes / 1024),
                              false);
        }
        if (ec == http::error::header_limit)
            return send_error(ErrorCode::headers_too_large, "request headers are too large", false);
        if (ec) {
            if (ec.category() == http::make_error_code(http::error::bad_target).category() ||
                ec == http::error::partial_message)
                return send_error(ErrorCode::bad_request, "malformed HTTP request", false);
            return fail(ec, "read");
        }
        auto req = parser_->release();
        start_ = std::chrono::steady_clock::now();

        api::Request r;
        r.method = std::string(req.method_string());
        if (!api::split_target(req.target(), r.path, r.query))
            return send_error(ErrorCode::bad_request, "malformed request target", req.keep_alive());
        r.authorization = std::string(req[http::field::authorization]);
        r.content_type = std::string(req[http::field::content_type]);
        r.remote = remote_;

        if (websocket::is_upgrade(req) && r.path == "/api/v1/events" &&
            shared_->app.event_feed() != nullptr)
            return upgrade(std::move(req), r);

        r.body = std::move(req.body());
        keep_alive_ = req.keep_alive();
        version_ = req.version();
        route_ = shared_->app.route_label(r.method, r.path);
        shared_->in_flight.fetch_add(1);
        shared_->app.handle(r, [self = this->shared_from_this()](api::Reply reply) {
            asio::post(self->stream_.get_executor(), [self, reply = std::move(reply)]() mutable {
                self->shared_->in_flight.fetch_sub(1);
                self->send(std::move(reply));
            });
        });
    }

    /// Plain HTTP on the TLS port: one 400 `https_required` in plain HTTP, then the connection
    /// closes. Nothing of the request is read or handled.
    void refuse_plain() {
        auto reply = api::error_reply(ErrorCode::https_required,
                                      "this port speaks HTTPS only: use https://");
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(reply.status), 11);
        res->set(http::field::server, "motcua");
        res->set(http::field::content_type, reply.content_type);
        res->keep_alive(false);
        res->body() = std::move(reply.body);
        res->prepare_payload();
        shared_->app.metrics().observe_request("bad_request", reply.status,
                                               std::chrono::microseconds(0));
        lowest().expires_after(shared_->limits.read_timeout);
        http::async_write(lowest(), *res,
                          [self = this->shared_from_this(), res](beast::error_code, std::size_t) {
                              beast::error_code ignored;
                              self->lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
                          });
    }

    void upgrade(http::request<http::string_body> req, const api::Request& r) {
        auto who = shared_->app.event_feed()->authorize_events(r);
        if (!who) return send_error(who.error().code, who.error().message, false);
        std::int64_t since = 0;
        if (auto it = r.query.find("since"); it != r.query.end()) {
            const auto& s = it->second;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), since);
            if (ec != std::errc() || p != s.data() + s.size() || since < 0)
                return send_error(ErrorCode::invalid_query, "'since' must be a whole number ≥ 0",
                                  false);
        }
        lowest().expires_never();
        std::make_shared<EventSession<Stream>>(std::move(stream_), shared_, since,
                                               fmt::format("{} at {}", *who, remote_))
            ->run(std::move(req));
    }

    void send_error(ErrorCode code, std::string message, bool keep_alive) {
        keep_alive_ = keep_alive;
        version_ = 11;
        route_ = "bad_request";
        start_ = std::chrono::steady_clock::now();
        send(api::error_reply(code, std::move(message)));
    }

    void send(api::Reply reply) {
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(reply.status), version_);
        res->set(http::field::server, "motcua");
        // Clients compare it at connect and show a clear screen on a mismatch.
        res->set("X-Motcua-Api", std::to_string(api::kApiVersion));
        if (reply.status != 204) res->set(http::field::content_type, reply.content_type);
        for (auto& [k, v] : reply.headers) res->set(k, v);
        res->keep_alive(keep_alive_);
        res->body() = std::move(reply.body);
        res->prepare_payload();
        shared_->app.metrics().observe_request(
            route_, reply.status,
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                  start_));
        lowest().expires_after(shared_->limits.read_timeout);
        http::async_write(
            stream_, *res,
            [self = this->shared_from_this(), res](beast::error_code ec, std::size_t) {
                self->on_write(ec, res->need_eof());
            });
    }

    void on_write(beast::error_code ec, bool close_after) {
        if (ec) return fail(ec, "write");
        if (close_after) return close();
        do_read();
    }

    void close() {
        if constexpr (kTls) {
            lowest().expires_after(std::chrono::seconds(5));
            stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
                beast::error_code ignored;
                self->lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
            });
        } else {
            beast::error_code ec;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        }
    }

    Stream stream_;
    std::shared_ptr<Shared> shared_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::string remote_;
    std::string route_;
    bool keep_alive_ = false;
    unsigned version_ = 11;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::io_context& ioc, api::App& app, const tcp::endpoint& endpoint,
             ServerLimits limits, std::shared_ptr<ssl::context> tls)
        : ioc_(ioc),
          acceptor_(asio::make_strand(ioc)),
          shared_(std::make_shared<Shared>(app, limits)),
          tls_(std::move(tls)) {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }

    void start() { do_accept(); }
    void stop() {
        asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
            beast::error_code ec;
            self->acceptor_.close(ec);
        });
    }
    [[nodiscard]] tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
    [[nodiscard]] int in_flight() const { return shared_->in_flight.load(); }
    [[nodiscard]] bool tls() const { return tls_ != nullptr; }

private:
    void do_accept() {
        acceptor_.async_accept(asio::make_strand(ioc_),
                               beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
    }

    void on_accept(beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (ec) {
            fail(ec, "accept");
        } else if (static_cast<std::size_t>(shared_->app.metrics().open_connections.load()) >=
                   shared_->limits.max_connections) {
            shared_->app.metrics().rejected_connections.fetch_add(1);
            beast::error_code ignored;
            socket.close(ignored);
        } else {
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);  // a peer already gone: no matter
            if (tls_)
                std::make_shared<HttpSession<TlsStream>>(std::move(socket), shared_, *tls_)->run();
            else
                std::make_shared<HttpSession<beast::tcp_stream>>(std::move(socket), shared_)->run();
        }
        do_accept();
    }

    asio::io_context& ioc_;
    tcp::acceptor acceptor_;
    std::shared_ptr<Shared> shared_;
    std::shared_ptr<ssl::context> tls_;
};

Result<std::shared_ptr<ssl::context>> load_tls(const std::string& cert_file,
                                               const std::string& key_file) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
    // TLS 1.2 and later only.
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                     ssl::context::single_dh_use);
    // A key protected by a passphrase fails to load instead of prompting on the terminal.
    ctx->set_password_callback(
        [](std::size_t, ssl::context::password_purpose) { return std::string(); });
    boost::system::error_code ec;
    ctx->use_certificate_chain_file(cert_file, ec);
    if (ec)
        return make_error(
            ErrorCode::tls_cert,
            fmt::format("cannot use {} as a certificate chain (PEM): {}", cert_file, ec.message()));
    ctx->use_private_key_file(key_file, ssl::context::pem, ec);
    if (ec)
        return make_error(
            ErrorCode::tls_key,
            fmt::format("cannot use {} as the private key (PEM): {}", key_file, ec.message()));
    if (SSL_CTX_check_private_key(ctx->native_handle()) != 1)
        return make_error(
            ErrorCode::tls_key,
            fmt::format("the key in {} does not match the certificate in {}", key_file, cert_file));
    return ctx;
}

Server::Server(asio::io_context& ioc, api::App& app, const tcp::endpoint& endpoint,
               ServerLimits limits, std::shared_ptr<ssl::context> tls)
    : listener_(std::make_shared<Listener>(ioc, app, endpoint, limits, std::move(tls))) {}
bool Server::tls() const {
    return listener_->tls();
}
Server::~Server() = default;
tcp::endpoint Server::local_endpoint() const {
    return listener_->local_endpoint();
}
void Server::start() {
    listener_->start();
}
void Server::stop_accepting() {
    listener_->stop();
}
int Server::in_flight() const {
    return listener_->in_flight();
}

std::optional<tcp::endpoint> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    int port = -1;
    const std::string p = text.substr(colon + 1);
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
    if (ec != std::errc() || end != p.data() + p.size() || port < 0 || port > 65535)
        return std::nullopt;
    if (host == "localhost") host = "127.0.0.1";
    boost::system::error_code aec;
    auto address = asio::ip::make_address(host, aec);
    if (aec) return std::nullopt;
    return tcp::endpoint(address, static_cast<unsigned short>(port));
}

void serve_until_signal(asio::io_context& ioc, Server& server,
                        const std::function<void()>& on_stop) {
    // Graceful shutdown: stop accepting, answer what is in flight, then stop.
    asio::signal_set signals(ioc, SIGINT, SIGTERM);
    asio::steady_timer drain_timer(ioc);
    int drain_rounds = 0;
    std::function<void()> drain = [&] {
        if (server.in_flight() == 0 || ++drain_rounds > 100) {
            ioc.stop();
            return;
        }
        drain_timer.expires_after(std::chrono::milliseconds(50));
        drain_timer.async_wait([&](boost::system::error_code) { drain(); });
    };
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec) return;
        spdlog::info("stopping: finishing requests in flight");
        server.stop_accepting();
        if (on_stop) on_stop();
        drain();
    });

    const auto bound = server.local_endpoint();
    const std::string host = bound.address().is_v6()
                                 ? fmt::format("[{}]", bound.address().to_string())
                                 : bound.address().to_string();
    std::cout << fmt::format("listening on {}://{}:{}", server.tls() ? "https" : "http", host,
                             bound.port())
              << std::endl;

    // A handler that throws is a defect: log it and keep serving, rather than let the exception
    // leave a thread (std::terminate) and take every counter's connection with it.
    const auto run = [&ioc] {
        for (;;) {
            try {
                ioc.run();
                return;
            } catch (const std::exception& e) {
                spdlog::error("a request handler failed: {}", e.what());
            }
        }
    };
    const unsigned threads = std::max(2U, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(run);
    run();
    for (auto& t : pool) t.join();
}

}  // namespace motcua::net
