#pragma once
/// Booking codes (DESIGN.md §10): 8 characters of an alphabet without look-alikes, what a citizen
/// reads from the booking page, types at the kiosk or scans from its QR code. The service makes
/// and checks them; the kiosk recognises them in what a scanner types.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua {

/// No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a code read aloud or typed from paper is typed right.
inline constexpr std::string_view kAppointmentCodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
inline constexpr std::size_t kAppointmentCodeLength = 8;

/// The character as a code holds it ('k' becomes 'K'); 0 when no code holds it.
[[nodiscard]] char appointment_code_char(char c);

/// A typed or scanned code in its stored form: upper case, spaces and dashes dropped, a link's
/// last path segment taken ("https://…/dat-lich/K7PM3QX9"); nullopt when it is not one.
[[nodiscard]] std::optional<std::string> normalize_appointment_code(std::string_view text);

}  // namespace motcua
