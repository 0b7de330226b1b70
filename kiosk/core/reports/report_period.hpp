#pragma once
#include <optional>
#include <string>
/// The periods the reports dashboard offers (today, this week, this month, a custom range) as
/// office days, and the custom range typed by the officer. "Today" is the service's office day
/// (its clock may be a test clock, or simply not the PC's): callers pass it in.
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "motcua/enum_names.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

enum class PeriodKind { today, week, month, custom };

/// Office days from `from` to `to`, both included (the service's report period).
struct ReportPeriod {
    ReportPeriod() = default;
    ReportPeriod(Day first, Day last, std::optional<std::string> one_ward = std::nullopt)
        : from(first), to(last), ward(std::move(one_ward)) {}
    Day from;
    Day to;
    /// On the province hub: the one ward the figures cover (its unit code); none = every ward
    /// the officer may see. A ward service ignores it (it is never set there).
    std::optional<std::string> ward;
    friend bool operator==(const ReportPeriod&, const ReportPeriod&) = default;
};

/// The longest period the service reports on (3 × 366 days): longer ranges are refused there.
inline constexpr int kMaxReportDays = 3 * 366;

/// The office week is Monday to Sunday: the week holding `today`.
ReportPeriod week_of(Day today);
/// The calendar month holding `today`, first to last day.
ReportPeriod month_of(Day today);
/// Today, this week or this month; a custom period is typed (parse_custom_period).
ReportPeriod preset_period(PeriodKind kind, Day today);
/// Number of office days in the period, both ends included.
int period_days(const ReportPeriod& period);

/// Why a typed period is not one. Each is said to the officer in plain words.
enum class PeriodProblem {
    from_empty,         // nothing typed as the first day
    from_malformed,     // not DD/MM/YYYY nor YYYY-MM-DD
    from_no_such_date,  // 31/02/2026
    to_malformed,
    to_no_such_date,
    to_before_from,
    too_long,  // more than kMaxReportDays
};

/// "23/11/2026", "3/1/2026", "23-11-2026", "23.11.2026" (day first, as Vietnamese write dates) or
/// "2026-11-23" (ISO); blanks around are ignored. A well-formed date that is not in the calendar
/// is told apart from a malformed one.
enum class DayTextProblem { empty, malformed, no_such_date };
std::variant<Day, DayTextProblem> parse_office_day(std::string_view text);

/// The range typed in the two fields; an empty second field means the first day alone.
std::variant<ReportPeriod, PeriodProblem> parse_custom_period(std::string_view from,
                                                              std::string_view to);

/// "23/11/2026": how the dashboard writes an office day.
std::string format_day_vn(Day day);

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::PeriodKind> {
    using K = kiosk::PeriodKind;
    static constexpr std::array<std::pair<K, std::string_view>, 4> names{
        {{K::today, "today"}, {K::week, "week"}, {K::month, "month"}, {K::custom, "custom"}}};
};

template <>
struct EnumNames<kiosk::PeriodProblem> {
    using P = kiosk::PeriodProblem;
    static constexpr std::array<std::pair<P, std::string_view>, 7> names{
        {{P::from_empty, "from_empty"},
         {P::from_malformed, "from_malformed"},
         {P::from_no_such_date, "from_no_such_date"},
         {P::to_malformed, "to_malformed"},
         {P::to_no_such_date, "to_no_such_date"},
         {P::to_before_from, "to_before_from"},
         {P::too_long, "too_long"}}};
};

}  // namespace motcua
