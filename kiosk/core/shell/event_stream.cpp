#include "kiosk/core/shell/event_stream.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include "motcua/clock.hpp"
#include "motcua/tls_client.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kUserAgent = "motcua-kiosk/0.1";

Error stream_error(const beast::error_code& ec, std::string_view what) {
    return make_error(transport_code(ec), std::string(what) + ": " + ec.message());
}

}  // namespace

std::int64_t choose_since(std::optional<std::int64_t> last_seen, std::int64_t head) {
    if (!last_seen || *last_seen > head) return head;
    return *last_seen;
}

EventStream::EventStream(asio::any_io_executor executor, EventStreamSettings settings,
                         EventStreamHooks hooks)
    : executor_(std::move(executor)),
      settings_(std::move(settings)),
      hooks_(std::move(hooks)),
      head_http_(executor_, settings_.server) {
    if (!settings_.server.tls) return;
    auto ctx = tls::client_context(settings_.server.ca_file);
    if (ctx)
        tls_ = std::move(*ctx);
    else
        tls_problem_ = ctx.error();
}

void EventStream::start() {
    asio::co_spawn(
        executor_, [self = shared_from_this()] { return self->run(); },
        [](const std::exception_ptr& e) {
            if (!e) return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& x) {
                spdlog::error("events: stream stopped: {}", x.what());
            }
        });
}

asio::awaitable<void> EventStream::run() {
    Backoff backoff(settings_.timing);
    asio::steady_timer timer(executor_);
    std::string last_problem;
    for (;;) {
        // The head is asked on every (re)connect: cheap, and it notices a replaced database.
        auto head = co_await fetch_event_head(head_http_);
        Error problem;
        if (head && hooks_.on_service_time) {
            // Asked after the head: every event replayed next is at most as new as this time.
            auto service_now = co_await fetch_service_time(head_http_);
            if (service_now) hooks_.on_service_time(*service_now, SystemClock{}.now());
        }
        if (head) {
            subscribed_ = false;
            problem = co_await session(choose_since(last_seq_, *head));
            // A link that worked and then broke (a service restart): come back quickly.
            if (subscribed_) backoff.reset();
        } else {
            problem = head.error();
        }
        if (problem.message != last_problem) {
            // Once per kind of problem: a service down for an hour must not fill the journal.
            spdlog::warn("events: {}", problem.message);
            last_problem = problem.message;
        }
        boost::system::error_code ec;
        timer.expires_after(backoff.next());
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

asio::awaitable<Error> EventStream::session(std::int64_t since) {
    const ServerUrl& server = settings_.server;
    if (tls_problem_) co_return *tls_problem_;
    beast::error_code ec;
    tcp::resolver resolver(executor_);
    const auto endpoints = co_await resolver.async_resolve(
        server.host, std::to_string(server.port), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return stream_error(ec, "cannot resolve " + server.text());
    if (tls_) {
        websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(executor_, *tls_);
        if (auto set = tls::expect_host(ws.next_layer(), server.host); !set) co_return set.error();
        co_return co_await session_on(ws, endpoints, since);
    }
    websocket::stream<beast::tcp_stream> ws(executor_);
    co_return co_await session_on(ws, endpoints, since);
}

template <typename WebSocket, typename Endpoints>
asio::awaitable<Error> EventStream::session_on(WebSocket& ws, const Endpoints& endpoints,
                                               std::int64_t since) {
    const ServerUrl& server = settings_.server;
    beast::error_code ec;
    beast::get_lowest_layer(ws).expires_after(settings_.connect_timeout);
    co_await beast::get_lowest_layer(ws).async_connect(
        endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return stream_error(ec, "cannot connect to " + server.text());
    if constexpr (!std::is_same_v<WebSocket, websocket::stream<beast::tcp_stream>>) {
        co_await ws.next_layer().async_handshake(ssl::stream_base::client,
                                                 asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return stream_error(ec, "TLS handshake with " + server.text());
    }
    // From here the websocket's own timeouts apply (Beast: the tcp_stream's must be off).
    beast::get_lowest_layer(ws).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = settings_.connect_timeout;
    timeouts.idle_timeout = settings_.idle_timeout;
    timeouts.keep_alive_pings = true;
    ws.set_option(timeouts);
    ws.set_option(
        websocket::stream_base::decorator([token = settings_.token](websocket::request_type& req) {
            req.set(http::field::user_agent, kUserAgent);
            req.set("X-Motcua-Api", std::to_string(api::kApiVersion));
            if (token) req.set(http::field::authorization, "Bearer " + *token);
        }));
    websocket::response_type answer;
    co_await ws.async_handshake(answer, server.host_header(),
                                api_target("/events?since=" + std::to_string(since)),
                                asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        if (answer.result_int() != 0 && answer.result() != http::status::switching_protocols)
            co_return make_error(ErrorCode::refused, "the event stream answered HTTP " +
                                                         std::to_string(answer.result_int()) +
                                                         " (is --token a device token?)");
        co_return stream_error(ec, "event stream handshake with " + server.text());
    }
    spdlog::info("events: subscribed to {} after seq {}", server.text(), since);
    subscribed_ = true;
    last_seq_ = since;  // equal to the last seen, or the head when that was unknown or ahead
    if (hooks_.on_connected) hooks_.on_connected(true);

    beast::flat_buffer buffer;
    Error broke;
    for (;;) {
        buffer.clear();
        co_await ws.async_read(buffer, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            broke = stream_error(ec, "event stream from " + server.text() + " lost");
            break;
        }
        auto event = api::decode_body<api::Event>(beast::buffers_to_string(buffer.data()));
        if (!event) {
            // One odd message must not stop the screen; the next ones still count.
            spdlog::error("events: undecodable message: {}", event.error().message);
            continue;
        }
        if (last_seq_ && event->seq <= *last_seq_) continue;  // never twice
        last_seq_ = event->seq;
        if (hooks_.on_event) hooks_.on_event(*event);
    }
    if (hooks_.on_connected) hooks_.on_connected(false);
    beast::get_lowest_layer(ws).close();
    co_return broke;
}

}  // namespace motcua::kiosk
