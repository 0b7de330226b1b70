#pragma once
/// Counter console: the officer's desk ("counter_console"). The current ticket big with its
/// timers, the six actions as big buttons with their F-keys, and beside them who is waiting, the
/// officer's own day, the no-shows, pause and close.
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class CounterConsoleScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const ConsoleView& console, ConsoleCommands& out);

private:
    void draw_card(UiFrame& ui, const Box& box, const ConsoleView& v, ConsoleCommands& out);
    void draw_ticket(UiFrame& ui, const Box& box, const CurrentTicketView& t);
    void draw_actions(UiFrame& ui, const Box& box, const ConsoleView& v, ConsoleCommands& out);
};

/// The title of the console's screens: the counter's name, else "Quầy số 3".
std::string console_title(const UiFrame& ui, int counter, const std::string& counter_name);

}  // namespace motcua::kiosk::ui
