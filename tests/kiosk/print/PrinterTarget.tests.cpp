#include <catch2/catch.hpp>

#include "kiosk/print/ticket_printer.hpp"

using namespace motcua::kiosk::print;
using motcua::ErrorCode;
using Kind = PrinterTarget::Kind;

TEST_CASE("printer targets given with --printer", "[printer_target]") {
    SECTION("good inputs") {
        auto usb = parse_printer_target("/dev/usb/lp0");
        REQUIRE(usb);
        CHECK(usb->kind == Kind::device);
        CHECK(usb->path == "/dev/usb/lp0");
        CHECK(describe(*usb) == "/dev/usb/lp0");

        auto serial = parse_printer_target("/run/printers/ticket");  // any absolute path
        REQUIRE(serial);
        CHECK(serial->kind == Kind::device);

        auto net = parse_printer_target("tcp://192.168.1.50:9100");
        REQUIRE(net);
        CHECK(net->kind == Kind::tcp);
        CHECK(net->host == "192.168.1.50");
        CHECK(net->port == 9100);
        CHECK(describe(*net) == "tcp://192.168.1.50:9100");

        auto default_port = parse_printer_target("tcp://printer-1.ward.local");  // raw port 9100
        REQUIRE(default_port);
        CHECK(default_port->host == "printer-1.ward.local");
        CHECK(default_port->port == 9100);

        auto other_port =
            parse_printer_target("TCP://10.0.0.7:4000/");  // scheme case, trailing slash
        REQUIRE(other_port);
        CHECK(other_port->port == 4000);

        auto v6 = parse_printer_target("tcp://[::1]:9101");
        REQUIRE(v6);
        CHECK(v6->host == "::1");
        CHECK(describe(*v6) == "tcp://[::1]:9101");

        auto file = parse_printer_target("file:/tmp/tickets/last.bin");
        REQUIRE(file);
        CHECK(file->kind == Kind::file);
        CHECK(file->path == "/tmp/tickets/last.bin");
        CHECK(describe(*file) == "file:/tmp/tickets/last.bin");

        auto relative = parse_printer_target("file:ticket.bin");
        REQUIRE(relative);
        CHECK(relative->path == "ticket.bin");
    }

    SECTION("bad inputs") {
        const char* bad[] = {
            "",                          // nothing at all
            "lp0",                       // a relative device name
            "usb/lp0",                   // still relative
            "/",                         // the root directory
            "/dev/usb/",                 // a directory
            "file:",                     // no file name
            "tcp://",                    // no host
            "tcp://:9100",               // no host before the port
            "tcp://printer:",            // empty port
            "tcp://printer:0",           // port 0
            "tcp://printer:65536",       // port too big
            "tcp://printer:-1",          // a sign
            "tcp://printer:91a0",        // junk in the port
            "tcp://printer:9100/queue",  // a path
            "tcp://printer?x=1",         // a query
            "tcp://admin@printer",       // a user name
            "tcp://bad_host",            // '_' is not in host names
            "tcp://-printer",            // a name cannot start with '-'
            "tcp://ho st",               // a space
            "tcp://[::1",                // unclosed IPv6 bracket
            "tcp:printer:9100",          // no "//"
            "http://printer:9100",       // not a printer protocol
            "ipp://printer/ipp",         // IPP is not spoken here
            "printer:9100",              // no scheme
        };
        for (const char* text : bad) {
            INFO(text);
            auto t = parse_printer_target(text);
            REQUIRE_FALSE(t);
            CHECK(t.error().code == ErrorCode::bad_printer);
            // One line that names the value and says what would be right.
            CHECK(t.error().message.find('\n') == std::string::npos);
            CHECK(t.error().message.find("tcp://HOST[:PORT]") != std::string::npos);
        }
        // A NUL byte cannot reach open().
        auto nul = parse_printer_target(std::string("/dev/usb/lp0\0x", 14));
        CHECK_FALSE(nul);
    }
}
