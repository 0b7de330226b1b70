#include <catch2/catch.hpp>

#include "kiosk/core/shell/server_url.hpp"

using namespace motcua::kiosk;

TEST_CASE("server URLs of the form http://HOST:PORT", "[server_url]") {
    SECTION("good inputs") {
        auto a = parse_server_url("http://127.0.0.1:8080");
        REQUIRE(a);
        CHECK(a->host == "127.0.0.1");
        CHECK(a->port == 8080);
        CHECK(a->host_header() == "127.0.0.1:8080");

        auto b =
            parse_server_url("http://motcua-server.local:80/");  // a trailing slash is harmless
        REQUIRE(b);
        CHECK(b->host == "motcua-server.local");
        CHECK(b->port == 80);

        auto c = parse_server_url("http://ward-server");  // no port: HTTP's 80
        REQUIRE(c);
        CHECK(c->port == 80);

        auto d = parse_server_url("http://[::1]:9000");
        REQUIRE(d);
        CHECK(d->host == "::1");
        CHECK(d->ipv6);
        CHECK(d->host_header() == "[::1]:9000");
        CHECK(d->text() == "http://[::1]:9000");

        auto e = parse_server_url("HTTP://Server:1");  // schemes are case-insensitive
        REQUIRE(e);
        CHECK(e->port == 1);
    }

    SECTION("bad inputs") {
        const char* bad[] = {
            "",                           // nothing at all
            "127.0.0.1:8080",             // no scheme
            "ftp://server:21",            // not HTTP
            "https://server:443",         // TLS is not supported yet
            "http://server:0",            // port 0 is not a port
            "http://server:65536",        // port out of range
            "http://server:99999999999",  // port overflows
            "http://server:",             // empty port
            "http://server:80a",          // junk after the port
            "http://user:pw@server:80",   // credentials in the URL
            "http://server:80/api/v1",    // a path: the kiosk adds /api/v1 itself
            "http://server:80/?x=1",      // a query
            "http://server:80/#top",      // a fragment
            "http://:80",                 // no host
            "http:server:80",             // no authority
            "http://ser ver:80",          // a space in the host
        };
        for (const char* text : bad) {
            INFO(text);
            auto r = parse_server_url(text);
            REQUIRE_FALSE(r);
            CHECK(r.error().code == motcua::ErrorCode::bad_server_url);
            CHECK(r.error().message.find('\n') == std::string::npos);  // one line
            CHECK(r.error().message.find("--server") == 0);
        }
    }
}
