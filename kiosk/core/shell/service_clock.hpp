#pragma once
/// The service's clock as this screen sees it. Ticket and event times are the service's; a TV
/// box without a battery clock (or a service under --test-clock) may disagree with ours, so
/// timers and "how old is this call" are measured on the service's clock, not the screen's.
#include <chrono>
#include <functional>
#include <optional>

#include "motcua/clock.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

class ServiceClock {
public:
    /// The service said it was `service_now` when we read `local_now` on our clock.
    void sample(TimePoint service_now, TimePoint local_now) { offset_ = service_now - local_now; }
    [[nodiscard]] bool known() const { return offset_.has_value(); }
    /// The service's time now; our own until the service has been asked.
    [[nodiscard]] TimePoint now(TimePoint local_now) const {
        return offset_ ? local_now + *offset_ : local_now;
    }

private:
    std::optional<Millis> offset_;
};

/// Where a screen's controller reads the time when the network calls back between frames: the
/// real clocks, or a test's hands.
struct ScreenClocks {
    std::function<std::chrono::steady_clock::time_point()> steady = [] {
        return std::chrono::steady_clock::now();
    };
    std::function<TimePoint()> wall = [] { return SystemClock{}.now(); };
};

/// Whole seconds from `from` to `to`; never negative (clocks a few milliseconds apart).
inline int seconds_since(TimePoint from, TimePoint to) {
    const auto ms = to_epoch_ms(to) - to_epoch_ms(from);
    return ms <= 0 ? 0 : static_cast<int>(ms / 1000);
}

}  // namespace motcua::kiosk
