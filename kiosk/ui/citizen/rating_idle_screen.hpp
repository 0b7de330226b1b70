#pragma once
/// The rating pad between citizens ("rating_idle"): which counter it faces, who is on duty, and
/// an invitation to rate after being served. Levels appear when the counter finishes a ticket.
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class RatingIdleScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const RatingIdleView& idle);
};

}  // namespace motcua::kiosk::ui
