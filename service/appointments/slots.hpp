#pragma once
/// Appointment slots (DESIGN.md §10), pure: which days and which times a citizen may book.
/// Slots are cut from the office hours of working days (holidays and swapped days of the
/// calendar respected), each wholly inside one session and ending by `stop_issuing_at`; a
/// booking is for a slot that has not started, on a day from today up to the horizon.
#include <vector>

#include "motcua/calendar.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "motcua/time.hpp"

namespace motcua::appointments {

/// Minutes since local midnight, [start, end).
struct Slot {
    int start = 0;
    int end = 0;
    friend bool operator==(const Slot&, const Slot&) = default;
};

/// Every slot of `day` by the office hours; none on a rest day.
[[nodiscard]] std::vector<Slot> day_slots(const WardConfig& config, const WorkingCalendar& calendar,
                                          Day day);

/// The last day a booking made on `today` may be for: the `horizon_days`-th working day after
/// today.
[[nodiscard]] Day last_bookable_day(const WardConfig& config, const WorkingCalendar& calendar,
                                    Day today);

/// The working days from `today` to the horizon, in order.
[[nodiscard]] std::vector<Day> bookable_days(const WardConfig& config,
                                             const WorkingCalendar& calendar, Day today);

/// The slots of `day` a citizen may book at `now`: the day lies within the horizon and the slot
/// has not started yet.
[[nodiscard]] std::vector<Slot> open_slots(const WardConfig& config,
                                           const WorkingCalendar& calendar, const OfficeZone& zone,
                                           Day day, TimePoint now);

/// The slot of `day` that starts at `start` (minutes), if there is one.
[[nodiscard]] std::optional<Slot> find_slot(const WardConfig& config,
                                            const WorkingCalendar& calendar, Day day, int start);

}  // namespace motcua::appointments
