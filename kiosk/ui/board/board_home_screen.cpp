#include "kiosk/ui/board/board_home_screen.hpp"

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void BoardHomeScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("board_home");
    draw_header(ui, view, ui.tr(TextId::mode_board_title));
    // A wall TV is read from across the room: the time in the ticket-number size above the text.
    const Box body = content_box(ui);
    const float clock_h = font_px(ui.fonts.huge);
    label(ui, Box{body.min, {body.max.x, body.min.y + clock_h}}, format_time(ui.tr, view.now),
          {ui.fonts.huge, ui.theme.colours.header, Align::centre});
    draw_welcome(ui, Box{{body.min.x, body.min.y + clock_h}, body.max},
                 ui.tr(TextId::mode_board_welcome), ui.tr(TextId::mode_board_note));
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
