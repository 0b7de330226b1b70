#include "documents/vn_text.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <array>
#include <utility>

#include "documents/pdf_canvas.hpp"

namespace motcua::documents {

namespace {

// Decree 30/2020 pads days below 10 and the months January and February with a zero, so that
// nobody can add a digit in front of them by hand.
constexpr unsigned kPadDaysBelow = 10;
constexpr unsigned kPadMonthsBelow = 3;
constexpr int kMinutesPerHour = 60;

// The administrative units a ward office may be named after, lower case as they appear inside
// a name ("Trung tâm Phục vụ hành chính công phường Bến Thành").
constexpr std::array<std::string_view, 4> kLocalUnits{"phường ", "xã ", "thị trấn ", "đặc khu "};
constexpr std::string_view kSocialAffairs = "xã hội";

// "phường Bến Thành" -> "Phường Bến Thành", "đặc khu" -> "Đặc khu".
std::string capitalise(std::string_view text) {
    if (text.empty()) return {};
    const std::string s(text);
    const gchar* second = g_utf8_next_char(s.c_str());
    const auto first_len = static_cast<std::size_t>(second - s.c_str());
    std::string out = upper(std::string_view(s).substr(0, first_len));
    out += s.substr(first_len);
    return out;
}

}  // namespace

std::string short_date(Day day) {
    return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(day.day()),
                       static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
}

std::string long_date(Day day) {
    const auto d = static_cast<unsigned>(day.day());
    const auto m = static_cast<unsigned>(day.month());
    return fmt::format("ngày {} tháng {} năm {}",
                       d < kPadDaysBelow ? fmt::format("{:02}", d) : std::to_string(d),
                       m < kPadMonthsBelow ? fmt::format("{:02}", m) : std::to_string(m),
                       static_cast<int>(day.year()));
}

std::string clock_time(int minutes) {
    return fmt::format("{:02} giờ {:02} phút", minutes / kMinutesPerHour,
                       minutes % kMinutesPerHour);
}

std::string time_and_date(TimePoint t, const OfficeZone& zone) {
    std::string out = clock_time(zone.minutes_of_day(t));
    out += ", ";
    out += long_date(zone.office_day(t));
    return out;
}

std::string short_date_time(TimePoint t, const OfficeZone& zone) {
    const int minutes = zone.minutes_of_day(t);
    return fmt::format("{} {:02}:{:02}", short_date(zone.office_day(t)), minutes / kMinutesPerHour,
                       minutes % kMinutesPerHour);
}

std::string money(std::int64_t dong) {
    const bool negative = dong < 0;
    std::string digits = std::to_string(negative ? -dong : dong);
    std::string grouped;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) grouped += '.';
        grouped += digits[i];
    }
    std::string out = negative ? "-" : "";
    out += grouped;
    out += " đồng";
    return out;
}

std::string upper(std::string_view text) {
    const std::string clean = clean_text(text);
    gchar* up = g_utf8_strup(clean.c_str(), static_cast<gssize>(clean.size()));
    std::string out(up);
    g_free(up);
    return out;
}

std::pair<std::string, std::string> split_office_name(std::string_view office_name) {
    const std::string clean = clean_text(office_name);
    for (const std::string_view unit : kLocalUnits) {
        // The last mention of the unit, as a word of its own ("xã" but not inside "xã hội" of an
        // earlier part), or the unit capitalised at the very start ("Phường Bến Thành").
        std::size_t at = clean.rfind(unit);
        // "xã hội" (social affairs, a common department name) is no commune: look further back.
        while (at != std::string::npos &&
               clean.compare(at, kSocialAffairs.size(), kSocialAffairs) == 0)
            at = at == 0 ? std::string::npos : clean.rfind(unit, at - 1);
        if (at != std::string::npos && at > 0 && clean[at - 1] != ' ') at = std::string::npos;
        if (at == std::string::npos &&
            clean.compare(0, capitalise(unit).size(), capitalise(unit)) == 0)
            at = 0;
        if (at == std::string::npos || at + unit.size() >= clean.size()) continue;
        std::string body = clean.substr(0, at);
        while (!body.empty() && body.back() == ' ') body.pop_back();
        return {body, clean.substr(at)};
    }
    return {clean, {}};
}

std::string place_of(std::string_view office_name) {
    return capitalise(split_office_name(office_name).second);
}

std::string place_and_date(std::string_view office_name, Day day) {
    const std::string place = place_of(office_name);
    std::string date = long_date(day);
    if (place.empty()) {
        date[0] = 'N';  // "ngày" starts the line
        return date;
    }
    std::string out = place;
    out += ", ";
    out += date;
    return out;
}

}  // namespace motcua::documents
