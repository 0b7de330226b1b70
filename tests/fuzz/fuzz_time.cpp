// Fuzz target: RFC 3339, date and HH:MM parsers; what parses formats back to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "motcua/office_time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const auto zone = *motcua::OfficeZone::load("Asia/Ho_Chi_Minh");
    if (auto t = motcua::parse_rfc3339(text)) {
        // Whole seconds survive a round trip through the zone's format.
        const auto whole = std::chrono::floor<std::chrono::seconds>(*t);
        auto again = motcua::parse_rfc3339(zone.format_rfc3339(*t));
        if (!again || *again != whole) __builtin_trap();
    }
    if (auto d = motcua::parse_day(text))
        if (motcua::format_day(*d) != text) __builtin_trap();
    if (auto m = motcua::parse_hhmm(text))
        if (motcua::format_hhmm(*m) != text) __builtin_trap();
    return 0;
}
