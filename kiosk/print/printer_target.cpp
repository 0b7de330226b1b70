// --printer values. The three forms match how wards connect printers: a USB printer is a
// device file (/dev/usb/lp0), a network printer listens on raw TCP port 9100, and file: is for
// trying the kiosk without paper.
#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <charconv>

#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print {

namespace {

constexpr std::string_view kTcpScheme = "tcp";
constexpr std::string_view kFilePrefix = "file:";
constexpr std::uint16_t kRawPrintPort =
    9100;                                  // "JetDirect"/AppSocket, what every LAN printer opens
constexpr std::size_t kMaxHostName = 253;  // DNS limit on a whole name

Error bad(std::string_view text, std::string_view why) {
    return make_error("bad_printer",
                      "--printer '" + std::string(text) + "': " + std::string(why) +
                          " (expected /dev/usb/lp0, tcp://HOST[:PORT] or file:PATH)");
}

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// Boost.URL accepts any RFC 3986 reg-name ("a_b", "%41", "x!y"); a printer's host is a DNS name.
bool plain_host_name(std::string_view host) {
    if (host.empty() || host.size() > kMaxHostName || host.front() == '.' || host.back() == '.' ||
        host.front() == '-')
        return false;
    return std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    });
}

Result<PrinterTarget> parse_tcp(const std::string& text) {
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) return bad(text, "not a tcp://HOST:PORT address");
    const boost::urls::url_view& url = *parsed;
    if (!url.has_authority()) return bad(text, "no host");
    if (url.has_userinfo()) return bad(text, "a printer address has no user name");
    if (!url.encoded_path().empty() && url.encoded_path() != "/")
        return bad(text, "a printer address has no path");
    if (url.has_query() || url.has_fragment())
        return bad(text, "a printer address has no query or fragment");

    PrinterTarget out;
    out.kind = PrinterTarget::Kind::tcp;
    switch (url.host_type()) {
        case boost::urls::host_type::ipv4:
        case boost::urls::host_type::ipv6:
            out.host = url.host_address();
            break;
        case boost::urls::host_type::name:
            out.host = url.host_address();
            if (!plain_host_name(out.host)) return bad(text, "the host is not a valid name");
            break;
        default:
            return bad(text, "no usable host");
    }
    if (out.host.empty()) return bad(text, "no host");

    out.port = kRawPrintPort;
    if (url.has_port()) {
        const std::string_view port = url.port();
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        // "tcp://h:" has an empty port; from_chars rejects signs and stops at junk.
        if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || value == 0 ||
            value > 65535)
            return bad(text, "the port must be a number from 1 to 65535");
        out.port = static_cast<std::uint16_t>(value);
    }
    return out;
}

}  // namespace

Result<PrinterTarget> parse_printer_target(const std::string& text) {
    if (text.empty()) return bad(text, "empty");
    if (text.find('\0') != std::string::npos) return bad(text, "contains a NUL byte");
    if (text.front() == '/') {
        if (text.size() == 1 || text.back() == '/')
            return bad(text, "a directory is not a printer");
        PrinterTarget out;
        out.kind = PrinterTarget::Kind::device;
        out.path = text;
        return out;
    }
    if (text.size() > kFilePrefix.size() &&
        iequals(std::string_view(text).substr(0, kFilePrefix.size()), kFilePrefix)) {
        PrinterTarget out;
        out.kind = PrinterTarget::Kind::file;
        out.path = text.substr(kFilePrefix.size());
        return out;
    }
    if (iequals(std::string_view(text), kFilePrefix)) return bad(text, "no file name after file:");
    const std::size_t colon = text.find("://");
    if (colon != std::string::npos && iequals(std::string_view(text).substr(0, colon), kTcpScheme))
        return parse_tcp(text);
    if (colon != std::string::npos)
        return bad(text, "unknown scheme '" + text.substr(0, colon) + "'");
    return bad(text, "not a printer address");
}

std::string describe(const PrinterTarget& target) {
    switch (target.kind) {
        case PrinterTarget::Kind::device:
            return target.path;
        case PrinterTarget::Kind::tcp: {
            const bool ipv6 = target.host.find(':') != std::string::npos;
            return "tcp://" + (ipv6 ? "[" + target.host + "]" : target.host) + ":" +
                   std::to_string(target.port);
        }
        case PrinterTarget::Kind::file:
            return std::string(kFilePrefix) + target.path;
    }
    return {};
}

}  // namespace motcua::kiosk::print
