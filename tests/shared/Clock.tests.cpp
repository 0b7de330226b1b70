#include "motcua/clock.hpp"

#include <catch2/catch.hpp>

#include "motcua/office_time.hpp"

using namespace motcua;

TEST_CASE("test clock stands still and only moves forward", "[clock]") {
    const auto start = *parse_rfc3339("2026-11-23T07:30:00+07:00");
    TestClock clock(start);
    CHECK(clock.now() == start);
    CHECK(clock.now() == start);  // no drift between reads

    SECTION("forward and same time are accepted") {
        const auto later = start + std::chrono::minutes(5);
        REQUIRE(clock.set(later).ok());
        CHECK(clock.now() == later);
        REQUIRE(clock.set(later).ok());
        CHECK(clock.now() == later);
    }
    SECTION("bad inputs") {
        // backwards by one millisecond: refused, clock unchanged
        auto r = clock.set(start - Millis(1));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::clock_backwards);
        CHECK(clock.now() == start);
    }
}

TEST_CASE("system clock follows real time", "[clock]") {
    SystemClock clock;
    const auto a = clock.now();
    const auto real = std::chrono::system_clock::now();
    CHECK(std::chrono::abs(real - a) < std::chrono::seconds(5));
    CHECK(clock.now() >= a);
}
