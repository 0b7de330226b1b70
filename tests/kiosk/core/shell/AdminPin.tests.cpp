#include <catch2/catch.hpp>

#include "kiosk/core/shell/admin_pin.hpp"

using namespace motcua::kiosk;
using Verdict = AdminPinGate::Verdict;
using std::chrono::seconds;

TEST_CASE("the admin PIN gate", "[admin_pin]") {
    const auto t0 = AdminPinGate::Clock::time_point{} + seconds(1000);
    AdminPinGate gate("246810", AdminPinPolicy{3, seconds(60)});
    REQUIRE(gate.configured());

    SECTION("the right PIN is accepted") {
        CHECK(gate.check("246810", t0) == Verdict::accepted);
    }

    SECTION("bad inputs are rejected") {
        CHECK(gate.check("", t0) == Verdict::rejected);       // nothing typed
        CHECK(gate.check("24681", t0) == Verdict::rejected);  // a prefix
        // the third wrong entry in a row locks the pad
        CHECK(gate.check("2468100", t0) == Verdict::locked_out);  // the PIN plus one digit
    }

    SECTION("too many wrong entries lock the pad for the lockout time") {
        CHECK(gate.check("1", t0) == Verdict::rejected);
        CHECK(gate.check("2", t0) == Verdict::rejected);
        CHECK(gate.check("3", t0) == Verdict::locked_out);
        CHECK(gate.lockout_seconds_left(t0) == 60);
        CHECK(gate.lockout_seconds_left(t0 + seconds(59) + std::chrono::milliseconds(1)) == 1);
        // even the right PIN waits out the lockout
        CHECK(gate.check("246810", t0 + seconds(30)) == Verdict::locked_out);
        CHECK(gate.lockout_seconds_left(t0 + seconds(60)) == 0);
        CHECK(gate.check("246810", t0 + seconds(60)) == Verdict::accepted);
    }

    SECTION("a right PIN resets the count of wrong ones") {
        CHECK(gate.check("1", t0) == Verdict::rejected);
        CHECK(gate.check("2", t0) == Verdict::rejected);
        CHECK(gate.check("246810", t0) == Verdict::accepted);
        CHECK(gate.check("1", t0) == Verdict::rejected);
    }
}

TEST_CASE("without a configured PIN kiosk mode cannot be left", "[admin_pin]") {
    AdminPinGate gate("");
    CHECK_FALSE(gate.configured());
    CHECK(gate.check("", {}) == AdminPinGate::Verdict::not_configured);
    CHECK(gate.check("0000", {}) == AdminPinGate::Verdict::not_configured);
}
