#include "appointments/bookings.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::appointments {

Result<std::string> normalize_phone(std::string_view text) {
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            digits.push_back(c);
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != ' ' && c != '.' && c != '-')
            return make_error(ErrorCode::invalid_field,
                              "field 'phone' may hold only digits, spaces, dots and dashes");
    }
    if (plus) {
        if (digits.rfind("84", 0) != 0)
            return make_error(ErrorCode::invalid_field,
                              "field 'phone' must be a Vietnamese number (+84)");
        // "84…" becomes "0…": drop the 8, write 0 over the 4.
        digits.erase(0, 1);
        digits[0] = '0';
    }
    if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0')
        return make_error(ErrorCode::invalid_field,
                          "field 'phone' must be a Vietnamese number of 10 or 11 digits "
                          "starting with 0");
    return digits;
}

std::string mask_phone(std::string_view phone) {
    if (phone.size() < 6) return std::string(phone.size(), '*');
    // The first two digits and the last three show; every other digit is a dot, in groups as
    // the number is read: 09•• ••• 123.
    std::string out(phone.substr(0, 2));
    const std::size_t hidden = phone.size() - 5;
    for (std::size_t i = 0; i < hidden; ++i) {
        if (i == 2 || (i > 2 && (i - 2) % 3 == 0)) out += ' ';
        out += "•";
    }
    out += ' ';
    out += phone.substr(phone.size() - 3);
    return out;
}

CheckIn check_in_window(const AppointmentSettings& settings, TimePoint start, TimePoint now) {
    if (now < start - std::chrono::minutes(settings.early_checkin_min)) return CheckIn::too_early;
    if (now > start + std::chrono::minutes(settings.late_grace_min)) return CheckIn::missed;
    return CheckIn::open;
}

int taken_places(const std::vector<Place>& places, TimePoint now) {
    return static_cast<int>(std::count_if(places.begin(), places.end(), [&](const Place& p) {
        if (p.state != AppointmentState::cancelled) return true;
        return p.cancelled_at && now - *p.cancelled_at < kCancelledPlaceHeld;
    }));
}

}  // namespace motcua::appointments
