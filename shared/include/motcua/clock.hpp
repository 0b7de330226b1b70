#pragma once
/// Clock: the system clock, or a test clock that stands still until set (DESIGN.md §4).
#include <atomic>

#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace motcua {

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override;
};

/// Stands still; moves only forward (or to the same instant) when set.
class TestClock final : public Clock {
public:
    explicit TestClock(TimePoint start) : now_ms_(to_epoch_ms(start)) {}
    [[nodiscard]] TimePoint now() const override { return from_epoch_ms(now_ms_.load()); }
    /// Fails with `clock_backwards` (and changes nothing) when `t` is earlier than now.
    Status set(TimePoint t);

private:
    std::atomic<std::int64_t> now_ms_;
};

}  // namespace motcua
