#pragma once
/// The counter console's side column: who is waiting in the counter's categories (with the
/// oldest wait), the officer's own figures for today, the no-shows that can be put back, and
/// pause / resume and close.
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

void draw_console_side(UiFrame& ui, const Box& box, const ConsoleView& v, ConsoleCommands& out);

}  // namespace motcua::kiosk::ui
