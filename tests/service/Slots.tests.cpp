// Appointment slots (DESIGN.md §10) over a month with Vietnamese holidays, a bridge day off and a
// swapped working Saturday: only office hours of working days, none in the lunch break, none
// after stop_issuing_at, none in the past or beyond the horizon.
#include "appointments/slots.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace motcua;
using namespace motcua::appointments;
using date::April;
using date::May;

namespace {

Day d(int y, date::month m, int day) {
    return Day{date::year{y}, m, date::day{static_cast<unsigned>(day)}};
}

WardConfig ward() {
    auto config =
        load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
    REQUIRE(config);
    // 07:30-11:30 and 13:00-17:00, no tickets after 16:45.
    REQUIRE(config->hours.size() == 2);
    REQUIRE(config->stop_issuing_at == 16 * 60 + 45);
    config->appointments.enabled = true;
    config->appointments.slot_min = 15;
    config->appointments.horizon_days = 14;
    // 4 May 2026 is a bridge day off, Saturday 9 May is worked in exchange.
    config->extra_days_off = {d(2026, May, 4)};
    config->extra_working_days = {d(2026, May, 9)};
    return *config;
}

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

}  // namespace

TEST_CASE("a working day's slots lie in its sessions and end by stop_issuing_at", "[slots]") {
    const WardConfig config = ward();
    const WorkingCalendar calendar(config);
    const auto slots = day_slots(config, calendar, d(2026, April, 21));  // a Tuesday
    REQUIRE(slots.size() == 16 + 15);
    CHECK(slots.front() == Slot{7 * 60 + 30, 7 * 60 + 45});
    CHECK(slots[15] == Slot{11 * 60 + 15, 11 * 60 + 30});  // the morning's last
    CHECK(slots[16] == Slot{13 * 60, 13 * 60 + 15});       // the afternoon's first
    CHECK(slots.back() == Slot{16 * 60 + 30, 16 * 60 + 45});

    SECTION("a length that does not divide the session leaves its end free") {
        WardConfig odd = config;
        odd.appointments.slot_min = 25;
        const auto s = day_slots(odd, calendar, d(2026, April, 21));
        for (const Slot& slot : s) {
            const bool morning = slot.start >= 7 * 60 + 30 && slot.end <= 11 * 60 + 30;
            const bool afternoon = slot.start >= 13 * 60 && slot.end <= 16 * 60 + 45;
            CHECK((morning || afternoon));
            CHECK(slot.end - slot.start == 25);
        }
        CHECK(s.size() == 9 + 9);  // 240 min and 225 min: nine whole slots each
    }
    SECTION("without stop_issuing_at the afternoon runs to the close") {
        WardConfig open = config;
        open.stop_issuing_at.reset();
        CHECK(day_slots(open, calendar, d(2026, April, 21)).back() == Slot{16 * 60 + 45, 17 * 60});
    }
}

TEST_CASE("no slots on rest days, holidays or the bridge; the swapped Saturday has them",
          "[slots]") {
    const WardConfig config = ward();
    const WorkingCalendar calendar(config);
    std::vector<Day> holidays;
    for (const auto& h : calendar.holidays(2026)) holidays.push_back(h.day);
    int working = 0;
    for (auto day = date::sys_days(d(2026, April, 20)); day <= date::sys_days(d(2026, May, 20));
         day += date::days{1}) {
        const Day ymd{day};
        INFO(format_day(ymd));
        const auto slots = day_slots(config, calendar, ymd);
        const bool holiday = std::find(holidays.begin(), holidays.end(), ymd) != holidays.end();
        const date::weekday wd{day};
        if (holiday || ymd == d(2026, May, 4) ||
            ((wd == date::Saturday || wd == date::Sunday) && ymd != d(2026, May, 9))) {
            CHECK(slots.empty());
        } else {
            CHECK(slots.size() == 31);
            ++working;
        }
    }
    // 30 April and 1 May are holidays; Hùng Kings' day falls in this month too.
    CHECK(day_slots(config, calendar, d(2026, April, 30)).empty());
    CHECK(day_slots(config, calendar, d(2026, May, 1)).empty());
    CHECK(day_slots(config, calendar, d(2026, May, 9)).size() == 31);
    CHECK(working > 15);
}

TEST_CASE("bookable: from now to the horizon, never in the past", "[slots]") {
    const WardConfig config = ward();
    const WorkingCalendar calendar(config);
    // Tuesday 28 April 2026, 10:07.
    const TimePoint now = zone().at_local(d(2026, April, 28), 10 * 60 + 7);

    const auto today = open_slots(config, calendar, zone(), d(2026, April, 28), now);
    REQUIRE_FALSE(today.empty());
    CHECK(today.front().start == 10 * 60 + 15);  // 10:00 has started: gone
    for (const Slot& s : today) CHECK(zone().at_local(d(2026, April, 28), s.start) > now);
    CHECK(open_slots(config, calendar, zone(), d(2026, April, 27), now).empty());  // yesterday

    // Fourteen office days ahead, skipping 30/4, 1/5, the weekend, the bridge on 4/5, and
    // counting the worked Saturday 9/5.
    const auto days = bookable_days(config, calendar, d(2026, April, 28));
    REQUIRE(days.size() == 15);  // today and fourteen more
    CHECK(days.front() == d(2026, April, 28));
    CHECK(std::find(days.begin(), days.end(), d(2026, May, 9)) != days.end());
    for (const Day& day : days) CHECK(calendar.is_working_day(day));
    const Day last = last_bookable_day(config, calendar, d(2026, April, 28));
    CHECK(last == days.back());
    CHECK(open_slots(config, calendar, zone(), last, now).size() == 31);
    CHECK(open_slots(config, calendar, zone(), calendar.next_working_day(last), now).empty());

    // Late in the afternoon nothing is left today.
    const TimePoint late = zone().at_local(d(2026, April, 28), 16 * 60 + 31);
    CHECK(open_slots(config, calendar, zone(), d(2026, April, 28), late).empty());

    CHECK(find_slot(config, calendar, d(2026, April, 28), 13 * 60) == Slot{13 * 60, 13 * 60 + 15});
    CHECK_FALSE(find_slot(config, calendar, d(2026, April, 28), 12 * 60));      // the lunch break
    CHECK_FALSE(find_slot(config, calendar, d(2026, April, 28), 13 * 60 + 5));  // not a start
    CHECK_FALSE(find_slot(config, calendar, d(2026, April, 30), 8 * 60));       // a holiday
}
