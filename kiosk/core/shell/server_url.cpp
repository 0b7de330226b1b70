#include "kiosk/core/shell/server_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

#include "motcua/endpoint.hpp"

namespace motcua::kiosk {

namespace {

Error bad(std::string_view text, std::string_view why) {
    return make_error(ErrorCode::bad_server_url,
                      "--server '" + std::string(text) + "': " + std::string(why) +
                          " (expected http://HOST:PORT or https://HOST:PORT)");
}

}  // namespace

std::string ServerUrl::host_header() const {
    std::string out = ipv6 ? "[" + host + "]" : host;
    return out + ":" + std::to_string(port);
}

std::string ServerUrl::text() const {
    return (tls ? "https://" : "http://") + host_header();
}

Result<ServerUrl> parse_server_url(std::string_view text) {
    if (text.empty()) return bad(text, "empty address");
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) return bad(text, "not a URL");
    const bool tls = parsed->scheme_id() == boost::urls::scheme::https;
    if (!tls && parsed->scheme_id() != boost::urls::scheme::http)
        return bad(text, "the scheme must be http or https");
    constexpr std::uint16_t kHttpPort = 80;
    constexpr std::uint16_t kHttpsPort = 443;
    auto endpoint = parse_endpoint(text, tls ? kHttpsPort : kHttpPort);
    if (!endpoint) return bad(text, endpoint.error().message);
    return ServerUrl{endpoint->host, endpoint->port, endpoint->ipv6, tls, {}};
}

}  // namespace motcua::kiosk
