#include "motcua/clock.hpp"

#include <fmt/format.h>

namespace motcua {

TimePoint SystemClock::now() const {
    return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

Status TestClock::set(TimePoint t) {
    std::int64_t current = now_ms_.load();
    const std::int64_t wanted = to_epoch_ms(t);
    while (true) {
        if (wanted < current)
            return make_error(ErrorCode::clock_backwards,
                              "the test clock only moves forward (or stays): the time given is "
                              "earlier than the clock's current time");
        if (now_ms_.compare_exchange_weak(current, wanted)) return Ok{};
    }
}

}  // namespace motcua
