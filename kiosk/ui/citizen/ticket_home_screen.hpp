#pragma once
/// Ticket kiosk home ("ticket_home"): one big tile per category with how many people wait and
/// about how long, the priority choice, and the ways to look a dossier up and to rate a finished
/// visit.
#include <cstddef>

#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class TicketHomeScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const TicketHomeView& home, Commands& out);

private:
    /// The line above the tiles: the prompt, "getting your number…", or why no number came.
    void draw_status(UiFrame& ui, const Box& box, const TicketHomeView& home);
    void draw_tiles(UiFrame& ui, const Box& box, const TicketHomeView& home, Commands& out);
    void draw_tile(UiFrame& ui, const Box& box, const CategoryTile& tile,
                   const TicketHomeView& home, Commands& out);
    /// Priority toggle, "Tra cứu hồ sơ" and "Đánh giá dịch vụ"; returns the height it needs at
    /// this width.
    float actions_height(const UiFrame& ui, float width, const TicketHomeView& home) const;
    void draw_actions(UiFrame& ui, const Box& box, const TicketHomeView& home, Commands& out);

    /// The tiles' fonts this frame: 0 the heading and body; larger steps are smaller fonts,
    /// when a tile's words would not fit otherwise (large text).
    std::size_t font_step_ = 0;
};

}  // namespace motcua::kiosk::ui
