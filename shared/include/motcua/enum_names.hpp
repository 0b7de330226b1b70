#pragma once
/// Two-way mapping between enums and their snake_case wire names.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace motcua {

/// Specialise with `static constexpr std::array<std::pair<E, std::string_view>, N> names`.
template <typename E>
struct EnumNames;

template <typename E>
constexpr std::string_view to_string(E value) {
    for (const auto& [e, name] : EnumNames<E>::names)
        if (e == value) return name;
    return "?";
}

template <typename E>
constexpr std::optional<E> parse_enum(std::string_view text) {
    for (const auto& [e, name] : EnumNames<E>::names)
        if (name == text) return e;
    return std::nullopt;
}

/// "a, b, c": the accepted names, for error messages.
template <typename E>
std::string enum_choices() {
    std::string out;
    for (const auto& [e, name] : EnumNames<E>::names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace motcua
