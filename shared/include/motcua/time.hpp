#pragma once
/// Time vocabulary: instants in UTC milliseconds, office days as calendar dates.
#include <date/date.h>

#include <chrono>

namespace motcua {

using Millis = std::chrono::milliseconds;
/// An instant, UTC, millisecond precision. Stored in SQLite as integer ms since epoch.
using TimePoint = std::chrono::sys_time<Millis>;
/// A calendar date in the office's time zone (an "office day").
using Day = date::year_month_day;

inline std::int64_t to_epoch_ms(TimePoint t) {
    return t.time_since_epoch().count();
}
inline TimePoint from_epoch_ms(std::int64_t ms) {
    return TimePoint{Millis{ms}};
}

}  // namespace motcua
