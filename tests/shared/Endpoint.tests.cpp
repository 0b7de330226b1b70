#include "motcua/endpoint.hpp"

#include <catch2/catch.hpp>

using namespace motcua;

TEST_CASE("endpoints: host and port of an address", "[endpoint]") {
    auto e = parse_endpoint("http://192.168.1.10:8080", 80);
    REQUIRE(e.ok());
    CHECK(e->host == "192.168.1.10");
    CHECK(e->port == 8080);
    CHECK_FALSE(e->ipv6);
    CHECK(parse_endpoint("tcp://printer-1.ward.lan", 9100)->port == 9100);
    auto v6 = parse_endpoint("http://[::1]:8080/", 80);
    REQUIRE(v6.ok());
    CHECK(v6->host == "::1");
    CHECK(v6->ipv6);
    SECTION("bad inputs") {
        CHECK(parse_endpoint("", 80).error().message == "not a URL");       // empty
        CHECK(parse_endpoint("http://", 80).error().message == "no host");  // no host
        CHECK_FALSE(parse_endpoint("http://a:b@h:80", 80));                 // user info
        CHECK(parse_endpoint("http://h:80/api", 80).error().message == "no path is allowed");
        CHECK_FALSE(parse_endpoint("http://h:80?x=1", 80));  // query
        CHECK_FALSE(parse_endpoint("http://h:80#x", 80));    // fragment
        CHECK_FALSE(parse_endpoint("http://h:0", 80));       // port 0
        CHECK_FALSE(parse_endpoint("http://h:65536", 80));   // port too big
        CHECK_FALSE(parse_endpoint("http://h:", 80));        // empty port
        CHECK(parse_endpoint("http://a_b", 80).error().message == "the host is not a valid name");
        CHECK_FALSE(parse_endpoint("http://h", 0));  // no port at all
    }
}
