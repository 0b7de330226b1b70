#include "kiosk/ui/ticket_home_screen.hpp"

#include "kiosk/ui/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void TicketHomeScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("ticket_home");
    draw_header(ui, view, ui.tr(TextId::mode_ticket_title));
    // The shell issues nothing yet: it greets and says so plainly rather than show a fake button.
    draw_welcome(ui, content_box(ui), ui.tr(TextId::mode_ticket_welcome),
                 ui.tr(TextId::mode_ticket_note));
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
