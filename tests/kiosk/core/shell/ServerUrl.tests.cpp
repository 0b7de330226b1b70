#include <catch2/catch.hpp>

#include "kiosk/core/shell/server_url.hpp"

using namespace motcua::kiosk;

TEST_CASE("server URLs of the form http://HOST:PORT or https://HOST:PORT", "[server_url]") {
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
        CHECK_FALSE(e->tls);

        auto f = parse_server_url("https://phuong-ben-nghe.gov.vn");  // TLS, and HTTPS's 443
        REQUIRE(f);
        CHECK(f->tls);
        CHECK(f->port == 443);
        CHECK(f->text() == "https://phuong-ben-nghe.gov.vn:443");

        auto g = parse_server_url("https://10.0.0.5:8443/");
        REQUIRE(g);
        CHECK(g->tls);
        CHECK(g->port == 8443);
    }

    SECTION("bad inputs") {
        const char* bad[] = {
            "",                           // nothing at all
            "127.0.0.1:8080",             // no scheme
            "ftp://server:21",            // not HTTP
            "wss://server:443",           // the kiosk opens the event stream itself
            "https://server:443/api",     // a path, over TLS too
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
