#include "kiosk/core/shell/server_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

#include "motcua/endpoint.hpp"

namespace motcua::kiosk {

namespace {

Error bad(std::string_view text, std::string_view why) {
    return make_error(ErrorCode::bad_server_url, "--server '" + std::string(text) +
                                                     "': " + std::string(why) +
                                                     " (expected http://HOST:PORT)");
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
    if (parsed->scheme_id() == boost::urls::scheme::https)
        return bad(text, "https is not supported yet; the kiosk talks plain HTTP on the ward LAN");
    if (parsed->scheme_id() != boost::urls::scheme::http)
        return bad(text, "the scheme must be http");
    constexpr std::uint16_t kHttpPort = 80;
    auto endpoint = parse_endpoint(text, kHttpPort);
    if (!endpoint) return bad(text, endpoint.error().message);
    return ServerUrl{endpoint->host, endpoint->port, endpoint->ipv6};
}

}  // namespace motcua::kiosk
