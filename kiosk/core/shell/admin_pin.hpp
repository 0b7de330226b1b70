#pragma once
/// The admin PIN that lets ward IT leave full-screen kiosk mode, with a lockout on guessing.
#include <chrono>
#include <string>
#include <string_view>

namespace motcua::kiosk {

struct AdminPinPolicy {
    /// Wrong entries in a row before the pad locks: a curious citizen gets few guesses.
    int max_attempts = 5;
    std::chrono::seconds lockout{60};
};

class AdminPinGate {
public:
    using Clock = std::chrono::steady_clock;
    enum class Verdict { accepted, rejected, locked_out, not_configured };

    /// An empty PIN means none is configured: kiosk mode cannot be left from the screen.
    explicit AdminPinGate(std::string pin, AdminPinPolicy policy = {});

    [[nodiscard]] bool configured() const { return !pin_.empty(); }
    Verdict check(std::string_view entered, Clock::time_point now);
    /// Whole seconds left of a lockout (rounded up), 0 when not locked.
    [[nodiscard]] int lockout_seconds_left(Clock::time_point now) const;

private:
    std::string pin_;
    AdminPinPolicy policy_;
    int wrong_in_a_row_ = 0;
    Clock::time_point locked_until_{};
};

}  // namespace motcua::kiosk
