#pragma once
/// The counter console's side column: who is waiting in the counter's categories (with the
/// oldest wait), the officer's own figures for today, the no-shows that can be put back, and
/// pause / resume and close.
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

void draw_console_side(UiFrame& ui, const Box& box, const ConsoleView& v, ConsoleCommands& out);

/// "Lịch hẹn: chờ đến 2 · đã đến 1 · lỡ hẹn 1": the day's bookings of the counter's categories.
std::string appointments_summary(const Translator& tr, const AppointmentsPanel& p);
/// "Lịch hẹn hôm nay" and its rows (due first), as many as fit `box`; nothing if none fits.
void draw_appointment_rows(UiFrame& ui, Box box, const AppointmentsPanel& p);

}  // namespace motcua::kiosk::ui
