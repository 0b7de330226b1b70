#include "kiosk/ui/reports/reports_home_screen.hpp"

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void ReportsHomeScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("reports_home");
    draw_header(ui, view, ui.tr(TextId::mode_reports_title));
    draw_welcome(ui, content_box(ui), ui.tr(TextId::mode_reports_welcome),
                 ui.tr(TextId::mode_reports_note));
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
