// Booking rules (DESIGN.md §10): phone numbers, the check-in window, places in a slot.
#include "appointments/bookings.hpp"

#include <catch2/catch.hpp>

using namespace motcua;
using namespace motcua::appointments;
using namespace std::chrono_literals;

TEST_CASE("a phone number is checked, stored as digits and shown masked", "[bookings]") {
    CHECK(*normalize_phone("0912345123") == "0912345123");
    CHECK(*normalize_phone("091 234 5123") == "0912345123");
    CHECK(*normalize_phone("091.234.5123") == "0912345123");
    CHECK(*normalize_phone("+84 912 345 123") == "0912345123");
    CHECK(*normalize_phone("02838123456") == "02838123456");  // a landline: 11 digits
    for (const char* bad : {"", "912345123", "091234512", "091234512345", "+1 212 555 0100",
                            "0912a45123", "1912345123", "++84912345123"}) {
        INFO(bad);
        auto r = normalize_phone(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::invalid_field);
        CHECK(r.error().message.find("phone") != std::string::npos);
    }
    CHECK(mask_phone("0912345123") == "09•• ••• 123");
    const std::string landline = mask_phone("02838123456");
    CHECK(landline.rfind("02", 0) == 0);
    CHECK(landline.ends_with(" 456"));
    CHECK(landline.find("838") == std::string::npos);
}

TEST_CASE("check-in opens before the slot and closes after the grace", "[bookings]") {
    AppointmentSettings s;  // 30 minutes early, 15 late
    const TimePoint start = from_epoch_ms(1'800'000'000'000);
    CHECK(check_in_window(s, start, start - 31min) == CheckIn::too_early);
    CHECK(check_in_window(s, start, start - 30min) == CheckIn::open);
    CHECK(check_in_window(s, start, start) == CheckIn::open);
    CHECK(check_in_window(s, start, start + 15min) == CheckIn::open);
    CHECK(check_in_window(s, start, start + 15min + 1s) == CheckIn::missed);
}

TEST_CASE("a cancelled place is free again ten minutes later", "[bookings]") {
    const TimePoint now = from_epoch_ms(1'800'000'000'000);
    using S = AppointmentState;
    const std::vector<Place> places{
        {S::booked, std::nullopt},  {S::checked_in, std::nullopt}, {S::missed, std::nullopt},
        {S::cancelled, now - 9min}, {S::cancelled, now - 10min},   {S::cancelled, now - 1h},
    };
    CHECK(taken_places(places, now) == 4);
    CHECK(taken_places(places, now + 1min) == 3);
    CHECK(taken_places({}, now) == 0);
}
