#pragma once
/// The device a kiosk serves (DESIGN.md §1) and the language its screens speak.
#include <array>
#include <string_view>
#include <utility>

#include "motcua/enum_names.hpp"

namespace motcua::kiosk {

/// One program, five devices: which one this process is.
enum class Mode { ticket, rating, counter, board, reports };

/// Vietnamese first; English for visitors. Switchable at runtime on screen.
enum class Language { vi, en };

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::Mode> {
    static constexpr std::array<std::pair<kiosk::Mode, std::string_view>, 5> names{
        {{kiosk::Mode::ticket, "ticket"},
         {kiosk::Mode::rating, "rating"},
         {kiosk::Mode::counter, "counter"},
         {kiosk::Mode::board, "board"},
         {kiosk::Mode::reports, "reports"}}};
};

template <>
struct EnumNames<kiosk::Language> {
    static constexpr std::array<std::pair<kiosk::Language, std::string_view>, 2> names{
        {{kiosk::Language::vi, "vi"}, {kiosk::Language::en, "en"}}};
};

}  // namespace motcua
