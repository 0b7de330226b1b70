#pragma once
/// The service's address as given on the command line: `http://HOST:PORT` or `https://HOST:PORT`.
#include <cstdint>
#include <string>
#include <string_view>

#include "motcua/result.hpp"

namespace motcua::kiosk {

/// Where the ward's motcua-service listens. Only the origin: every API path is under /api/v1.
struct ServerUrl {
    std::string host;  // name or address, IPv6 without brackets ("::1")
    std::uint16_t port = 80;
    bool ipv6 = false;
    /// https:// (and wss:// for the events): the certificate is checked against `ca_file`, or
    /// the system's CAs when that is empty (--ca).
    bool tls = false;
    std::string ca_file;

    /// Value of the HTTP Host header: "host:port", IPv6 in brackets.
    [[nodiscard]] std::string host_header() const;
    /// "http://host:port" or "https://host:port", for messages.
    [[nodiscard]] std::string text() const;
};

/// Accepts `http://HOST[:PORT][/]` and `https://HOST[:PORT][/]` (port 80 and 443 by default). Fails
/// with code `bad_server_url` and a one-line message for anything else: another scheme, user info,
/// a path, query or fragment, a bad port.
Result<ServerUrl> parse_server_url(std::string_view text);

}  // namespace motcua::kiosk
