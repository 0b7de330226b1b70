#include "kiosk/core/reports/report_period.hpp"

#include <fmt/format.h>

#include <charconv>
#include <vector>

namespace motcua::kiosk {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// Splits "23/11/2026" at one separator kind; empty when the text mixes them or has others.
std::vector<std::string_view> split_date(std::string_view s) {
    char sep = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') continue;
        if (c != '/' && c != '-' && c != '.') return {};
        if (sep != 0 && c != sep) return {};
        sep = c;
    }
    std::vector<std::string_view> parts;
    if (sep == 0) return parts;
    std::size_t at = 0;
    for (;;) {
        const std::size_t next = s.find(sep, at);
        parts.push_back(s.substr(at, next - at));
        if (next == std::string_view::npos) break;
        at = next + 1;
    }
    return parts;
}

/// Digits only, `min`..`max` of them.
std::optional<int> number(std::string_view s, std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return std::nullopt;
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

constexpr int kFirstYear = 1900;  // earlier than any ward's records; keeps typos out
constexpr int kLastYear = 9999;

PeriodProblem problem_of(DayTextProblem p, bool first) {
    if (p == DayTextProblem::no_such_date)
        return first ? PeriodProblem::from_no_such_date : PeriodProblem::to_no_such_date;
    return first ? PeriodProblem::from_malformed : PeriodProblem::to_malformed;
}

}  // namespace

ReportPeriod week_of(Day today) {
    const date::sys_days d{today};
    // Monday first (ISO): c_encoding is 0 for Sunday, so Sunday is 6 days after Monday.
    const unsigned since_monday = (date::weekday{d}.c_encoding() + 6) % 7;
    const date::sys_days monday = d - date::days{since_monday};
    return {Day{monday}, Day{monday + date::days{6}}};
}

ReportPeriod month_of(Day today) {
    const date::year_month ym{today.year(), today.month()};
    return {Day{ym / date::day{1}}, Day{ym / date::last}};
}

ReportPeriod preset_period(PeriodKind kind, Day today) {
    switch (kind) {
        case PeriodKind::week:
            return week_of(today);
        case PeriodKind::month:
            return month_of(today);
        case PeriodKind::today:
        case PeriodKind::custom:  // a custom period is typed; today is where its fields start
            break;
    }
    return {today, today};
}

int period_days(const ReportPeriod& period) {
    return static_cast<int>((date::sys_days{period.to} - date::sys_days{period.from}).count()) + 1;
}

std::variant<Day, DayTextProblem> parse_office_day(std::string_view text) {
    text = trim(text);
    if (text.empty()) return DayTextProblem::empty;
    const auto parts = split_date(text);
    if (parts.size() != 3) return DayTextProblem::malformed;
    std::optional<int> y;
    std::optional<int> m;
    std::optional<int> d;
    if (parts[0].size() == 4 && text[4] == '-') {  // ISO: 2026-11-23
        y = number(parts[0], 4, 4);
        m = number(parts[1], 2, 2);
        d = number(parts[2], 2, 2);
    } else {  // day first: 23/11/2026, 3/1/2026
        d = number(parts[0], 1, 2);
        m = number(parts[1], 1, 2);
        y = number(parts[2], 4, 4);
    }
    if (!y || !m || !d) return DayTextProblem::malformed;
    if (*y < kFirstYear || *y > kLastYear) return DayTextProblem::no_such_date;
    const Day day{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                  date::day{static_cast<unsigned>(*d)}};
    if (!day.ok()) return DayTextProblem::no_such_date;
    return day;
}

std::variant<ReportPeriod, PeriodProblem> parse_custom_period(std::string_view from,
                                                              std::string_view to) {
    const auto first = parse_office_day(from);
    if (const auto* p = std::get_if<DayTextProblem>(&first))
        return *p == DayTextProblem::empty ? PeriodProblem::from_empty : problem_of(*p, true);
    ReportPeriod period{std::get<Day>(first), std::get<Day>(first)};
    const auto last = parse_office_day(to);
    if (const auto* p = std::get_if<DayTextProblem>(&last)) {
        if (*p != DayTextProblem::empty) return problem_of(*p, false);
    } else {
        period.to = std::get<Day>(last);
    }
    if (date::sys_days{period.to} < date::sys_days{period.from})
        return PeriodProblem::to_before_from;
    if (period_days(period) > kMaxReportDays) return PeriodProblem::too_long;
    return period;
}

std::string format_day_vn(Day day) {
    return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(day.day()),
                       static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
}

}  // namespace motcua::kiosk
