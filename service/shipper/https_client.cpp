#include "shipper/https_client.hpp"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <variant>

#include "motcua/api.hpp"
#include "motcua/endpoint.hpp"
#include "motcua/tls_client.hpp"

namespace motcua::shipper {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

struct HttpsClient::Impl {
    bool tls = false;
    Endpoint endpoint;
    std::chrono::milliseconds timeout{10000};
    asio::io_context ioc;
    std::shared_ptr<ssl::context> ssl_ctx;
    std::optional<beast::tcp_stream> plain;
    std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::flat_buffer buffer;
    std::atomic<bool> cancelled{false};

    [[nodiscard]] std::string host_header() const {
        const std::string host = endpoint.ipv6 ? fmt::format("[{}]", endpoint.host) : endpoint.host;
        return fmt::format("{}:{}", host, endpoint.port);
    }
    beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*secure) : *plain; }
    [[nodiscard]] bool connected() const { return tls ? secure.has_value() : plain.has_value(); }
    void drop() {
        plain.reset();
        secure.reset();
        buffer.clear();
    }

    asio::awaitable<void> connect() {
        tcp::resolver resolver(ioc);
        auto results = co_await resolver.async_resolve(endpoint.host, std::to_string(endpoint.port),
                                                       asio::use_awaitable);
        if (tls) {
            secure.emplace(ioc, *ssl_ctx);
            // SNI, and the certificate must name the host.
            if (auto set = tls::expect_host(*secure, endpoint.host); !set)
                throw beast::system_error(beast::error_code(static_cast<int>(::ERR_get_error()),
                                                            asio::error::get_ssl_category()));
            beast::get_lowest_layer(*secure).expires_after(timeout);
            co_await beast::get_lowest_layer(*secure).async_connect(results, asio::use_awaitable);
            beast::get_lowest_layer(*secure).expires_after(timeout);
            co_await secure->async_handshake(ssl::stream_base::client, asio::use_awaitable);
        } else {
            plain.emplace(ioc);
            plain->expires_after(timeout);
            co_await plain->async_connect(results, asio::use_awaitable);
        }
    }

    template <typename Stream>
    asio::awaitable<HttpAnswer> exchange(Stream& stream, http::request<http::string_body>& req) {
        lowest().expires_after(timeout);
        co_await http::async_write(stream, req, asio::use_awaitable);
        http::response_parser<http::string_body> parser;
        parser.body_limit(16 * 1024 * 1024);
        lowest().expires_after(timeout);
        co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
        auto res = parser.release();
        if (!res.keep_alive()) drop();
        co_return HttpAnswer{static_cast<int>(res.result_int()), std::move(res.body())};
    }

    asio::awaitable<HttpAnswer> run(http::request<http::string_body> req) {
        if (!connected()) co_await connect();
        if (tls) co_return co_await exchange(*secure, req);
        co_return co_await exchange(*plain, req);
    }
};

HttpsClient::HttpsClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpsClient::~HttpsClient() = default;

Result<std::unique_ptr<HttpsClient>> HttpsClient::create(const std::string& url,
                                                         const std::string& ca_file,
                                                         std::chrono::milliseconds timeout) {
    auto impl = std::make_unique<Impl>();
    impl->timeout = timeout;
    if (url.rfind("https://", 0) == 0)
        impl->tls = true;
    else if (url.rfind("http://", 0) != 0)
        return make_error(
            ErrorCode::bad_url,
            fmt::format("'{}': the hub's address must start with http:// or https://", url));
    auto endpoint = parse_endpoint(url, impl->tls ? 443 : 80);
    if (!endpoint)
        return make_error(ErrorCode::bad_url,
                          fmt::format("'{}': {}", url, endpoint.error().message));
    impl->endpoint = *endpoint;
    if (impl->tls) {
        auto ctx = tls::client_context(ca_file);
        if (!ctx) return ctx.error();
        impl->ssl_ctx = std::move(*ctx);
    }
    return std::unique_ptr<HttpsClient>(new HttpsClient(std::move(impl)));
}

void HttpsClient::cancel() {
    impl_->cancelled = true;
    impl_->ioc.stop();
}

Result<HttpAnswer> HttpsClient::request(const std::string& method, const std::string& target,
                                        const std::string& bearer,
                                        const std::optional<std::string>& json_body) {
    // A kept-alive connection the hub closed while idle fails at once: that is no outage, so
    // the request goes again on a new connection before anything is said.
    const bool reused = impl_->connected();
    auto answer = once(method, target, bearer, json_body);
    if (!answer && reused && answer.error().code == ErrorCode::unreachable && !impl_->cancelled)
        answer = once(method, target, bearer, json_body);
    return answer;
}

Result<HttpAnswer> HttpsClient::once(const std::string& method, const std::string& target,
                                     const std::string& bearer,
                                     const std::optional<std::string>& json_body) {
    if (impl_->cancelled) return make_error(ErrorCode::shutting_down, "the shipper is stopping");
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, impl_->host_header());
    req.set(http::field::user_agent, "motcua-service");
    req.set(http::field::authorization, "Bearer " + bearer);
    req.keep_alive(true);
    if (json_body) {
        req.set(http::field::content_type, "application/json");
        req.body() = *json_body;
    }
    req.prepare_payload();

    std::optional<Result<HttpAnswer>> out;
    impl_->ioc.restart();
    asio::co_spawn(
        impl_->ioc, impl_->run(std::move(req)), [&](std::exception_ptr e, HttpAnswer answer) {
            if (!e) {
                out.emplace(std::move(answer));
                return;
            }
            impl_->drop();
            try {
                std::rethrow_exception(e);
            } catch (const beast::system_error& se) {
                const auto ec = se.code();
                if (ec == beast::error::timeout)
                    out.emplace(make_error(ErrorCode::timeout, "the hub did not answer in time"));
                else if (ec.category() == asio::error::get_ssl_category() ||
                         ec.category() == ssl::error::get_stream_category())
                    out.emplace(make_error(
                        ErrorCode::tls, fmt::format("TLS with the hub failed: {}", ec.message())));
                else
                    out.emplace(make_error(ErrorCode::unreachable,
                                           fmt::format("cannot reach the hub: {}", ec.message())));
            } catch (const std::exception& ex) {
                out.emplace(make_error(ErrorCode::unreachable,
                                       fmt::format("cannot reach the hub: {}", ex.what())));
            }
        });
    impl_->ioc.run();
    if (!out) {  // stopped by cancel() before the request ended
        impl_->drop();
        return make_error(ErrorCode::shutting_down, "the shipper is stopping");
    }
    return std::move(*out);
}

}  // namespace motcua::shipper
