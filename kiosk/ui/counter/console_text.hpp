#pragma once
/// The counter console's and the board's words: action names, outcomes, messages, durations.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/counter/console_messages.hpp"
#include "kiosk/ui/shell/translations.hpp"

namespace motcua::kiosk::ui {

/// "Gọi tiếp"; pause and open follow the counter's state (F7: "Tạm nghỉ" / "Làm việc tiếp").
TextId action_text(ConsoleAction action, CounterState state);
/// "Giải quyết ngay", ... (DESIGN.md §3's outcomes in the ward's words).
TextId outcome_text(FinishOutcome outcome);
/// "Gọi tiếp (F1)": what a button says to the a11y tree and to a screen reader.
std::string with_key(std::string_view text, std::string_view key);
/// "F1" for an action's function key; empty when it has none.
std::string key_name(std::optional<int> function_key);
/// "Esc": the plate of every Cancel.
inline constexpr std::string_view kEscapeKey = "Esc";
/// A running timer: "03:25", or "1:02:03" past an hour.
std::string format_elapsed(int seconds);
/// "6 phút 20 giây" / "6 min 20 s": averages in the officer's figures.
std::string format_duration(const Translator& tr, double seconds);
/// The message in plain words; `subject` is a ticket number, a name or a dossier code, `detail`
/// a category name.
std::string console_message_text(const Translator& tr, ConsoleMessage message,
                                 const std::string& subject, const std::string& detail);

}  // namespace motcua::kiosk::ui
