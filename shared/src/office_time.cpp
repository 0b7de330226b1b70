#include "motcua/office_time.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

namespace motcua {
namespace {

// Reads exactly `width` ASCII digits at `pos`; false if any is not a digit.
bool read_digits(std::string_view s, std::size_t pos, std::size_t width, int& out) {
    if (pos + width > s.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

Error bad_time(std::string_view text, std::string_view expected) {
    return make_error(ErrorCode::invalid_time, fmt::format("'{}' is not {}", text, expected));
}

}  // namespace

Result<OfficeZone> OfficeZone::load(std::string_view iana_name) {
    try {
        return OfficeZone(std::string(iana_name), date::locate_zone(iana_name));
    } catch (const std::runtime_error&) {
        return make_error(ErrorCode::unknown_time_zone,
                          fmt::format("unknown time zone '{}' (expected an IANA name such as "
                                      "Asia/Ho_Chi_Minh)",
                                      iana_name));
    }
}

Day OfficeZone::office_day(TimePoint t) const {
    const auto local = zone_->to_local(t);
    return Day{date::floor<date::days>(local)};
}

TimePoint OfficeZone::start_of_day(Day day) const {
    return at_local(day, 0);
}

TimePoint OfficeZone::end_of_day(Day day) const {
    return start_of_day(Day{date::sys_days{day} + date::days{1}});
}

TimePoint OfficeZone::at_local(Day day, int minutes) const {
    const date::local_time<Millis> local{date::local_days{day}.time_since_epoch() +
                                         std::chrono::minutes{minutes}};
    // Vietnam has no daylight saving; `earliest` only matters for zones that do.
    return std::chrono::time_point_cast<Millis>(zone_->to_sys(local, date::choose::earliest));
}

int OfficeZone::minutes_of_day(TimePoint t) const {
    const auto local = zone_->to_local(t);
    const auto since_midnight = local - date::floor<date::days>(local);
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

std::string OfficeZone::format_rfc3339(TimePoint t) const {
    // On every event and answer: formatted with fmt, not iostreams.
    const auto secs = date::floor<std::chrono::seconds>(t);
    const auto info = zone_->get_info(secs);
    // RFC 3339 offsets are whole minutes; historical local mean times are not (Hanoi before
    // 1906 was +07:06:40). Use the whole-minute offset for both the clock and the suffix so the
    // text names the same instant (found by fuzzing).
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset);
    const auto offset_min = offset.count();
    const auto local = secs.time_since_epoch() + offset;
    const auto days = date::floor<date::days>(local);
    const Day ymd{date::sys_days{days}};
    const date::hh_mm_ss<std::chrono::seconds> hms{local - days};
    const char sign = offset_min < 0 ? '-' : '+';
    const auto abs_min = offset_min < 0 ? -offset_min : offset_min;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                       static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), sign, abs_min / 60, abs_min % 60);
}

Result<TimePoint> parse_rfc3339(std::string_view s) {
    static constexpr std::string_view kExpected =
        "an RFC 3339 time such as 2026-11-23T07:30:00+07:00";
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (!read_digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !read_digits(s, 5, 2, mo) ||
        s[7] != '-' || !read_digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') ||
        !read_digits(s, 11, 2, h) || s[13] != ':' || !read_digits(s, 14, 2, mi) || s[16] != ':' ||
        !read_digits(s, 17, 2, se))
        return bad_time(s, kExpected);
    std::size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int scale = 100;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            millis += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start) return bad_time(s, kExpected);
    }
    int offset_min = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (!read_digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !read_digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return bad_time(s, kExpected);
        offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return bad_time(s, kExpected);
    }
    if (pos != s.size()) return bad_time(s, kExpected);
    const Day day{date::year{y}, date::month{static_cast<unsigned>(mo)},
                  date::day{static_cast<unsigned>(d)}};
    if (!day.ok() || h > 23 || mi > 59 || se > 60) return bad_time(s, kExpected);
    const auto t = date::sys_days{day} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                   std::chrono::seconds{se} + Millis{millis} - std::chrono::minutes{offset_min};
    return TimePoint{std::chrono::duration_cast<Millis>(t.time_since_epoch())};
}

Result<Day> parse_day(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || !read_digits(s, 0, 4, y) || s[4] != '-' || !read_digits(s, 5, 2, m) ||
        s[7] != '-' || !read_digits(s, 8, 2, d))
        return make_error(ErrorCode::invalid_date, fmt::format("'{}' is not a date YYYY-MM-DD", s));
    const Day day{date::year{y}, date::month{static_cast<unsigned>(m)},
                  date::day{static_cast<unsigned>(d)}};
    if (!day.ok())
        return make_error(ErrorCode::invalid_date, fmt::format("'{}' is not a calendar date", s));
    return day;
}

std::string format_day(Day day) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                       static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

Result<int> parse_hhmm(std::string_view s) {
    int h = 0, m = 0;
    if (s.size() != 5 || !read_digits(s, 0, 2, h) || s[2] != ':' || !read_digits(s, 3, 2, m) ||
        h > 23 || m > 59)
        return make_error(ErrorCode::invalid_time_of_day,
                          fmt::format("'{}' is not a time of day HH:MM (00:00 to 23:59)", s));
    return h * 60 + m;
}

std::string format_hhmm(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace motcua
