#include "appointments/slots.hpp"

#include <algorithm>

namespace motcua::appointments {

std::vector<Slot> day_slots(const WardConfig& config, const WorkingCalendar& calendar, Day day) {
    std::vector<Slot> out;
    if (!calendar.is_working_day(day)) return out;
    const int length = config.appointments.slot_min;
    for (const auto& session : config.hours) {
        // A slot ends by the close of its session and by the last moment tickets are issued.
        const int end_by = std::min(session.close, config.stop_issuing_at.value_or(session.close));
        for (int start = session.open; start + length <= end_by; start += length)
            out.push_back({start, start + length});
    }
    return out;
}

Day last_bookable_day(const WardConfig& config, const WorkingCalendar& calendar, Day today) {
    return calendar.add_working_days(today, config.appointments.horizon_days);
}

std::vector<Day> bookable_days(const WardConfig& config, const WorkingCalendar& calendar,
                               Day today) {
    std::vector<Day> out;
    const Day last = last_bookable_day(config, calendar, today);
    Day day = calendar.is_working_day(today) ? today : calendar.next_working_day(today);
    while (date::sys_days(day) <= date::sys_days(last)) {
        out.push_back(day);
        day = calendar.next_working_day(day);
    }
    return out;
}

std::vector<Slot> open_slots(const WardConfig& config, const WorkingCalendar& calendar,
                             const OfficeZone& zone, Day day, TimePoint now) {
    const Day today = zone.office_day(now);
    if (date::sys_days(day) < date::sys_days(today) ||
        date::sys_days(day) > date::sys_days(last_bookable_day(config, calendar, today)))
        return {};
    std::vector<Slot> out;
    for (const Slot& s : day_slots(config, calendar, day))
        if (zone.at_local(day, s.start) > now) out.push_back(s);
    return out;
}

std::optional<Slot> find_slot(const WardConfig& config, const WorkingCalendar& calendar, Day day,
                              int start) {
    for (const Slot& s : day_slots(config, calendar, day))
        if (s.start == start) return s;
    return std::nullopt;
}

}  // namespace motcua::appointments
