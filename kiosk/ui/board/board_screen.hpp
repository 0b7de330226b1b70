#pragma once
/// The display board ("board"): a 1080p TV on the wall, read from five metres. Every open
/// counter with the number it serves, the last calls with the newest highlighted, people waiting
/// and the estimate per category, the date and time, and a red band when the link is lost.
#include "kiosk/core/board/board_model.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class BoardScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const BoardView& board);

private:
    void draw_counters(UiFrame& ui, Box box, const BoardView& board);
    void draw_calls(UiFrame& ui, Box box, const BoardView& board);
    void draw_categories(UiFrame& ui, const Box& box, const BoardView& board);
};

}  // namespace motcua::kiosk::ui
