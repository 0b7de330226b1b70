#pragma once
/// Counter console: the two choices an action needs before it is sent. "counter_transfer": which
/// category the ticket goes to; "counter_finish": how the visit ended (the six outcomes). Keys
/// 1..9 choose, Esc cancels; nothing is sent until a choice is made.
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class CounterChoiceScreen {
public:
    void draw_transfer(UiFrame& ui, const ShellView& view, const std::string& title,
                       const ConsoleChoiceView& choice, ConsoleCommands& out);
    void draw_finish(UiFrame& ui, const ShellView& view, const std::string& title,
                     const ConsoleChoiceView& choice, ConsoleCommands& out);
};

}  // namespace motcua::kiosk::ui
