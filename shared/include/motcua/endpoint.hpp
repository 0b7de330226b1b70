#pragma once
/// HOST[:PORT] of an address such as http://HOST:PORT or tcp://HOST:PORT (Boost.URL), checked
/// the same way wherever the kiosk takes one on its command line.
#include <cstdint>
#include <string>
#include <string_view>

#include "motcua/result.hpp"

namespace motcua {

struct Endpoint {
    std::string host;  // a DNS name, an IPv4 address, or an IPv6 address without brackets
    std::uint16_t port = 0;
    bool ipv6 = false;
};

/// Parses an absolute URL with an authority and nothing else (no user, path beyond "/", query or
/// fragment). The scheme is the caller's to check. On failure the error's message is the reason
/// alone ("no host", "the port must be a number from 1 to 65535"…), for the caller to frame.
Result<Endpoint> parse_endpoint(std::string_view url, std::uint16_t default_port);

}  // namespace motcua
