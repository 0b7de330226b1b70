#include <catch2/catch.hpp>

#include "motcua/office_time.hpp"

using namespace motcua;
using namespace std::chrono_literals;

TEST_CASE("office day and local time in Asia/Ho_Chi_Minh", "[office_time]") {
    auto zone = OfficeZone::load("Asia/Ho_Chi_Minh");
    REQUIRE(zone.ok());
    const Day d23 = *parse_day("2026-11-23");

    SECTION("an instant belongs to its local date, not its UTC date") {
        // 2026-11-22T17:30Z is 00:30 on the 23rd in Hanoi
        CHECK(zone->office_day(*parse_rfc3339("2026-11-22T17:30:00Z")) == d23);
        CHECK(zone->office_day(*parse_rfc3339("2026-11-23T23:59:59+07:00")) == d23);
        CHECK(zone->office_day(*parse_rfc3339("2026-11-24T00:00:00+07:00")) != d23);
    }
    SECTION("local midnight and local times") {
        CHECK(zone->start_of_day(d23) == *parse_rfc3339("2026-11-22T17:00:00Z"));
        CHECK(zone->at_local(d23, 7 * 60 + 30) == *parse_rfc3339("2026-11-23T07:30:00+07:00"));
        CHECK(zone->minutes_of_day(*parse_rfc3339("2026-11-23T00:15:00Z")) == 7 * 60 + 15);
    }
    SECTION("RFC 3339 with the zone's numeric offset") {
        const auto t = *parse_rfc3339("2026-11-23T00:30:00Z");
        CHECK(zone->format_rfc3339(t) == "2026-11-23T07:30:00+07:00");
        CHECK(*parse_rfc3339(zone->format_rfc3339(t)) == t);
    }
    SECTION("times before standard time (local mean time +07:06:40) still round-trip") {
        const auto t = *parse_rfc3339("1013-11-23T00:30:00Z");
        const auto text = zone->format_rfc3339(t);
        CHECK(text == "1013-11-23T07:36:00+07:06");
        CHECK(*parse_rfc3339(text) == t);
    }
    SECTION("bad inputs") {
        auto bad = OfficeZone::load("Asia/Hanoi_Nowhere");  // not in the tz database
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::unknown_time_zone);
    }
}

TEST_CASE("another zone keeps its own offset", "[office_time]") {
    auto zone = OfficeZone::load("Europe/Berlin");
    REQUIRE(zone.ok());
    CHECK(zone->format_rfc3339(*parse_rfc3339("2026-07-01T10:00:00Z")) ==
          "2026-07-01T12:00:00+02:00");
    CHECK(zone->format_rfc3339(*parse_rfc3339("2026-01-01T10:00:00Z")) ==
          "2026-01-01T11:00:00+01:00");
}

TEST_CASE("RFC 3339, dates and HH:MM parse strictly", "[office_time]") {
    CHECK(*parse_rfc3339("2026-11-23T07:30:00+07:00") == *parse_rfc3339("2026-11-23T00:30:00Z"));
    CHECK(*parse_rfc3339("2026-11-23T07:30:00.250+07:00") ==
          *parse_rfc3339("2026-11-23T07:30:00+07:00") + 250ms);
    CHECK(*parse_rfc3339("2026-11-23T00:30:00-01:30") == *parse_rfc3339("2026-11-23T02:00:00Z"));
    CHECK(format_day(*parse_day("2026-02-17")) == "2026-02-17");
    CHECK(*parse_hhmm("15:00") == 900);
    CHECK(*parse_hhmm("00:00") == 0);
    CHECK(format_hhmm(7 * 60 + 5) == "07:05");

    SECTION("bad inputs") {
        CHECK_FALSE(parse_rfc3339("2026-11-23T07:30:00"));        // no offset
        CHECK_FALSE(parse_rfc3339("2026-11-23 07:30:00+07:00"));  // space instead of T
        CHECK_FALSE(parse_rfc3339("2026-02-30T07:30:00Z"));       // no 30 February
        CHECK_FALSE(parse_rfc3339("2026-11-23T24:00:00Z"));       // hour out of range
        CHECK_FALSE(parse_rfc3339("2026-11-23T07:30:00+0700"));   // offset without colon
        CHECK_FALSE(parse_rfc3339("2026-11-23T07:30:00Zjunk"));   // trailing text
        CHECK_FALSE(parse_rfc3339(""));                           // empty
        CHECK(parse_rfc3339("soon").error().code == ErrorCode::invalid_time);
        CHECK_FALSE(parse_day("2026-2-17"));    // not zero padded
        CHECK_FALSE(parse_day("2025-02-29"));   // not a leap year
        CHECK_FALSE(parse_day("2026-11-23x"));  // trailing text
        CHECK_FALSE(parse_hhmm("24:00"));       // past the day
        CHECK_FALSE(parse_hhmm("7:30"));        // not zero padded
        CHECK_FALSE(parse_hhmm("07:60"));       // minute out of range
    }
}
