#pragma once
/// A small HTTP/1.1 client for one origin, plain or TLS (OpenSSL through Asio, the server's
/// certificate checked against `ca_file` or the system's CAs, and its name). One keep-alive
/// connection; every step has a timeout. Used on the shipper's own thread.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "motcua/result.hpp"

namespace motcua::shipper {

struct HttpAnswer {
    int status = 0;
    std::string body;
};

class HttpsClient {
public:
    /// `url` is http://HOST[:PORT] or https://HOST[:PORT]; errors name what is wrong with it.
    static Result<std::unique_ptr<HttpsClient>> create(const std::string& url,
                                                       const std::string& ca_file,
                                                       std::chrono::milliseconds timeout);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    /// One request; transport failures are errors (`unreachable`, `timeout`, `tls`), any HTTP
    /// status is an answer. A failure drops the connection; the next request opens a new one.
    Result<HttpAnswer> request(const std::string& method, const std::string& target,
                               const std::string& bearer,
                               const std::optional<std::string>& json_body);
    /// From any thread: the request in flight fails now, and every later one at once.
    void cancel();

private:
    Result<HttpAnswer> once(const std::string& method, const std::string& target,
                            const std::string& bearer, const std::optional<std::string>& json_body);
    struct Impl;
    explicit HttpsClient(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::shipper
