#pragma once
/// Numbers and durations the way a ward's reports write them: "1.234", "1.234,5", "81,8 %",
/// "06:53", "1:02:03". Vietnamese groups thousands with '.' and marks decimals with ','; the
/// English screen writes "1,234.5" and "81.8%". Pure functions: no locale is consulted (a kiosk
/// runs in the C locale, and the officer's language is chosen on screen, not by the PC).
#include <cstdint>
#include <string>

#include "kiosk/core/shell/mode.hpp"

namespace motcua::kiosk {

enum class NumberStyle { vi, en };

[[nodiscard]] constexpr NumberStyle number_style(Language lang) {
    return lang == Language::en ? NumberStyle::en : NumberStyle::vi;
}

/// A whole number with thousands grouped: 1234567 -> "1.234.567" (vi), "1,234,567" (en).
std::string format_count(std::int64_t n, NumberStyle style = NumberStyle::vi);
/// `v` rounded half away from zero to `decimals` places (0..6), thousands grouped:
/// 1234.56 -> "1.234,6" (vi, 1 place). Not a number: "—".
std::string format_decimal(double v, int decimals, NumberStyle style = NumberStyle::vi);
/// A percentage with one decimal: 81.8 -> "81,8 %" (vi, with the space Vietnamese typesetting
/// puts before the sign, non-breaking), "81.8%" (en).
std::string format_percent(double pct, NumberStyle style = NumberStyle::vi);
/// A duration rounded to the second: "06:53" under an hour, "1:02:03" from an hour on.
/// Negative durations (clocks a moment apart) read as "00:00".
std::string format_clock_duration(double seconds);

}  // namespace motcua::kiosk
