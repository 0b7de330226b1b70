#pragma once
/// Ticket kiosk home ("ticket_home"): where citizens will take a queue number.
#include "kiosk/ui/screen.hpp"

namespace motcua::kiosk::ui {

class TicketHomeScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
