#include "kiosk/core/shell/connection.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace motcua::kiosk;
using std::chrono::milliseconds;

TEST_CASE("backoff starts at 250 ms, doubles and is capped at 2 s", "[connection]") {
    Backoff backoff;
    std::vector<long> delays;
    for (int i = 0; i < 7; ++i) delays.push_back(backoff.next().count());
    CHECK(delays == std::vector<long>{250, 500, 1000, 2000, 2000, 2000, 2000});

    SECTION("reset starts again from the first delay") {
        backoff.reset();
        CHECK(backoff.next() == milliseconds(250));
    }
    SECTION("a long outage never overflows the doubling") {
        for (int i = 0; i < 10000; ++i) REQUIRE(backoff.next() == milliseconds(2000));
    }
}

TEST_CASE("connection state follows health-check outcomes", "[connection]") {
    ConnectionMachine m;
    REQUIRE(m.state() == ConnectionState::connecting);

    SECTION("an answer makes it online and polls at the online period") {
        CHECK(m.on_success() == milliseconds(2000));
        CHECK(m.state() == ConnectionState::online);
        CHECK(m.consecutive_failures() == 0);
    }
    SECTION("three failures in a row make it unavailable, with growing delays") {
        CHECK(m.on_failure() == milliseconds(250));
        CHECK(m.state() == ConnectionState::connecting);
        CHECK(m.on_failure() == milliseconds(500));
        CHECK(m.state() == ConnectionState::connecting);
        CHECK(m.on_failure() == milliseconds(1000));
        CHECK(m.state() == ConnectionState::unavailable);
        CHECK(m.on_failure() == milliseconds(2000));
        CHECK(m.on_failure() == milliseconds(2000));
        CHECK(m.state() == ConnectionState::unavailable);
        CHECK(m.consecutive_failures() == 5);

        // The service is back: online at once, and the next outage starts the backoff afresh.
        m.on_success();
        CHECK(m.state() == ConnectionState::online);
        CHECK(m.on_failure() == milliseconds(250));
    }
    SECTION("one lost answer while online only says connecting") {
        m.on_success();
        m.on_failure();
        CHECK(m.state() == ConnectionState::connecting);
    }
    SECTION("another API version is its own state, rechecked at the slow pace") {
        CHECK(m.on_incompatible() == milliseconds(2000));
        CHECK(m.state() == ConnectionState::incompatible);
        m.on_success();
        CHECK(m.state() == ConnectionState::online);
    }
}

TEST_CASE("connection timing is configurable", "[connection]") {
    ConnectionTiming timing;
    timing.first_retry = milliseconds(10);
    timing.max_retry = milliseconds(35);
    timing.failures_before_unavailable = 1;
    ConnectionMachine m(timing);
    CHECK(m.on_failure() == milliseconds(10));
    CHECK(m.state() == ConnectionState::unavailable);
    CHECK(m.on_failure() == milliseconds(20));
    CHECK(m.on_failure() == milliseconds(35));
}
