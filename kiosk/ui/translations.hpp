#pragma once
/// Every user-visible string, by id, in Vietnamese and English (assets/translations/*.toml).
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/mode.hpp"
#include "motcua/enum_names.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk::ui {

/// Ids of the strings; the wire name (EnumNames below) is the dotted TOML key.
enum class TextId {
    app_name,
    language_switch,
    mode_ticket_title,
    mode_ticket_welcome,
    mode_ticket_note,
    mode_rating_title,
    mode_rating_welcome,
    mode_rating_note,
    mode_counter_title,
    mode_counter_welcome,
    mode_counter_note,
    mode_board_title,
    mode_board_welcome,
    mode_board_note,
    mode_reports_title,
    mode_reports_welcome,
    mode_reports_note,
    connection_online,
    connection_connecting,
    connection_reconnecting,
    unavailable_notice,
    unavailable_detail,
    incompatible_notice,
    incompatible_detail,
    date_format,  // {weekday} {day} {month} {year}
    time_format,  // {hour} {minute}
    weekday_sunday,
    weekday_monday,
    weekday_tuesday,
    weekday_wednesday,
    weekday_thursday,
    weekday_friday,
    weekday_saturday,
    counter_number,  // {counter}
    admin_pin_title,
    admin_pin_label,
    admin_delete,
    admin_cancel,
    admin_confirm,
    admin_wrong,
    admin_locked,  // {seconds}
    admin_not_configured,
};

inline constexpr std::size_t kTextIdCount =
    static_cast<std::size_t>(TextId::admin_not_configured) + 1;

}  // namespace motcua::kiosk::ui

namespace motcua {

template <>
struct EnumNames<kiosk::ui::TextId> {
    using T = kiosk::ui::TextId;
    static constexpr std::array<std::pair<T, std::string_view>, kiosk::ui::kTextIdCount> names{{
        {T::app_name, "app.name"},
        {T::language_switch, "app.language_switch"},
        {T::mode_ticket_title, "mode.ticket.title"},
        {T::mode_ticket_welcome, "mode.ticket.welcome"},
        {T::mode_ticket_note, "mode.ticket.note"},
        {T::mode_rating_title, "mode.rating.title"},
        {T::mode_rating_welcome, "mode.rating.welcome"},
        {T::mode_rating_note, "mode.rating.note"},
        {T::mode_counter_title, "mode.counter.title"},
        {T::mode_counter_welcome, "mode.counter.welcome"},
        {T::mode_counter_note, "mode.counter.note"},
        {T::mode_board_title, "mode.board.title"},
        {T::mode_board_welcome, "mode.board.welcome"},
        {T::mode_board_note, "mode.board.note"},
        {T::mode_reports_title, "mode.reports.title"},
        {T::mode_reports_welcome, "mode.reports.welcome"},
        {T::mode_reports_note, "mode.reports.note"},
        {T::connection_online, "connection.online"},
        {T::connection_connecting, "connection.connecting"},
        {T::connection_reconnecting, "connection.reconnecting"},
        {T::unavailable_notice, "connection.unavailable_notice"},
        {T::unavailable_detail, "connection.unavailable_detail"},
        {T::incompatible_notice, "connection.incompatible_notice"},
        {T::incompatible_detail, "connection.incompatible_detail"},
        {T::date_format, "datetime.date"},
        {T::time_format, "datetime.time"},
        {T::weekday_sunday, "datetime.sunday"},
        {T::weekday_monday, "datetime.monday"},
        {T::weekday_tuesday, "datetime.tuesday"},
        {T::weekday_wednesday, "datetime.wednesday"},
        {T::weekday_thursday, "datetime.thursday"},
        {T::weekday_friday, "datetime.friday"},
        {T::weekday_saturday, "datetime.saturday"},
        {T::counter_number, "counter.number"},
        {T::admin_pin_title, "admin.pin_title"},
        {T::admin_pin_label, "admin.pin_label"},
        {T::admin_delete, "admin.delete"},
        {T::admin_cancel, "admin.cancel"},
        {T::admin_confirm, "admin.confirm"},
        {T::admin_wrong, "admin.wrong"},
        {T::admin_locked, "admin.locked"},
        {T::admin_not_configured, "admin.not_configured"},
    }};
};

}  // namespace motcua

namespace motcua::kiosk::ui {

/// Both languages' tables. Loading fails, naming file and key, when a key is missing, unknown,
/// empty or not a string, so an incomplete translation never reaches a screen.
class Translations {
public:
    /// The tables compiled into the program from assets/translations/.
    static Result<Translations> builtin();
    static Result<Translations> parse(std::string_view vi_toml, std::string_view en_toml);

    [[nodiscard]] const std::string& text(Language lang, TextId id) const;

private:
    using Table = std::array<std::string, kTextIdCount>;
    std::array<Table, 2> tables_;
};

/// The tables seen in one language: what screens use.
class Translator {
public:
    Translator(const Translations& tables, Language lang) : tables_(&tables), lang_(lang) {}

    [[nodiscard]] Language language() const { return lang_; }
    [[nodiscard]] const std::string& operator()(TextId id) const {
        return tables_->text(lang_, id);
    }

    /// Fills named placeholders: tr.format(TextId::counter_number, fmt::arg("counter", 3)).
    /// A broken template (a translator's typo) shows the raw text rather than crash.
    template <typename... Args>
    [[nodiscard]] std::string format(TextId id, const Args&... args) const {
        const std::string& pattern = (*this)(id);
        try {
            return fmt::format(fmt::runtime(pattern), args...);
        } catch (const fmt::format_error&) {
            return pattern;
        }
    }

private:
    const Translations* tables_;
    Language lang_;
};

}  // namespace motcua::kiosk::ui
