#pragma once
/// HTTP/1.1 client for the service's JSON API, used only on the kiosk's network thread.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/shell/server_url.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

enum class HttpMethod { get, post, put, del };

struct HttpRequest {
    HttpMethod method = HttpMethod::get;
    /// Full target, e.g. api_target("/healthz") == "/api/v1/healthz".
    std::string target;
    /// Device or officer token; sent as `Authorization: Bearer ...`.
    std::optional<std::string> bearer_token;
    /// Sent as application/json when present.
    std::optional<boost::json::value> body;
    /// For connect, write and read together.
    std::chrono::milliseconds timeout{3000};
};

struct HttpResponse {
    int status = 0;
    std::string body;
    /// The service's X-Motcua-Api header, when it sent one.
    std::optional<int> api_version;

    [[nodiscard]] bool success() const { return status >= 200 && status < 300; }
};

/// The code of a failed connection, send or read: `timeout`, `tls` (handshake, certificate),
/// `protocol` (not HTTP) or `unreachable`.
ErrorCode transport_code(const boost::system::error_code& ec);

/// "/api/v1" + path.
std::string api_target(std::string_view path);

/// One keep-alive connection to the service; requests must not overlap (one at a time).
/// Transport failures come back as an Error with code `unreachable`, `timeout` or `protocol`;
/// any HTTP status, 4xx and 5xx included, is a response.
class HttpClient {
public:
    HttpClient(boost::asio::any_io_executor executor, ServerUrl server);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    boost::asio::awaitable<Result<HttpResponse>> request(HttpRequest request);
    /// Drops the connection; the next request opens a new one.
    void close();
    [[nodiscard]] const ServerUrl& server() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::kiosk
