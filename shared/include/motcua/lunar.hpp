#pragma once
/// The Vietnamese lunisolar calendar, computed astronomically at UTC+7 (it differs from the
/// Chinese calendar, computed at UTC+8, in some years): Tết and Hùng Kings' day come from it.
#include "motcua/time.hpp"

namespace motcua::lunar {

struct LunarDate {
    int day = 1;
    int month = 1;
    int year = 2000;
    bool leap = false;  // a leap (intercalary) month
};

/// The offset the calendar is computed at, in hours (Vietnam: +7).
inline constexpr double kVietnamTimeZone = 7.0;

LunarDate from_solar(Day day, double time_zone = kVietnamTimeZone);
/// The solar date of a lunar date; an invalid lunar date (e.g. a leap month that does not
/// exist that year) gives an !ok() Day.
Day to_solar(const LunarDate& lunar, double time_zone = kVietnamTimeZone);

}  // namespace motcua::lunar
