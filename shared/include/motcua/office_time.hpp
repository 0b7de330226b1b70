#pragma once
/// Office time zone, office days, and the RFC 3339 / YYYY-MM-DD / HH:MM text forms of the API.
#include <string>
#include <string_view>

#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace date {
class time_zone;
}

namespace motcua {

/// The office's IANA time zone (default Asia/Ho_Chi_Minh), backed by the OS tz database.
class OfficeZone {
public:
    /// Fails with code `unknown_time_zone` when the tz database has no such zone.
    static Result<OfficeZone> load(std::string_view iana_name);

    [[nodiscard]] const std::string& name() const { return name_; }
    /// The office day an instant belongs to (local calendar date).
    [[nodiscard]] Day office_day(TimePoint t) const;
    /// Local midnight that starts `day`.
    [[nodiscard]] TimePoint start_of_day(Day day) const;
    /// Local midnight after `day`: the end of a period that ends on `day` (excluded).
    [[nodiscard]] TimePoint end_of_day(Day day) const;
    /// The instant of local time `minutes` after midnight on `day`.
    [[nodiscard]] TimePoint at_local(Day day, int minutes) const;
    /// Minutes since local midnight.
    [[nodiscard]] int minutes_of_day(TimePoint t) const;
    /// "2026-11-23T07:30:00+07:00": seconds precision, numeric offset of the zone at `t`.
    [[nodiscard]] std::string format_rfc3339(TimePoint t) const;

private:
    OfficeZone(std::string name, const date::time_zone* zone)
        : name_(std::move(name)), zone_(zone) {}
    std::string name_;
    const date::time_zone* zone_;
};

/// Parses RFC 3339 date-time with `Z` or a numeric offset; fractional seconds allowed.
Result<TimePoint> parse_rfc3339(std::string_view text);
/// Strict "YYYY-MM-DD" of a valid calendar date.
Result<Day> parse_day(std::string_view text);
std::string format_day(Day day);
/// Strict "HH:MM" (00:00..23:59) to minutes since midnight.
Result<int> parse_hhmm(std::string_view text);
std::string format_hhmm(int minutes);

}  // namespace motcua
