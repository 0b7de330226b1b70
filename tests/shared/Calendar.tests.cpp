#include "motcua/calendar.hpp"

#include <catch2/catch.hpp>

using namespace motcua;

namespace {

Day d(const char* text) {
    return *parse_day(text);
}

const OfficeZone& zone() {
    static const auto z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

TimePoint at(const char* text) {
    return *parse_rfc3339(text);
}

bool has_holiday(const WorkingCalendar& c, const char* day) {
    const Day x = d(day);
    for (const auto& h : c.holidays(static_cast<int>(x.year())))
        if (h.day == x) return true;
    return false;
}

}  // namespace

TEST_CASE("statutory holidays from the reference facts", "[calendar]") {
    WorkingCalendar c({}, {});
    // lunar New Year's days 2024–2027 are holidays, with the last day of the old year
    for (const char* tet : {"2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06"}) {
        INFO(tet);
        CHECK(has_holiday(c, tet));
        CHECK_FALSE(c.is_working_day(d(tet)));
    }
    CHECK_FALSE(c.is_working_day(d("2026-02-16")));  // the last day of the lunar year
    CHECK_FALSE(c.is_working_day(d("2026-02-20")));  // mùng 4
    CHECK(c.is_working_day(d("2026-02-23")));        // back at work
    // Hùng Kings' day 2024–2026
    CHECK(has_holiday(c, "2024-04-18"));
    CHECK(has_holiday(c, "2025-04-07"));
    CHECK(has_holiday(c, "2026-04-26"));
    // 2026: Hùng Kings' day is a Sunday, so Monday 27 April is off instead
    CHECK_FALSE(c.is_working_day(d("2026-04-27")));
    CHECK(c.is_working_day(d("2026-04-28")));
    CHECK_FALSE(c.is_working_day(d("2026-04-30")));
    CHECK_FALSE(c.is_working_day(d("2026-05-01")));
    CHECK_FALSE(c.is_working_day(d("2026-01-01")));
    CHECK_FALSE(c.is_working_day(d("2026-09-02")));
    CHECK_FALSE(c.is_working_day(d("2026-11-22")));  // a Sunday
    CHECK(c.is_working_day(d("2026-11-23")));
}

TEST_CASE("the 2025 swap comes from the config's overrides", "[calendar]") {
    // Saturday 26 April 2025 was worked so that 30 April – 4 May could be one break.
    WorkingCalendar plain({}, {});
    CHECK_FALSE(plain.is_working_day(d("2025-04-26")));
    CHECK(plain.is_working_day(d("2025-05-02")));
    WorkingCalendar swapped({d("2025-05-02")}, {d("2025-04-26")});
    CHECK(swapped.is_working_day(d("2025-04-26")));
    CHECK_FALSE(swapped.is_working_day(d("2025-05-02")));
    CHECK(swapped.next_working_day(d("2025-04-29")) == d("2025-05-05"));
}

TEST_CASE("due dates: cut-off, same day, across Tết and 30 April – 1 May", "[calendar]") {
    WorkingCalendar c({}, {});
    SECTION("same-day procedures and the afternoon cut-off") {
        CHECK(c.due_date(at("2026-11-23T14:59:00+07:00"), 0, 15 * 60, zone()) == d("2026-11-23"));
        CHECK(c.due_date(at("2026-11-23T15:00:00+07:00"), 0, 15 * 60, zone()) == d("2026-11-24"));
        // received on Friday after the cut-off: Monday
        CHECK(c.due_date(at("2026-11-27T16:00:00+07:00"), 0, 15 * 60, zone()) == d("2026-11-30"));
        // received on a Saturday (an office open on weekends): the next working day
        CHECK(c.due_date(at("2026-11-28T09:00:00+07:00"), 0, 15 * 60, zone()) == d("2026-11-30"));
    }
    SECTION("counting starts the day after receipt and skips rest days") {
        // Monday + 3 working days = Thursday
        CHECK(c.due_date(at("2026-11-23T09:00:00+07:00"), 3, 15 * 60, zone()) == d("2026-11-26"));
        // Thursday + 3: Friday, Monday, Tuesday
        CHECK(c.due_date(at("2026-11-26T09:00:00+07:00"), 3, 15 * 60, zone()) == d("2026-12-01"));
        // after the cut-off on Thursday: counting starts after Friday
        CHECK(c.due_date(at("2026-11-26T15:30:00+07:00"), 3, 15 * 60, zone()) == d("2026-12-02"));
    }
    SECTION("across Tết 2026") {
        // Friday 13 February + 3 working days: 16–20 February are Tết, so 23, 24, 25
        CHECK(c.due_date(at("2026-02-13T10:00:00+07:00"), 3, 15 * 60, zone()) == d("2026-02-25"));
    }
    SECTION("across 30 April – 1 May 2026") {
        // Friday 24 April + 3: Monday 27 is off (Hùng Kings' day moved), 28, 29, then 4 May
        CHECK(c.due_date(at("2026-04-24T10:00:00+07:00"), 3, 15 * 60, zone()) == d("2026-05-04"));
    }
}
