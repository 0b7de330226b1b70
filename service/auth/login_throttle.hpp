#pragma once
/// Failed logins counted per username and per client address (DESIGN.md §7), for the ward and the
/// hub alike: after `max_failures` within `window` of the first, that username or address is
/// refused until the window has passed.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua::auth {

/// Failed logins allowed per username and per address within the window before 429.
struct LoginLimits {
    int max_failures = 5;
    std::chrono::seconds window{300};
};

/// Thread-safe. Bounded: a flood of made-up usernames cannot grow the table without end.
class LoginThrottle {
public:
    explicit LoginThrottle(LoginLimits limits = {}) : limits_(limits) {}

    /// Seconds until a login of `username` from `address` is allowed again (0: now).
    int retry_after_s(std::string_view username, std::string_view address);
    void note_failure(std::string_view username, std::string_view address);
    /// A login that succeeded clears its username's failures (not its address's).
    void note_success(std::string_view username);
    [[nodiscard]] const LoginLimits& limits() const { return limits_; }
    /// Usernames and addresses with failures on record.
    std::size_t tracked();

    static constexpr std::size_t kMaxKeys = 50000;

private:
    using Clock = std::chrono::steady_clock;
    int wait_s(const std::string& key, Clock::time_point now);
    void count(const std::string& key, Clock::time_point now);

    LoginLimits limits_;
    std::mutex mutex_;
    struct Failures {
        int count = 0;
        Clock::time_point first;
    };
    std::unordered_map<std::string, Failures> failures_;  // "u:NAME" and "a:ADDRESS"
};

/// Checks `password` against `hash`, or against a fixed dummy hash when there is no such user
/// (`hash` null), so that the time taken does not tell who exists. False for no user.
bool verify_user_password(const std::string* hash, std::string_view password);

}  // namespace motcua::auth
