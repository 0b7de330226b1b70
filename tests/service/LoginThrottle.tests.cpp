// Failed logins per username and per address (DESIGN.md §7), as the ward and the hub count them.
#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "auth/crypto.hpp"
#include "auth/login_throttle.hpp"

using motcua::auth::LoginLimits;
using motcua::auth::LoginThrottle;

TEST_CASE("five failed logins limit that username and that address, nothing else",
          "[auth][login]") {
    LoginThrottle t;
    for (int i = 0; i < 4; ++i) t.note_failure("lan", "10.0.0.5");
    CHECK(t.retry_after_s("lan", "10.0.0.5") == 0);  // an officer who mistypes is not stopped
    t.note_failure("lan", "10.0.0.5");
    const int wait = t.retry_after_s("lan", "10.0.0.5");
    CHECK(wait > 0);
    CHECK(wait <= 300);
    CHECK(t.retry_after_s("lan", "10.0.0.9") > 0);  // the username, from anywhere
    CHECK(t.retry_after_s("mai", "10.0.0.5") > 0);  // anyone, from that address
    CHECK(t.retry_after_s("mai", "10.0.0.9") == 0);

    SECTION("a login that succeeds clears its username, not its address") {
        t.note_success("lan");
        CHECK(t.retry_after_s("lan", "10.0.0.9") == 0);
        CHECK(t.retry_after_s("lan", "10.0.0.5") > 0);
    }
}

TEST_CASE("failed logins leave the count when their window has passed", "[auth][login]") {
    LoginThrottle t(LoginLimits{2, std::chrono::seconds(1)});
    t.note_failure("lan", "10.0.0.5");
    t.note_failure("lan", "10.0.0.5");
    CHECK(t.retry_after_s("lan", "10.0.0.5") == 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    CHECK(t.retry_after_s("lan", "10.0.0.5") == 0);
    t.note_failure("lan", "10.0.0.5");  // a new window: one failure, not three
    CHECK(t.retry_after_s("lan", "10.0.0.5") == 0);
}

TEST_CASE("a flood of made-up usernames does not grow the table without end", "[auth][login]") {
    LoginThrottle t;
    for (int i = 0; i < 70000; ++i)
        t.note_failure("user" + std::to_string(i),
                       "10.1." + std::to_string(i / 250) + "." + std::to_string(i % 250));
    CHECK(t.tracked() <= LoginThrottle::kMaxKeys);
    CHECK(t.tracked() > 0);
}

TEST_CASE("an unknown username is checked against a dummy hash and never passes", "[auth][login]") {
    REQUIRE(motcua::auth::init_crypto().ok());
    const std::string hash = motcua::auth::hash_password("mat-khau").value();
    CHECK(motcua::auth::verify_user_password(&hash, "mat-khau"));
    CHECK_FALSE(motcua::auth::verify_user_password(&hash, "sai"));
    CHECK_FALSE(motcua::auth::verify_user_password(nullptr, "mat-khau"));
    CHECK_FALSE(motcua::auth::verify_user_password(nullptr, "motcua-dummy-password"));
}
