#include "motcua/calendar.hpp"

#include <algorithm>

#include "motcua/lunar.hpp"

namespace motcua {
namespace {

Day plus(Day d, int n) {
    return Day{date::sys_days{d} + date::days{n}};
}
bool weekend(Day d) {
    const auto wd = date::weekday{date::sys_days{d}}.c_encoding();
    return wd == 0 || wd == 6;
}
Day ymd(int y, unsigned m, unsigned d) {
    return Day{date::year{y}, date::month{m}, date::day{d}};
}

}  // namespace

WorkingCalendar::WorkingCalendar(std::vector<Day> extra_days_off,
                                 std::vector<Day> extra_working_days)
    : extra_off_(std::move(extra_days_off)), extra_working_(std::move(extra_working_days)) {}

WorkingCalendar::WorkingCalendar(const WardConfig& config)
    : WorkingCalendar(config.extra_days_off, config.extra_working_days) {}

std::vector<Holiday> WorkingCalendar::holidays(int year) const {
    std::lock_guard lock(cache_mutex_);
    for (const auto& [y, list] : cache_)
        if (y == year) return list;
    std::vector<Holiday> list;
    list.push_back({ymd(year, 1, 1), "Tết Dương lịch"});
    // Tết of the lunar year starting in this solar year.
    const Day new_year = lunar::to_solar({1, 1, year, false});
    list.push_back({plus(new_year, -1), "Tết Nguyên đán (ngày cuối năm Âm lịch)"});
    for (int i = 0; i < 4; ++i) list.push_back({plus(new_year, i), "Tết Nguyên đán"});
    list.push_back({lunar::to_solar({10, 3, year, false}), "Giỗ Tổ Hùng Vương"});
    list.push_back({ymd(year, 4, 30), "Ngày Chiến thắng"});
    list.push_back({ymd(year, 5, 1), "Ngày Quốc tế Lao động"});
    const Day national = ymd(year, 9, 2);
    const bool tuesday = date::weekday{date::sys_days{national}} == date::Tuesday;
    list.push_back({national, "Quốc khánh"});
    list.push_back({plus(national, tuesday ? -1 : 1), "Quốc khánh (ngày liền kề)"});
    std::sort(list.begin(), list.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    // A holiday on a weekend gives a day off on the next day that is neither weekend nor holiday.
    std::vector<Holiday> substitutes;
    for (const auto& h : list) {
        if (!weekend(h.day)) continue;
        Day d = plus(h.day, 1);
        const auto taken = [&](Day x) {
            return weekend(x) ||
                   std::any_of(list.begin(), list.end(),
                               [&](const Holiday& o) { return o.day == x; }) ||
                   std::any_of(substitutes.begin(), substitutes.end(),
                               [&](const Holiday& o) { return o.day == x; });
        };
        while (taken(d)) d = plus(d, 1);
        substitutes.push_back({d, "Nghỉ bù " + h.name_vi, true});
    }
    list.insert(list.end(), substitutes.begin(), substitutes.end());
    std::sort(list.begin(), list.end(),
              [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    cache_.emplace_back(year, list);
    return list;
}

bool WorkingCalendar::is_holiday(Day day) const {
    // Tết of next year's lunar calendar can start in late January/February only, so the solar
    // year's own list is enough.
    for (const auto& h : holidays(static_cast<int>(day.year())))
        if (h.day == day) return true;
    return false;
}

bool WorkingCalendar::is_working_day(Day day) const {
    if (std::find(extra_working_.begin(), extra_working_.end(), day) != extra_working_.end())
        return true;
    if (std::find(extra_off_.begin(), extra_off_.end(), day) != extra_off_.end()) return false;
    return !weekend(day) && !is_holiday(day);
}

Day WorkingCalendar::next_working_day(Day day) const {
    Day d = plus(day, 1);
    while (!is_working_day(d)) d = plus(d, 1);
    return d;
}

Day WorkingCalendar::add_working_days(Day day, int n) const {
    Day d = is_working_day(day) ? day : next_working_day(day);
    for (int i = 0; i < n; ++i) d = next_working_day(d);
    return d;
}

Day WorkingCalendar::due_date(TimePoint received, int legal_days, int cutoff_minutes,
                              const OfficeZone& zone) const {
    const Day day = zone.office_day(received);
    // Received after the cut-off or on a rest day: as if received on the next working day.
    const bool counts_today = is_working_day(day) && zone.minutes_of_day(received) < cutoff_minutes;
    const Day receipt = counts_today ? day : next_working_day(day);
    return add_working_days(receipt, legal_days);
}

}  // namespace motcua
