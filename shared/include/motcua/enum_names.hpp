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

/// `text` as one of `among` only: a program that answers some of an enum's values.
template <typename E, std::size_t N>
constexpr std::optional<E> parse_enum(std::string_view text, const std::array<E, N>& among) {
    const auto e = parse_enum<E>(text);
    for (const E allowed : among)
        if (e == allowed) return e;
    return std::nullopt;
}

/// "a, b": the names of `among`, for error messages.
template <typename E, std::size_t N>
std::string enum_choices(const std::array<E, N>& among) {
    std::string out;
    for (const E e : among) {
        if (!out.empty()) out += ", ";
        out += to_string(e);
    }
    return out;
}

/// Every value, in the names' order.
template <typename E>
constexpr auto enum_values() {
    std::array<E, EnumNames<E>::names.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = EnumNames<E>::names[i].first;
    return out;
}

}  // namespace motcua
