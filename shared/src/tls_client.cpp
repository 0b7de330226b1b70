#include "motcua/tls_client.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <boost/asio/ip/address.hpp>

namespace motcua::tls {

namespace ssl = boost::asio::ssl;

Result<std::shared_ptr<ssl::context>> client_context(const std::string& ca_file) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    ctx->set_verify_mode(ssl::verify_peer);
    boost::system::error_code ec;
    if (ca_file.empty())
        ctx->set_default_verify_paths(ec);
    else
        ctx->load_verify_file(ca_file, ec);
    if (ec)
        return make_error(ErrorCode::bad_ca,
                          fmt::format("cannot load the CA certificates{}: {}",
                                      ca_file.empty() ? "" : " from " + ca_file, ec.message()));
    return ctx;
}

Status expect_host(SSL* ssl, const std::string& host) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(host, ec);
    const bool is_address = !ec;
    // SNI carries names only (RFC 6066 §3).
    if (!is_address && SSL_set_tlsext_host_name(ssl, host.c_str()) != 1)
        return make_error(ErrorCode::tls,
                          fmt::format("cannot ask for the server name '{}': {}", host,
                                      ::ERR_reason_error_string(::ERR_get_error())));
    return Ok{};
}

}  // namespace motcua::tls
