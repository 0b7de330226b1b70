#include "kiosk/ui/rating_home_screen.hpp"

#include "kiosk/ui/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void RatingHomeScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("rating_home");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    draw_welcome(ui, content_box(ui), ui.tr(TextId::mode_rating_welcome),
                 ui.tr(TextId::mode_rating_note));
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
