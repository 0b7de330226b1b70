#include "kiosk/core/server_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

namespace motcua::kiosk {

namespace {

Error bad(std::string_view text, std::string_view why) {
    return make_error("bad_server_url", "--server '" + std::string(text) + "': " +
                                            std::string(why) + " (expected http://HOST:PORT)");
}

}  // namespace

std::string ServerUrl::host_header() const {
    std::string out = ipv6 ? "[" + host + "]" : host;
    return out + ":" + std::to_string(port);
}

std::string ServerUrl::text() const {
    return "http://" + host_header();
}

Result<ServerUrl> parse_server_url(std::string_view text) {
    if (text.empty()) return bad(text, "empty address");
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) return bad(text, "not a URL");
    const boost::urls::url_view& url = *parsed;

    if (url.scheme_id() == boost::urls::scheme::https)
        return bad(text, "https is not supported yet; the kiosk talks plain HTTP on the ward LAN");
    if (url.scheme_id() != boost::urls::scheme::http) return bad(text, "the scheme must be http");
    if (!url.has_authority()) return bad(text, "no host");
    if (url.has_userinfo()) return bad(text, "user names and passwords do not belong in the URL");
    const std::string_view path = url.encoded_path();
    if (!path.empty() && path != "/")
        return bad(text, "no path is allowed; /api/v1 is added by the kiosk");
    if (url.has_query()) return bad(text, "no query is allowed");
    if (url.has_fragment()) return bad(text, "no fragment is allowed");

    ServerUrl out;
    switch (url.host_type()) {
        case boost::urls::host_type::name:
        case boost::urls::host_type::ipv4:
            out.host = url.host_address();
            break;
        case boost::urls::host_type::ipv6:
            out.host = url.host_address();
            out.ipv6 = true;
            break;
        default:
            return bad(text, "no usable host");
    }
    if (out.host.empty()) return bad(text, "no host");

    if (url.has_port()) {
        const std::string_view port = url.port();
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        // "http://h:" has an empty port; from_chars also rejects signs and stops at junk.
        if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value == 0 ||
            value > 65535)
            return bad(text, "the port must be a number from 1 to 65535");
        out.port = static_cast<std::uint16_t>(value);
    }
    return out;
}

}  // namespace motcua::kiosk
