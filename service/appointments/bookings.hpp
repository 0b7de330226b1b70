#pragma once
/// Booking rules (DESIGN.md §10), pure: the code a citizen carries, the phone number (checked,
/// normalised, masked), the check-in window, and how many places of a slot are taken.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "motcua/appointment_code.hpp"
#include "motcua/config.hpp"
#include "motcua/domain.hpp"
#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace motcua::appointments {

/// A Vietnamese phone number as stored: digits only, "+84" written as "0", 10 or 11 digits
/// starting with 0 (mobiles have 10). Error `invalid_field` naming the problem.
[[nodiscard]] Result<std::string> normalize_phone(std::string_view text);

/// "09•• ••• 123": what every answer but the officers' list shows of a phone number.
[[nodiscard]] std::string mask_phone(std::string_view phone);

/// Where `now` stands against the check-in window of a slot starting at `start`: open from
/// `early_checkin_min` before the start to `late_grace_min` after it.
enum class CheckIn { too_early, open, missed };
[[nodiscard]] CheckIn check_in_window(const AppointmentSettings& settings, TimePoint start,
                                      TimePoint now);

/// A place held in a slot, as far as capacity is concerned.
struct Place {
    AppointmentState state = AppointmentState::booked;
    std::optional<TimePoint> cancelled_at;
};

/// A cancelled place is free for others this long after the cancel (no trading of slots).
inline constexpr auto kCancelledPlaceHeld = std::chrono::minutes(10);

/// Places of one slot that are taken at `now`: booked, checked in or missed, and those
/// cancelled less than ten minutes ago.
[[nodiscard]] int taken_places(const std::vector<Place>& places, TimePoint now);

}  // namespace motcua::appointments
