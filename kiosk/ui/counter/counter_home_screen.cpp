#include "kiosk/ui/counter/counter_home_screen.hpp"

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

void CounterHomeScreen::draw(UiFrame& ui, const ShellView& view) {
    ui.a11y.set_screen("counter_home");
    draw_header(ui, view, ui.tr(TextId::mode_counter_title));
    // The officer should see at a glance which desk this console drives.
    const std::string heading =
        view.counter ? ui.tr.format(TextId::counter_number, fmt::arg("counter", *view.counter))
                     : ui.tr(TextId::mode_counter_welcome);
    draw_welcome(ui, content_box(ui), heading, ui.tr(TextId::mode_counter_note));
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
