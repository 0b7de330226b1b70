// --printer values. The three forms match how wards connect printers: a USB printer is a
// device file (/dev/usb/lp0), a network printer listens on raw TCP port 9100, and file: is for
// trying the kiosk without paper.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "kiosk/print/ticket_printer.hpp"
#include "motcua/endpoint.hpp"

namespace motcua::kiosk::print {

namespace {

constexpr std::string_view kTcpScheme = "tcp";
constexpr std::string_view kFilePrefix = "file:";
constexpr std::uint16_t kRawPrintPort =
    9100;  // "JetDirect"/AppSocket, what every LAN printer opens

Error bad(std::string_view text, std::string_view why) {
    return make_error(ErrorCode::bad_printer,
                      "--printer '" + std::string(text) + "': " + std::string(why) +
                          " (expected /dev/usb/lp0, tcp://HOST[:PORT] or file:PATH)");
}

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

Result<PrinterTarget> parse_tcp(const std::string& text) {
    auto endpoint = parse_endpoint(text, kRawPrintPort);
    if (!endpoint) return bad(text, endpoint.error().message);
    PrinterTarget out;
    out.kind = PrinterTarget::Kind::tcp;
    out.host = endpoint->host;
    out.port = endpoint->port;
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
