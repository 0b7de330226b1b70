#pragma once
/// Widgets of the officers' screens: a text field typed on a physical keyboard, and a big action
/// button that shows its keyboard shortcut. Both record themselves for the a11y dump.
#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/core/counter/console_messages.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

struct TextFieldState {
    bool submitted = false;  // Enter pressed in it
    bool active = false;     // has the keyboard
};

/// What a field lets through as it is typed.
enum class TextFilter {
    any,
    digits,     // a phone number
    uppercase,  // a dossier code: letters become capitals
};

/// One line of text (ImGui::InputText) in `box`, recorded as a `textbox` named `label`.
/// `password` shows dots; `focus` gives it the keyboard this frame; `hint` shows, muted, while
/// the field is empty.
TextFieldState text_field(UiFrame& ui, const char* id, const Box& box, std::string_view label,
                          char* buffer, std::size_t size, bool password, bool focus,
                          bool enabled = true, std::string_view hint = {},
                          TextFilter filter = TextFilter::any);

/// A big button with a key plate ("F1", "1", "Esc") at its left; the a11y label is
/// "Gọi tiếp (F1)". An empty `key` draws no plate.
bool key_button(UiFrame& ui, const char* id, const Box& box, std::string_view text,
                std::string_view key, ButtonKind kind = ButtonKind::primary, bool enabled = true);
/// Width `key_button` needs for `text` and its plate.
float key_button_width(const UiFrame& ui, std::string_view text, std::string_view key);

/// The tallest console message (or "Đang gửi…") at this width, naming `subject` (the longest
/// ticket number or dossier code the screen shows) and a long category: a message slot that
/// never grows under them.
float console_message_slot(const UiFrame& ui, float width, const std::string& subject);
/// Subjects as long as the console's messages name: a ticket number, a dossier code.
inline constexpr const char* kLongTicketNumber = "A1234";
inline constexpr const char* kLongDossierCode = "000.17.22.H56-261123-0007";
/// The console's notice in `box`: "Đang gửi…" while an action is out, else `message` (a failure
/// as an error, information as information); nothing when there is none. `subject` and `detail`
/// as for console_message_text.
void console_notice(UiFrame& ui, const Box& box, bool sending, ConsoleMessage message,
                    const std::string& subject, const std::string& detail = "");

}  // namespace motcua::kiosk::ui
