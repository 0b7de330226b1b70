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
    mode_rating_title,
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
    ticket_prompt,
    ticket_waiting_estimate,
    ticket_waiting_count,
    ticket_waiting_none,
    ticket_priority_button,
    ticket_priority_chosen,
    ticket_priority_clear,
    ticket_rate_button,
    ticket_loading,
    ticket_issuing,
    ticket_problem_unreachable,
    ticket_problem_stopped,
    ticket_problem_refused,
    priority_heading,
    priority_note,
    issued_your_number,
    issued_counters,
    issued_ahead,
    issued_ahead_none,
    issued_estimate,
    issued_estimate_none,
    issued_qr_caption,
    issued_printing,
    issued_printed,
    issued_print_failed,
    issued_no_printer,
    issued_remember,
    issued_done,
    issued_countdown,
    slip_issued_at,
    slip_footer,
    rating_levels_heading,
    rating_ticket_number,
    rating_reasons_heading,
    rating_reasons_note,
    reason_attitude,
    reason_long_wait,
    reason_unclear_guidance,
    reason_several_trips,
    reason_other,
    rating_submit,
    rating_sending,
    rating_thanks,
    rating_thanks_note,
    rating_already_rated,
    rating_idle_welcome,
    rating_officer,
    rating_counter_closed,
    rating_counter_paused,
    rating_unknown_number,
    rating_not_served,
    rating_not_accepted,
    keypad_heading,
    keypad_hint,
    keypad_label,
    keypad_delete,
    keypad_confirm,
    common_back,
};

inline constexpr std::size_t kTextIdCount = static_cast<std::size_t>(TextId::common_back) + 1;

}  // namespace motcua::kiosk::ui

namespace motcua {

template <>
struct EnumNames<kiosk::ui::TextId> {
    using T = kiosk::ui::TextId;
    static constexpr std::array<std::pair<T, std::string_view>, kiosk::ui::kTextIdCount> names{{
        {T::app_name, "app.name"},
        {T::language_switch, "app.language_switch"},
        {T::mode_ticket_title, "mode.ticket.title"},
        {T::mode_rating_title, "mode.rating.title"},
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
        {T::ticket_prompt, "ticket.prompt"},
        {T::ticket_waiting_estimate, "ticket.waiting_estimate"},
        {T::ticket_waiting_count, "ticket.waiting_count"},
        {T::ticket_waiting_none, "ticket.waiting_none"},
        {T::ticket_priority_button, "ticket.priority_button"},
        {T::ticket_priority_chosen, "ticket.priority_chosen"},
        {T::ticket_priority_clear, "ticket.priority_clear"},
        {T::ticket_rate_button, "ticket.rate_button"},
        {T::ticket_loading, "ticket.loading"},
        {T::ticket_issuing, "ticket.issuing"},
        {T::ticket_problem_unreachable, "ticket.problem_unreachable"},
        {T::ticket_problem_stopped, "ticket.problem_stopped"},
        {T::ticket_problem_refused, "ticket.problem_refused"},
        {T::priority_heading, "priority.heading"},
        {T::priority_note, "priority.note"},
        {T::issued_your_number, "issued.your_number"},
        {T::issued_counters, "issued.counters"},
        {T::issued_ahead, "issued.ahead"},
        {T::issued_ahead_none, "issued.ahead_none"},
        {T::issued_estimate, "issued.estimate"},
        {T::issued_estimate_none, "issued.estimate_none"},
        {T::issued_qr_caption, "issued.qr_caption"},
        {T::issued_printing, "issued.printing"},
        {T::issued_printed, "issued.printed"},
        {T::issued_print_failed, "issued.print_failed"},
        {T::issued_no_printer, "issued.no_printer"},
        {T::issued_remember, "issued.remember"},
        {T::issued_done, "issued.done"},
        {T::issued_countdown, "issued.countdown"},
        {T::slip_issued_at, "slip.issued_at"},
        {T::slip_footer, "slip.footer"},
        {T::rating_levels_heading, "rating.levels_heading"},
        {T::rating_ticket_number, "rating.ticket_number"},
        {T::rating_reasons_heading, "rating.reasons_heading"},
        {T::rating_reasons_note, "rating.reasons_note"},
        {T::reason_attitude, "rating.reason.attitude"},
        {T::reason_long_wait, "rating.reason.long_wait"},
        {T::reason_unclear_guidance, "rating.reason.unclear_guidance"},
        {T::reason_several_trips, "rating.reason.several_trips"},
        {T::reason_other, "rating.reason.other"},
        {T::rating_submit, "rating.submit"},
        {T::rating_sending, "rating.sending"},
        {T::rating_thanks, "rating.thanks"},
        {T::rating_thanks_note, "rating.thanks_note"},
        {T::rating_already_rated, "rating.already_rated"},
        {T::rating_idle_welcome, "rating.idle_welcome"},
        {T::rating_officer, "rating.officer"},
        {T::rating_counter_closed, "rating.counter_closed"},
        {T::rating_counter_paused, "rating.counter_paused"},
        {T::rating_unknown_number, "rating.unknown_number"},
        {T::rating_not_served, "rating.not_served"},
        {T::rating_not_accepted, "rating.not_accepted"},
        {T::keypad_heading, "keypad.heading"},
        {T::keypad_hint, "keypad.hint"},
        {T::keypad_label, "keypad.label"},
        {T::keypad_delete, "keypad.delete"},
        {T::keypad_confirm, "keypad.confirm"},
        {T::common_back, "common.back"},
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
