#include "kiosk/core/shell/http_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <charconv>

#include "motcua/api.hpp"
#include "motcua/tls_client.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

/// Reports and exports can be large; anything beyond this is not an API answer.
constexpr std::uint64_t kMaxResponseBytes = std::uint64_t{16} * 1024 * 1024;
constexpr std::string_view kApiVersionHeader = "X-Motcua-Api";
constexpr std::string_view kUserAgent = "motcua-kiosk/0.1";

http::verb to_verb(HttpMethod m) {
    switch (m) {
        case HttpMethod::get:
            return http::verb::get;
        case HttpMethod::post:
            return http::verb::post;
        case HttpMethod::put:
            return http::verb::put;
        case HttpMethod::del:
            return http::verb::delete_;
    }
    return http::verb::get;
}

/// GET can be repeated safely on a fresh connection when a kept-alive one turns out stale;
/// a POST (issue a ticket) must never be sent twice by the transport.
bool idempotent(HttpMethod m) {
    return m != HttpMethod::post;
}

Error transport_error(const beast::error_code& ec, std::string_view what, const ServerUrl& server) {
    return make_error(transport_code(ec),
                      std::string(what) + " " + server.text() + ": " + ec.message());
}

std::optional<int> parse_api_version(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

ErrorCode transport_code(const boost::system::error_code& ec) {
    if (ec == beast::error::timeout) return ErrorCode::timeout;
    if (ec.category() == asio::error::get_ssl_category() ||
        ec.category() == ssl::error::get_stream_category())
        return ErrorCode::tls;
    if (ec.category() == http::make_error_code(http::error::bad_version).category())
        return ErrorCode::protocol;
    return ErrorCode::unreachable;
}

std::string api_target(std::string_view path) {
    return std::string(api::kBasePath) + std::string(path);
}

struct HttpClient::Impl {
    asio::any_io_executor executor;
    ServerUrl server;
    /// With https://: the context every connection uses, or why there is none.
    std::shared_ptr<ssl::context> tls;
    std::optional<Error> tls_problem;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::flat_buffer buffer;

    Impl(asio::any_io_executor ex, ServerUrl url)
        : executor(std::move(ex)), server(std::move(url)) {
        if (!server.tls) return;
        auto ctx = tls::client_context(server.ca_file);
        if (ctx)
            tls = std::move(*ctx);
        else
            tls_problem = ctx.error();
    }
    [[nodiscard]] bool connected() const { return plain.has_value() || secure.has_value(); }
    beast::tcp_stream& lowest() { return secure ? beast::get_lowest_layer(*secure) : *plain; }

    asio::awaitable<Result<HttpResponse>> exchange(const HttpRequest& req);
    template <typename Stream>
    asio::awaitable<Result<HttpResponse>> exchange_on(Stream& stream,
                                                      http::request<http::string_body>& msg,
                                                      std::chrono::milliseconds timeout);
    asio::awaitable<std::optional<Error>> connect(std::chrono::milliseconds timeout);
    void close() {
        if (connected()) {
            beast::error_code ignored;
            lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
            lowest().close();
        }
        plain.reset();
        secure.reset();
        buffer.clear();
    }
};

asio::awaitable<std::optional<Error>> HttpClient::Impl::connect(std::chrono::milliseconds timeout) {
    if (tls_problem) co_return *tls_problem;
    beast::error_code ec;
    tcp::resolver resolver(executor);
    const auto endpoints = co_await resolver.async_resolve(
        server.host, std::to_string(server.port), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return transport_error(ec, "cannot resolve", server);
    if (tls) {
        secure.emplace(executor, *tls);
        if (auto set = tls::expect_host(*secure, server.host); !set) {
            secure.reset();
            co_return set.error();
        }
    } else {
        plain.emplace(executor);
    }
    lowest().expires_after(timeout);
    co_await lowest().async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec && secure) {
        lowest().expires_after(timeout);
        co_await secure->async_handshake(ssl::stream_base::client,
                                         asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            close();
            co_return transport_error(ec, "TLS handshake with", server);
        }
    }
    if (ec) {
        plain.reset();
        secure.reset();
        co_return transport_error(ec, "cannot connect to", server);
    }
    co_return std::nullopt;
}

asio::awaitable<Result<HttpResponse>> HttpClient::Impl::exchange(const HttpRequest& req) {
    if (!connected()) {
        if (auto failed = co_await connect(req.timeout)) co_return *failed;
    }
    http::request<http::string_body> msg{to_verb(req.method), req.target, 11};
    msg.set(http::field::host, server.host_header());
    msg.set(http::field::user_agent, kUserAgent);
    msg.set(kApiVersionHeader, std::to_string(api::kApiVersion));
    msg.keep_alive(true);
    if (req.bearer_token) msg.set(http::field::authorization, "Bearer " + *req.bearer_token);
    if (req.body) {
        msg.set(http::field::content_type, "application/json");
        msg.body() = api::write_json(*req.body);
    }
    msg.prepare_payload();
    if (secure) co_return co_await exchange_on(*secure, msg, req.timeout);
    co_return co_await exchange_on(*plain, msg, req.timeout);
}

template <typename Stream>
asio::awaitable<Result<HttpResponse>> HttpClient::Impl::exchange_on(
    Stream& stream, http::request<http::string_body>& msg, std::chrono::milliseconds timeout) {
    beast::error_code ec;
    // One deadline for the whole exchange: a server that trickles bytes cannot hold us forever.
    lowest().expires_after(timeout);
    co_await http::async_write(stream, msg, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        close();
        co_return transport_error(ec, "cannot send to", server);
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxResponseBytes);
    co_await http::async_read(stream, buffer, parser,
                              asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        close();
        co_return transport_error(ec, "no answer from", server);
    }
    auto res = parser.release();
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    out.body = std::move(res.body());
    if (auto it = res.find(kApiVersionHeader); it != res.end())
        out.api_version = parse_api_version(it->value());
    if (!res.keep_alive()) close();
    co_return out;
}

HttpClient::HttpClient(asio::any_io_executor executor, ServerUrl server)
    : impl_(std::make_unique<Impl>(std::move(executor), std::move(server))) {}

HttpClient::~HttpClient() = default;

const ServerUrl& HttpClient::server() const {
    return impl_->server;
}

void HttpClient::close() {
    impl_->close();
}

asio::awaitable<Result<HttpResponse>> HttpClient::request(HttpRequest request) {
    if (!idempotent(request.method)) impl_->close();
    const bool reused = impl_->connected();
    auto result = co_await impl_->exchange(request);
    // The service may have closed an idle kept-alive connection; one retry on a fresh one.
    if (!result && reused && idempotent(request.method)) result = co_await impl_->exchange(request);
    co_return result;
}

}  // namespace motcua::kiosk
