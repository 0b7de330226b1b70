#pragma once
/// Working days of a Vietnamese public office and legal due dates of dossiers (DESIGN.md §3,
/// reference: Labour Code 2019 art. 111–112, Civil Code 2015 art. 147–148).
#include <mutex>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "motcua/time.hpp"

namespace motcua {

struct Holiday {
    Day day;
    std::string name_vi;
    bool substitute = false;  // nghỉ bù: a holiday fell on a weekend
};

/// Safe to share between threads.
class WorkingCalendar {
public:
    /// Overrides decided each year: extra days off (Tết bridges, swaps) and worked weekend days.
    WorkingCalendar(std::vector<Day> extra_days_off, std::vector<Day> extra_working_days);
    explicit WorkingCalendar(const WardConfig& config);

    /// Statutory holidays of a solar year with their substitute days, in date order:
    /// 1 January; Tết (the lunar year's last day and the first four days of the new year);
    /// Hùng Kings' day (10th day of the 3rd lunar month); 30 April; 1 May; 2 September and one
    /// adjacent day (the day before when 2 September is a Tuesday, else the day after — the
    /// Prime Minister decides each year: put the actual days in the config's overrides).
    [[nodiscard]] std::vector<Holiday> holidays(int year) const;
    [[nodiscard]] bool is_working_day(Day day) const;
    [[nodiscard]] Day next_working_day(Day day) const;  // strictly after `day`
    /// The n-th working day after `day` (n = 0: `day` itself if it is a working day, else the
    /// next).
    [[nodiscard]] Day add_working_days(Day day, int n) const;

    /// Due date of a dossier received at `received`: counting starts the day after receipt (after
    /// the next working day when received after the cut-off or on a rest day); 0 legal days means
    /// the same working day.
    [[nodiscard]] Day due_date(TimePoint received, int legal_days, int cutoff_minutes,
                               const OfficeZone& zone) const;

private:
    [[nodiscard]] bool is_holiday(Day day) const;
    std::vector<Day> extra_off_;
    std::vector<Day> extra_working_;
    mutable std::mutex cache_mutex_;
    mutable std::vector<std::pair<int, std::vector<Holiday>>> cache_;  // year -> holidays
};

}  // namespace motcua
