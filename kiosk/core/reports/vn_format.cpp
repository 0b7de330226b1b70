#include "kiosk/core/reports/vn_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace motcua::kiosk {

namespace {

constexpr int kMaxDecimals = 6;
constexpr std::int64_t kSecondsPerMinute = 60;
constexpr std::int64_t kSecondsPerHour = 3600;
constexpr std::string_view kNoValue = "—";
/// U+00A0: the number and its "%" never part at a line end.
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

char thousands_mark(NumberStyle s) {
    return s == NumberStyle::vi ? '.' : ',';
}

char decimal_mark(NumberStyle s) {
    return s == NumberStyle::vi ? ',' : '.';
}

/// "1234567" -> "1.234.567": digits only, grouped in threes from the right.
std::string group_digits(std::string_view digits, char mark) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += mark;
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string format_count(std::int64_t n, NumberStyle style) {
    // The magnitude as unsigned, so the most negative number has one too.
    const std::uint64_t magnitude =
        n < 0 ? static_cast<std::uint64_t>(-(n + 1)) + 1 : static_cast<std::uint64_t>(n);
    std::string out = n < 0 ? "-" : "";
    out += group_digits(std::to_string(magnitude), thousands_mark(style));
    return out;
}

std::string format_decimal(double v, int decimals, NumberStyle style) {
    if (!std::isfinite(v)) return std::string(kNoValue);
    decimals = std::clamp(decimals, 0, kMaxDecimals);
    const double scale = std::pow(10.0, decimals);
    // Half away from zero, as people round (printf would round 0.25 to 0.2: binary halves).
    const double rounded = std::round(std::abs(v) * scale);
    const std::string digits = fmt::format("{:.0f}", rounded);
    const auto cut = static_cast<std::size_t>(decimals);
    const std::string padded =
        digits.size() <= cut ? std::string(cut + 1 - digits.size(), '0') + digits : digits;
    const std::string whole = padded.substr(0, padded.size() - cut);
    std::string out = v < 0 && rounded > 0 ? "-" : "";  // never "-0,0"
    out += group_digits(whole, thousands_mark(style));
    if (decimals > 0) {
        out += decimal_mark(style);
        out += padded.substr(padded.size() - cut);
    }
    return out;
}

std::string format_percent(double pct, NumberStyle style) {
    std::string out = format_decimal(pct, 1, style);
    if (style == NumberStyle::vi) out += kNoBreakSpace;
    out += '%';
    return out;
}

std::string format_clock_duration(double seconds) {
    const std::int64_t total =
        std::isfinite(seconds) && seconds > 0 ? std::llround(seconds) : std::int64_t{0};
    const std::int64_t h = total / kSecondsPerHour;
    const std::int64_t m = (total % kSecondsPerHour) / kSecondsPerMinute;
    const std::int64_t s = total % kSecondsPerMinute;
    if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{:02}:{:02}", m, s);
}

}  // namespace motcua::kiosk
