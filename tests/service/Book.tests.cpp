// The ward's bookings (DESIGN.md §10): places per slot, the per-phone limit, cancels that hold
// their place ten minutes, the check-in windows and missed bookings.
#include "appointments/book.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>

using namespace motcua;
using namespace motcua::appointments;
using namespace std::chrono_literals;

namespace {

Day d(int day) {
    return Day{date::year{2026}, date::April, date::day{static_cast<unsigned>(day)}};
}

WardConfig demo_ward() {
    auto c = load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
    REQUIRE(c);
    c->appointments.enabled = true;
    c->appointments.per_phone_per_day = 2;
    c->categories.at(0).appointment_places = 2;  // HT: two places per slot
    c->categories.at(1).appointment_places = 0;  // not bookable
    return *c;
}

struct Rig {
    WardConfig config = demo_ward();
    WorkingCalendar calendar{config};
    OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    Book book{config, calendar, zone};
    // Tuesday 21 April 2026, 08:00.
    TimePoint now = zone.at_local(d(21), 8 * 60);
    int codes = 0;

    Result<Appointment> take(int day, int start, const char* phone = "0912345123") {
        return book.book({config.categories.at(0).code, d(day), start, phone},
                         fmt::format("CODE{:04}", ++codes), now);
    }
    int free_at(int day, int start) {
        auto s = book.slots(config.categories.at(0).code, d(day), now);
        REQUIRE(s);
        for (const auto& f : *s)
            if (f.slot.start == start) return f.free;
        FAIL("no such slot");
        return -1;
    }
};

}  // namespace

TEST_CASE("a slot holds its places, a phone its bookings", "[book]") {
    Rig r;
    CHECK(r.free_at(22, 9 * 60) == 2);
    auto first = r.take(22, 9 * 60);
    REQUIRE(first);
    CHECK(first->state == AppointmentState::booked);
    CHECK(first->start == 9 * 60);
    CHECK(first->end == 9 * 60 + 15);
    CHECK(first->phone == "0912345123");
    CHECK(r.free_at(22, 9 * 60) == 1);
    REQUIRE(r.take(22, 9 * 60, "0987654321"));
    CHECK(r.free_at(22, 9 * 60) == 0);
    auto full = r.take(22, 9 * 60, "0900000000");
    REQUIRE_FALSE(full);
    CHECK(full.error().code == ErrorCode::slot_full);

    SECTION("a phone holds two bookings a day; another day is another count") {
        REQUIRE(r.take(22, 10 * 60));
        auto third = r.take(22, 11 * 60, "091 234 5123");  // the same number, typed otherwise
        REQUIRE_FALSE(third);
        CHECK(third.error().code == ErrorCode::limit_reached);
        CHECK(r.take(23, 11 * 60));
        // a cancelled booking no longer counts
        REQUIRE(r.book.cancel(first->code, r.now));
        CHECK(r.take(22, 11 * 60));
    }
    SECTION("a cancelled place is free again ten minutes later") {
        auto cancelled = r.book.cancel(first->code, r.now);
        REQUIRE(cancelled);
        CHECK(cancelled->state == AppointmentState::cancelled);
        CHECK(r.book.cancel(first->code, r.now + 1min)->cancelled_at == r.now);  // again: as is
        CHECK(r.free_at(22, 9 * 60) == 0);
        r.now += 9min;
        CHECK(r.free_at(22, 9 * 60) == 0);
        r.now += 1min;
        CHECK(r.free_at(22, 9 * 60) == 1);
        CHECK(r.take(22, 9 * 60, "0900000000"));
    }
}

TEST_CASE("what cannot be booked", "[book]") {
    Rig r;
    const auto code_of = [](const Result<Appointment>& a) { return a.error().code; };
    CHECK(code_of(r.take(21, 7 * 60 + 45)) == ErrorCode::not_bookable);  // started already
    CHECK(code_of(r.take(22, 12 * 60)) == ErrorCode::not_bookable);      // the lunch break
    CHECK(code_of(r.take(22, 9 * 60 + 5)) == ErrorCode::not_bookable);   // not a slot's start
    CHECK(code_of(r.take(30, 9 * 60)) == ErrorCode::not_bookable);       // 30 April: a holiday
    CHECK(code_of(r.take(25, 9 * 60)) == ErrorCode::not_bookable);       // a Saturday
    CHECK(code_of(r.take(22, 9 * 60, "12345")) == ErrorCode::invalid_field);
    auto other = r.book.book({r.config.categories.at(1).code, d(22), 9 * 60, "0912345123"},
                             "CODEXXXX", r.now);
    CHECK(code_of(other) == ErrorCode::not_bookable);
    auto unknown = r.book.book({"NOPE", d(22), 9 * 60, "0912345123"}, "CODEYYYY", r.now);
    CHECK(code_of(unknown) == ErrorCode::unknown_category);
    r.config.appointments.enabled = false;
    CHECK(code_of(r.take(22, 9 * 60)) == ErrorCode::not_bookable);
}

TEST_CASE("check-in opens 30 minutes early and closes 15 minutes late", "[book]") {
    Rig r;
    auto a = r.take(21, 9 * 60);  // today 09:00
    REQUIRE(a);
    r.now = r.zone.at_local(d(21), 8 * 60 + 29);
    CHECK(r.book.check_in(a->code, r.now).error().code == ErrorCode::too_early);
    r.now += 1min;
    REQUIRE(r.book.check_in(a->code, r.now));
    const Appointment in = r.book.checked_in(a->code, "ticket-1", r.now);
    CHECK(in.state == AppointmentState::checked_in);
    CHECK(in.ticket_id == "ticket-1");
    CHECK(r.book.check_in(a->code, r.now + 1min)->ticket_id == "ticket-1");  // a second scan
    CHECK(r.book.cancel(a->code, r.now).error().code == ErrorCode::invalid_state);
    CHECK(r.book.check_in("NOSUCHCD", r.now).error().code == ErrorCode::not_found);

    SECTION("after the grace the booking is missed") {
        auto late = r.take(21, 10 * 60);
        REQUIRE(late);
        r.now = r.zone.at_local(d(21), 10 * 60 + 15);
        CHECK(r.book.expire(r.now).empty());  // 10:15 still counts
        r.now += 1s;
        CHECK(r.book.check_in(late->code, r.now).error().code == ErrorCode::missed);
        const auto missed = r.book.expire(r.now);
        REQUIRE(missed.size() == 1);
        CHECK(missed[0].code == late->code);
        CHECK(missed[0].state == AppointmentState::missed);
        CHECK(r.book.expire(r.now + 1h).empty());  // once
        CHECK(r.book.check_in(late->code, r.now).error().code == ErrorCode::missed);
        CHECK(r.book.cancel(late->code, r.now).error().code == ErrorCode::invalid_state);
    }
    SECTION("a cancelled booking cannot check in") {
        auto c = r.take(21, 9 * 60 + 15, "0987654321");
        REQUIRE(c);
        REQUIRE(r.book.cancel(c->code, r.now));
        CHECK(r.book.check_in(c->code, r.now).error().code == ErrorCode::cancelled);
    }
}

TEST_CASE("a restored book answers as before", "[book]") {
    Rig r;
    REQUIRE(r.take(22, 9 * 60));
    REQUIRE(r.take(22, 9 * 60, "0987654321"));
    std::vector<Appointment> saved = r.book.of_day(d(22));
    REQUIRE(saved.size() == 2);
    Book again(r.config, r.calendar, r.zone);
    again.restore(saved);
    auto full = again.book({r.config.categories.at(0).code, d(22), 9 * 60, "0900000000"},
                           "CODEZZZZ", r.now);
    CHECK(full.error().code == ErrorCode::slot_full);
    CHECK(again.find(saved[0].code) != nullptr);

    SECTION("past days leave memory once final") {
        r.now = r.zone.at_local(d(23), 8 * 60);   // the next day but one
        CHECK(r.book.expire(r.now).size() == 2);  // both were missed
        r.book.forget_before(d(23));
        CHECK(r.book.find(saved[0].code) == nullptr);
        CHECK(r.book.of_day(d(22)).empty());
    }
}
