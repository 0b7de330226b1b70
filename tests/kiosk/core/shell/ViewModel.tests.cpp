#include <catch2/catch.hpp>

#include "kiosk/core/shell/view_model.hpp"

using namespace motcua;
using namespace motcua::kiosk;

TEST_CASE("local date and time in the office's zone", "[view_model]") {
    auto zone = OfficeZone::load("Asia/Ho_Chi_Minh");
    REQUIRE(zone);
    // 2026-11-23T00:30:15Z is Monday 07:30:15 in Hà Nội/TP.HCM (UTC+7).
    auto t = parse_rfc3339("2026-11-23T00:30:15Z");
    REQUIRE(t);
    const LocalDateTime local = local_date_time(*zone, *t);
    CHECK(local.year == 2026);
    CHECK(local.month == 11);
    CHECK(local.day == 23);
    CHECK(local.weekday == 1);  // Monday
    CHECK(local.hour == 7);
    CHECK(local.minute == 30);
    CHECK(local.second == 15);

    SECTION("late evening UTC is already the next office day") {
        auto late = parse_rfc3339("2026-11-22T17:05:00Z");
        REQUIRE(late);
        const LocalDateTime l = local_date_time(*zone, *late);
        CHECK(l.day == 23);
        CHECK(l.hour == 0);
        CHECK(l.minute == 5);
    }
}

TEST_CASE("the shell view combines settings, client state and time", "[view_model]") {
    ShellSettings settings;
    settings.mode = Mode::counter;
    settings.office_name = "UBND phường Bến Thành";
    settings.counter = 2;
    settings.kiosk_locked = false;
    AppState state;
    state.connection = ConnectionState::unavailable;
    LocalDateTime now;
    now.hour = 9;
    const ShellView view = make_shell_view(settings, state, now);
    CHECK(view.mode == Mode::counter);
    CHECK(view.office_name == "UBND phường Bến Thành");
    CHECK(view.counter == 2);
    CHECK_FALSE(view.kiosk_locked);
    CHECK(view.connection == ConnectionState::unavailable);
    CHECK(view.now == now);
}
