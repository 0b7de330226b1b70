// The per-address limit on public look-ups by a code (DESIGN.md §7).
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "api/lookup_limit.hpp"

using motcua::api::LookupLimiter;
using namespace std::chrono_literals;

TEST_CASE("look-ups: a burst of different codes, then one more per refill period", "[abuse]") {
    LookupLimiter limiter({3, 30s, 16, 1000});
    const auto t0 = LookupLimiter::Clock::time_point{} + 1000h;
    CHECK(limiter.admit("10.0.0.5", "c1", t0) == 0);
    CHECK(limiter.admit("10.0.0.5", "c2", t0) == 0);
    CHECK(limiter.admit("10.0.0.5", "c3", t0) == 0);
    CHECK(limiter.admit("10.0.0.5", "c4", t0) == 30);       // wait for one more
    CHECK(limiter.admit("10.0.0.5", "c4", t0 + 20s) == 10);  // a third of it still to come
    CHECK(limiter.admit("10.0.0.5", "c4", t0 + 30s) == 0);
    CHECK(limiter.admit("10.0.0.5", "c5", t0 + 31s) == 29);
    // Codes looked up lately cost nothing (a phone page refreshing), even when out of budget.
    for (int i = 0; i < 100; ++i) CHECK(limiter.admit("10.0.0.5", "c2", t0 + 31s) == 0);
    // Another address has its own budget.
    CHECK(limiter.admit("10.0.0.6", "c9", t0 + 31s) == 0);
}

TEST_CASE("look-ups: IPv6 counts per /64, IPv4-mapped as IPv4", "[abuse]") {
    CHECK(LookupLimiter::client_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64");
    CHECK(LookupLimiter::client_key("2001:db8:1:2:bbbb::7") == "2001:db8:1:2::/64");
    CHECK(LookupLimiter::client_key("::ffff:192.0.2.7") == "192.0.2.7");
    CHECK(LookupLimiter::client_key("192.0.2.7") == "192.0.2.7");
    CHECK(LookupLimiter::client_key("not an address") == "not an address");
    LookupLimiter limiter({2, 60s, 16, 1000});
    const auto t0 = LookupLimiter::Clock::time_point{} + 1000h;
    CHECK(limiter.admit("2001:db8:1:2::1", "a", t0) == 0);
    CHECK(limiter.admit("2001:db8:1:2::2", "b", t0) == 0);
    CHECK(limiter.admit("2001:db8:1:2::3", "c", t0) > 0);  // the same home, new addresses
}

TEST_CASE("look-ups: the table of addresses stays bounded", "[abuse]") {
    LookupLimiter limiter({2, 60s, 4, 100});
    const auto t0 = LookupLimiter::Clock::time_point{} + 1000h;
    // A flood of addresses, each using its whole budget: the table starts again, never grows.
    for (int i = 0; i < 1000; ++i) {
        const auto address = fmt::format("10.1.{}.{}", i / 256, i % 256);
        CHECK(limiter.admit(address, "x", t0) == 0);
        CHECK(limiter.admit(address, "y", t0) == 0);
        CHECK(limiter.tracked() <= 100);
    }
    // An address refused before the flood may have been forgotten (fail open, bounded memory),
    // but one refused after it is still refused.
    CHECK(limiter.admit("10.9.9.9", "p", t0) == 0);
    CHECK(limiter.admit("10.9.9.9", "q", t0) == 0);
    CHECK(limiter.admit("10.9.9.9", "r", t0) > 0);
}
