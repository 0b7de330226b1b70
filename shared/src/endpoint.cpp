#include "motcua/endpoint.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <charconv>

namespace motcua {
namespace {

constexpr std::size_t kMaxHostName = 253;  // DNS limit on a whole name

Error why(std::string reason) {
    return make_error(ErrorCode::bad_address, std::move(reason));
}

// Boost.URL accepts any RFC 3986 reg-name ("a_b", "%41", "x!y"); a host on the LAN is a DNS name.
bool plain_host_name(std::string_view host) {
    if (host.empty() || host.size() > kMaxHostName || host.front() == '.' || host.back() == '.' ||
        host.front() == '-')
        return false;
    return std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    });
}

}  // namespace

Result<Endpoint> parse_endpoint(std::string_view text, std::uint16_t default_port) {
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) return why("not a URL");
    const boost::urls::url_view& url = *parsed;
    if (!url.has_authority()) return why("no host");
    if (url.has_userinfo()) return why("user names and passwords do not belong in the address");
    if (const std::string_view path = url.encoded_path(); !path.empty() && path != "/")
        return why("no path is allowed");
    if (url.has_query()) return why("no query is allowed");
    if (url.has_fragment()) return why("no fragment is allowed");

    Endpoint out;
    switch (url.host_type()) {
        case boost::urls::host_type::ipv4:
            out.host = url.host_address();
            break;
        case boost::urls::host_type::ipv6:
            out.host = url.host_address();
            out.ipv6 = true;
            break;
        case boost::urls::host_type::name:
            out.host = url.host_address();
            if (out.host.empty()) return why("no host");
            if (!plain_host_name(out.host)) return why("the host is not a valid name");
            break;
        default:
            return why("no usable host");
    }
    if (out.host.empty()) return why("no host");
    out.port = default_port;
    if (url.has_port()) {
        const std::string_view port = url.port();
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        // "http://h:" has an empty port; from_chars also rejects signs and stops at junk.
        if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value == 0 ||
            value > 65535)
            return why("the port must be a number from 1 to 65535");
        out.port = static_cast<std::uint16_t>(value);
    }
    if (out.port == 0) return why("no port");
    return out;
}

}  // namespace motcua
