#pragma once
/// The priority step ("ticket_priority"): the office's priority groups (config
/// [priority.reasons]) as big buttons; choosing one makes the next ticket a priority ticket.
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class TicketPriorityScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const TicketPriorityView& priority,
              Commands& out);
};

}  // namespace motcua::kiosk::ui
