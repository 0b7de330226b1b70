#pragma once
/// The client side of TLS (DESIGN.md §12), for every program that calls a server over https://
/// or wss:// (the kiosk, the ward's shipper): a context that trusts given CAs, and a stream set up
/// to check that the server's certificate names the host it was asked for.
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <memory>
#include <string>

#include "motcua/result.hpp"

namespace motcua::tls {

/// TLS 1.2 or later, peer verification on, trusting the PEM certificates in `ca_file`, or the
/// system's CAs when it is empty. Fails with `bad_ca` naming the file.
Result<std::shared_ptr<boost::asio::ssl::context>> client_context(const std::string& ca_file);

/// Before the handshake: SNI (for names) and the check that the certificate names `host`
/// (a DNS name, or an IP address in its subjectAltName). Fails with `tls`. Stream: an Asio or a
/// Beast SSL stream.
template <typename Stream>
Status expect_host(Stream& stream, const std::string& host);

/// Not templated: the part that touches OpenSSL's handle.
Status expect_host(SSL* ssl, const std::string& host);

template <typename Stream>
Status expect_host(Stream& stream, const std::string& host) {
    if (auto set = expect_host(stream.native_handle(), host); !set) return set;
    stream.set_verify_callback(boost::asio::ssl::host_name_verification(host));
    return Ok{};
}

}  // namespace motcua::tls
